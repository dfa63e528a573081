"""Sanctions: suspend for a period or ban, with a reason; suspended people read but cannot post."""

from datetime import timedelta

from engage.accounts.models import User
from engage.clock import utcnow
from engage.extensions import db
from engage.moderation.models import Action
from engage.permissions import Role
from tests.factories import make_proposal, make_user
from tests.moderation.helpers import events, moderator, notifications_of


def _user(person):
    db.session.expire_all()
    return db.session.get(User, person.id)


def test_suspend_for_days_with_a_reason_then_read_but_not_post(login_as):
    person = make_user(Role.YOUNG_PERSON)
    mod = login_as(moderator())
    response = mod.submit(
        f"/manage/people/{person.id}/suspend",
        {"suspend_days": "7", "suspend_reason": "abusive", "suspend_note": "Name-calling"},
    )
    assert response.status_code == 302
    until = _user(person).suspended_until
    assert timedelta(days=6, hours=23) < until - utcnow() <= timedelta(days=7)
    (event,) = events(action=Action.SUSPEND)
    assert (event.reason, event.note, event.to_status) == ("abusive", "Name-calling", "suspended")
    assert [n.kind for n in notifications_of(person)] == ["suspended"]
    proposal = make_proposal()
    client = login_as(person)
    assert client.get(f"/proposals/{proposal.id}").status_code == 200
    response = client.submit(f"/proposals/{proposal.id}/comments", {"body": "Hello"})
    assert response.status_code == 403
    page = client.get("/notifications").get_data(as_text=True)
    assert "You cannot post until" in page and "It is abusive or unkind" in page


def test_ban_with_a_reason(login_as):
    person = make_user()
    response = login_as(moderator()).submit(
        f"/manage/people/{person.id}/ban", {"ban_reason": "spam"}
    )
    assert response.status_code == 302
    assert _user(person).banned and _user(person).is_blocked
    assert events(action=Action.BAN)[0].reason == "spam"


def test_suspension_needs_a_sensible_number_of_days_and_a_reason(login_as):
    person = make_user()
    client = login_as(moderator())
    for days in ("0", "366", "seven", ""):
        response = client.submit(
            f"/manage/people/{person.id}/suspend",
            {"suspend_days": days, "suspend_reason": "abusive"},
        )
        assert response.status_code == 400
    response = client.submit(
        f"/manage/people/{person.id}/suspend", {"suspend_days": "3", "suspend_reason": "nope"}
    )
    assert response.status_code == 400
    assert not _user(person).is_blocked


def test_staff_and_oneself_cannot_be_sanctioned_by_moderators(login_as):
    mod = moderator()
    client = login_as(mod)
    for target in (make_user(Role.OFFICER), make_user(Role.ADMIN), mod):
        response = client.submit(f"/manage/people/{target.id}/ban", {"ban_reason": "spam"})
        assert response.status_code == 403
        assert not _user(target).banned


def test_lifting_when_there_is_nothing_to_lift_is_refused(login_as):
    person = make_user()
    response = login_as(moderator()).submit(f"/manage/people/{person.id}/lift", {})
    assert response.status_code == 400
    assert "not suspended or banned" in response.get_data(as_text=True)


def test_person_page_shows_history(login_as):
    person = make_user()
    client = login_as(moderator())
    client.submit(f"/manage/people/{person.id}/ban", {"ban_reason": "spam", "ban_note": "bot"})
    page = client.get(f"/manage/people/{person.id}").get_data(as_text=True)
    assert "Banned" in page and "bot" in page and "Lift the suspension or ban" in page
