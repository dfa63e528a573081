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


def test_lead_page_and_the_young_persons_support_message(new_context, sign_in):
    """The lead sends a support message and the young person reads it; both pages pass axe."""
    from engage.extensions import db
    from engage.permissions import Role
    from tests.factories import make_user
    from tests.moderation.helpers import held_comment

    child = make_user(Role.YOUNG_PERSON)
    comment, _case = held_comment(RISK_TEXT, author=child)
    lead = make_user(Role.SAFEGUARDING_LEAD)
    db.session.commit()
    page = new_context().new_page()
    sign_in(page, lead)
    page.goto(f"/manage/moderation/comment/{comment.id}")
    page.locator("textarea[name=support_note]").fill("We are here if you want to talk.")
    with page.expect_navigation():
        page.locator("form[action$='/support'] button[type=submit]").click()
    assert "The support message has been sent." in page.inner_text("main")
    assert axe_violations(page) == []
    young = new_context().new_page()
    sign_in(young, child)
    young.goto("/notifications")
    text = young.inner_text("main")
    assert "Our safeguarding team wanted to check you are OK" in text
    assert "We are here if you want to talk." in text and RISK_TEXT not in text
    assert axe_violations(young) == []
