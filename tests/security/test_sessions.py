"""Sessions end when they should: at sign-out, on every device after a change, when idle or old."""

import pytest
from flask import url_for

from engage import create_app
from engage.accounts import tokens
from engage.accounts.models import TokenPurpose, User
from engage.extensions import db
from engage.permissions import Role
from tests.conftest import CSRF_RE, PASSWORD, Client, login
from tests.factories import make_user

NEW_PASSWORD = "a brand new passphrase"


def signed_in(client) -> bool:
    """Whether the client's session is signed in (the account page needs it)."""
    return client.get("/account/").status_code == 200


def copy_of(app, client) -> Client:
    """A second client holding a copy of this client's session cookie (another device, a thief)."""
    other = app.test_client()
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"])
    other.set_cookie(cookie.key, cookie.value, domain=cookie.domain, path=cookie.path)
    return other


def _user(user) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


def test_a_cookie_copied_before_sign_out_is_refused_after_it(app, login_as):
    person = make_user()
    client = login_as(person)
    stolen = copy_of(app, client)
    assert signed_in(stolen)

    client.submit("/account/sign-out")

    assert not signed_in(client)
    assert not signed_in(stolen)


def test_sign_out_everywhere_ends_the_other_devices(login_as):
    person = make_user()
    laptop, phone = login_as(person), login_as(person)
    assert "Sign out everywhere" in laptop.get("/account/").get_data(as_text=True)

    response = laptop.submit("/account/sign-out-everywhere")

    assert response.status_code == 302
    assert not signed_in(laptop)
    assert not signed_in(phone)


def test_deleting_the_account_signs_out_the_second_device(login_as):
    person = make_user()
    laptop, phone = login_as(person), login_as(person)

    laptop.submit(url_for("me.delete_account"))

    assert not signed_in(phone)


