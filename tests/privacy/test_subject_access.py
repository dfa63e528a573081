"""Subject access: the "your data" download and the staff tool hold everything about the person,
and nothing about other people or safeguarding handling."""

import json

import sqlalchemy as sa

from engage.extensions import db
from engage.moderation import service as moderation
from engage.moderation.models import Notification
from engage.permissions import Role
from engage.privacy.models import SubjectAccessLog
from tests.factories import make_comment, make_proposal, make_user, make_vote
from tests.moderation.helpers import RISK_TEXT, held_comment, item_url, moderator


def _person_with_a_history(login_as, role=Role.RESIDENT):
    """A person who wrote, voted, reported, appealed, was suspended and was reported."""
    person = make_user(role, display_name="Ottoline Marsh")
    proposal = make_proposal()
    mod = moderator(email="mod.name@luton.example")
    mine = make_comment(proposal=proposal, author=person, body="Fennel paths please")
    make_vote(proposal, person)
    others = make_comment(proposal=proposal, author=make_user(), body="Someone else")
    client = login_as(person)
    client.submit(f"/comments/{others.id}/report", {"reason": "spam", "note": "Looks like spam"})
    reader = make_user(email="reader.person@example.org")
    login_as(reader).submit(
        f"/comments/{mine.id}/report", {"reason": "abusive", "note": "Reader's private words"}
    )
    comment, _case = held_comment("Please fix the swings, text 07700 900123", author=person)
    login_as(mod).submit(item_url(comment, "reject"), {"reject_reason": "off_topic"})
    db.session.expire_all()
    notice = db.session.scalar(
        sa.select(Notification).where(
            Notification.user_id == person.id, Notification.kind == "rejected"
        )
    )
    client.submit(f"/notifications/{notice.id}/appeal", {"note": "Appeal words of mine"})
    risky, case = held_comment(RISK_TEXT, author=person)
    lead = make_user(Role.SAFEGUARDING_LEAD)
    moderation.handle_item(lead, case, "Referred to the school's DSL, Mrs Example")
    moderation.suspend_user(
        db.session.get(type(mod), mod.id), person, 3, "abusive", "Warned for name-calling"
    )
    db.session.commit()
    # A sanction ends the person's sessions; they sign in again to ask for their data.
    return person, login_as(person)


def test_your_data_download_holds_everything_about_the_person(login_as):
    person, client = _person_with_a_history(login_as)
    response = client.get("/me/contributions.json")
    data = json.loads(response.get_data(as_text=True))
    text = json.dumps(data)
    assert data["account"]["others_see_you_as"] == "Ottoline Marsh"
    assert [c["text"] for c in data["comments"] if c["text"] == "Fennel paths please"]
    assert len(data["votes"]) == 1
    assert data["reports_you_made"][0]["note"] == "Looks like spam"
    assert data["appeals"][0]["note"] == "Appeal words of mine"
    (sanction,) = data["sanctions_and_notes_about_you"]
    assert sanction["note"] == "Warned for name-calling" and sanction["by"] == "moderator"
    assert {n["kind"] for n in data["notices_to_you"]} >= {"rejected", "suspended"}
    actions = {e["action"] for e in data["moderation_record_about_you_and_your_words"]}
    assert {"hold", "reject", "appeal", "report", "handle"} <= actions
    # Not other people's data, and not the safeguarding lead's handling notes.
    for secret in ("Reader's private words", "reader.person", "mod.name", "Mrs Example"):
        assert secret not in text, secret
    assert "[withheld: safeguarding]" in text


def test_admin_compiles_the_same_by_email_and_the_request_is_logged(login_as):
    person, own = _person_with_a_history(login_as)
    admin = make_user(Role.ADMIN)
    staff = login_as(admin)
    assert staff.get("/manage/subject-access").status_code == 200
    response = staff.submit(
        "/manage/subject-access", {"who": person.email.upper(), "reference": "SAR-2026-17"}
    )
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert "attachment" in response.headers["Content-Disposition"]
    compiled = json.loads(response.get_data(as_text=True))
    mine = json.loads(own.get("/me/contributions.json").get_data(as_text=True))
    for key in ("account", "comments", "reports_you_made", "appeals", "notices_to_you"):
        assert compiled[key] == mine[key], key
    db.session.expire_all()
    (entry,) = db.session.scalars(sa.select(SubjectAccessLog)).all()
    assert (entry.staff_id, entry.subject_user_id, entry.found, entry.reference) == (
        admin.id,
        person.id,
        True,
        "SAR-2026-17",
    )
    page = staff.get("/manage/subject-access").get_data(as_text=True)
    assert "SAR-2026-17" in page


def test_a_young_person_is_found_by_username(login_as):
    young = make_user(Role.YOUNG_PERSON, username="kite_flyer_12")
    response = login_as(make_user(Role.ADMIN)).submit(
        "/manage/subject-access", {"who": "kite_flyer_12"}
    )
    assert json.loads(response.get_data(as_text=True))["account"]["account_number"] == young.id


def test_an_unknown_person_is_a_clear_error_that_keeps_what_was_typed_and_is_logged(login_as):
    response = login_as(make_user(Role.ADMIN)).submit(
        "/manage/subject-access", {"who": "nobody@example.org", "reference": "SAR-9"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "No account has that email address or username" in page
    assert 'value="nobody@example.org"' in page
    db.session.expire_all()
    assert db.session.scalar(sa.select(SubjectAccessLog.found)) is False


def test_only_administrators_may_compile_requests(login_as, client):
    for role in (Role.OFFICER, Role.MODERATOR, Role.SAFEGUARDING_LEAD, Role.RESIDENT):
        assert login_as(make_user(role)).get("/manage/subject-access").status_code == 403
    assert client.get("/manage/subject-access").status_code in (302, 401)
