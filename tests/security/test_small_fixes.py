"""Small holes: reports on hidden proposals, the bulk redirect, expired forms, bidi in titles."""

import re

from itsdangerous import TimestampSigner, URLSafeTimedSerializer

from engage.comments.models import Comment
from engage.extensions import db
from engage.permissions import Role
from engage.text import isolate
from tests.factories import make_comment, make_proposal, make_user
from tests.moderation.helpers import held_comment, moderator

RLO, FSI, PDI = "\u202e", "\u2068", "\u2069"
TITLE_RE = re.compile(r"<title>(.*?)</title>", re.S)


def test_a_comment_on_a_draft_proposal_cannot_be_reported_or_read(login_as):
    draft = make_proposal(status="draft")
    comment = make_comment(draft, make_user(), body="Words nobody should see yet")
    client = login_as(make_user())
    page = client.get(f"/comments/{comment.id}/report")
    assert page.status_code == 404
    assert "Words nobody should see yet" not in page.get_data(as_text=True)
    posted = client.submit(f"/comments/{comment.id}/report", {"reason": "spam"})
    assert posted.status_code == 404


def test_a_comment_on_an_open_proposal_can_still_be_reported(login_as):
    comment = make_comment(make_proposal(), make_user(), body="Fine words")
    assert login_as(make_user()).get(f"/comments/{comment.id}/report").status_code == 200


def test_the_bulk_decision_returns_to_the_queue_with_its_own_filters_only(login_as):
    a, _ = held_comment("Alpha")
    client = login_as(moderator())
    response = client.submit(
        "/manage/moderation/bulk?endpoint=x&source=comment&_external=1&page=2",
        {"items": [f"comment:{a.id}"], "action": "approve"},
    )
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith("/manage/moderation?")
    assert "source=comment" in location and "page=2" in location
    assert "endpoint" not in location and "_external" not in location


def test_forms_expire_after_a_working_day(app):
    assert app.config["WTF_CSRF_TIME_LIMIT"] == 8 * 3600


class _NineHoursAgo(TimestampSigner):
    def get_timestamp(self):
        return super().get_timestamp() - 9 * 3600


def _old_token(app, client) -> str:
    client.get("/account/sign-in")  # the session's CSRF secret
    with client.session_transaction() as session:
        raw = session["csrf_token"]
    serializer = URLSafeTimedSerializer(
        app.config["SECRET_KEY"], salt="wtf-csrf-token", signer=_NineHoursAgo
    )
    return serializer.dumps(raw)


def test_an_expired_form_is_shown_again_with_a_clear_error_and_the_words_kept(app, login_as):
    proposal = make_proposal()
    client = login_as(make_user())
    words = "Please add a crossing by the school gates"
    response = client.post(
        f"/proposals/{proposal.id}/comments?lang=pl",
        data={"body": words, "csrf_token": _old_token(app, client)},
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert words in page
    assert "Ta strona była otwarta zbyt długo" in page
    assert db.session.scalar(db.select(db.func.count()).select_from(Comment)) == 0


def test_an_expired_form_in_english_says_to_send_it_again(app, login_as):
    proposal = make_proposal()
    client = login_as(make_user())
    response = client.post(
        f"/proposals/{proposal.id}/comments",
        data={"body": "More trees", "csrf_token": _old_token(app, client)},
    )
    assert response.status_code == 400
    assert "This page was open for too long" in response.get_data(as_text=True)


def test_a_forged_token_is_still_refused(login_as):
    proposal = make_proposal()
    client = login_as(make_user())
    response = client.post(
        f"/proposals/{proposal.id}/comments", data={"body": "More trees", "csrf_token": "forged"}
    )
    assert response.status_code == 400
    assert db.session.scalar(db.select(db.func.count()).select_from(Comment)) == 0


def test_isolate_removes_direction_controls_and_isolates_the_text():
    assert isolate(f"Ruth{RLO} K") == f"{FSI}Ruth K{PDI}"
    assert isolate("\u2067x\u202a") == f"{FSI}x{PDI}"


def test_a_right_to_left_override_in_a_name_does_not_leak_into_the_title(login_as):
    resident = make_user(display_name=f"Ruth{RLO} K")
    comment = make_comment(make_proposal(), resident)
    reply = login_as(make_user()).get(f"/comments/{comment.id}/reply")
    person = login_as(make_user(Role.ADMIN)).get(f"/manage/people/{resident.id}")
    for response in (reply, person):
        assert response.status_code == 200
        title = TITLE_RE.search(response.get_data(as_text=True)).group(1)
        assert RLO not in title
        assert f"{FSI}Ruth K{PDI}" in title
