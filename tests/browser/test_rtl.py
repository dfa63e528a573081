"""Right-to-left pages really are mirrored in a browser: columns, error markers, lists, back links.

GOV.UK Frontend lays itself out with physical left/right; assets/scss/_rtl.scss mirrors it under
<html dir="rtl">. These checks measure the rendered page, so they fail if that layer breaks.

`ENGAGE_SCREENSHOTS=1 pytest tests/browser/test_rtl.py -k screenshots` also refreshes the
screenshots in docs/screenshots/ that docs/translating.md shows.
"""

import os
from pathlib import Path

import pytest

from engage.extensions import db
from engage.translations.models import ContentTranslation
from engage.translations.service import source_hash
from tests.factories import make_proposal
from tests.i18n.conftest import compile_catalogues

pytestmark = [pytest.mark.browser, pytest.mark.same_on_every_database]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
BODY = "Why we propose it:\n\n- safer crossings near schools\n- more trees\n- slower traffic"
BODY_UR = "ہم یہ کیوں تجویز کرتے ہیں:\n\n- اسکولوں کے قریب محفوظ راستے\n- زیادہ درخت\n- سست ٹریفک"


@pytest.fixture(autouse=True, scope="module")
def _catalogues():
    compile_catalogues()


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def style(page, selector: str, prop: str) -> str:
    return page.locator(selector).first.evaluate(
        f"(el) => getComputedStyle(el).getPropertyValue({prop!r})"
    )


def _proposal(translated: bool = True):
    """A proposal whose title and body have Urdu translations (the summary stays English)."""
    proposal = make_proposal(
        title="Play streets", summary="Close some streets for play.", body=BODY
    )
    if translated:
        for field, text in (("title", "کھیل کی گلیاں"), ("body", BODY_UR)):
            db.session.add(
                ContentTranslation(
                    entity="proposal",
                    entity_id=proposal.id,
                    field=field,
                    locale="ur",
                    text=text,
                    source_hash=source_hash(getattr(proposal, field)),
                )
            )
        db.session.commit()
    return proposal


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
    inset = "main .govuk-inset-text:not(.engage-translation-notice)"
    assert style(page, inset, "border-right-style") == "solid"
    assert style(page, inset, "border-left-width") == "0px"


def test_english_fallback_inside_an_urdu_page_stays_left_to_right(page):
    proposal = _proposal()
    page.goto(f"/proposals/{proposal.id}?lang=ur")
    # The summary has no Urdu yet: it shows in English, set left to right, under a notice.
    summary = page.locator("main p.govuk-body-l[lang=en]")
    assert summary.inner_text() == "Close some streets for play."
    assert summary.evaluate("(el) => getComputedStyle(el).direction") == "ltr"
    assert page.locator("main .engage-translation-notice").count() == 1
    assert style(page, "main h1", "direction") == "rtl"


def test_language_switcher_marks_each_language(page):
    page.goto("/?lang=ar")
    for code in ("en", "ur", "pl", "bn", "ro", "pa", "pt", "ar"):
        assert page.locator(f".engage-lang-switcher [lang={code}]").count() == 1


@pytest.mark.skipif(not os.environ.get("ENGAGE_SCREENSHOTS"), reason="on demand only")
def test_screenshots(new_context):
    """Refresh docs/screenshots/: an Urdu proposal page and an Urdu survey question."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = new_context(viewport={"width": 1000, "height": 1100}).new_page()
    proposal = _proposal()
    page.goto(f"/proposals/{proposal.id}?lang=ur")
    page.screenshot(path=str(SCREENSHOTS / "ur-proposal.png"))

    survey = _urdu_survey()
    page.goto(f"/surveys/{survey.id}/age?lang=ur")
    page.locator("input[name=age][value='13-15']").check()
    page.locator("main form button").first.click()
    page.wait_for_url(f"**/surveys/{survey.id}/q/1*")
    page.locator("main form button").first.click()  # submit empty: show the error markers
    page.wait_for_selector(".govuk-form-group--error")
    page.screenshot(path=str(SCREENSHOTS / "ur-survey-question.png"))


def _urdu_survey():
    """A live anonymous survey with its first question and options translated into Urdu."""
    from tests.surveys.helpers import make_survey

    survey = make_survey(
        title="Parks",
        questions=[
            {
                "kind": "single",
                "text": "Which park do you go to most?",
                "hint": "Choose the one you visit most often.",
                "options": ["Wardown Park", "Stockwood Park", "People's Park"],
            }
        ],
    )
    question = survey.questions[0]
    rows = [
        ("survey", survey.id, "title", "پارک"),
        ("survey_question", question.id, "text", "آپ زیادہ تر کس پارک میں جاتے ہیں؟"),
        ("survey_question", question.id, "hint", "وہ پارک چنیں جہاں آپ سب سے زیادہ جاتے ہیں۔"),
    ]
    for option, name in zip(question.options, ("وارڈاؤن پارک", "اسٹاک ووڈ پارک"), strict=False):
        rows.append(("survey_question_option", option.id, "label", name))
    for entity, entity_id, field, text in rows:
        db.session.add(
            ContentTranslation(
                entity=entity, entity_id=entity_id, field=field, locale="ur", text=text
            )
        )
    db.session.commit()
    return survey
