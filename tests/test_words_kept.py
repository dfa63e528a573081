"""Nothing typed is lost when the thing it was for changed meanwhile.

A proposal closes while someone writes, a moderator takes down the comment they reply to, the
time for an edit runs out, their session ends: the page says which, in plain words, and shows
what they wrote so they can copy it. Only to the person who sent it, from this site's own page.
"""

import re
from datetime import timedelta

import pytest
from flask import url_for
from itsdangerous import URLSafeTimedSerializer
from sqlalchemy import func, select

from engage.accounts import sessions
from engage.clock import utcnow
from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.ideas.models import IdeaAnswer
from engage.proposals.models import ProposalStatus
from engage.votes.models import Vote
from engage.words_kept import _text_box_names
from tests.accounts.helpers import rate_limited_app
from tests.conftest import login
from tests.factories import make_comment, make_proposal, make_user
from tests.ideas.helpers import make_idea
from tests.security.test_small_fixes import _NineHoursAgo
from tests.surveys.helpers import make_survey, q_url

WORDS = "Please keep the Marsh Farm library open on Saturday mornings <b>for the children</b>"
TITLE_RE = re.compile(r"<title>(.*?)</title>", re.S)
BOX_RE = re.compile(r"<textarea[^>]*readonly[^>]*>(.*?)</textarea>", re.S)


def _title(response) -> str:
    return TITLE_RE.search(response.get_data(as_text=True)).group(1).split("–")[0].strip()


def _boxes(response) -> list[str]:
    """The words given back, as the page shows them (escaped)."""
    return BOX_RE.findall(response.get_data(as_text=True))


ESCAPED = WORDS.replace("<", "&lt;").replace(">", "&gt;")


def _count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def test_a_comment_sent_after_the_proposal_closed_is_given_back_with_the_reason(login_as):
    proposal = make_proposal()
    client = login_as(make_user())
    client.get(f"/proposals/{proposal.id}")
    proposal.status = ProposalStatus.CLOSED
    db.session.commit()

    page = f"http://localhost/proposals/{proposal.id}"
    response = client.submit(
        f"/proposals/{proposal.id}/comments", {"body": WORDS}, headers={"Referer": page}
    )

    assert response.status_code == 403
    assert _title(response) == "This proposal is no longer taking comments."
    back = f'<a class="govuk-link" href="/proposals/{proposal.id}">Go back to the page you were on'
    assert back in response.get_data(as_text=True)
    assert _boxes(response) == [ESCAPED]
    assert "<b>" not in response.get_data(as_text=True).split("<main")[1]
    assert response.headers["Cache-Control"] == "no-store"
    assert _count(Comment) == 0


def test_a_reply_to_a_comment_taken_down_meanwhile_is_given_back(login_as):
    proposal = make_proposal()
    parent = make_comment(proposal, make_user())
    client = login_as(make_user())
    assert client.get(f"/comments/{parent.id}/reply").status_code == 200
    for gone in (CommentStatus.HIDDEN, CommentStatus.DELETED):
        parent.status = gone
        db.session.commit()
        response = client.submit(
            f"/proposals/{proposal.id}/comments", {"body": WORDS, "parent_id": str(parent.id)}
        )
        assert response.status_code == 403
        assert _title(response) == "The comment you were replying to has been removed."
        assert _boxes(response) == [ESCAPED]
    assert _count(Comment) == 1


def test_an_edit_sent_after_its_time_ran_out_is_given_back(login_as):
    proposal = make_proposal()
    author = make_user()
    comment = make_comment(proposal, author, body="First thoughts")
    client = login_as(author)
    comment.created_at = utcnow() - timedelta(hours=1)
    db.session.commit()

    response = client.submit(f"/comments/{comment.id}/edit", {"body": WORDS})

    assert response.status_code == 403
    assert _title(response) == "The time for changing this comment has run out."
    assert _boxes(response) == [ESCAPED]
    db.session.expire_all()
    assert db.session.get(Comment, comment.id).body == "First thoughts"


