"""Progressive enhancement: the main journeys work with JavaScript switched off."""

from pathlib import Path

import pytest
from sqlalchemy import select

from engage.accounts.models import User
from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.permissions import Role
from engage.votes.models import Vote
from tests.browser import helpers

pytestmark = pytest.mark.browser


@pytest.fixture
def page(new_context):
    """A page in a browser context with JavaScript switched off."""
    return new_context(java_script_enabled=False).new_page()


def _submit(page, name: str):
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def test_javascript_really_is_off(page, world):
    page.goto("/")
    assert "govuk-frontend-supported" not in (page.locator("body").get_attribute("class") or "")


def test_the_menu_links_are_there_without_javascript(page, world):
    page.set_viewport_size({"width": 320, "height": 700})
    page.goto("/")
    for name in ("Priorities", "Sign in", "Create an account"):
        assert page.get_by_role("link", name=name, exact=True).first.is_visible()


def test_sign_up_as_a_young_person_without_javascript(page, world):
    page.goto("/account/sign-up/young-person")
    page.fill("#username", "no_js_otter")
    page.fill("#password", "a long enough password")
    page.check("input[name=age_band][value='16-17']")
    page.check("input[name=connection][value=study]")
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()
    assert "Your recovery code" in page.content()
    user = db.session.scalar(select(User).where(User.username == "no_js_otter"))
    assert user.role == Role.YOUNG_PERSON


def test_errors_show_without_javascript(page, world):
    page.goto("/account/sign-in")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".govuk-error-summary").is_visible()
    assert page.title().startswith("Error:")


def test_vote_comment_and_reply_without_javascript(page, world):
    resident = world.users[Role.RESIDENT]
    helpers.sign_in(page, resident)
    page.goto(f"/proposals/{world.proposal.id}")
    page.check("input[name=choice][value=unsure]")
    _submit(page, "Save my vote")
    page.fill("#body", "Works without scripts.")
    _submit(page, "Post comment")
    # A reply is written on its own page, under the comment it answers.
    with page.expect_navigation():
        page.locator(f"#c{world.comment.id} a[href$='/reply']").click()
    page.fill("#body", "A reply without scripts.")
    _submit(page, "Post reply")
    db.session.expire_all()
    vote = db.session.scalar(select(Vote).where(Vote.user_id == resident.id))
    assert vote.choice.value == "unsure"
    bodies = set(db.session.scalars(select(Comment.body).where(Comment.author_id == resident.id)))
    assert {"Works without scripts.", "A reply without scripts."} <= bodies


def test_take_a_survey_without_javascript(page, world):
    from engage.surveys.models import SurveyResponse

    survey = world.survey
    page.goto(f"/surveys/{survey.id}")
    with page.expect_navigation():
        page.get_by_role("button", name="Start now").or_(
            page.get_by_role("link", name="Start now")
        ).first.click()
    page.locator("input[name=age]").first.check()
    _submit(page, "Continue")
    page.locator("input[name=answer][value=yes]").check()
    _submit(page, "Continue")
    page.locator("input[name=answer], textarea[name=answer]").first.fill("Trees")
    _submit(page, "Continue")
    with page.expect_navigation():
        page.locator("main button[type=submit]").first.click()
    assert db.session.scalar(select(SurveyResponse).where(SurveyResponse.survey_id == survey.id))


def test_moderate_without_javascript(page, world):
    helpers.sign_in(page, world.users[Role.MODERATOR])
    page.goto("/manage/moderation")
    with page.expect_navigation():
        page.get_by_role("link", name="Review").first.click()
    _submit(page, "Approve")
    db.session.expire_all()
    assert db.session.get(Comment, world.held.id).status == CommentStatus.PUBLISHED


def test_see_download_and_delete_contributions_without_javascript(page, world):
    resident = world.users[Role.RESIDENT]
    helpers.sign_in(page, resident)
    page.goto("/me/contributions")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download a spreadsheet (CSV)").click()
    assert "Good idea, my son would go." in Path(download.value.path()).read_text(encoding="utf-8")
    with page.expect_navigation():
        page.get_by_role("link", name="Delete", exact=False).first.click()
    _submit(page, "Yes, delete this comment")
    db.session.expire_all()
    assert db.session.get(Comment, world.comment.id).status == CommentStatus.DELETED
