"""Survey written answers: listed per question, published ones only, and their report."""

from engage.accounts.models import AgeBand
from engage.analysis import participation
from engage.extensions import db
from engage.permissions import Role
from engage.surveys.models import Answer, AnswerModeration, SurveyStatus
from tests.analysis.helpers import safeguard
from tests.factories import make_user
from tests.surveys.helpers import add_responses, make_survey

QUESTIONS = [{"kind": "long_text", "text": "What would you change?"}]


def _survey():
    survey = make_survey(SurveyStatus.CLOSED, questions=QUESTIONS)
    add_responses(survey, 3, text="more youth clubs", moderation=AnswerModeration.PUBLISHED)
    add_responses(
        survey, 2, age=AgeBand.B45_64, text="cleaner streets", moderation=AnswerModeration.PUBLISHED
    )
    add_responses(survey, 1, text="held words", moderation=AnswerModeration.HELD)
    add_responses(survey, 1, text="safeguarded words", moderation=AnswerModeration.PUBLISHED)
    risky = db.session.query(Answer).filter(Answer.text == "safeguarded words").one()
    safeguard("survey_answer", risky.id)
    return survey


def test_written_answers_are_listed_and_filtered(login_as):
    survey = _survey()
    client = login_as(make_user(Role.OFFICER))
    question = survey.questions[0]
    url = f"/manage/analysis/survey/{survey.id}/questions/{question.id}"
    page = client.get(url).get_data(as_text=True)
    assert page.count("more youth clubs") == 3 and page.count("cleaner streets") == 2
    assert "held words" not in page and "safeguarded words" not in page
    adults = client.get(url, query_string={"young": "adult"}).get_data(as_text=True)
    assert "cleaner streets" in adults and "youth clubs" not in adults
    aged = client.get(url, query_string={"age": "45-64"}).get_data(as_text=True)
    assert "cleaner streets" in aged and "youth clubs" not in aged
    searched = client.get(url, query_string={"q": "youth"}).get_data(as_text=True)
    assert "youth clubs" in searched and "cleaner" not in searched


def test_survey_participation_is_suppressed():
    survey = _survey()
    result = participation.survey_participation(survey)
    assert result.total.count == 7 and not result.total.suppressed
    ages = {r.label: r.cell for r in result.breakdowns[0].rows}
    assert all(cell.suppressed for cell in ages.values() if cell.count < 5)
