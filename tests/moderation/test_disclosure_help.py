"""Help when a child discloses: support links on the page after posting, once, to them only."""

import uuid
from contextlib import contextmanager

from flask import url_for

from engage import create_app
from engage.extensions import db
from engage.permissions import Role
from tests.conftest import Client
from tests.factories import make_comment, make_proposal, make_user
from tests.moderation.helpers import RISK_TEXT
from tests.surveys.helpers import make_survey, q_url

HELP_HEADING = "If anything is worrying you"
SELF_HARM_TEXT = "I keep cutting myself"
BULLYING_TEXT = "they bully me every day at school"


def _help(page: str) -> bool:
    return HELP_HEADING in page


def _comment(client, proposal, body, parent=None):
    data = {"body": body}
    if parent is not None:
        data["parent_id"] = str(parent.id)
    return client.submit(
        url_for("comments.create", proposal_id=proposal.id), data, follow_redirects=True
    )


def test_young_persons_risky_comment_shows_help_once_without_saying_it_was_flagged(login_as):
    proposal = make_proposal()
    client = login_as(make_user(Role.YOUNG_PERSON))
    response = _comment(client, proposal, RISK_TEXT)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and _help(page)
    assert "childline.org.uk" in page and "giveusashout.org" in page and "999" in page
    # Kind and neutral: nothing says the words were flagged, checked or about risk.
    lowered = page.lower()
    for word in ("flagged", "safeguarding", "risk", "concern"):
        assert word not in lowered
    assert response.headers["Cache-Control"] == "no-store"
    # Once only: the next page has no message.
    again = client.get(url_for("proposals.proposal", proposal_id=proposal.id))
    assert not _help(again.get_data(as_text=True))


def test_the_links_fit_what_was_written_about(login_as):
    proposal = make_proposal()
    client = login_as(make_user(Role.YOUNG_PERSON))
    page = _comment(client, proposal, BULLYING_TEXT).get_data(as_text=True)
    links = page.split(HELP_HEADING, 1)[1].split("</ul>", 1)[0]
    assert "childline.org.uk" in links and "themix.org.uk" in links
    assert "giveusashout.org" not in links


def test_a_reply_shows_help_too(login_as):
    proposal = make_proposal()
    parent = make_comment(proposal, make_user())
    client = login_as(make_user(Role.YOUNG_PERSON))
    page = _comment(client, proposal, SELF_HARM_TEXT, parent=parent).get_data(as_text=True)
    assert _help(page) and "childline.org.uk" in page


def test_an_ordinary_comment_shows_no_help(login_as):
    proposal = make_proposal()
    client = login_as(make_user(Role.YOUNG_PERSON))
    page = _comment(client, proposal, "More benches in the park please").get_data(as_text=True)
    assert not _help(page)


def test_adults_posts_are_unchanged(login_as):
    proposal = make_proposal()
    client = login_as(make_user(Role.RESIDENT))
    page = _comment(client, proposal, RISK_TEXT).get_data(as_text=True)
    assert not _help(page)


def test_the_message_is_in_the_young_persons_language(login_as):
    proposal = make_proposal()
    client = login_as(make_user(Role.YOUNG_PERSON, locale="ur"))
    client.get(url_for("proposals.home", lang="ur"))
    page = _comment(client, proposal, RISK_TEXT).get_data(as_text=True)
    assert 'lang="ur"' in page
    assert HELP_HEADING not in page and "childline.org.uk" in page
    assert "999" in page


def _one_question_survey(**fields):
    return make_survey(questions=[{"kind": "long_text", "text": "Anything else?"}], **fields)


def _answer(client, survey, words, age):
    assert (
        client.submit(url_for("surveys.age", survey_id=survey.id), {"age": age}).status_code == 302
    )
    assert client.submit(q_url(survey, 1), {"answer": words}).status_code == 302
    return client.submit(url_for("surveys.check", survey_id=survey.id), follow_redirects=True)


def test_anonymous_under_13_answer_shows_help_on_the_done_page(client):
    survey = _one_question_survey()
    response = _answer(client, survey, RISK_TEXT, "under-13")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and _help(page)
    assert "Your answers have been sent" in page
    assert response.headers["Cache-Control"] == "no-store"


def test_anonymous_ordinary_answer_shows_no_help(client):
    survey = _one_question_survey()
    page = _answer(client, survey, "More shade in the park", "under-13").get_data(as_text=True)
    assert not _help(page)


def test_signed_in_young_persons_answer_shows_help(login_as):
    survey = _one_question_survey(anonymous=False)
    client = login_as(make_user(Role.YOUNG_PERSON))
    page = _answer(client, survey, SELF_HARM_TEXT, "13-15").get_data(as_text=True)
    assert _help(page)


def test_adult_answer_on_an_everyone_survey_shows_no_help(client):
    survey = _one_question_survey(audience="everyone")
    page = _answer(client, survey, RISK_TEXT, "25-44").get_data(as_text=True)
    assert not _help(page)


def test_the_help_never_reaches_the_page_cache(app):
    """A page shown with the help is never stored for other readers, who are not signed in."""
    proposal = make_proposal()
    survey = _one_question_survey()
    page_url = url_for("proposals.proposal", proposal_id=proposal.id)
    with _cached_app(app) as cached:
        child, stranger = cached.test_client(), cached.test_client()
        # The child answers, then goes straight to a cacheable page instead of the done page.
        child.submit(url_for("surveys.age", survey_id=survey.id), {"age": "under-13"})
        child.submit(q_url(survey, 1), {"answer": RISK_TEXT})
        assert child.submit(url_for("surveys.check", survey_id=survey.id)).status_code == 302
        first = child.get(page_url)
        assert _help(first.get_data(as_text=True))
        assert "X-Page-Cache" not in first.headers
        assert first.headers["Cache-Control"] == "no-store"
        seen = [stranger.get(page_url) for _ in range(2)]
        assert not any(_help(r.get_data(as_text=True)) for r in seen)
        assert [r.headers["X-Page-Cache"] for r in seen] == ["miss", "hit"]
        # And the child's own next visit is an ordinary page again.
        assert not _help(child.get(page_url).get_data(as_text=True))


@contextmanager
def _cached_app(app):
    """A second app on the test database with the page cache on (it is off in other tests)."""
    cached = create_app(
        {
            **{k: v for k, v in app.config.items() if k.isupper()},
            "PAGE_CACHE_IN_TESTS": True,
            "PAGE_CACHE_SECONDS": 30,
            "CACHE_KEY_PREFIX": f"test-{uuid.uuid4().hex}:",
        }
    )
    cached.test_client_class = Client
    try:
        yield cached
    finally:
        with cached.app_context():
            db.engine.dispose()


def test_links_for_each_kind_always_end_with_999():
    from engage.moderation.disclosure import links_for

    assert links_for(["bullying"]) == ["childline", "the_mix", "emergency"]
    assert links_for(["suicide"])[0] == "shout"
    # A kind the checks learn later still gets every service.
    assert links_for(["something_new"]) == ["childline", "shout", "the_mix", "emergency"]
    assert links_for([]) == ["childline", "shout", "the_mix", "emergency"]
