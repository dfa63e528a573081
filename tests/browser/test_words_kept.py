"""In a real browser: a comment sent after its proposal closed, or after the browser lost its
session, comes back in a box to copy, with the reason, in the reader's language; axe-clean."""

import pytest

from engage.extensions import db
from engage.proposals.models import ProposalStatus
from tests.browser.helpers import axe_violations
from tests.factories import make_proposal, make_user
from tests.i18n.conftest import compile_catalogues

pytestmark = pytest.mark.browser

WORDS = "Keep the library open on Saturdays.\nThe children need somewhere warm to read."
FORM = "form[action$='/comments']:not(:has(input[name=parent_id]))"


@pytest.fixture(autouse=True, scope="module")
def _catalogues():
    compile_catalogues()


def _write(page, proposal, lang: str) -> None:
    page.goto(f"/proposals/{proposal.id}?lang={lang}")
    page.locator(f"{FORM} textarea[name=body]").fill(WORDS)


def _send(page):
    with page.expect_navigation() as sent:
        page.locator(f"{FORM} button[type=submit]").click()
    return sent.value


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "This proposal is no longer taking comments."),
        ("ar", "لم يعد هذا المقترح يقبل التعليقات."),
    ],
)
def test_a_comment_sent_after_the_proposal_closed(page, sign_in, lang, heading):
    proposal = make_proposal()
    sign_in(page, make_user())
    _write(page, proposal, lang)
    proposal.status = ProposalStatus.CLOSED
    db.session.commit()

    response = _send(page)

    assert response.status == 403
    assert page.locator("h1").inner_text().strip() == heading
    assert page.locator("html").get_attribute("lang") == lang
    box = page.locator("main textarea[readonly]")
    assert box.input_value() == WORDS
    assert axe_violations(page) == []


def test_a_comment_sent_after_the_browser_lost_its_session(page, context, sign_in):
    """Cookies gone (the browser closed, its tabs restored): the token fails, yet the browser
    says the form is this site's own, so the words come back."""
    proposal = make_proposal()
    sign_in(page, make_user())
    _write(page, proposal, "en")
    context.clear_cookies()

    response = _send(page)

    assert response.status == 400
    assert page.locator("main textarea[readonly]").input_value() == WORDS
    assert axe_violations(page) == []
