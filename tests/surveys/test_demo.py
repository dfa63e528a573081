"""The demo data has a young people's survey that shows every feature."""

from sqlalchemy import func, select

from engage.demo.seed import load_demo
from engage.extensions import db
from engage.surveys.models import (
    Answer,
    AnswerState,
    Audience,
    QuestionKind,
    Survey,
    SurveyResponse,
    SurveyStatus,
)
from engage.surveys.results import survey_results


def test_demo_child_friendly_survey(client):
    load_demo()
    db.session.commit()
    survey = db.session.scalar(select(Survey).where(Survey.status == SurveyStatus.LIVE))
    assert survey.priority.slug == "child-friendly-town"
    assert survey.audience == Audience.YOUNG_PEOPLE and survey.anonymous
    assert len(survey.questions) >= 8
    assert {q.kind for q in survey.questions} == set(QuestionKind)
    conditional = [q for q in survey.questions if q.condition_question_id]
    assert conditional
    assert survey.join_codes
    responses = db.session.scalar(
        select(func.count())
        .select_from(SurveyResponse)
        .where(SurveyResponse.survey_id == survey.id)
    )
    assert responses >= 200
    assert db.session.scalar(select(func.count()).where(SurveyResponse.user_id.is_not(None))) == 0
    # Generated answers follow the condition: "not asked" exactly when the answer did not match.
    q = conditional[0]
    states = dict(
        db.session.execute(
            select(Answer.state, func.count())
            .where(Answer.question_id == q.id)
            .group_by(Answer.state)
        ).all()
    )
    assert states.get(AnswerState.NOT_ASKED) and states.get(AnswerState.ANSWERED)
    # The join code opens the survey, and its results read per group.
    code = survey.join_codes[0]
    assert client.get(f"/s/{code.code}").status_code == 302
    results = survey_results(survey)
    assert not results.too_few and results.total.count == responses
    page = client.get(f"/surveys/{survey.id}").get_data(as_text=True)
    assert survey.title in page and "Start now" in page
