"""Survey free-text answers share the one queue through their adapter."""

from datetime import date

from engage.accounts.models import AgeBand
from engage.extensions import db
from engage.moderation.models import CaseState
from engage.moderation.service import find_case, screen_item
from engage.surveys.models import (
    Answer,
    AnswerModeration,
    AnswerState,
    Question,
    QuestionKind,
    Survey,
    SurveyResponse,
    SurveyStatus,
)
from tests.factories import make_priority
from tests.moderation.helpers import RISK_TEXT, moderator


def _answer(text: str, band=AgeBand.B13_15, moderation=AnswerModeration.HELD) -> Answer:
    survey = Survey(
        title="Parks for young people", priority_id=make_priority().id, status=SurveyStatus.LIVE
    )
    question = Question(survey=survey, kind=QuestionKind.LONG_TEXT, text="What would you change?")
    response = SurveyResponse(survey=survey, age_band=band, submitted_on=date.today())
    answer = Answer(
        response=response,
        question=question,
        state=AnswerState.ANSWERED,
        text=text,
        moderation=moderation,
    )
    db.session.add_all([survey, question, response, answer])
    db.session.flush()
    screen_item("survey_answer", answer)
    db.session.commit()
    return answer


def test_held_answers_join_the_queue_with_their_question(login_as):
    answer = _answer("More shade and water fountains")
    case = find_case("survey_answer", answer.id)
    assert case.state == CaseState.WAITING and case.author_id is None
    client = login_as(moderator())
    page = client.get("/manage/moderation?source=survey_answer").get_data(as_text=True)
    assert "More shade and water fountains" in page
    assert "Parks for young people" in page and "What would you change?" in page
    assert "13 to 15" in page
    assert "More shade" not in client.get("/manage/moderation?source=comment").get_data(
        as_text=True
    )


def test_approving_and_rejecting_answers(login_as):
    keep, drop = _answer("Benches please"), _answer("Buy cheap trainers online")
    client = login_as(moderator())
    assert (
        client.submit(f"/manage/moderation/survey_answer/{keep.id}/approve", {}).status_code == 302
    )
    response = client.submit(
        f"/manage/moderation/survey_answer/{drop.id}/reject", {"reject_reason": "spam"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(Answer, keep.id).moderation == AnswerModeration.PUBLISHED
    assert db.session.get(Answer, drop.id).moderation == AnswerModeration.REJECTED


def test_an_adults_published_answer_is_held_by_the_checks():
    answer = _answer("email me at sam@example.com", AgeBand.B25_44, AnswerModeration.PUBLISHED)
    db.session.expire_all()
    assert db.session.get(Answer, answer.id).moderation == AnswerModeration.HELD
    assert find_case("survey_answer", answer.id).flag_personal


def test_a_risk_answer_goes_to_safeguarding_and_cannot_be_published(login_as):
    answer = _answer(RISK_TEXT)
    assert find_case("survey_answer", answer.id).state == CaseState.SAFEGUARDING
    from engage.permissions import Role
    from tests.factories import make_user

    lead = login_as(make_user(Role.SAFEGUARDING_LEAD))
    assert "hits me" in lead.get("/manage/safeguarding").get_data(as_text=True)
    response = lead.submit(f"/manage/moderation/survey_answer/{answer.id}/approve", {})
    assert response.status_code == 400
    db.session.expire_all()
    assert db.session.get(Answer, answer.id).moderation == AnswerModeration.HELD