def test_changing_the_password_signs_out_other_devices_but_not_this_one(login_as):
    person = make_user()
    laptop, phone = login_as(person), login_as(person)

    response = laptop.submit(
        "/account/password", {"current_password": PASSWORD, "password": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert signed_in(laptop)
    assert not signed_in(phone)


def test_a_password_reset_signs_out_every_device(login_as, client):
    person = make_user()
    phone = login_as(person)
    token = tokens.issue_token(person, TokenPurpose.RESET_PASSWORD)
    db.session.commit()

    response = client.submit(
        f"/account/reset/{token}", {"password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    )

    assert response.status_code == 302
    assert not signed_in(phone)


def test_a_recovery_code_reset_signs_out_the_other_devices(login_as, client):
    person = make_user(Role.YOUNG_PERSON)
    code = person.set_recovery_code()
    db.session.commit()
    phone = login_as(person)

    response = client.submit(
        "/account/recover",
        {"username": person.username, "code": code, "password": NEW_PASSWORD},
    )

    assert response.status_code == 200
    assert signed_in(client)
    assert not signed_in(phone)


def test_a_sanction_signs_the_person_out(login_as):
    person = make_user()
    phone = login_as(person)
    moderator = login_as(make_user(Role.MODERATOR))

    moderator.submit(f"/manage/people/{person.id}/ban", {"ban_reason": "spam"})

    assert not signed_in(phone)


def test_a_suspension_signs_the_person_out(login_as):
    person = make_user()
    phone = login_as(person)
    moderator = login_as(make_user(Role.MODERATOR))

    moderator.submit(
        f"/manage/people/{person.id}/suspend", {"suspend_days": "3", "suspend_reason": "spam"}
    )

    assert not signed_in(phone)


def test_a_role_change_signs_the_person_out(login_as):
    officer = make_user(Role.OFFICER)
    phone = login_as(officer)
    admin = login_as(make_user(Role.ADMIN))

    response = admin.submit(
        f"/manage/staff/{officer.id}",
        {"action": "role", "role": "moderator", "reason": "Joined the moderation team"},
    )

    assert response.status_code == 302
    assert _user(officer).role == Role.MODERATOR
    assert not signed_in(phone)


def test_an_old_session_without_a_generation_is_refused(app, login_as):
    person = make_user()
    client = login_as(person)
    with client.session_transaction() as sess:
        sess["_user_id"] = str(person.id)  # how sessions looked before generations

    assert not signed_in(client)


# Timeouts ---------------------------------------------------------------------------------------


def _age(client, *, seen: int = 0, signed_in_ago: int = 0) -> None:
    """Pretend the last request was `seen` seconds ago and sign-in `signed_in_ago` seconds ago."""
    with client.session_transaction() as sess:
        sess["seen_at"] = int(sess["seen_at"]) - seen
        sess["auth_at"] = int(sess["auth_at"]) - signed_in_ago


def test_a_resident_is_signed_out_after_the_idle_time(app, login_as):
    client = login_as(make_user())
    idle = app.config["SESSION_IDLE_MINUTES"] * 60

    _age(client, seen=idle - 60, signed_in_ago=idle - 60)
    assert signed_in(client)
    _age(client, seen=idle + 60)
    assert not signed_in(client)


def test_staff_are_signed_out_after_thirty_idle_minutes(app, login_as):
    client = login_as(make_user(Role.OFFICER))
    assert app.config["STAFF_SESSION_IDLE_MINUTES"] == 30

    _age(client, seen=31 * 60, signed_in_ago=31 * 60)

    assert not signed_in(client)
    # A resident idle as long is still signed in.
    resident = login_as(make_user())
    _age(resident, seen=31 * 60, signed_in_ago=31 * 60)
    assert signed_in(resident)


def test_a_busy_session_still_ends_at_its_absolute_lifetime(app, login_as):
    client = login_as(make_user())
    lifetime = app.config["SESSION_MAX_HOURS"] * 3600

    _age(client, signed_in_ago=lifetime - 60)
    assert signed_in(client)
    _age(client, signed_in_ago=120)
    assert not signed_in(client)


def test_an_idle_request_moves_the_idle_clock_on(app, login_as):
    client = login_as(make_user())
    with client.session_transaction() as sess:
        before = sess["seen_at"]
    _age(client, seen=300)
    client.get("/account/")
    with client.session_transaction() as sess:
        assert sess["seen_at"] >= before


# Cookies over HTTPS -----------------------------------------------------------------------------


@pytest.fixture
def https_app(app):
    """The same database, served over HTTPS as production is."""
    secure = create_app(
        {
            **{k: app.config[k] for k in ("SQLALCHEMY_DATABASE_URI", "SECRET_KEY", "MAIL_BACKEND")},
            "TESTING": True,
            "SQLALCHEMY_ENGINE_OPTIONS": {},
            "RATELIMIT_ENABLED": False,
            "SESSION_COOKIE_SECURE": True,
            "SERVER_NAME": "localhost",
            "PREFERRED_URL_SCHEME": "https",
        }
    )
    secure.test_client_class = Client
    yield secure
    with secure.app_context():
        db.engine.dispose()


def test_over_https_the_session_cookie_is_secure_and_host_only(https_app):
    person = make_user()
    client = https_app.test_client()
    with https_app.app_context():
        form = client.get("/account/sign-in", base_url="https://localhost").get_data(as_text=True)
        token = CSRF_RE.search(form).group(1)
        response = client.post(
            "/account/sign-in",
            data={"login": person.email, "password": PASSWORD, "csrf_token": token},
            base_url="https://localhost",
            headers={"Referer": "https://localhost/account/sign-in"},
        )
    assert response.status_code == 302
    cookies = response.headers.getlist("Set-Cookie")
    session_cookie = next(c for c in cookies if c.startswith("__Host-session="))
    assert "Secure" in session_cookie
    assert "Path=/" in session_cookie
    assert "Domain" not in session_cookie


def test_over_plain_http_in_development_the_cookie_keeps_its_plain_name(app, client):
    person = make_user()
    login(client, person)
    assert app.config["SESSION_COOKIE_NAME"] == "session"
    assert client.get_cookie("session") is not None


def test_no_remember_me_cookie_outlives_the_session(app, client):
    person = make_user()
    response = client.submit("/account/sign-in", {"login": person.email, "password": PASSWORD})

    cookies = response.headers.getlist("Set-Cookie")
    assert not any(
        c.startswith(app.config.get("REMEMBER_COOKIE_NAME", "remember_token")) for c in cookies
    )
    # The session cookie itself ends with the browser (no Expires), besides the server's limits.
    session_cookie = next(c for c in cookies if c.startswith("session="))
    assert "Expires" not in session_cookie


def test_a_new_secret_key_ends_sessions_unless_the_old_one_is_a_fallback(app, login_as):
    client = login_as(make_user())
    assert signed_in(client)
    old = app.config["SECRET_KEY"]
    try:
        # The serializer is kept between requests, but never past a change of keys.
        app.config["SECRET_KEY_FALLBACKS"] = [old]
        app.config["SECRET_KEY"] = "a-new-key-" + "x" * 40
        assert signed_in(client)
        app.config["SECRET_KEY_FALLBACKS"] = []
        assert not signed_in(client)
    finally:
        app.config["SECRET_KEY"] = old
        app.config["SECRET_KEY_FALLBACKS"] = []


# Form secrets across signing in and out ---------------------------------------------------------


def test_the_first_page_after_signing_in_sends_no_new_session_cookie(app, login_as):
    client = login_as(make_user())
    page = client.get("/account/")
    assert page.status_code == 200
    assert not [c for c in page.headers.getlist("Set-Cookie") if c.startswith("session=")]


def test_a_session_that_ends_mid_request_gets_a_token_of_its_new_session(app, login_as):
    client = login_as(make_user())
    assert signed_in(client)
    _age(client, seen=app.config["SESSION_IDLE_MINUTES"] * 60 + 60)
    page = client.get("/account/sign-in")  # signed out by this request, then shown the form
    token = CSRF_RE.search(page.get_data(as_text=True)).group(1)
    again = client.post(
        "/account/sign-in",
        data={"login": "nobody@example.org", "password": "x", "csrf_token": token},
    )
    # The form's own error, with what was typed kept: not the refused-token page.
    assert 'value="nobody@example.org"' in again.get_data(as_text=True)
