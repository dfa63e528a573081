"""Signing in and out, changing and resetting passwords, and young people's recovery codes."""

import re

from engage.accounts.models import User
from engage.extensions import db
from engage.mail import outbox
from engage.permissions import Role
from tests.accounts.helpers import input_value, page, without_tokens
from tests.conftest import PASSWORD
from tests.factories import make_user

SIGN_IN = "/account/sign-in"
NEW_PASSWORD = "a brand new passphrase"
GENERIC_ERROR = "The email address, username or password is wrong."


def sign_in(client, login, password=PASSWORD, **kwargs):
    return client.submit(SIGN_IN, {"login": login, "password": password}, **kwargs)


def signed_in(client) -> bool:
    """Whether the client's session is signed in (the account page needs it)."""
    return client.get("/account/").status_code == 200


# Signing in ------------------------------------------------------------------------------------


def test_sign_in_by_email_any_case(client):
    make_user(email="ruth@example.org")

    response = sign_in(client, "  Ruth@Example.ORG ")

    assert response.status_code == 302
    assert response.headers["Location"].endswith("/")
    assert "ruth@example.org" in page(client.get("/account/"))


def test_sign_in_by_username(client):
    young = make_user(Role.YOUNG_PERSON, username="Otter_fan")

    response = sign_in(client, "otter_fan")

    assert response.status_code == 302
    assert young.pseudonym in page(client.get("/account/"))


def test_wrong_password_gives_a_generic_error_and_keeps_the_login(client):
    make_user(email="ruth@example.org")

    response = sign_in(client, "ruth@example.org", "not the password")

    html = page(response)
    assert response.status_code == 400
    assert "<title>Error: Sign in" in html
    assert "There is a problem" in html
    assert GENERIC_ERROR in html
    assert input_value(html, "login") == "ruth@example.org"
    assert input_value(html, "password") == ""
    assert not signed_in(client)


def test_unknown_account_gets_the_same_error_as_a_wrong_password(client):
    make_user(email="ruth@example.org")

    wrong_password = page(sign_in(client, "ruth@example.org", "not the password"))
    unknown = page(sign_in(client, "nobody@example.org", "not the password"))

    assert GENERIC_ERROR in unknown
    normalise = lambda html: without_tokens(html).replace("nobody@", "ruth@")  # noqa: E731
    assert normalise(unknown) == normalise(wrong_password)


def test_empty_sign_in_form_explains_both_fields(client):
    html = page(client.submit(SIGN_IN, {"login": "", "password": ""}))

    assert "Enter your email address or username" in html
    assert "Enter your password" in html


def test_sign_in_follows_a_local_next_address_only(client):
    user = make_user()

    local = sign_in(client, user.email, query_string={"next": "/account/password"})
    assert local.headers["Location"].endswith("/account/password")

    other = client.application.test_client()
    away = sign_in(other, user.email, query_string={"next": "https://evil.example/"})
    assert "evil.example" not in away.headers["Location"]


def test_sign_in_post_without_csrf_token_is_rejected(client):
    user = make_user()

    response = client.post(SIGN_IN, data={"login": user.email, "password": PASSWORD})

    assert response.status_code == 400
    assert not signed_in(client)


def test_passwords_are_stored_as_argon2_hashes():
    user = make_user()

    assert user.password_hash.startswith("$argon2")
    assert PASSWORD not in user.password_hash


# Signing out -----------------------------------------------------------------------------------


def test_sign_out_by_get_is_not_allowed(login_as):
    client = login_as(make_user())

    assert client.get("/account/sign-out").status_code == 405
    assert signed_in(client)


def test_sign_out_without_csrf_token_is_rejected(login_as):
    client = login_as(make_user())

    assert client.post("/account/sign-out").status_code == 400
    assert signed_in(client)


def test_sign_out_with_csrf_token_signs_out(login_as):
    client = login_as(make_user())

    response = client.submit("/account/sign-out")

    assert response.status_code == 302
    assert not signed_in(client)


def test_signed_in_pages_show_a_sign_out_form_not_a_link(login_as):
    html = page(login_as(make_user()).get("/"))

    assert re.search(r'<form method="post" action="/account/sign-out"', html)
    assert 'href="/account/sign-out"' not in html


# Changing a password ---------------------------------------------------------------------------


def test_change_password_needs_sign_in(client):
    response = client.get("/account/password")

    assert response.status_code == 302
    assert "/account/sign-in" in response.headers["Location"]


def test_change_password_refuses_a_wrong_current_password(login_as):
    user = make_user()
    client = login_as(user)

    response = client.submit(
        "/account/password", {"current_password": "wrong one here", "password": NEW_PASSWORD}
    )

    assert response.status_code == 200
    assert "Your current password is wrong." in page(response)
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password(PASSWORD)


def test_change_password_refuses_a_short_new_password(login_as):
    client = login_as(make_user())

    response = client.submit(
        "/account/password", {"current_password": PASSWORD, "password": "short"}
    )

    assert "Your password must be at least 10 characters" in page(response)


