"""Right-to-left pages really are mirrored in a browser: columns, error markers, lists, back links.

GOV.UK Frontend lays itself out with physical left/right; assets/scss/_rtl.scss mirrors it under
<html dir="rtl">. These checks measure the rendered page, so they fail if that layer breaks.

`ENGAGE_SCREENSHOTS=1 pytest tests/browser/test_rtl.py -k screenshots` also refreshes the
screenshots in docs/screenshots/ that docs/translating.md shows.
"""

import os
from pathlib import Path

import pytest

from tests.factories import make_proposal
from tests.i18n.conftest import compile_catalogues

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
BODY = "Why we propose it:\n\n- safer crossings near schools\n- more trees\n- slower traffic"


@pytest.fixture(autouse=True, scope="module")
def _catalogues():
    compile_catalogues()


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def style(page, selector: str, prop: str) -> str:
    return page.locator(selector).first.evaluate(
        f"(el) => getComputedStyle(el).getPropertyValue({prop!r})"
    )


def _proposal():
    return make_proposal(title="Play streets", summary="Close some streets for play.", body=BODY)


@pytest.mark.parametrize("code", ["ur", "ar"])
def test_main_column_sits_on_the_right(page, code):
    proposal = _proposal()
    page.goto(f"/proposals/{proposal.id}?lang={code}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    container = box(page, ".govuk-width-container")
    column = box(page, "main .govuk-grid-column-two-thirds")
    container_right = container["x"] + container["width"]
    # The two-thirds column hugs the right edge and leaves the empty third on the left.
    assert abs(column["x"] + column["width"] - container_right) < 20
    assert column["x"] > container["x"] + container["width"] / 4
    # Text starts at the right: the heading's right edge is the column's right edge.
    heading = box(page, "main h1")
    assert abs(heading["x"] + heading["width"] - (column["x"] + column["width"])) < 20


def test_left_to_right_page_is_not_mirrored(page):
    proposal = _proposal()
    page.goto(f"/proposals/{proposal.id}?lang=pl")
    container = box(page, ".govuk-width-container")
    column = box(page, "main .govuk-grid-column-two-thirds")
    assert abs(column["x"] - container["x"]) < 20


def test_error_marker_is_on_the_right(page):
    page.goto("/account/sign-in?lang=ur")
    page.locator("main button[type=submit]").click()
    page.wait_for_selector(".govuk-form-group--error")
    group = ".govuk-form-group--error"
    assert style(page, group, "border-right-width") not in ("0px", "")
    assert style(page, group, "border-right-style") == "solid"
    assert style(page, group, "border-left-width") == "0px"
    # The red bar's colour is GOV.UK's error red, now on the right-hand side.
    assert style(page, group, "border-right-color") == style(page, ".govuk-error-message", "color")
    # The error message text itself starts from the right of its group.
    message, holder = box(page, ".govuk-error-message"), box(page, group)
    assert abs(message["x"] + message["width"] - (holder["x"] + holder["width"])) < 40


def test_lists_back_link_and_inset_text_are_mirrored(page):
    proposal = _proposal()
    page.goto(f"/proposals/{proposal.id}?lang=ur")
    bullets = "main .engage-prose ul"
    assert float(style(page, bullets, "padding-right").rstrip("px")) > 0
    assert style(page, bullets, "padding-left") == "0px"
    # The back link's arrow is on its right and points right (backwards in Urdu).
    link = box(page, ".govuk-back-link")
    arrow_right = page.locator(".govuk-back-link").evaluate(
        "(el) => getComputedStyle(el, '::before').right"
    )
    assert arrow_right != "auto"
    assert float(style(page, ".govuk-back-link", "padding-right").rstrip("px")) > 0
    assert link["x"] + link["width"] > box(page, ".govuk-width-container")["width"] / 2
    inset = "main .govuk-inset-text"
    assert style(page, inset, "border-right-style") == "solid"
    assert style(page, inset, "border-left-width") == "0px"


def test_language_switcher_marks_each_language(page):
    page.goto("/?lang=ar")
    for code in ("en", "ur", "pl", "bn", "ro", "pa", "pt", "ar"):
        assert page.locator(f".engage-lang-switcher [lang={code}]").count() == 1


@pytest.mark.skipif(not os.environ.get("ENGAGE_SCREENSHOTS"), reason="on demand only")
def test_screenshots(new_context):
    """Refresh docs/screenshots/ (Urdu proposal page and survey question)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    proposal = _proposal()
    page.goto(f"/proposals/{proposal.id}?lang=ur")
    page.screenshot(path=str(SCREENSHOTS / "ur-proposal.png"), full_page=False)
    question_url = _survey_question_url()
    if question_url:
        page.goto(f"{question_url}?lang=ur")
        page.locator("main button[type=submit]").first.click()
        page.screenshot(path=str(SCREENSHOTS / "ur-survey-question.png"), full_page=False)


def _survey_question_url() -> str | None:
    """The first question page of a live anonymous survey, made with the surveys' own factory."""
    try:
        from tests.factories import make_survey
    except ImportError:
        return None
    survey = make_survey()
    return f"/surveys/{survey.id}/q/1"
