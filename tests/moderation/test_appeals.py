"""Authors are told the outcome in their language and can appeal a rejection once."""

from flask_babel import force_locale

from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.moderation.messages import notification_text
from engage.moderation.models import Action, CaseReason, CaseState
from engage.moderation.service import find_case
from engage.permissions import Role
from tests.factories import make_user
from tests.moderation.helpers import events, held_comment, item_url, moderator, notifications_of


def _rejected(login_as, mod, young=None):
    young = young or make_user(Role.YOUNG_PERSON)
    comment, case = held_comment("Please fix the swings", author=young)
    login_as(mod).submit(
        item_url(comment, "reject"), {"reject_reason": "off_topic", "reject_note": "Wrong page"}
    )
    (notice,) = notifications_of(young)
    return young, comment, notice


def test_author_appeals_once_with_a_note(login_as):
    first, second = moderator(), moderator()
    young, comment, notice = _rejected(login_as, first)
    client = login_as(young)
    assert client.get(f"/notifications/{notice.id}/appeal").status_code == 200
    response = client.submit(f"/notifications/{notice.id}/appeal", {"note": ""})
    assert response.status_code == 400 and "Tell us why" in response.get_data(as_text=True)
    response = client.submit(
        f"/notifications/{notice.id}/appeal", {"note": "It is about the park swings"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Comment, comment.id).status == CommentStatus.HELD
    case = find_case("comment", comment.id)
    assert case.reason == CaseReason.APPEAL and case.state == CaseState.WAITING
    assert case.appeal_against_id == first.id
    (appeal,) = events(item_id=comment.id, action=Action.APPEAL)
    assert appeal.actor_id == young.id and appeal.note == "It is about the park swings"
    # The queue shows the appeal and its note to the other moderator.
    page = login_as(second).get(item_url(comment)).get_data(as_text=True)
    assert "Appeal against a rejection" in page and "It is about the park swings" in page


def test_the_appeal_goes_to_a_different_moderator_where_there_is_one(login_as):
    first, second = moderator(), moderator()
    young, comment, notice = _rejected(login_as, first)
    login_as(young).submit(f"/notifications/{notice.id}/appeal", {"note": "Please look again"})
    same = login_as(first)
    assert "another moderator decides it" in same.get(item_url(comment)).get_data(as_text=True)
    response = same.submit(item_url(comment, "approve"), {})
    assert response.status_code == 400
    assert login_as(second).submit(item_url(comment, "approve"), {}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Comment, comment.id).status == CommentStatus.PUBLISHED


def test_a_lone_moderator_can_decide_an_appeal_against_themselves(login_as):
    only = moderator()
    young, comment, notice = _rejected(login_as, only)
    login_as(young).submit(f"/notifications/{notice.id}/appeal", {"note": "Please look again"})
    assert login_as(only).submit(item_url(comment, "approve"), {}).status_code == 302


def test_a_second_appeal_is_refused(login_as):
    first, second = moderator(), moderator()
    young, comment, notice = _rejected(login_as, first)
    client = login_as(young)
    client.submit(f"/notifications/{notice.id}/appeal", {"note": "Please"})
    login_as(second).submit(item_url(comment, "reject"), {"reject_reason": "off_topic"})
    second_notice = [n for n in notifications_of(young) if n.kind == "rejected"][-1]
    assert second_notice.params["can_appeal"] is False
    page = client.get("/notifications").get_data(as_text=True)
    assert "Appeal this decision" not in page
    assert client.get(f"/notifications/{second_notice.id}/appeal").status_code == 403
    response = client.submit(f"/notifications/{second_notice.id}/appeal", {"note": "Again"})
    assert response.status_code == 400
    assert "can no longer be appealed" in response.get_data(as_text=True)


def test_nobody_appeals_someone_elses_decision(login_as):
    young, comment, notice = _rejected(login_as, moderator())
    other = login_as(make_user(Role.YOUNG_PERSON))
    assert other.get(f"/notifications/{notice.id}/appeal").status_code == 403
    assert other.submit(f"/notifications/{notice.id}/appeal", {"note": "x"}).status_code == 403


def test_notifications_are_worded_when_read_in_the_readers_language(login_as):
    young, comment, notice = _rejected(login_as, moderator())
    # Stored as a key and parameters, never as finished English sentences.
    assert notice.kind == "rejected"
    assert set(notice.params) >= {"reason", "title", "source", "item_id"}
    with force_locale("pl"):
        polish = notification_text(notice.kind, notice.params)
    client = login_as(young)
    page = client.get("/notifications?lang=pl").get_data(as_text=True)
    assert 'lang="pl"' in page
    assert polish in page.replace("&#34;", '"').replace("&#39;", "'")


def test_notifications_page_needs_sign_in_and_shows_only_your_own(login_as, client):
    young, comment, notice = _rejected(login_as, moderator())
    assert client.get("/notifications").status_code == 302
    other = login_as(make_user()).get("/notifications").get_data(as_text=True)
    assert "was not published" not in other


def test_appealing_twice_says_you_have_already_appealed(login_as):
    young, comment, notice = _rejected(login_as, moderator())
    client = login_as(young)
    client.submit(f"/notifications/{notice.id}/appeal", {"note": "Please look again"})
    url = f"/notifications/{notice.id}/appeal"
    for again in (lambda: client.get(url), lambda: client.submit(url, {"note": "Again"})):
        response = again()  # Back shows the form; Send is pressed again
        assert response.status_code == 302
        html = client.get(response.headers["Location"]).get_data(as_text=True)
        assert "You have already appealed this decision." in html
        assert "You cannot do that" not in html
    assert len(events(item_id=comment.id, action=Action.APPEAL)) == 1


def test_appeal_and_undo_keep_the_original_arrival_time(login_as):
    from tests.moderation.helpers import age_case

    young, comment, notice = _rejected(login_as, moderator())
    case = find_case("comment", comment.id)
    age_case(case, 30)
    arrived = find_case("comment", comment.id).held_at
    login_as(young).submit(f"/notifications/{notice.id}/appeal", {"note": "Please look again"})
    db.session.expire_all()
    assert find_case("comment", comment.id).held_at == arrived
    mod = login_as(moderator())
    mod.submit(item_url(comment, "approve"), {})
    (approve,) = events(item_id=comment.id, action=Action.APPROVE)
    mod.submit(f"/manage/moderation/events/{approve.id}/undo", {"undo_note": "mistake"})
    db.session.expire_all()
    case = find_case("comment", comment.id)
    assert case.state == CaseState.WAITING and case.held_at == arrived
    page = mod.get(item_url(comment)).get_data(as_text=True)
    assert "1 second" not in page
