"""Staff management at /manage/staff: invitations, roles, suspension, deactivation, resets."""

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from engage.accounts.models import AccessState, User
from engage.clock import utcnow
from engage.extensions import db
from engage.mail import outbox
from engage.permissions import Role
from engage.staff.models import StaffAction, StaffEvent, StaffInvite
from tests.conftest import PASSWORD, TOTP_SECRET, totp_code
from tests.factories import make_user

NEW_PASSWORD = "a brand new passphrase"


def signed_in(client) -> bool:
    return client.get("/account/").status_code == 200


def _user(user) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


def events(action: StaffAction) -> list[StaffEvent]:
    db.session.expire_all()
    return list(db.session.scalars(select(StaffEvent).where(StaffEvent.action == action)))


def invite(admin_client, email="new.officer@luton.example", role="officer"):
    response = admin_client.submit(
        "/manage/staff/invite", {"email": email, "role": role, "reason": "New starter"}
    )
    assert response.status_code == 302, response.text[:500]
    (message,) = outbox()[-1:]
    link = re.search(r"https?://\S+/staff/join/\S+", message.get_content()).group(0)
    return link.split("localhost", 1)[-1] if "localhost" in link else link


@pytest.mark.parametrize(
    "role", [Role.RESIDENT, Role.YOUNG_PERSON, Role.MODERATOR, Role.SAFEGUARDING_LEAD, Role.OFFICER]
)
def test_only_administrators_may_manage_staff(login_as, role):
    client = login_as(make_user(role))
    target = make_user(Role.OFFICER)

    assert client.get("/manage/staff").status_code == 403
    assert client.get("/manage/staff/invite").status_code == 403
    response = client.submit(
        f"/manage/staff/{target.id}", {"action": "suspend", "reason": "Because"}
    )
    assert response.status_code == 403
    assert _user(target).access == AccessState.ACTIVE


def test_the_staff_list_shows_every_staff_account(login_as):
    admin = make_user(Role.ADMIN, display_name="Ada Admin")
    make_user(Role.MODERATOR, display_name="Mo Moderator")
    make_user(display_name="Rita Resident")

    page = login_as(admin).get("/manage/staff").text

    assert "Ada Admin" in page and "Mo Moderator" in page
    assert "Rita Resident" not in page


def test_an_invitation_makes_a_staff_account_once_then_enrolment(app, login_as, client):
    admin = make_user(Role.ADMIN)
    link = invite(login_as(admin))
    (stored,) = db.session.scalars(select(StaffInvite)).all()
    assert link.rsplit("/", 1)[-1] not in stored.token_hash  # only a hash is kept
    (event,) = events(StaffAction.INVITED)
    assert (event.actor_id, event.reason) == (admin.id, "New starter")

    page = client.get(link)
    assert page.status_code == 200
    response = client.submit(
        link, {"display_name": "Olu", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD}
    )

    assert response.location.endswith("/account/two-factor/set-up")
    joined = db.session.scalar(select(User).where(User.email == "new.officer@luton.example"))
    assert joined.role == Role.OFFICER and not joined.has_mfa
    assert not signed_in(client)
    # The link works once only.
    again = app.test_client()
    assert again.get(link).status_code == 400
    reused = again.submit(link, {"display_name": "X", "password": "x" * 12, "confirm": "x" * 12})
    assert reused.status_code == 400
    assert "This invitation link does not work" in reused.text


def test_an_invitation_link_expires(login_as, client):
    link = invite(login_as(make_user(Role.ADMIN)))
    stored = db.session.scalars(select(StaffInvite)).one()
    stored.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()

    response = client.get(link)

    assert response.status_code == 400
    assert "This invitation link does not work" in response.text


def test_an_invitation_needs_a_staff_role_and_a_reason(login_as):
    client = login_as(make_user(Role.ADMIN))

    response = client.submit(
        "/manage/staff/invite", {"email": "x@luton.example", "role": "resident", "reason": ""}
    )

    assert response.status_code == 400
    assert 'value="x@luton.example"' in response.text
    assert db.session.scalars(select(StaffInvite)).all() == []


