"""An idea, and a comment on one, is sent once: Back then Send again, or a double tap on a slow
phone, lands on the first instead of making a copy."""

import re

import sqlalchemy as sa

from engage.extensions import db
from engage.ideas import service
from engage.ideas.models import Idea, IdeaComment
from tests.accounts.helpers import input_value
from tests.factories import make_priority, make_user
from tests.ideas.helpers import make_idea

IDEA = {
    "title": "A water fountain in Wardown Park",
    "description": "Free drinking water by the playground, for everyone.",
}


def _count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_an_idea_sent_twice_from_the_same_form_is_made_once(login_as):
    priority = make_priority()
    client = login_as(make_user())
    url = f"/priorities/{priority.slug}/ideas/new"
    token = input_value(client.get(url).get_data(as_text=True), "token")
    assert token and len(token) == 32

    first = client.submit(url, {**IDEA, "token": token})
    again = client.submit(url, {**IDEA, "token": token})

    assert _count(Idea) == 1
    assert first.status_code == again.status_code == 302
    assert first.location == again.location
    assert "You had already posted this. Here it is." in client.get(again.location).get_data(
        as_text=True
    )


def test_each_idea_form_gets_a_fresh_token_so_a_second_idea_still_goes(login_as):
    priority = make_priority()
    client = login_as(make_user())
    url = f"/priorities/{priority.slug}/ideas/new"
    for n in range(2):
        token = input_value(client.get(url).get_data(as_text=True), "token")
        data = {
            "title": f"Idea number {n}",
            "description": "Something for the park.",
            "token": token,
        }
        assert client.submit(url, data).status_code == 302
    assert _count(Idea) == 2


def test_a_token_is_one_persons_alone(login_as):
    priority = make_priority()
    url = f"/priorities/{priority.slug}/ideas/new"
    first, second = login_as(make_user()), login_as(make_user())
    token = input_value(first.get(url).get_data(as_text=True), "token")
    assert first.submit(url, {**IDEA, "token": token}).status_code == 302
    assert second.submit(url, {**IDEA, "token": token}).status_code == 302
    assert _count(Idea) == 2


def test_a_comment_on_an_idea_sent_twice_from_the_same_box_is_made_once(login_as):
    idea = make_idea()
    client = login_as(make_user())
    token = input_value(client.get(f"/ideas/{idea.id}").get_data(as_text=True), "token")
    data = {"body": "Yes please, and a bin beside it.", "token": token}

    first = client.submit(f"/ideas/{idea.id}/comments", data)
    again = client.submit(f"/ideas/{idea.id}/comments", data)

    assert _count(IdeaComment) == 1
    assert first.location == again.location and again.location.endswith("#ic1")


def test_the_same_form_sent_twice_at_once_gives_the_first_not_an_error(app):
    """The second request checked before the first was written, then wrote: the unique index
    refuses the copy, and the service answers with what the first request made."""
    person, priority, idea = make_user(), make_priority(), make_idea()
    token = "ab" * 16
    made = service.suggest_idea(person, priority, IDEA["title"], IDEA["description"], token=token)
    said = service.comment_on_idea(person, idea, "Brilliant idea.", token=token)
    db.session.commit()

    again = service.suggest_idea(person, priority, IDEA["title"], IDEA["description"], token=token)
    said_again = service.comment_on_idea(person, idea, "Brilliant idea.", token=token)
    db.session.commit()

    assert again.id == made.id and said_again.id == said.id
    assert _count(Idea) == 2  # the one made and make_idea's
    assert _count(IdeaComment) == 1


def test_the_buttons_ignore_a_second_tap_where_javascript_runs(login_as):
    """GOV.UK Frontend's Button drops a second click within a second: every form's button asks
    for it (engage.forms.GovSubmitInput)."""
    priority, idea = make_priority(), make_idea()
    client = login_as(make_user())
    for url in (f"/priorities/{priority.slug}/ideas/new", f"/ideas/{idea.id}", "/account/details"):
        page = client.get(url).get_data(as_text=True)
        buttons = re.findall(r'<button type="submit"[^>]*data-module="govuk-button"[^>]*>', page)
        assert buttons, url
        assert all('data-prevent-double-click="true"' in b for b in buttons), url
