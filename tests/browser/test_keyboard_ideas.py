"""Keyboard-only journey: suggest an idea, as an adult and as a young person."""

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.ideas.models import Idea, IdeaStatus
from engage.permissions import Role
from tests.browser.keyboard import by_id, by_text, press_and_wait, tab_to
from tests.browser.test_keyboard import keyboard_sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "role, status", [(Role.RESIDENT, IdeaStatus.PUBLISHED), (Role.YOUNG_PERSON, IdeaStatus.HELD)]
)
def test_suggest_an_idea_with_the_keyboard_only(page, world, role, status):
    person = world.users[role]
    keyboard_sign_in(page, person)
    page.goto(f"/priorities/{world.priority.slug}")
    tab_to(page, by_text("Suggest an idea", "a"))
    press_and_wait(page)
    assert page.url.endswith(f"/priorities/{world.priority.slug}/ideas/new")
    tab_to(page, by_id("title"))
    page.keyboard.type("Benches along the Lea with the keyboard")
    tab_to(page, by_id("description"))
    page.keyboard.type("Somewhere to rest on the walk from Wardown Park to the town centre.")
    tab_to(page, by_id("area"))
    page.keyboard.type("Hi")  # a select chooses by typing: "High Town"
    tab_to(page, by_text("Suggest this idea", "button"))
    press_and_wait(page)
    idea = db.session.scalar(select(Idea).where(Idea.title.like("Benches along the Lea%")))
    assert idea.author_id == person.id and idea.status == status
    assert idea.area == "High Town"
    assert page.url.endswith(f"/ideas/{idea.id}")