def test_someone_elses_comment_is_refused_without_a_reason(login_as):
    comment = make_comment(make_proposal(), make_user())
    response = login_as(make_user()).submit(f"/comments/{comment.id}/edit", {"body": WORDS})
    assert response.status_code == 403
    assert _title(response) == "You cannot do that"


def test_a_comment_on_an_idea_answered_meanwhile_is_given_back(login_as):
    idea = make_idea()
    client = login_as(make_user())
    client.get(f"/ideas/{idea.id}")
    idea.answer = IdeaAnswer.NOT_TAKEN_FORWARD
    db.session.commit()

    response = client.submit(f"/ideas/{idea.id}/comments", {"body": WORDS})

    assert response.status_code == 403
    assert _title(response).startswith("This idea has been answered")
    assert _boxes(response) == [ESCAPED]


def test_a_vote_after_closing_says_voting_has_closed(login_as):
    proposal = make_proposal(status=ProposalStatus.CLOSED)
    response = login_as(make_user()).submit(f"/proposals/{proposal.id}/vote", {"choice": "agree"})
    assert response.status_code == 403
    assert _title(response) == "Voting on this proposal has closed."
    assert _boxes(response) == []
    assert _count(Vote) == 0


def test_someone_suspended_while_writing_is_told_and_keeps_their_words(login_as):
    proposal = make_proposal()
    person = make_user()
    client = login_as(person)
    person.suspended_until = utcnow() + timedelta(days=3)
    db.session.commit()

    response = client.submit(f"/proposals/{proposal.id}/comments", {"body": WORDS})

    assert response.status_code == 403
    assert _title(response) == "Your account cannot post, reply or vote at the moment."
    assert _boxes(response) == [ESCAPED]


def test_the_reason_is_in_the_readers_language(login_as):
    proposal = make_proposal(status=ProposalStatus.CLOSED)
    response = login_as(make_user()).submit(
        f"/proposals/{proposal.id}/comments?lang=ar", {"body": WORDS}
    )
    assert response.status_code == 403
    assert _title(response) != "This proposal is no longer taking comments."
    assert 'dir="rtl"' in response.get_data(as_text=True)
    assert _boxes(response) == [ESCAPED]


def test_a_session_that_ended_while_writing_gives_the_words_back_and_signs_in_to_the_page(
    login_as, monkeypatch
):
    proposal = make_proposal()
    person = make_user()
    client = login_as(person)
    page = f"/proposals/{proposal.id}"
    client.get(page)
    later = sessions.now_seconds() + 3 * 3600  # idle far longer than a resident's session lasts
    monkeypatch.setattr(sessions, "now_seconds", lambda: later)

    response = client.submit(
        f"{page}/comments", {"body": WORDS}, headers={"Referer": f"http://localhost{page}"}
    )

    assert response.status_code == 401
    assert _title(response) == "Sign in to send this"
    assert _boxes(response) == [ESCAPED]
    assert response.headers["Cache-Control"] == "no-store"
    sign_in = re.search(r'<a class="govuk-button" href="([^"]*)"', response.get_data(as_text=True))
    assert sign_in.group(1) == url_for("accounts.sign_in", next=page)
    assert _count(Comment) == 0


def test_a_vote_sent_after_the_session_ended_signs_in_back_to_the_page_not_the_form_address(
    login_as, monkeypatch
):
    proposal = make_proposal()
    client = login_as(make_user())
    page = f"/proposals/{proposal.id}"
    client.get(page)
    later = sessions.now_seconds() + 3 * 3600
    monkeypatch.setattr(sessions, "now_seconds", lambda: later)

    response = client.submit(
        f"{page}/vote", {"choice": "agree"}, headers={"Referer": f"http://localhost{page}"}
    )

    assert response.status_code == 302
    assert response.location == url_for("accounts.sign_in", next=page)