def test_change_password_works_with_the_current_password(login_as, client):
    user = make_user()
    signed = login_as(user)

    response = signed.submit(
        "/account/password", {"current_password": PASSWORD, "password": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert sign_in(client, user.email, PASSWORD).status_code == 400
    assert sign_in(client, user.email, NEW_PASSWORD).status_code == 302


# Forgotten password (adults, by email) -----------------------------------------------------------


def reset_link_from_outbox() -> str:
    (message,) = outbox()
    return re.search(r"https?://\S+/account/reset/\S+", message.get_content()).group(0)


def test_forgot_password_emails_a_link_that_works_once(client):
    user = make_user(email="ruth@example.org")

    sent = client.submit("/account/forgot-password", {"email": "Ruth@example.org"})

    assert sent.status_code == 200
    assert "Check your email" in page(sent)
    (message,) = outbox()
    assert message["To"] == "ruth@example.org"
    path = reset_link_from_outbox().split("localhost", 1)[1]

    assert client.get(path).status_code == 200
    reset = client.submit(path, {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert reset.status_code == 302
    assert "/account/sign-in" in reset.headers["Location"]
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password(NEW_PASSWORD)

    # The same link does not work a second time.
    again = client.get(path)
    assert again.status_code == 400
    second = client.submit(path, {"password": "yet another password", "confirm": "x"})
    assert second.status_code == 400
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password(NEW_PASSWORD)
    assert sign_in(client, user.email, NEW_PASSWORD).status_code == 302


def test_reset_form_needs_matching_passwords(client):
    make_user(email="ruth@example.org")
    client.submit("/account/forgot-password", {"email": "ruth@example.org"})
    path = reset_link_from_outbox().split("localhost", 1)[1]

    response = client.submit(path, {"password": NEW_PASSWORD, "confirm": "something else"})

    assert response.status_code == 200
    assert "The passwords do not match" in page(response)


def test_tampered_reset_link_is_refused(client):
    make_user(email="ruth@example.org")
    client.submit("/account/forgot-password", {"email": "ruth@example.org"})
    path = reset_link_from_outbox().split("localhost", 1)[1]

    assert client.get(path[:-3] + "abc").status_code == 400


def test_unknown_email_sends_nothing_but_the_page_looks_the_same(client):
    make_user(email="ruth@example.org")

    known = client.submit("/account/forgot-password", {"email": "ruth@example.org"})
    outbox().clear()
    unknown = client.submit("/account/forgot-password", {"email": "nobody@example.org"})

    assert outbox() == []
    assert unknown.status_code == known.status_code == 200
    as_known = without_tokens(page(unknown)).replace("nobody@example.org", "ruth@example.org")
    assert as_known == without_tokens(page(known))


def test_young_people_have_no_email_so_forgot_password_sends_nothing(client):
    make_user(Role.YOUNG_PERSON, username="skater")

    client.submit("/account/forgot-password", {"email": "skater@example.org"})

    assert outbox() == []


# Recovery codes (young people) -----------------------------------------------------------------


def young_with_code(username="skater_1"):
    user = make_user(Role.YOUNG_PERSON, username=username)
    code = user.set_recovery_code()
    db.session.commit()
    return user, code


def recover(client, username, code, password=NEW_PASSWORD):
    return client.submit(
        "/account/recover", {"username": username, "code": code, "password": password}
    )


def test_recovery_code_resets_the_password_and_issues_a_new_code(client):
    user, code = young_with_code()

    response = recover(client, "skater_1", code.lower())

    html = page(response)
    assert response.status_code == 200
    new_code = re.search(r"\b[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}\b", html).group(0)
    assert new_code != code
    db.session.expire_all()
    user = db.session.get(User, user.id)
    assert user.check_password(NEW_PASSWORD)
    assert user.check_recovery_code(new_code)
    assert not user.check_recovery_code(code)
    assert new_code not in user.recovery_code_hash

    # The old code no longer works; the new one does.
    other = client.application.test_client()
    refused = recover(other, "skater_1", code, "another good password")
    assert refused.status_code == 200
    assert "That username and recovery code do not match." in page(refused)
    assert recover(other, "skater_1", new_code, "another good password").status_code == 200
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password("another good password")


def test_wrong_recovery_code_changes_nothing(client):
    user, _code = young_with_code()

    response = recover(client, "skater_1", "0000-0000-0000")

    assert "That username and recovery code do not match." in page(response)
    assert input_value(page(response), "username") == "skater_1"
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password(PASSWORD)


def test_adults_cannot_use_the_recovery_form(client):
    adult = make_user(email="ruth@example.org")
    adult.recovery_code_hash = None
    db.session.commit()

    response = recover(client, "ruth@example.org", "0000-0000-0000")

    assert "That username and recovery code do not match." in page(response)
