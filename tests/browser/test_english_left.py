"""No English left on a translated page: every visible string is in the page's language.

Each registered page is loaded in Urdu (its script makes English easy to spot), with JavaScript
on so components' own words (the password Show button, character counters) are there, in its
normal and error states. Any run of Latin letters fails the test, except:
- council content that has no translation and says so with lang="en" (or any other lang);
- people's own words and names, isolated with <bdi> or dir="auto";
- names that are the same in every language (Luton, Childline...), web and email addresses;
- what people type or staff wrote in form fields (textarea and input values);
- text for screen readers only (govuk-visually-hidden), apart from GOV.UK Frontend's own
  "Error:" before each error message, which is checked too.
"""

import pytest

from tests.browser import helpers
from tests.browser.pages import PAGES
from tests.browser.test_pages import _enter_state, _states
from tests.i18n.conftest import compile_catalogues
from tests.surveys.helpers import make_survey

pytestmark = [pytest.mark.browser, pytest.mark.same_on_every_database]

LOCALE = "ur"

# Proper names, abbreviations and titles that stay as they are in every language (phrases are
# removed before words are counted).
SAME_IN_EVERY_LANGUAGE = [
    "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations",
    "Web Content Accessibility Guidelines", "Equality and Human Rights Commission",
    "Equality Advisory and Support Service", "EHRC", "EASS", "JavaScript", "The Mix",
    "Challney High School", "Year 8",
    "Luton", "Engage", "GOV", "Childline", "NSPCC", "Kooth", "Shout", "SHOUT", "Samaritans",
    "Wycliffe House, Water Lane, Wilmslow, Cheshire", "UK GDPR", "GDPR", "ICO",
    "CSV", "JSON", "Excel", "XLSX", "SVG", "QR", "PDF", "WCAG", "Markdown", "Poedit", "axe",
    "Word",
    # The source of population figures, named as its publisher names it (docs/population.md).
    "Census 2021, age by five-year band", "Office for National Statistics", "ONS Census", "https://",
]  # fmt: skip

_ENGLISH_LEFT = """([allowed, locale]) => {
  const phrases = allowed.slice().sort((a, b) => b.length - a.length);
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement;
    if (!el || !node.data.trim()) continue;
    if (!el.checkVisibility()) continue;
    const marked = el.closest('[lang]');
    if (marked && marked.getAttribute('lang') !== locale) continue;
    if (el.closest('bdi, [dir=auto], script, style, noscript, code, pre, textarea, .engage-code,'
                   + ' .govuk-visually-hidden')) continue;
    let text = node.data;
    for (const phrase of phrases) text = text.split(phrase).join(' ');
    text = text
      .replace(/\\S+@\\S+/g, ' ')
      .replace(/(https?:\\/\\/|www\\.)\\S+/g, ' ')
      .replace(/\\b[\\w-]+(\\.[\\w-]+)*\\.(uk|org|com|net)\\b\\S*/g, ' ');
    const words = text.match(/[A-Za-z][A-Za-z'’]{2,}/g) || [];
    if (words.length) {
      const tag = el.tagName.toLowerCase();
      found.push(`${tag}: [${words.join(' ')}] ${node.data.trim().slice(0, 80)}`);
    }
  }
  return found;
}"""


@pytest.fixture(autouse=True, scope="module")
def _catalogues():
    compile_catalogues()


def english_left(page) -> list[str]:
    """The visible strings on the page that are in English without saying so."""
    return page.evaluate(_ENGLISH_LEFT, [SAME_IN_EVERY_LANGUAGE, LOCALE])


@pytest.mark.parametrize("entry", PAGES, ids=str)
def test_no_english_left_on_a_translated_page(entry, new_context, world):
    page = new_context().new_page()
    if entry.role:
        helpers.sign_in(page, world.users[entry.role])
    if entry.prepare and not entry.once:
        entry.prepare(page, world)
    problems = []
    for state, action in _states(entry):
        label = f"{entry.name} [{LOCALE}, {state}]"
        _enter_state(page, entry, world, LOCALE, action, problems, label)
        problems += [f"{label}: {text}" for text in english_left(page)]
        prefixes = page.locator(".govuk-error-message > .govuk-visually-hidden").all_inner_texts()
        problems += [f"{label}: error prefix {p!r}" for p in prefixes if "Error" in p]
    assert not problems, "\n".join(problems)


def test_long_text_question_counts_characters_in_the_page_language(page):
    survey = make_survey(questions=[{"kind": "long_text", "text": "Anything else?"}])
    page.goto(f"/surveys/{survey.id}/age?lang={LOCALE}")
    page.locator("input[value='13-15']").check()
    page.locator("main button[type=submit]").first.click()
    page.locator("textarea[name=answer]").fill("More benches")
    counter = page.locator(".govuk-character-count__status")
    counter.wait_for()
    assert "characters remaining" not in counter.inner_text()
    assert not english_left(page)


def test_the_check_finds_english_that_is_not_marked(page):
    page.goto(f"/?lang={LOCALE}")
    page.evaluate("document.querySelector('main').append('You have 950 characters remaining')")
    assert any("characters remaining" in found for found in english_left(page))
    page.evaluate(
        "() => { const s = document.createElement('span'); s.lang = 'en';"
        " s.textContent = 'Play streets'; document.querySelector('main').append(s); }"
    )
    assert not any("Play streets" in found for found in english_left(page))