@pytest.mark.parametrize(
    "referrer", ["https://elsewhere.example/proposals/1", "http://localhost//evil.example/"]
)
def test_sign_in_never_comes_back_to_a_page_elsewhere(login_as, monkeypatch, referrer):
    proposal = make_proposal()
    client = login_as(make_user())
    later = sessions.now_seconds() + 3 * 3600
    monkeypatch.setattr(sessions, "now_seconds", lambda: later)
    response = client.submit(
        f"/proposals/{proposal.id}/vote", {"choice": "agree"}, headers={"Referer": referrer}
    )
    assert response.status_code == 302
    assert response.location == url_for("accounts.sign_in")


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://elsewhere.example"},
        {"Sec-Fetch-Site": "cross-site", "Origin": "http://localhost"},
        {},
    ],
)
def test_words_a_page_elsewhere_posted_are_never_shown(client, headers):
    """A forged form (no valid token) from another site cannot put its text on this site's pages."""
    proposal = make_proposal(status=ProposalStatus.CLOSED)
    response = client.post(
        f"/proposals/{proposal.id}/comments",
        data={"body": WORDS, "csrf_token": "forged"},
        headers=headers,
    )
    assert response.status_code == 400
    assert _boxes(response) == []
    assert "Marsh Farm" not in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "headers", [{"Origin": "http://localhost"}, {"Sec-Fetch-Site": "same-origin"}]
)
def test_words_sent_from_this_site_with_a_lost_session_are_shown(client, headers):
    """A browser closed and its tab restored: session and token are gone, the page is ours."""
    proposal = make_proposal()
    response = client.post(
        f"/proposals/{proposal.id}/comments",
        data={"body": WORDS, "csrf_token": "from a session that has ended"},
        headers=headers,
    )
    assert response.status_code == 400
    assert _boxes(response) == [ESCAPED]


def test_only_text_boxes_are_given_back_never_passwords_or_one_line_fields(login_as):
    proposal = make_proposal(status=ProposalStatus.CLOSED)
    response = login_as(make_user()).submit(
        f"/proposals/{proposal.id}/comments",
        {"body": WORDS, "password": "my secret phrase here", "email": "me@example.org"},
    )
    page = response.get_data(as_text=True)
    assert _boxes(response) == [ESCAPED]
    assert "my secret phrase" not in page and "me@example.org" not in page


def test_the_text_boxes_are_the_forms_text_areas():
    names = _text_box_names()
    assert {"body", "description", "note", "we_did"} <= names
    assert not names & {"password", "current_password", "email", "title", "csrf_token", "code"}


def test_a_survey_answer_sent_from_a_page_open_too_long_is_kept(app, client):
    survey = make_survey()
    assert client.submit(f"/surveys/{survey.id}/age", {"age": "13-15"}).status_code == 302
    client.get("/account/sign-in")
    with client.session_transaction() as session:
        raw = session["csrf_token"]
    # Signed nine hours ago: past the eight-hour limit, within the grace for a real token.
    token = URLSafeTimedSerializer(
        app.config["SECRET_KEY"], salt="wtf-csrf-token", signer=_NineHoursAgo
    ).dumps(raw)
    response = client.post(q_url(survey, 7), data={"answer": WORDS, "csrf_token": token})

    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "This page was open for too long" in page
    assert ESCAPED in page


def test_a_comment_on_a_proposal_taken_down_meanwhile_is_given_back(login_as):
    proposal = make_proposal()
    client = login_as(make_user())
    proposal.status = ProposalStatus.DRAFT
    db.session.commit()

    response = client.submit(f"/proposals/{proposal.id}/comments", {"body": WORDS})

    assert response.status_code == 404
    assert "What you were writing about is no longer here." in response.get_data(as_text=True)
    assert _boxes(response) == [ESCAPED]


def test_a_comment_over_the_posting_limit_is_given_back_with_the_wait(app):
    proposal = make_proposal()
    url = f"/proposals/{proposal.id}/comments"
    with rate_limited_app(app, POST_RATE_LIMIT="1 per minute") as limited:
        client = login(limited.test_client(), make_user())
        assert client.submit(url, {"body": "My first comment"}).status_code == 302
        response = client.submit(url, {"body": WORDS})
    assert response.status_code == 429
    assert "Wait a few minutes, then try again." in response.get_data(as_text=True)
    assert _boxes(response) == [ESCAPED]
