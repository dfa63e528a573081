"""The audit record: append-only in the application and in the database; read and export."""

import csv
import io
import re

import pytest
import sqlalchemy as sa

from engage.extensions import db
from engage.moderation.models import Action, AuditRecordImmutable, ModerationEvent
from engage.permissions import Role
from tests.factories import make_user
from tests.moderation.helpers import RISK_TEXT, events, held_comment, item_url, moderator


def _one_event():
    comment, case = held_comment("Audited words")
    return events(item_id=comment.id)[0]


def test_the_application_cannot_change_a_record():
    event = _one_event()
    event.note = "rewritten"
    with pytest.raises(AuditRecordImmutable):
        db.session.flush()
    db.session.rollback()


def test_the_application_cannot_delete_a_record():
    event = _one_event()
    db.session.delete(event)
    with pytest.raises(AuditRecordImmutable):
        db.session.flush()
    db.session.rollback()


def test_the_database_refuses_update_even_in_raw_sql():
    event = _one_event()
    with pytest.raises(sa.exc.DBAPIError):
        db.session.execute(
            sa.text("UPDATE moderation_event SET note_id = NULL, reason = 'x' WHERE id = :id"),
            {"id": event.id},
        )
    db.session.rollback()
    assert db.session.get(ModerationEvent, event.id).note is None


def test_the_database_refuses_delete_even_in_raw_sql():
    event = _one_event()
    with pytest.raises(sa.exc.DBAPIError):
        db.session.execute(sa.text("DELETE FROM moderation_event WHERE id = :id"), {"id": event.id})
    db.session.rollback()
    assert db.session.get(ModerationEvent, event.id) is not None


def test_a_record_says_who_when_what_why_and_the_text_before_and_after(login_as):
    comment, case = held_comment("Call me on 07700 900123")
    mod = moderator()
    login_as(mod).submit(
        item_url(comment, "redact"),
        {"redact_text": "Call me on [removed]", "redact_note": "phone number"},
    )
    (event,) = events(item_id=comment.id, action=Action.APPROVE_REDACTED)
    assert event.actor_id == mod.id and event.created_at is not None
    assert event.note == "phone number" and event.reason == "personal_details"
    assert event.before_text == "Call me on 07700 900123"
    assert event.after_text == "Call me on [removed]"
    assert (event.from_status, event.to_status) == ("held", "published")


def test_moderators_read_the_record_others_cannot(login_as):
    held_comment("Audited words")
    page = login_as(moderator()).get("/manage/moderation/audit").get_data(as_text=True)
    assert "Audited words" in page and "Held" in page
    for role in (Role.RESIDENT, Role.YOUNG_PERSON, Role.OFFICER):
        assert login_as(make_user(role)).get("/manage/moderation/audit").status_code == 403


def test_audit_can_be_filtered_by_action(login_as):
    comment, case = held_comment("Filter me")
    client = login_as(moderator())
    client.submit(item_url(comment, "reject"), {"reject_reason": "spam"})
    page = client.get("/manage/moderation/audit?action=reject").get_data(as_text=True)
    assert "Rejected" in page
    assert page.count('class="govuk-table__row"') == 2  # header and one entry


def test_safeguarding_words_in_the_record_are_for_leads_only(login_as):
    held_comment(RISK_TEXT)
    moderator_page = login_as(moderator()).get("/manage/moderation/audit").get_data(as_text=True)
    assert "hits me" not in moderator_page
    assert "for the safeguarding lead only" in moderator_page
    lead_page = login_as(make_user(Role.SAFEGUARDING_LEAD)).get("/manage/moderation/audit")
    assert "hits me" in lead_page.get_data(as_text=True)


def test_admins_export_csv_moderators_cannot(login_as):
    comment, case = held_comment('=HYPERLINK("http://evil")')
    admin = login_as(make_user(Role.ADMIN))
    response = admin.get("/manage/moderation/audit.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert [r["action"] for r in rows] == ["hold"]
    assert rows[0]["before_text"].startswith("'=")  # spreadsheet formulas are defused
    assert rows[0]["item_id"] == str(comment.id)
    assert "Download as CSV" in admin.get("/manage/moderation/audit").get_data(as_text=True)
    mod = login_as(moderator())
    assert mod.get("/manage/moderation/audit.csv").status_code == 403
    assert "Download as CSV" not in mod.get("/manage/moderation/audit").get_data(as_text=True)


def test_audit_and_item_pages_show_words_not_codes(login_as):
    comment, case = held_comment("Please mend the swings")
    mod = login_as(moderator())
    mod.submit(item_url(comment, "reject"), {"reject_reason": "abusive"})
    risky, _case = held_comment("my stepdad hits me when he is drunk")
    lead = login_as(make_user(Role.SAFEGUARDING_LEAD))
    audit = lead.get("/manage/moderation/audit").get_data(as_text=True)
    assert "Written by a young person" in audit and "It is abusive or unkind" in audit
    assert "Held → Rejected" in audit
    item = lead.get(item_url(risky)).get_data(as_text=True)
    assert "someone telling us they are being hurt" in item
    cells = audit + lead.get("/manage/safeguarding").get_data(as_text=True) + item
    for code in ("abusive", "personal_details", "young_person", "abuse_disclosure", "held →"):
        assert not re.search(rf">\s*{re.escape(code)}\s*<", cells), code
