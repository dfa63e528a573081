"""Reflow (WCAG 1.4.10), target size (2.5.8) and text resize (1.4.4) on every registered page.

Each page is loaded once per locale direction and state, then measured at 320 CSS px wide, and
at 640 px (a 1280 px screen zoomed to 200%) with all text doubled in size.
"""

import pytest

from tests.browser import helpers
from tests.browser.pages import PAGES

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 720}
ZOOMED = {"width": 640, "height": 720}
WIDE = {"width": 1280, "height": 900}


def _overflow(page, width) -> str | None:
    size = page.evaluate(helpers.HORIZONTAL_OVERFLOW_JS)
    if size["scroll"] > width:
        return f"scrolls sideways: {size['scroll']} px of content in {width} px"
    return None


@pytest.mark.parametrize("entry", PAGES, ids=str)
def test_page_reflows_at_320px_with_big_enough_targets_and_200pc_text(entry, page, world):
    """No sideways scrolling at 320 px or at 200% text; targets 24 x 24 px or spaced apart."""
    if entry.role:
        helpers.sign_in(page, world.users[entry.role])
    if entry.prepare and not entry.once:
        entry.prepare(page, world)
    problems = []
    for locale in ("en", "ur"):  # one left-to-right and one right-to-left layout
        states = [("normal", None)] + ([("error", entry.error)] if entry.error else [])
        for state, action in states:
            label = f"{entry.name} [{locale}, {state}]"
            page.set_viewport_size(WIDE)
            if entry.once:
                page.goto(f"/?lang={locale}")
                entry.prepare(page, world)
            else:
                page.goto(f"{entry.url(world)}?lang={locale}")
            if action:
                action(page)
            page.set_viewport_size(NARROW)
            if message := _overflow(page, NARROW["width"]):
                problems.append(f"{label} at 320 px: {message}")
            problems += [
                f"{label}: target smaller than 24 x 24 px and too close to another: {t}"
                for t in page.evaluate(helpers.SMALL_TARGETS_JS)
            ]
            page.set_viewport_size(ZOOMED)
            page.evaluate("() => { document.documentElement.style.fontSize = '200%'; }")
            if message := _overflow(page, ZOOMED["width"]):
                problems.append(f"{label} at 200% text: {message}")
            problems += [
                f"{label} at 200% text: text cut off in {t}"
                for t in page.evaluate(helpers.CLIPPED_TEXT_JS)
            ]
    assert not problems, "\n".join(problems)
