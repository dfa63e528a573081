"""Staff second factor: enrolment forced, codes checked once, recovery codes used once."""

import re

import pyotp
import pytest
from sqlalchemy import select

from engage.accounts import sessions
from engage.accounts.models import MfaRecoveryCode, User
from engage.extensions import db
from engage.permissions import Role
from tests.accounts.helpers import rate_limited_app
from tests.conftest import PASSWORD, TOTP_SECRET, totp_code
from tests.factories import make_user

SIGN_IN = "/account/sign-in"
CODE_STEP = "/account/two-factor"
SET_UP = "/account/two-factor/set-up"


def password_step(client, user):
    return client.submit(SIGN_IN, {"login": user.email, "password": PASSWORD})


def signed_in(client) -> bool:
    return client.get("/account/").status_code == 200


def _user(user) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


def enrol(client, user) -> list[str]:
    """Go through enrolment as a new staff member would; returns the recovery codes shown."""
    page = client.get(SET_UP).get_data(as_text=True)
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', page).group(1)
    response = client.submit(SET_UP, {"code": totp_code(secret.replace(" ", ""))})
    assert response.status_code == 200, response.get_data(as_text=True)[:400]
    return re.findall(r'<code class="engage-code">([0-9A-F]{5}-[0-9A-F]{5})</code>', response.text)


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.SAFEGUARDING_LEAD, Role.OFFICER, Role.ADMIN])
def test_every_staff_role_is_sent_to_enrolment_and_can_reach_nothing_else(client, role):
    staff = make_user(role, mfa=False)

    response = password_step(client, staff)

    assert response.location.endswith(SET_UP)
    assert not signed_in(client)
    assert client.get("/manage/proposals").status_code in (302, 403)
    assert client.get("/manage/moderation").status_code in (302, 403, 404)
    page = client.get(SET_UP).get_data(as_text=True)
    assert 'src="data:image/svg+xml' in page  # QR drawn here, no third-party request
    assert "<script" not in page.split("</main>")[0].split("<main")[1]
    assert re.search(r'data-testid="totp-secret">[A-Z2-7 ]{20,}<', page)


def test_enrolment_confirmed_by_a_code_signs_in_and_shows_ten_recovery_codes(client):
    staff = make_user(Role.OFFICER, mfa=False)
    password_step(client, staff)

    codes = enrol(client, staff)

    assert len(codes) == 10 and len(set(codes)) == 10
    assert signed_in(client)
    assert client.get("/manage/proposals").status_code == 200
    stored = db.session.scalars(select(MfaRecoveryCode.code_hash)).all()
    assert len(stored) == 10
    assert not any(code.replace("-", "") in h.upper() for code in codes for h in stored)
    assert _user(staff).has_mfa


def test_a_wrong_enrolment_code_is_refused(client):
    staff = make_user(Role.OFFICER, mfa=False)
    password_step(client, staff)
    client.get(SET_UP)

    response = client.submit(SET_UP, {"code": "000000"})

    assert response.status_code == 400
    assert "That code is wrong" in response.text
    assert not signed_in(client)
    assert not _user(staff).has_mfa


def test_an_enrolled_staff_member_is_asked_for_a_code(client):
    staff = make_user(Role.ADMIN)

    response = password_step(client, staff)

    assert response.location.endswith(CODE_STEP)
    assert not signed_in(client)
    response = client.submit(CODE_STEP, {"code": totp_code(TOTP_SECRET)})
    assert response.status_code == 302
    assert signed_in(client)


def test_a_wrong_code_is_refused(client):
    staff = make_user(Role.ADMIN)
    password_step(client, staff)

    response = client.submit(CODE_STEP, {"code": "123456"})

    assert response.status_code == 400
    assert "The code is wrong or has already been used" in response.text
    assert not signed_in(client)


def test_a_code_already_used_is_refused_within_its_window(app, client):
    staff = make_user(Role.OFFICER)
    first = app.test_client()
    password_step(first, staff)
    code = totp_code(TOTP_SECRET)
    assert first.submit(CODE_STEP, {"code": code}).status_code == 302

    password_step(client, staff)
    response = client.submit(CODE_STEP, {"code": code})

    assert response.status_code == 400
    assert not signed_in(client)


def test_the_next_code_is_accepted_after_the_first(app, client, monkeypatch):
    staff = make_user(Role.OFFICER)
    password_step(client, staff)
    assert client.submit(CODE_STEP, {"code": totp_code(TOTP_SECRET)}).status_code == 302
    # Thirty seconds later the phone shows the next code.
    later = sessions.now_seconds() + 30
    monkeypatch.setattr(sessions, "now_seconds", lambda: later)
    again = app.test_client()
    password_step(again, staff)
    code = pyotp.TOTP(TOTP_SECRET).generate_otp(later // 30)
    assert again.submit(CODE_STEP, {"code": code}).status_code == 302


def test_a_recovery_code_works_once_only(app, client):
    staff = make_user(Role.OFFICER, mfa=False)
    password_step(client, staff)
    codes = enrol(client, staff)

    first = app.test_client()
    password_step(first, staff)
    assert first.submit(CODE_STEP, {"code": codes[0].lower()}).status_code == 302
    assert signed_in(first)

    second = app.test_client()
    password_step(second, staff)
    response = second.submit(CODE_STEP, {"code": codes[0]})
    assert response.status_code == 400
    assert not signed_in(second)
    assert second.submit(CODE_STEP, {"code": codes[1]}).status_code == 302


def test_five_wrong_codes_send_the_person_back_to_the_password(client):
    staff = make_user(Role.OFFICER)
    password_step(client, staff)
    for _attempt in range(4):
        assert client.submit(CODE_STEP, {"code": "000000"}).status_code == 400

    response = client.submit(CODE_STEP, {"code": "000000"})

    assert response.location.endswith(SIGN_IN)
    response = client.submit(CODE_STEP, {"code": totp_code(TOTP_SECRET)})
    assert response.location.endswith(SIGN_IN)
    assert not signed_in(client)


def test_the_code_step_is_rate_limited_like_sign_in(app):
    staff = make_user(Role.OFFICER)

    with rate_limited_app(app, LOGIN_RATE_LIMIT="3 per minute") as limited:
        client = limited.test_client()
        password_step(client, staff)
        for _attempt in range(3):
            assert client.submit(CODE_STEP, {"code": "000000"}).status_code == 400
        blocked = client.submit(CODE_STEP, {"code": totp_code(TOTP_SECRET)})

        assert blocked.status_code == 429


def test_the_code_step_needs_the_password_first(client):
    make_user(Role.OFFICER)

    response = client.submit(CODE_STEP, {"code": totp_code(TOTP_SECRET)})

    assert response.location.endswith(SIGN_IN)
    assert not signed_in(client)


def test_a_staff_session_without_a_factor_is_not_signed_in(login_as):
    staff = make_user(Role.OFFICER)
    client = login_as(staff)
    assert signed_in(client)
    user = _user(staff)
    user.mfa_enrolled_at = None
    db.session.commit()

    assert not signed_in(client)


def test_the_account_page_shows_how_many_recovery_codes_are_left(client):
    staff = make_user(Role.OFFICER, mfa=False)
    password_step(client, staff)
    enrol(client, staff)

    assert "You have 10 unused recovery codes." in client.get("/account/").text
