"""Moderators' actions: approve, approve with redaction, reject, escalate, handle, and in bulk."""

from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.moderation.models import Action, CaseState
from engage.moderation.service import find_case
from engage.permissions import Role
from tests.factories import make_proposal, make_user
from tests.moderation.helpers import (
    PHONE_TEXT,
    RISK_TEXT,
    events,
    held_comment,
    item_url,
    moderator,
    notifications_of,
)


def _reload(comment):
    db.session.expire_all()
    return db.session.get(Comment, comment.id)


def test_approve_publishes_notifies_and_records(login_as):
    young = make_user(Role.YOUNG_PERSON)
    comment, case = held_comment("More benches", author=young)
    mod = moderator()
    response = login_as(mod).submit(item_url(comment, "approve"), {"approve_note": "fine"})
    assert response.status_code == 302
    comment = _reload(comment)
    assert comment.status == CommentStatus.PUBLISHED
    assert comment.proposal.comment_count == 1
    assert find_case("comment", comment.id).state == CaseState.DECIDED
    event = events(item_id=comment.id, action=Action.APPROVE)[0]
    assert (event.actor_id, event.note, event.before_text) == (mod.id, "fine", "More benches")
    assert event.waited_seconds is not None
    assert [n.kind for n in notifications_of(young)] == ["approved"]
    public = login_as(make_user()).get(f"/proposals/{comment.proposal_id}").get_data(as_text=True)
    assert "More benches" in public


def test_approve_with_redaction_keeps_the_original_only_in_the_audit_record(login_as):
    comment, case = held_comment(PHONE_TEXT)
    client = login_as(moderator())
    page = client.get(item_url(comment)).get_data(as_text=True)
    assert "[removed]" in page  # the suggested redaction is pre-filled
    response = client.submit(
        item_url(comment, "redact"), {"redact_text": "Great idea, text me on [removed] to help"}
    )
    assert response.status_code == 302
    comment = _reload(comment)
    assert comment.status == CommentStatus.PUBLISHED
    assert "07700" not in comment.body
    event = events(item_id=comment.id, action=Action.APPROVE_REDACTED)[0]
    assert event.before_text == PHONE_TEXT and "07700" not in event.after_text
    public = login_as(make_user()).get(f"/proposals/{comment.proposal_id}").get_data(as_text=True)
    assert "07700" not in public


def test_redaction_must_change_the_text(login_as):
    comment, case = held_comment(PHONE_TEXT)
    response = login_as(moderator()).submit(
        item_url(comment, "redact"), {"redact_text": PHONE_TEXT}
    )
    assert response.status_code == 400
    assert "Remove the personal details" in response.get_data(as_text=True)
    assert _reload(comment).status == CommentStatus.HELD


def test_reject_needs_a_reason_from_the_list_and_tells_the_author(login_as):
    young = make_user(Role.YOUNG_PERSON)
    comment, case = held_comment("Buy cheap watches", author=young)
    client = login_as(moderator())
    response = client.submit(item_url(comment, "reject"), {"reject_note": "no"})
    assert response.status_code == 400
    assert "Choose a reason" in response.get_data(as_text=True)
    assert "no" in response.get_data(as_text=True)  # what was typed is kept
    response = client.submit(
        item_url(comment, "reject"), {"reject_reason": "made_up", "reject_note": "x"}
    )
    assert response.status_code == 400
    response = client.submit(
        item_url(comment, "reject"), {"reject_reason": "spam", "reject_note": "Adverts"}
    )
    assert response.status_code == 302
    assert _reload(comment).status == CommentStatus.REJECTED
    (notice,) = notifications_of(young)
    assert notice.kind == "rejected" and notice.params["reason"] == "spam"
    page = login_as(young).get("/notifications").get_data(as_text=True)
    assert "was not published" in page and "It is spam or advertising" in page
    assert "Adverts" in page and "Appeal this decision" in page


