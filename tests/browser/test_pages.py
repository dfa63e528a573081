"""Every registered page, in English, Urdu and Polish, normal and error state, in a real browser.

Checked per combination, on a single page load: the expected status, zero axe violations of
WCAG 2.0/2.1/2.2 A and AA (and no serious or critical best-practice ones), no request to another
origin, and help links on young people's pages. In English and Urdu (left to right and right to
left) the same load is then measured for reflow at 320 px, target size and 200% text (see
test_layout.py).
"""

import pytest

from engage.permissions import Role
from tests.browser import helpers
from tests.browser.pages import PAGES
from tests.browser.test_layout import LAYOUT_LOCALES, WIDE, layout_problems

pytestmark = [pytest.mark.browser, pytest.mark.same_on_every_database]


def _open(page, entry, world, locale):
    """Load the page in a locale; return the response status."""
    if entry.once:
        # A page shown once lands at the end of its prepare steps; choose the language first.
        page.goto(f"/?lang={locale}")
        entry.prepare(page, world)
        return entry.status if page.url.endswith(entry.url(world)) else f"at {page.url}"
    url = entry.url(world)
    sep = "&" if "?" in url else "?"
    response = page.goto(f"{url}{sep}lang={locale}")
    return response.status


def _states(entry):
    yield "normal", None
    if entry.error:
        yield "error", entry.error


def _enter_state(page, entry, world, locale, action, problems, label):
    status = _open(page, entry, world, locale)
    if action is None:
        if status != entry.status:
            problems.append(f"{label}: status {status}, expected {entry.status}")
        return
    title = page.title()
    action(page)
    summary = page.locator(".govuk-error-summary")
    if not summary.count():
        problems.append(f"{label}: no error summary")
        return
    # "Error: " (in the page's language) goes before the title, as the GOV.UK pattern asks.
    if page.title() == title or not page.title().endswith(title):
        problems.append(f"{label}: page title {page.title()!r} does not mark the error")
    # GOV.UK pattern: the summary takes focus so screen readers announce it at once.
    if not summary.evaluate(
        "el => el === document.activeElement || el.contains(document.activeElement)"
    ):
        problems.append(f"{label}: the error summary did not take focus")


@pytest.mark.parametrize("entry", PAGES, ids=str)
def test_page_passes_axe_in_every_locale_and_state(entry, new_context, live_server, world):
    """Zero axe violations; same-origin requests only; youth pages carry help links; reflow."""
    context = new_context()
    page = context.new_page()
    if entry.role:
        helpers.sign_in(page, world.users[entry.role])
    if entry.prepare and not entry.once:
        entry.prepare(page, world)
    problems = []
    for locale in helpers.LOCALES:
        for state, action in _states(entry):
            label = f"{entry.name} [{locale}, {state}]"
            context.requests.clear()
            _enter_state(page, entry, world, locale, action, problems, label)
            assert page.locator("html").get_attribute("lang") == locale
            problems += [f"{label}: {v}" for v in helpers.axe_violations(page)]
            problems += [
                f"{label}: request to another origin {u}"
                for u in helpers.foreign_requests(context.requests, live_server.url)
            ]
            youth = entry.youth or entry.role == Role.YOUNG_PERSON
            if youth and not page.locator("a[href*='childline.org.uk']").count():
                problems.append(f"{label}: no Childline link on a young people's page")
            if locale in LAYOUT_LOCALES:
                problems += layout_problems(page, label)
                page.set_viewport_size(WIDE)
            helpers.checked["combinations"] += 1
    assert not problems, "\n".join(problems)
