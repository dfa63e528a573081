"""Residents' ideas are found once public, never while held, and not after they are erased."""

from engage.extensions import db
from engage.ideas.service import suggest_idea
from engage.moderation.models import ModerationCase
from engage.moderation.service import approve_item, reject_item
from engage.permissions import Role
from engage.privacy.erasure import erase_contributions
from tests.factories import make_priority, make_user
from tests.moderation.helpers import moderator
from tests.search.helpers import indexed_words, marked, search

TITLE = "A lending library of tools"
WORDS = "Drills and ladders to borrow, run by volunteers at the community centre."


def _suggest(author):
    idea = suggest_idea(author, make_priority(), TITLE, WORDS)
    db.session.commit()
    return idea


def _case(idea):
    return db.session.query(ModerationCase).filter_by(source="idea", item_id=idea.id).one()


def test_an_adults_published_idea_is_found_by_its_title_and_description(client):
    idea = _suggest(make_user(Role.RESIDENT))
    assert "ladders" in indexed_words("idea", idea.id)
    status, page = search(client, "ladders")
    assert status == 200 and "ladders" in [m.lower() for m in marked(page)]
    assert f"/ideas/{idea.id}" in page


def test_a_young_persons_idea_is_found_only_after_a_moderator_approves_it(client):
    idea = _suggest(make_user(Role.YOUNG_PERSON))
    assert indexed_words("idea", idea.id) is None
    assert not marked(search(client, "ladders")[1])
    approve_item(moderator(), _case(idea))
    db.session.commit()
    assert marked(search(client, "ladders")[1])


def test_a_rejected_idea_is_never_found(client):
    idea = _suggest(make_user(Role.YOUNG_PERSON))
    reject_item(moderator(), _case(idea), "off_topic")
    db.session.commit()
    assert indexed_words("idea", idea.id) is None
    assert not marked(search(client, "ladders")[1])


def test_erasing_the_author_takes_the_idea_out_of_the_index(client):
    author = make_user(Role.RESIDENT)
    idea = _suggest(author)
    erase_contributions(author)
    db.session.commit()
    assert indexed_words("idea", idea.id) is None
    assert not marked(search(client, "ladders")[1])
