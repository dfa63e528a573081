"""Reports: signed-in people report published comments; enough distinct reports hide them."""

from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.moderation.models import Action, CaseReason, CaseState, Report
from engage.moderation.service import find_case
from tests.factories import make_user
from tests.moderation.helpers import events, item_url, moderator, notifications_of, post


def _status(comment):
    db.session.expire_all()
    return db.session.get(Comment, comment.id).status


def _report(login_as, comment, reason="abusive", user=None, note=""):
    client = login_as(user or make_user())
    return client.submit(f"/comments/{comment.id}/report", {"reason": reason, "note": note})


def test_report_link_shows_on_others_published_comments_only(login_as, client):
    author = make_user()
    comment = post(author, body="Reportable words")
    page = login_as(make_user()).get(f"/proposals/{comment.proposal_id}").get_data(as_text=True)
    assert f"/comments/{comment.id}/report" in page
    page = login_as(author).get(f"/proposals/{comment.proposal_id}").get_data(as_text=True)
    assert f"/comments/{comment.id}/report" not in page
    page = client.get(f"/proposals/{comment.proposal_id}").get_data(as_text=True)
    assert f"/comments/{comment.id}/report" not in page


def test_signed_out_people_are_sent_to_sign_in(client):
    comment = post(make_user())
    response = client.get(f"/comments/{comment.id}/report")
    assert response.status_code == 302 and "/account/sign-in" in response.headers["Location"]


def test_three_distinct_reports_hide_a_comment_until_a_moderator_decides(login_as):
    author = make_user()
    comment = post(author, body="Contested words")
    assert _report(login_as, comment, "spam").status_code == 302
    assert _report(login_as, comment, "off_topic").status_code == 302
    assert _status(comment) == CommentStatus.PUBLISHED
    assert _report(login_as, comment, "other", note="rude").status_code == 302
    assert _status(comment) == CommentStatus.HIDDEN
    case = find_case("comment", comment.id)
    assert case.state == CaseState.WAITING and case.reason == CaseReason.REPORTS
    assert [n.kind for n in notifications_of(author)] == ["hidden"]
    assert len(events(item_id=comment.id, action=Action.REPORT)) == 3
    assert len(events(item_id=comment.id, action=Action.HIDE)) == 1
    page = login_as(make_user()).get(f"/proposals/{comment.proposal_id}").get_data(as_text=True)
    assert "Contested words" not in page
    queue = login_as(moderator()).get("/manage/moderation").get_data(as_text=True)
    assert "Contested words" in queue and "Hidden after reports" in queue and "3 reports" in queue


def test_the_same_person_reporting_twice_counts_once(login_as):
    comment = post(make_user())
    reporter = make_user()
    assert _report(login_as, comment, user=reporter).status_code == 302
    response = _report(login_as, comment, user=reporter)
    assert response.status_code == 400
    assert "already reported" in response.get_data(as_text=True)
    _report(login_as, comment)
    assert _status(comment) == CommentStatus.PUBLISHED  # two distinct people so far


def test_the_threshold_is_configurable(login_as, app):
    comment = post(make_user())
    app.config["REPORT_HIDE_THRESHOLD"] = 1
    try:
        _report(login_as, comment)
    finally:
        app.config["REPORT_HIDE_THRESHOLD"] = 3
    assert _status(comment) == CommentStatus.HIDDEN


def test_a_report_needs_a_reason_from_the_list(login_as):
    comment = post(make_user())
    response = _report(login_as, comment, reason="")
    assert response.status_code == 400 and "Choose why" in response.get_data(as_text=True)
    response = _report(login_as, comment, reason="boring")
    assert response.status_code == 400
    assert db.session.scalar(db.select(db.func.count()).select_from(Report)) == 0


def test_nobody_reports_their_own_or_an_unpublished_comment(login_as):
    author = make_user()
    comment = post(author)
    assert _report(login_as, comment, user=author).status_code == 403
    held = post(make_user(role="young_person"))
    assert _report(login_as, held).status_code == 403


def test_approving_a_hidden_comment_restores_it_and_clears_its_reports(login_as):
    comment = post(make_user(), body="Fair criticism")
    for _ in range(3):
        _report(login_as, comment)
    mod = login_as(moderator())
    assert mod.submit(item_url(comment, "approve"), {}).status_code == 302
    assert _status(comment) == CommentStatus.PUBLISHED
    assert not db.session.scalar(
        db.select(db.func.count()).select_from(Report).where(Report.resolved.is_(False))
    )
    # New reports start counting again from zero.
    _report(login_as, comment)
    assert _status(comment) == CommentStatus.PUBLISHED
