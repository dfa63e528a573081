"""Keyboard-only journeys: sign up as a young person, vote, comment, reply, take a survey, moderate.

Only the keyboard is used once a page is open (typing an address is the address bar). At every
Tab stop the focused element must show a focus indicator, be on screen and not be covered.
"""

import pytest
from sqlalchemy import select

from engage.accounts.models import User
from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.permissions import Role
from engage.votes.models import Vote
from tests.browser import helpers
from tests.browser.keyboard import (
    by_id,
    by_name,
    by_text,
    check_focus_seen,
    focused,
    press_and_wait,
    tab_to,
)
from tests.browser.pages import PAGES

pytestmark = pytest.mark.browser


def keyboard_sign_in(page, user):
    """Sign in with the keyboard alone."""
    page.goto("/account/sign-in")
    tab_to(page, by_id("login"))
    page.keyboard.type(user.email or user.username)
    tab_to(page, by_id("password"))
    page.keyboard.type("correct horse battery staple")
    tab_to(
        page, lambda i: i["tag"] == "button" and i["type"] == "submit" and "Sign in" in i["text"]
    )
    press_and_wait(page)
    assert "/account/sign-in" not in page.url
    if page.url.endswith("/account/two-factor"):
        keyboard_second_step(page, user)


def keyboard_second_step(page, user):
    """Staff: type the authenticator's current code and continue, by keyboard."""
    from tests.browser.helpers import _forget_last_code
    from tests.conftest import totp_code

    _forget_last_code(user)
    tab_to(page, by_id("code"))
    page.keyboard.type(totp_code(user.totp_secret))
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    page.wait_for_url(lambda url: "/account/two-factor" not in url)


def test_the_skip_link_comes_first_and_moves_focus_to_the_main_content(page, world):
    page.goto("/")
    page.keyboard.press("Tab")
    info = focused(page)
    assert info["href"] == "#main-content" and info["visible"] and info["onScreen"]
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main-content"
    # The next Tab goes into the page content, not back to the navigation.
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('main')")


def test_sign_up_as_a_young_person_with_the_keyboard_only(page, world):
    page.goto("/")
    tab_to(page, lambda i: i["tag"] == "a" and i["text"] == "Create an account")
    press_and_wait(page)
    tab_to(page, by_text("I am 13 to 17", "a"))
    press_and_wait(page)
    tab_to(page, by_id("username"))
    page.keyboard.type("keyboard_fox")
    tab_to(page, by_id("password"))
    page.keyboard.type("a long enough password")
    tab_to(page, by_name("age_band"))
    page.keyboard.press("Space")
    tab_to(page, by_name("connection"))
    page.keyboard.press("ArrowDown")  # moves to, and chooses, "I work in Luton"
    tab_to(page, lambda i: i["tag"] == "button" and i["type"] == "submit")
    press_and_wait(page)
    assert page.locator("h1, .govuk-panel__title").first.inner_text() == "Your recovery code"
    user = db.session.scalar(select(User).where(User.username == "keyboard_fox"))
    assert user.role == Role.YOUNG_PERSON and user.age_band.value == "13-15"
    assert user.connection.value == "work"


def test_vote_and_comment_with_the_keyboard_only(page, world):
    resident = world.users[Role.RESIDENT]
    keyboard_sign_in(page, resident)
    page.goto(f"/proposals/{world.proposal.id}")
    tab_to(page, by_name("choice"))  # the chosen radio ("Agree": the resident voted before)
    page.keyboard.press("ArrowDown")
    tab_to(page, by_text("Save my vote", "button"))
    press_and_wait(page)
    db.session.expire_all()
    vote = db.session.scalar(select(Vote).where(Vote.user_id == resident.id))
    assert vote.choice.value == "disagree"
    tab_to(page, by_id("body"))
    page.keyboard.type("Typed with the keyboard alone.")
    tab_to(page, by_text("Post comment", "button"))
    press_and_wait(page)
    comment = db.session.scalar(select(Comment).where(Comment.body.like("Typed with%")))
    assert comment.author_id == resident.id and comment.status == CommentStatus.PUBLISHED


