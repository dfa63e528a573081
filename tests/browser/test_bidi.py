"""Words whose direction differs from the page stay whole: English inside Urdu and Arabic pages.

Each check measures where characters land on screen, so it fails if the isolation (<bdi>,
dir="auto") is lost: an English sentence's full stop must sit at its right-hand end, and a
bracketed name must read "Plan (Board)" left to right.
"""

import pytest

from engage.extensions import db
from tests.factories import make_comment, make_plan, make_proposal, make_user
from tests.i18n.conftest import compile_catalogues
from tests.surveys.helpers import make_survey

pytestmark = [pytest.mark.browser, pytest.mark.same_on_every_database]

# x of the character at `index` (negative counts from the end) of the first text node holding
# `needle`, in the element matched by `selector`.
_CHAR_X = """([selector, needle, index]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const at = node.data.indexOf(needle);
    if (at < 0) continue;
    const i = at + (index < 0 ? needle.length + index : index);
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return range.getBoundingClientRect().x;
  }
  return null;
}"""


@pytest.fixture(autouse=True, scope="module")
def _catalogues():
    compile_catalogues()


def char_x(page, selector: str, needle: str, index: int) -> float:
    x = page.evaluate(_CHAR_X, [selector, needle, index])
    assert x is not None, f"{needle!r} not found in {selector}"
    return x


@pytest.mark.parametrize("code", ["ur", "ar"])
def test_english_comment_keeps_its_full_stop_at_its_end(page, code):
    proposal = make_proposal()
    comment = make_comment(proposal, make_user(), body="I support the park.")
    db.session.execute(
        db.text("UPDATE comment SET language = NULL WHERE id = :id"), {"id": comment.id}
    )
    db.session.commit()
    page.goto(f"/proposals/{proposal.id}?lang={code}")
    body = f"#c{comment.id} .engage-comment__body"
    assert char_x(page, body, "I support the park.", -1) > char_x(page, body, "I support", 0)


def test_plan_and_board_keep_their_brackets_in_place(page):
    plan = make_plan(name="Health Inequalities Action Plan")
    plan.board.name = "Health and Wellbeing Board"
    db.session.commit()
    proposal = make_proposal(plan_id=plan.id)
    page.goto(f"/proposals/{proposal.id}?lang=ur")
    facts = "main"
    start = char_x(page, facts, "Health Inequalities", 0)
    board = char_x(page, facts, "Health and Wellbeing", 0)
    close = char_x(page, facts, "Wellbeing Board", -1)
    assert start < board < close  # "Plan (Board)", read left to right


def test_check_your_answers_keeps_english_question_marks_at_the_end(page):
    survey = make_survey(
        questions=[{"kind": "short_text", "text": "Do you feel safe during the day?"}]
    )
    page.goto(f"/surveys/{survey.id}/age?lang=ur")
    page.locator("input[value='13-15']").check()
    page.locator("main button[type=submit]").first.click()
    page.locator("[name=answer]").fill("Yes, mostly.")
    page.locator("main button[type=submit]").first.click()
    page.wait_for_url("**/check**")
    main = "main .govuk-summary-list"
    question = "Do you feel safe during the day?"
    assert char_x(page, main, question, -1) > char_x(page, main, question, 0)
    assert char_x(page, main, "Yes, mostly.", -1) > char_x(page, main, "Yes, mostly.", 0)
