"""Reading age: the helper, the officers' hint, and the site's own words for young people.

The bar for the site's own youth-facing English text is Flesch-Kincaid grade 6 or lower (a
reading age of 11), measured page by page on the main content, each heading, list item,
paragraph, label and button counted as its own sentence (see docs/accessibility-testing.md).
"""

import html
from html.parser import HTMLParser

import pytest
from flask import url_for

from engage import readability
from engage.permissions import Role
from tests.factories import make_proposal, make_user

EASY = "We want to keep youth centres open later. They would shut at 9pm on school days."
HARD = (
    "The authority proposes the reconfiguration of youth provision through the consolidation "
    "of underutilised facilities, contingent upon the outcome of a comprehensive evaluation."
)


def test_easy_text_meets_the_target_and_hard_text_does_not():
    easy, hard = readability.score(EASY), readability.score(HARD)
    assert easy.meets_target and easy.reading_age <= readability.READING_AGE_TARGET
    assert not hard.meets_target and hard.reading_age > 16
    assert hard.reading_age == round(readability.grade(HARD)) + 5


def test_no_text_has_no_score():
    assert readability.score("") is None
    assert readability.score("   ") is None
    assert readability.grade("") == 0.0


def test_officers_see_the_reading_age_of_the_youth_summary_when_editing(login_as):
    proposal = make_proposal(youth_summary=EASY)
    client = login_as(make_user(Role.OFFICER))
    url = url_for("proposals.manage_proposal_edit", proposal_id=proposal.id)
    page = client.get(url).get_data(as_text=True)
    age = readability.reading_age(EASY)
    assert f"Reading age: {age}, which meets the target of 11 or lower." in page


def test_a_hard_summary_is_flagged_while_the_form_has_errors(login_as):
    proposal = make_proposal()
    client = login_as(make_user(Role.OFFICER))
    url = url_for("proposals.manage_proposal_edit", proposal_id=proposal.id)
    response = client.submit(
        url,
        {
            "title": "",
            "summary": "A summary.",
            "youth_summary": HARD,
            "body": "Body",
            "priority_id": proposal.priority_id,
            "plan_id": 0,
            "who_decides": "The Executive",
            "status": "open",
            # A browser always sends the three boxes of each date.
            **{f"{name}": ["", "", ""] for name in ("opens_on", "closes_on", "decision_due")},
        },
    )
    page = html.unescape(response.get_data(as_text=True))
    age = readability.reading_age(HARD)
    assert f"Reading age: {age}. Aim for 11 or lower" in page
    assert HARD in page  # what was typed is kept


class _Blocks(HTMLParser):
    """Text of <main>, one entry per block, skipping visually hidden helper text."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "label", "legend", "button", "a", "div", "dt"}

    def __init__(self):
        super().__init__()
        self.blocks, self.current, self.in_main, self.hidden = [], [], False, 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True
        if self.hidden or "govuk-visually-hidden" in (attrs.get("class") or ""):
            self.hidden += 1 if tag not in ("input", "br", "img") else 0
        if tag in self.BLOCKS:
            self._flush()

    def handle_endtag(self, tag):
        if self.hidden:
            self.hidden -= 1
        if tag in self.BLOCKS:
            self._flush()
        if tag == "main":
            self.in_main = False

    def handle_data(self, data):
        if self.in_main and not self.hidden:
            self.current.append(data)

    def _flush(self):
        text = " ".join("".join(self.current).split())
        self.current = []
        if text:
            self.blocks.append(text if text[-1] in ".!?:" else text + ".")


def youth_text(page: str) -> str:
    """The words a young person reads in the main part of a page."""
    parser = _Blocks()
    parser.feed(page)
    return " ".join(parser.blocks)


def _young_sign_up(client) -> str:
    response = client.submit(
        url_for("accounts.sign_up_young"),
        {
            "username": "readingfox",
            "password": "correct horse battery staple",
            "age_band": "13-15",
            "connection": "live",
        },
    )
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _privacy_for_young_people(client) -> str:
    page = client.get(url_for("main.privacy")).get_data(as_text=True)
    start = page.index('id="young-people"')
    return "<main>" + page[page.rindex("<h2", 0, start) : page.index('id="adults"')] + "</main>"


YOUTH_PAGES = {
    "house rules": lambda c: c.get(url_for("main.house_rules")).get_data(as_text=True),
    "help": lambda c: c.get(url_for("main.help_page")).get_data(as_text=True),
    "young sign-up": lambda c: c.get(url_for("accounts.sign_up_young")).get_data(as_text=True),
    "privacy notice for young people": _privacy_for_young_people,
    "recovery code": _young_sign_up,
}


@pytest.mark.parametrize("name", YOUTH_PAGES)
def test_the_sites_own_words_for_young_people_are_plain(name, client):
    text = youth_text(YOUTH_PAGES[name](client))
    assert len(text.split()) > 20, text  # the page really was read
    grade = readability.grade(text)
    assert grade <= readability.YOUTH_TEXT_MAX_GRADE, f"{name}: grade {grade:.1f}\n{text}"


def test_the_grade_is_textstats_for_british_english():
    # The app counts as textstat does without importing it (NLTK and SciPy come with it); this
    # holds the two equal on a thousand varied English messages, plus the edge cases.
    import csv
    from pathlib import Path

    from textstat.textstat import textstatistics

    stats = textstatistics()
    stats.set_lang("en-GB")
    data = Path(readability.__file__).parent / "moderation" / "data"
    texts = [EASY, HARD, "Yes.", "1 2 3", "'Quoted' words aren't odd -- are they?", "...!?"]
    for name in ("heldout2.csv", "heldout3.csv", "hand/civic_long.csv", "hand/en.csv"):
        with open(data / name, encoding="utf-8") as f:
            texts += [row["text"] for row in csv.DictReader(f) if row["language"] == "en"]
    assert len(texts) > 1000
    for text in texts:
        expected = max(float(stats.flesch_kincaid_grade(text)), 0.0) if text.strip() else 0.0
        assert readability.grade(text) == pytest.approx(expected, abs=1e-9), text