def test_reply_to_a_comment_with_the_keyboard_only(page, world):
    resident = world.users[Role.RESIDENT]
    keyboard_sign_in(page, resident)
    page.goto(f"/proposals/{world.proposal.id}")
    tab_to(page, lambda info: info["tag"] == "a" and info["text"].startswith("Reply"))
    press_and_wait(page)
    assert page.url.endswith(f"/comments/{world.comment.id}/reply")
    tab_to(page, by_id("body"))
    page.keyboard.type("A reply typed with the keyboard alone.")
    tab_to(page, by_text("Post reply", "button"))
    press_and_wait(page)
    reply = db.session.scalar(select(Comment).where(Comment.body.like("A reply typed%")))
    assert reply.author_id == resident.id and reply.parent_id == world.comment.id


def test_take_a_survey_with_the_keyboard_only(page, world):
    from engage.surveys.models import SurveyResponse

    survey = world.survey
    page.goto(f"/surveys/{survey.id}")
    tab_to(page, by_text("Start now", "a"))
    press_and_wait(page)
    tab_to(page, by_name("age"))
    page.keyboard.press("Space")
    tab_to(page, by_text("Continue", "button"))
    press_and_wait(page)
    tab_to(page, by_name("answer"))  # Yes / No / Not sure
    page.keyboard.press("Space")
    tab_to(page, by_text("Continue", "button"))
    press_and_wait(page)
    # An optional question: "Skip" is one Tab away, as easy as "Continue".
    tab_to(page, by_text("Skip this question", "button"))
    press_and_wait(page)
    # The check page's own button, not the search box's in the header.
    tab_to(page, by_text("Send my answers", "button"))
    press_and_wait(page)
    assert db.session.scalar(select(SurveyResponse).where(SurveyResponse.survey_id == survey.id))


def test_moderate_an_item_with_the_keyboard_only(page, world):
    moderator = world.users[Role.MODERATOR]
    keyboard_sign_in(page, moderator)
    page.goto("/manage/moderation")
    tab_to(page, by_text("Review", "a"))
    press_and_wait(page)
    tab_to(page, by_text("Approve", "button"))
    press_and_wait(page)
    db.session.expire_all()
    assert db.session.get(Comment, world.held.id).status == CommentStatus.PUBLISHED


LONG_PAGES = [p for p in PAGES if p.name in ("proposal", "manage: edit proposal", "home")]


def _key(info):
    return (info["tag"], info["text"], info["id"], info["href"], info["name"])


@pytest.mark.parametrize("entry", LONG_PAGES, ids=str)
def test_tab_goes_round_the_whole_page_and_back_without_a_trap(entry, page, world):
    """Tab visits every stop, each visibly focused, and comes back round; Shift+Tab too."""
    if entry.role:
        helpers.sign_in(page, world.users[entry.role])
    page.goto(entry.url(world))
    stops = page.evaluate(
        "() => [...document.querySelectorAll('a[href], button, input:not([type=hidden]),"
        " select, textarea, summary')].filter(e => e.getClientRects().length).length"
    )
    seen = []
    for _ in range(stops * 2 + 10):
        page.keyboard.press("Tab")
        info = focused(page)
        if info is None:
            continue
        if seen and _key(info) == _key(seen[0]):
            break  # round again to the first stop: no trap
        check_focus_seen(info, f"{entry.name}, stop {len(seen) + 1}")
        seen.append(info)
    else:
        raise AssertionError(f"focus never came back round on {entry.name}")
    assert seen[0]["href"] == "#main-content"
    assert len(seen) >= stops * 0.8  # a radio group is one stop; everything else is visited
    # From the first stop, Shift+Tab goes back round to the last one.
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
        if (info := focused(page)) is not None:
            break
    assert _key(info) == _key(seen[-1])