def test_suspended_staff_are_signed_out_and_cannot_sign_in_until_reinstated(login_as, app):
    officer = make_user(Role.OFFICER)
    phone = login_as(officer)
    admin = login_as(make_user(Role.ADMIN))

    response = admin.submit(
        f"/manage/staff/{officer.id}", {"action": "suspend", "reason": "Under investigation"}
    )

    assert response.status_code == 302
    assert not signed_in(phone)
    client = app.test_client()
    refused = client.submit("/account/sign-in", {"login": officer.email, "password": PASSWORD})
    assert refused.status_code == 400 and "This account cannot sign in" in refused.text
    (event,) = events(StaffAction.SUSPENDED)
    assert (event.target_id, event.reason) == (officer.id, "Under investigation")

    admin.submit(f"/manage/staff/{officer.id}", {"action": "reinstate", "reason": "Cleared"})
    assert signed_in(login_as(officer))


def test_deactivated_staff_are_signed_out_for_good(login_as, app):
    officer = make_user(Role.OFFICER)
    phone = login_as(officer)
    admin = login_as(make_user(Role.ADMIN))

    admin.submit(f"/manage/staff/{officer.id}", {"action": "deactivate", "reason": "Left"})

    assert not signed_in(phone)
    client = app.test_client()
    response = client.submit("/account/sign-in", {"login": officer.email, "password": PASSWORD})
    assert "This account cannot sign in" in response.text
    assert _user(officer).access == AccessState.DEACTIVATED
    again = admin.submit(f"/manage/staff/{officer.id}", {"action": "reinstate", "reason": "Oops"})
    assert again.status_code == 400


def test_an_administrator_resets_a_colleagues_second_factor_and_it_is_recorded(login_as, app):
    officer = make_user(Role.OFFICER)
    phone = login_as(officer)
    admin_user = make_user(Role.ADMIN)
    admin = login_as(admin_user)

    response = admin.submit(
        f"/manage/staff/{officer.id}", {"action": "reset_mfa", "reason": "Lost phone"}
    )

    assert response.status_code == 302
    assert not signed_in(phone)
    assert not _user(officer).has_mfa
    (event,) = events(StaffAction.MFA_RESET)
    assert (event.actor_id, event.target_id, event.reason) == (
        admin_user.id,
        officer.id,
        "Lost phone",
    )
    assert event.created_at > utcnow() - timedelta(minutes=1)
    page = admin.get(f"/manage/staff/{officer.id}").text
    assert "Two-step sign-in reset" in page and "Lost phone" in page
    # At the next sign-in they must set it up again.
    client = app.test_client()
    response = client.submit("/account/sign-in", {"login": officer.email, "password": PASSWORD})
    assert response.location.endswith("/account/two-factor/set-up")


def test_an_action_needs_a_reason_and_keeps_what_was_chosen(login_as):
    officer = make_user(Role.OFFICER)
    admin = login_as(make_user(Role.ADMIN))

    response = admin.submit(f"/manage/staff/{officer.id}", {"action": "suspend", "reason": ""})

    assert response.status_code == 400
    assert "Say why" in response.text
    assert _user(officer).access == AccessState.ACTIVE


def test_an_administrator_cannot_act_on_their_own_account(login_as):
    admin_user = make_user(Role.ADMIN)
    admin = login_as(admin_user)

    response = admin.submit(
        f"/manage/staff/{admin_user.id}", {"action": "suspend", "reason": "Testing"}
    )

    assert response.status_code == 400
    assert _user(admin_user).access == AccessState.ACTIVE


def test_the_code_step_after_joining_completes_sign_in(login_as, client):
    link = invite(login_as(make_user(Role.ADMIN)), role="moderator")
    client.submit(link, {"display_name": "Mo", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    page = client.get("/account/two-factor/set-up").text
    secret = re.search(r'data-testid="totp-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    assert secret != TOTP_SECRET

    response = client.submit("/account/two-factor/set-up", {"code": totp_code(secret)})

    assert response.status_code == 200
    assert signed_in(client)
    assert client.get("/manage/moderation").status_code != 401
