"""Password reset links: a random single-use secret, stored only as its sha256, for one hour."""

import hashlib
import re
from datetime import timedelta

from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import select

from engage.accounts.models import AccountToken, TokenPurpose, User
from engage.extensions import db
from engage.mail import outbox
from tests.conftest import PASSWORD
from tests.factories import make_user

NEW = "kestrel lantern quietly orbits"


def _ask(client, email="ruth@example.org"):
    client.submit("/account/forgot-password", {"email": email})
    url = re.search(r"https?://\S+/account/reset/\S+", outbox()[-1].get_content()).group(0)
    return url


def _path(url: str) -> str:
    return "/account/reset/" + url.rsplit("/account/reset/", 1)[1]


def test_the_old_signed_token_format_is_no_longer_accepted(client, app):
    user = make_user(email="ruth@example.org")
    # What reset links used to carry: the user id and the tail of the password hash, signed.
    old = URLSafeTimedSerializer(app.config["SECRET_KEY"], salt="password-reset").dumps(
        {"id": user.id, "h": user.password_hash[-16:]}
    )

    assert client.get(f"/account/reset/{old}").status_code == 400
    response = client.submit(f"/account/reset/{old}", {"password": NEW, "confirm": NEW})
    assert response.status_code == 400
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password(PASSWORD)


def test_only_the_hash_of_the_secret_is_stored_with_an_hour_to_live(client):
    make_user(email="ruth@example.org")
    secret = _path(_ask(client)).rsplit("/", 1)[1]

    token = db.session.scalar(select(AccountToken))
    assert token.purpose == TokenPurpose.RESET_PASSWORD
    assert token.token_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in token.token_hash
    assert token.expires_at - token.created_at == timedelta(hours=1)
    assert len(secret) >= 40


def test_a_reset_link_works_once(client):
    user = make_user(email="ruth@example.org")
    path = _path(_ask(client))

    assert client.submit(path, {"password": NEW, "confirm": NEW}).status_code == 302
    again = client.submit(path, {"password": "another fine passphrase", "confirm": "x"})
    assert again.status_code == 400
    db.session.expire_all()
    assert db.session.get(User, user.id).check_password(NEW)
    assert db.session.scalar(select(AccountToken)) is None


def test_an_expired_reset_link_is_refused(client):
    make_user(email="ruth@example.org")
    path = _path(_ask(client))
    token = db.session.scalar(select(AccountToken))
    token.expires_at = token.created_at - timedelta(seconds=1)
    db.session.commit()

    assert client.get(path).status_code == 400


def test_a_new_request_replaces_the_earlier_link(client):
    make_user(email="ruth@example.org")
    first = _path(_ask(client))
    second = _path(_ask(client))

    assert client.get(first).status_code == 400
    assert client.get(second).status_code == 200


def test_changing_the_password_cancels_an_outstanding_link(client, login_as):
    user = make_user(email="ruth@example.org")
    path = _path(_ask(client))

    login_as(user).submit("/account/password", {"current_password": PASSWORD, "password": NEW})

    assert client.get(path).status_code == 400


def test_the_link_is_built_from_base_url_not_the_request_host(client, app):
    make_user(email="ruth@example.org")
    app.config["BASE_URL"] = "https://engage.luton.example"
    try:
        client.submit("/account/forgot-password", {"email": "ruth@example.org"})
    finally:
        app.config["BASE_URL"] = ""
    body = outbox()[-1].get_content()
    assert "https://engage.luton.example/account/reset/" in body
    assert "localhost" not in body


def test_a_reset_emails_the_person_that_their_password_changed(client):
    make_user(email="ruth@example.org")
    path = _path(_ask(client))

    client.submit(path, {"password": NEW, "confirm": NEW})

    notice = outbox()[-1]
    assert notice["To"] == "ruth@example.org"
    assert "has just been changed" in notice.get_content()
