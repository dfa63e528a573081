"""An under-13 is told who reads their words before writing them, in the text box's description."""

import pytest

from engage.surveys.models import SurveyStatus
from tests.surveys.helpers import make_survey

pytestmark = pytest.mark.browser

SENTENCE = "A council worker who keeps young people safe reads everything you write first."


def _description(page) -> str:
    box = page.get_by_role("textbox").first
    ids = (box.get_attribute("aria-describedby") or "").split()
    return " ".join(page.locator(f"#{i}").inner_text() for i in ids)


def _reach_text_question(page, survey, age_label: str):
    page.goto(f"/surveys/{survey.id}/age")
    page.get_by_label(age_label, exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()


@pytest.mark.parametrize(("age", "told"), [("Under 13", True), ("13 to 15", False)])
def test_under_13_reads_who_will_read_their_words(page, live_server, age, told):
    survey = make_survey(
        status=SurveyStatus.LIVE,
        questions=[{"kind": "long_text", "text": "What would make your park better?"}],
    )
    _reach_text_question(page, survey, age)
    assert page.get_by_role("textbox").first.is_visible()
    assert (SENTENCE in _description(page)) is told
