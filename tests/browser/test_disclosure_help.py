"""In a real browser: a child's worrying survey answer brings kind help links, in their language."""

import pytest

from tests.browser.helpers import axe_violations
from tests.i18n.conftest import compile_catalogues
from tests.moderation.helpers import RISK_TEXT
from tests.surveys.helpers import make_survey

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True, scope="module")
def _catalogues():
    compile_catalogues()


def _answer_as_under_13(page, survey, lang: str) -> None:
    page.goto(f"/surveys/{survey.id}/age?lang={lang}")
    page.locator("input[name=age][value=under-13]").check()
    with page.expect_navigation():
        page.locator("button[name=action][value=continue]").click()
    page.locator("textarea[name=answer]").fill(RISK_TEXT)
    with page.expect_navigation():
        page.locator("button[name=action][value=continue]").click()
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").first.click()


@pytest.mark.parametrize(
    ("lang", "heading"),
    [("en", "If anything is worrying you"), ("ur", "اگر کوئی بات آپ کو پریشان کر رہی ہے")],
)
def test_help_after_a_worrying_answer(page, live_server, lang, heading):
    survey = make_survey(questions=[{"kind": "long_text", "text": "Anything else?"}])
    _answer_as_under_13(page, survey, lang)
    assert f"/surveys/{survey.id}/done" in page.url
    banner = page.locator(".engage-disclosure-help")
    assert banner.is_visible()
    assert banner.locator("h2").inner_text().strip() == heading
    assert page.locator("html").get_attribute("lang") == lang
    links = [a.get_attribute("href") for a in banner.locator("a").all()]
    assert "https://www.childline.org.uk/" in links and "https://giveusashout.org/" in links
    assert "999" in banner.inner_text()
    assert axe_violations(page) == []
    # Shown once: going back to the survey's page shows no message.
    page.goto(f"/surveys/{survey.id}")
    assert page.locator(".engage-disclosure-help").count() == 0
