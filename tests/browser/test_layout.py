"""Reflow (WCAG 1.4.10), target size (2.5.8) and text resize (1.4.4), measured on a loaded page.

test_pages.py calls `layout_problems` on every registered page, in English and Urdu (left to
right and right to left), normal and error state, on the same page load as its axe check: the
page is measured at 320 CSS px wide, then at 640 px (a 1280 px screen zoomed to 200%) with all
text doubled in size (GOV.UK Frontend sizes text in rem).
"""

from tests.browser import helpers

LAYOUT_LOCALES = ("en", "ur")
NARROW = {"width": 320, "height": 720}
ZOOMED = {"width": 640, "height": 720}
WIDE = {"width": 1280, "height": 900}


def _overflow(page, width) -> str | None:
    size = page.evaluate(helpers.HORIZONTAL_OVERFLOW_JS)
    if size["scroll"] > width:
        return f"scrolls sideways: {size['scroll']} px of content in {width} px"
    return None


def layout_problems(page, label: str) -> list[str]:
    """No sideways scrolling at 320 px or at 200% text; targets 24 x 24 px or spaced apart.

    Leaves the page at 640 px with text at 200%: reload it, or set the viewport, to go on.
    """
    problems = []
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
        f"{label} at 200% text: text cut off in {t}" for t in page.evaluate(helpers.CLIPPED_TEXT_JS)
    ]
    page.evaluate("() => { document.documentElement.style.fontSize = ''; }")
    return problems
