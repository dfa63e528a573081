"""Every action can be undone, and the undo is recorded too."""

from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.moderation.models import Action, CaseState
from engage.moderation.service import find_case
from engage.permissions import Role
from tests.factories import make_user
from tests.moderation.helpers import (
    PHONE_TEXT,
    RISK_TEXT,
    events,
    held_comment,
    item_url,
    moderator,
    post,
)


def _reload(comment):
    db.session.expire_all()
    return db.session.get(Comment, comment.id)


def _undo(client, event, note="mistake"):
    return client.submit(f"/manage/moderation/events/{event.id}/undo", {"undo_note": note})


def test_restore_a_rejected_item_puts_it_back_in_the_queue(login_as):
    comment, case = held_comment("Not spam really")
    client = login_as(moderator())
    client.submit(item_url(comment, "reject"), {"reject_reason": "spam"})
    (reject,) = events(item_id=comment.id, action=Action.REJECT)
    page = client.get(item_url(comment)).get_data(as_text=True)
    assert "Restore" in page
    assert _undo(client, reject).status_code == 302
    assert _reload(comment).status == CommentStatus.HELD
    assert find_case("comment", comment.id).state == CaseState.WAITING
    (undo,) = events(item_id=comment.id, action=Action.UNDO)
    assert undo.undoes_id == reject.id and undo.note == "mistake"
    assert (undo.from_status, undo.to_status) == ("rejected", "held")


def test_restore_a_hidden_item_publishes_it_again(login_as):
    comment = post(make_user(), body="Hidden then restored")
    for _ in range(3):
        login_as(make_user()).submit(f"/comments/{comment.id}/report", {"reason": "spam"})
    assert _reload(comment).status == CommentStatus.HIDDEN
    (hide,) = events(item_id=comment.id, action=Action.HIDE)
    assert _undo(login_as(moderator()), hide).status_code == 302
    comment = _reload(comment)
    assert comment.status == CommentStatus.PUBLISHED and comment.proposal.comment_count == 1
    assert find_case("comment", comment.id).state == CaseState.DECIDED


def test_undo_an_approval_takes_the_item_down_again(login_as):
    comment, case = held_comment("Oops approved")
    client = login_as(moderator())
    client.submit(item_url(comment, "approve"), {})
    (approve,) = events(item_id=comment.id, action=Action.APPROVE)
    _undo(client, approve)
    assert _reload(comment).status == CommentStatus.HELD
    assert _reload(comment).proposal.comment_count == 0


def test_undo_a_redaction_brings_back_the_original_text_held(login_as):
    comment, case = held_comment(PHONE_TEXT)
    client = login_as(moderator())
    client.submit(item_url(comment, "redact"), {"redact_text": "Great idea"})
    (redaction,) = events(item_id=comment.id, action=Action.APPROVE_REDACTED)
    _undo(client, redaction)
    comment = _reload(comment)
    assert comment.body == PHONE_TEXT and comment.status == CommentStatus.HELD


def test_only_the_latest_decision_can_be_undone_and_only_once(login_as):
    comment, case = held_comment("Twice")
    client = login_as(moderator())
    client.submit(item_url(comment, "reject"), {"reject_reason": "spam"})
    (reject,) = events(item_id=comment.id, action=Action.REJECT)
    assert _undo(client, reject).status_code == 302
    response = _undo(client, reject)
    assert response.status_code == 400
    assert "Only the latest decision" in response.get_data(as_text=True)
    # Holds cannot be "undone" into publication.
    (hold,) = events(item_id=comment.id, action=Action.HOLD)
    assert _undo(client, hold).status_code == 400


def test_undo_of_handled_reopens_safeguarding_but_never_publishes(login_as):
    comment, case = held_comment(RISK_TEXT)
    lead = login_as(make_user(Role.SAFEGUARDING_LEAD))
    lead.submit(item_url(comment, "handle"), {"handle_note": "called DSL"})
    (handled,) = events(item_id=comment.id, action=Action.HANDLE)
    assert _undo(lead, handled).status_code == 302
    assert find_case("comment", comment.id).state == CaseState.SAFEGUARDING
    assert _reload(comment).status == CommentStatus.HELD


def test_lift_a_suspension_is_recorded(login_as):
    person = make_user()
    client = login_as(moderator())
    client.submit(
        f"/manage/people/{person.id}/suspend",
        {"suspend_days": "7", "suspend_reason": "abusive"},
    )
    db.session.expire_all()
    assert db.session.get(type(person), person.id).is_blocked
    assert (
        client.submit(f"/manage/people/{person.id}/lift", {"lift_note": "appeal ok"}).status_code
        == 302
    )
    db.session.expire_all()
    assert not db.session.get(type(person), person.id).is_blocked
    (lift,) = events(action=Action.LIFT)
    assert lift.subject_user_id == person.id and lift.from_status == "suspended"
