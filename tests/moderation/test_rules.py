"""The rules: young people's words are always held; checks hold adults'; risk is never published."""

from engage.comments.models import Comment, CommentStatus, HoldReason
from engage.extensions import db
from engage.moderation.models import Action, CaseReason, CaseState
from engage.moderation.service import find_case
from engage.permissions import Role
from tests.factories import make_proposal, make_user
from tests.moderation.helpers import (
    ABUSE_TEXT,
    PHONE_TEXT,
    RISK_TEXT,
    events,
    held_comment,
    item_url,
    moderator,
    notifications_of,
    post,
)


def _comment_via_http(login_as, user, proposal, body):
    client = login_as(user)
    response = client.submit(f"/proposals/{proposal.id}/comments", {"body": body})
    assert response.status_code == 302
    db.session.expire_all()
    comment = db.session.scalars(db.select(Comment).order_by(Comment.id.desc())).first()
    return client, comment


def test_young_persons_comment_is_held_and_queued_even_when_clean(login_as):
    proposal = make_proposal()
    young = make_user(Role.YOUNG_PERSON)
    client, comment = _comment_via_http(login_as, young, proposal, "More youth clubs please")
    assert comment.status == CommentStatus.HELD
    case = find_case("comment", comment.id)
    assert case.state == CaseState.WAITING and case.reason == CaseReason.YOUNG_PERSON
    assert case.categories == []
    # Nobody else sees it: a signed-out reader's page does not contain the words.
    page = login_as(make_user()).get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "More youth clubs please" not in page
    assert [e.action for e in events(item_id=comment.id)] == [Action.HOLD]


def test_young_persons_reply_is_held_too(login_as):
    proposal = make_proposal()
    parent = post(make_user(), proposal, "Adults' comment")
    young = make_user(Role.YOUNG_PERSON)
    client = login_as(young)
    client.submit(
        f"/proposals/{proposal.id}/comments", {"body": "I agree", "parent_id": str(parent.id)}
    )
    reply = db.session.scalars(db.select(Comment).where(Comment.parent_id == parent.id)).one()
    assert reply.status == CommentStatus.HELD
    assert find_case("comment", reply.id).state == CaseState.WAITING


def test_adults_clean_comment_publishes_at_once_without_a_case(login_as):
    proposal = make_proposal()
    _, comment = _comment_via_http(login_as, make_user(), proposal, "I like the new bus lanes")
    assert comment.status == CommentStatus.PUBLISHED
    assert find_case("comment", comment.id) is None


def test_adults_comment_with_personal_details_is_held_by_the_check(login_as):
    proposal = make_proposal()
    _, comment = _comment_via_http(login_as, make_user(), proposal, PHONE_TEXT)
    assert comment.status == CommentStatus.HELD
    assert comment.hold_reason == HoldReason.AUTOMATIC_CHECK
    case = find_case("comment", comment.id)
    assert case.reason == CaseReason.AUTOMATIC_CHECK and case.flag_personal
    assert case.state == CaseState.WAITING  # held for a person, not rejected


def test_adults_abusive_comment_is_held_not_rejected():
    comment = post(make_user(), body=ABUSE_TEXT)
    case = find_case("comment", comment.id)
    assert comment.status == CommentStatus.HELD and case.flag_abuse
    assert case.state == CaseState.WAITING


def test_risk_goes_to_safeguarding_never_to_the_normal_queue(login_as):
    comment, case = held_comment(RISK_TEXT)
    assert case.state == CaseState.SAFEGUARDING and case.safeguarding and case.flag_risk
    mod = login_as(moderator())
    queue = mod.get("/manage/moderation").get_data(as_text=True)
    assert RISK_TEXT not in queue
    # Moderators cannot open it, let alone approve it.
    assert mod.get(item_url(comment)).status_code == 403
    assert mod.submit(item_url(comment, "approve"), {}).status_code == 403
    lead = login_as(make_user(Role.SAFEGUARDING_LEAD))
    assert RISK_TEXT in lead.get("/manage/safeguarding").get_data(as_text=True)


def test_risk_from_an_adult_is_held_too():
    comment = post(make_user(), body=RISK_TEXT)
    assert comment.status == CommentStatus.HELD
    assert find_case("comment", comment.id).state == CaseState.SAFEGUARDING


def test_risk_can_never_be_published_even_by_a_safeguarding_lead_or_admin(login_as):
    comment, case = held_comment(RISK_TEXT)
    for role in (Role.SAFEGUARDING_LEAD, Role.ADMIN):
        client = login_as(make_user(role))
        response = client.submit(item_url(comment, "approve"), {})
        assert response.status_code == 400
        response = client.submit(item_url(comment, "redact"), {"redact_text": "something else"})
        assert response.status_code == 400
    db.session.expire_all()
    assert db.session.get(Comment, comment.id).status == CommentStatus.HELD


def test_risk_author_sees_waiting_and_help_links_with_no_promise_of_confidentiality(login_as):
    young = make_user(Role.YOUNG_PERSON)
    comment, case = held_comment(RISK_TEXT, author=young)
    client = login_as(young)
    page = client.get(f"/proposals/{comment.proposal_id}").get_data(as_text=True)
    assert "Waiting for a moderator" in page
    notices = client.get("/notifications").get_data(as_text=True)
    assert "is waiting for a moderator" in notices
    assert "Childline" in notices
    assert "confidential" not in notices.lower()
    assert [n.kind for n in notifications_of(young)] == ["held_help"]


def test_checks_never_publish_a_held_item_after_an_edit_removes_the_problem(login_as):
    adult = make_user()
    comment = post(adult, body=PHONE_TEXT)
    client = login_as(adult)
    client.submit(f"/comments/{comment.id}/edit", {"body": "Great idea, happy to help"})
    db.session.expire_all()
    comment = db.session.get(Comment, comment.id)
    assert comment.status == CommentStatus.HELD
    case = find_case("comment", comment.id)
    assert case.state == CaseState.WAITING and not case.flag_personal


def test_an_edit_that_adds_personal_details_holds_a_published_comment(login_as):
    adult = make_user()
    comment = post(adult, body="Good plan")
    client = login_as(adult)
    client.submit(f"/comments/{comment.id}/edit", {"body": PHONE_TEXT})
    db.session.expire_all()
    assert db.session.get(Comment, comment.id).status == CommentStatus.HELD
    assert find_case("comment", comment.id).flag_personal


def test_deleting_a_held_comment_takes_it_out_of_the_queue_but_not_out_of_safeguarding(login_as):
    young = make_user(Role.YOUNG_PERSON)
    plain, plain_case = held_comment("Nice", author=young)
    risky, risk_case = held_comment(RISK_TEXT, author=young)
    client = login_as(young)
    client.submit(f"/comments/{plain.id}/delete", {})
    client.submit(f"/comments/{risky.id}/delete", {})
    db.session.expire_all()
    assert find_case("comment", plain.id).state == CaseState.WITHDRAWN
    assert find_case("comment", risky.id).state == CaseState.SAFEGUARDING
    # The lead still reads the words as they were when held.
    lead = login_as(make_user(Role.SAFEGUARDING_LEAD))
    assert RISK_TEXT in lead.get("/manage/safeguarding").get_data(as_text=True)
