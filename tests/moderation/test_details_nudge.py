"""A young person is told at once when what they posted may hold their own personal details.

The ICO Children's code asks for nudges towards privacy: a 13-year-old who writes their name,
school and phone number into a comment should learn it then, and how to take them out, not find
out later that a moderator removed them. Adults get no such note: their comments publish unless a
check holds them, so it would only teach how to slip details past the checks.
"""

import pytest
from flask import url_for

from engage.permissions import Role
from tests.factories import make_priority, make_proposal, make_user
from tests.ideas.helpers import make_idea

DETAILS = "I'm Jake Smith from Challney High, text me on 07700 900123 if you want to help"
ORDINARY = "More benches in the park please, and a water fountain by the swings"
NUDGE = "may have personal details in it"
HELD = "A moderator will check your"


def _said(response) -> str:
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _comment(client, body):
    proposal = make_proposal()
    return client.submit(
        url_for("comments.create", proposal_id=proposal.id),
        {"body": body},
        follow_redirects=True,
    )


def test_a_young_persons_comment_with_their_details_says_so_and_how_to_change_it(login_as):
    page = _said(_comment(login_as(make_user(Role.YOUNG_PERSON)), DETAILS))
    assert NUDGE in page
    assert "choose Change under your comment" in page
    assert ">Change<" in page  # the link it points to is on the page
    assert HELD not in page


def test_a_young_persons_ordinary_comment_gets_the_usual_words(login_as):
    page = _said(_comment(login_as(make_user(Role.YOUNG_PERSON)), ORDINARY))
    assert NUDGE not in page
    assert HELD in page


def test_an_adults_comment_with_details_is_held_with_no_word_of_why(login_as):
    page = _said(_comment(login_as(make_user(Role.RESIDENT)), DETAILS))
    assert NUDGE not in page
    assert HELD in page


@pytest.mark.parametrize(("body", "nudged"), [(DETAILS, True), (ORDINARY, False)])
def test_a_young_persons_idea_and_comment_on_an_idea_say_so_too(login_as, body, nudged):
    young = login_as(make_user(Role.YOUNG_PERSON))
    priority = make_priority()
    idea = young.submit(
        f"/priorities/{priority.slug}/ideas/new",
        {"title": "A youth club night", "description": body},
        follow_redirects=True,
    )
    assert (NUDGE in _said(idea)) is nudged
    commented = young.submit(
        f"/ideas/{make_idea().id}/comments", {"body": body}, follow_redirects=True
    )
    assert (NUDGE in _said(commented)) is nudged


def test_an_edit_that_keeps_the_details_says_so_and_one_that_takes_them_out_does_not(login_as):
    young = login_as(make_user(Role.YOUNG_PERSON))
    _said(_comment(young, DETAILS))
    edit = url_for("comments.edit", comment_id=_last_comment_id())
    kept = young.submit(edit, {"body": DETAILS + " please"}, follow_redirects=True)
    assert "It may still have personal details in it" in _said(kept)
    taken_out = young.submit(edit, {"body": ORDINARY}, follow_redirects=True)
    page = _said(taken_out)
    assert "Your comment has been changed." in page and "may still have" not in page


def _last_comment_id() -> int:
    from sqlalchemy import func, select

    from engage.comments.models import Comment
    from engage.extensions import db

    return db.session.scalar(select(func.max(Comment.id)))
