"""Answers in progress stay on the server, never readable in the cookie, and end with the survey."""

import json
from datetime import timedelta

from flask import current_app, url_for
from sqlalchemy import func, select

from engage.clock import utcnow
from engage.extensions import db
from engage.permissions import Role
from engage.surveys import building
from engage.surveys.drafts import DRAFT_LIFETIME, clear_drafts
from engage.surveys.models import SurveyDraft, SurveyStatus
from tests.factories import make_user
from tests.surveys.helpers import answer_standard, make_survey, q_url

SECRET = "my giraffe secret is here"


def _cookie_session(client) -> dict:
    """The session cookie decoded as anyone holding the browser could (signed, not encrypted)."""
    cookie = client.get_cookie(current_app.config.get("SESSION_COOKIE_NAME", "session"))
    assert cookie is not None
    serializer = current_app.session_interface.get_signing_serializer(current_app)
    return serializer.loads(cookie.value)


def _drafts() -> list[SurveyDraft]:
    db.session.expire_all()
    return list(db.session.scalars(select(SurveyDraft)))


def _start(client, survey, age="under-13"):
    """Answer the age page and the first questions, up to and including the long text (q7)."""
    client.submit(url_for("surveys.age", survey_id=survey.id), {"age": age})
    client.submit(q_url(survey, 1), {"answer": "no"})
    client.submit(q_url(survey, 3), {"answer": [], "action": "skip"})


def test_cookie_holds_no_answer_text_only_a_draft_id(client):
    survey = make_survey()
    client.submit(url_for("surveys.age", survey_id=survey.id), {"age": "under-13"})
    response = client.submit(q_url(survey, 7), {"answer": SECRET})
    assert response.status_code == 302
    decoded = _cookie_session(client)
    assert SECRET not in json.dumps(decoded) and "under-13" not in json.dumps(decoded)
    (draft,) = _drafts()
    assert decoded["survey_drafts"] == {str(survey.id): draft.id}
    assert draft.data["answers"][str(survey.questions[6].id)]["text"] == SECRET
    assert draft.data["age"] == "under-13" and len(draft.id) >= 32


def test_draft_is_deleted_when_the_answers_are_sent(client):
    survey = make_survey()
    assert answer_standard(client, survey, q7={"answer": SECRET}).status_code == 302
    assert _drafts() == []
    assert _cookie_session(client)["survey_drafts"] == {}


def test_drafts_end_when_the_survey_is_closed_by_staff(client, login_as):
    survey = make_survey()
    _start(client, survey)
    assert len(_drafts()) == 1
    officer = make_user(Role.OFFICER)
    db.session.refresh(survey)
    data = building.SurveyData(
        title=survey.title,
        introduction=survey.introduction,
        audience=survey.audience,
        min_age_band=None,
        max_age_band=None,
        anonymous=survey.anonymous,
        priority_id=survey.priority_id,
        proposal_id=None,
        opens_on=survey.opens_at.date(),
        closes_on=survey.closes_at.date(),
        results_due=survey.results_due,
        what_next=survey.what_next,
        status=SurveyStatus.CLOSED,
    )
    building.update_survey(officer, survey, data)
    db.session.commit()
    assert _drafts() == []


def test_cleanup_removes_drafts_of_closed_and_expired_surveys_but_keeps_live_ones(app, client):
    live, ended = make_survey(), make_survey()
    _start(client, live)
    _start(app.test_client(), ended)
    ended.closes_at = utcnow() - timedelta(minutes=1)  # closed by its date, nobody pressed a button
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["engage", "clear-survey-drafts"])
    assert result.exit_code == 0 and "Deleted 1 survey drafts." in result.output
    (kept,) = _drafts()
    assert kept.survey_id == live.id
    # Later than its lifetime, the live survey's draft goes too.
    assert clear_drafts(now=utcnow() + DRAFT_LIFETIME + timedelta(minutes=1)) == 1
    db.session.commit()
    assert _drafts() == []


def test_sending_answers_also_clears_drafts_left_on_closed_surveys(app, client):
    live, ended = make_survey(), make_survey()
    _start(app.test_client(), ended)
    ended.closes_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    answer_standard(client, live)
    assert _drafts() == []


def test_an_expired_draft_is_not_used(client):
    survey = make_survey()
    _start(client, survey)
    (draft,) = _drafts()
    draft.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    # The age page is empty again: the old answers are not shown to the next person.
    page = client.get(url_for("surveys.question", survey_id=survey.id, number=1))
    assert page.status_code == 302 and page.headers["Location"].endswith(
        url_for("surveys.age", survey_id=survey.id)
    )


def test_under_13s_are_told_who_reads_their_words_before_they_write(client, app):
    survey = make_survey()
    sentence = "A council worker who keeps young people safe reads everything you write first."
    client.submit(url_for("surveys.age", survey_id=survey.id), {"age": "under-13"})
    assert sentence in client.get(q_url(survey, 7)).get_data(as_text=True)  # long text
    assert sentence in client.get(q_url(survey, 6)).get_data(as_text=True)  # short text
    assert sentence in client.get(q_url(survey, 3)).get_data(as_text=True)  # the "Other" box
    assert sentence not in client.get(q_url(survey, 1)).get_data(as_text=True)  # no words
    older = app.test_client()
    older.submit(url_for("surveys.age", survey_id=survey.id), {"age": "13-15"})
    page = older.get(q_url(survey, 7)).get_data(as_text=True)
    assert sentence not in page and "Do not write your name, address" in page


def test_draft_count_is_one_per_browser_and_survey(client):
    survey = make_survey()
    _start(client, survey)
    _start(client, survey)
    assert db.session.scalar(select(func.count()).select_from(SurveyDraft)) == 1