def test_escalate_moves_an_item_to_safeguarding_for_good(login_as):
    comment, case = held_comment("I don't feel safe walking home from school")
    client = login_as(moderator())
    response = client.submit(item_url(comment, "escalate"), {"escalate_note": "worrying"})
    assert response.status_code == 302
    db.session.expire_all()
    case = find_case("comment", comment.id)
    assert case.state == CaseState.SAFEGUARDING and case.safeguarding
    assert "feel safe" not in client.get("/manage/moderation").get_data(as_text=True)
    assert client.get(item_url(comment)).status_code == 403
    lead = login_as(make_user(Role.SAFEGUARDING_LEAD))
    assert "feel safe" in lead.get("/manage/safeguarding").get_data(as_text=True)
    assert lead.submit(item_url(comment, "approve"), {}).status_code == 400


def test_safeguarding_lead_marks_handled_with_a_note_and_it_stays_unpublished(login_as):
    comment, case = held_comment(RISK_TEXT)
    lead = login_as(make_user(Role.SAFEGUARDING_LEAD))
    response = lead.submit(item_url(comment, "handle"), {"handle_note": ""})
    assert response.status_code == 400
    response = lead.submit(item_url(comment, "handle"), {"handle_note": "Contacted school DSL"})
    assert response.status_code == 302
    db.session.expire_all()
    assert find_case("comment", comment.id).state == CaseState.HANDLED
    assert _reload(comment).status == CommentStatus.HELD
    event = events(item_id=comment.id, action=Action.HANDLE)[0]
    assert event.note == "Contacted school DSL"
    handled = lead.get("/manage/safeguarding?handled=1").get_data(as_text=True)
    assert "hits me" in handled


def test_moderators_cannot_mark_handled(login_as):
    comment, case = held_comment("worrying words")
    client = login_as(moderator())
    client.submit(item_url(comment, "escalate"), {})
    assert client.submit(item_url(comment, "handle"), {"handle_note": "x"}).status_code == 403


def test_a_decided_item_cannot_be_decided_again(login_as):
    comment, case = held_comment("Hello")
    client = login_as(moderator())
    client.submit(item_url(comment, "approve"), {})
    response = client.submit(item_url(comment, "reject"), {"reject_reason": "spam"})
    assert response.status_code == 400
    assert _reload(comment).status == CommentStatus.PUBLISHED


def test_bulk_approve_and_reject_selected_items(login_as):
    proposal = make_proposal()
    a, _ = held_comment("Alpha", proposal)
    b, _ = held_comment("Bravo", proposal)
    c, _ = held_comment("Charlie", proposal)
    risky, _ = held_comment(RISK_TEXT, proposal)
    client = login_as(moderator())
    response = client.submit(
        "/manage/moderation/bulk",
        {
            "items": [f"comment:{a.id}", f"comment:{b.id}", f"comment:{risky.id}"],
            "action": "approve",
        },
    )
    assert response.status_code == 302
    assert _reload(a).status == _reload(b).status == CommentStatus.PUBLISHED
    assert _reload(risky).status == CommentStatus.HELD  # safeguarding is skipped, never published
    response = client.submit(
        "/manage/moderation/bulk",
        {"items": [f"comment:{c.id}"], "action": "reject", "bulk_reason": "off_topic"},
    )
    assert response.status_code == 302
    assert _reload(c).status == CommentStatus.REJECTED
    assert len(events(action=Action.APPROVE)) == 2 and len(events(action=Action.REJECT)) == 1


def test_bulk_reject_needs_a_reason_and_keeps_the_selection(login_as):
    a, _ = held_comment("Alpha")
    client = login_as(moderator())
    response = client.submit(
        "/manage/moderation/bulk", {"items": [f"comment:{a.id}"], "action": "reject"}
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Choose a reason for rejecting" in page
    assert f'value="comment:{a.id}" checked' in page
    assert _reload(a).status == CommentStatus.HELD
    response = client.submit("/manage/moderation/bulk", {"action": "approve"})
    assert response.status_code == 400 and "Select at least one item" in response.get_data(
        as_text=True
    )
