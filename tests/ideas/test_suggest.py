"""Suggesting an idea: checked like comments, one at a time until the first is approved."""

import sqlalchemy as sa

from engage import events
from engage.extensions import db
from engage.ideas.models import Idea, IdeaStatus
from engage.moderation import service as moderation
from engage.moderation.service import find_case
from engage.permissions import Role
from tests.factories import make_priority, make_user
from tests.ideas.helpers import suggest
from tests.moderation.helpers import PHONE_TEXT, RISK_TEXT


def _form(**fields):
    data = {
        "title": "Water fountains in Wardown Park",
        "description": "Free drinking water by the playground.",
        "area": "",
    }
    data.update(fields)
    return data


def test_an_adults_idea_is_public_at_once_and_announced(login_as, client):
    priority = make_priority()
    seen = []

    def listener(idea, **kwargs):
        seen.append(idea.id)

    events.idea_published.connect(listener)
    try:
        response = login_as(make_user()).submit(
            f"/priorities/{priority.slug}/ideas/new", _form(area="LU2")
        )
    finally:
        events.idea_published.disconnect(listener)
    assert response.status_code == 302
    idea = db.session.scalar(sa.select(Idea))
    assert idea.status == IdeaStatus.PUBLISHED and idea.published_at is not None
    assert idea.area == "LU2"
    assert seen == [idea.id]
    page = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Water fountains in Wardown Park" in page
    assert "Water fountains in Wardown Park" in client.get("/ideas").get_data(as_text=True)


def test_a_young_persons_idea_is_held_and_seen_only_by_them_until_approved(login_as, client):
    priority = make_priority()
    young = make_user(Role.YOUNG_PERSON)
    author = login_as(young)
    author.submit(f"/priorities/{priority.slug}/ideas/new", _form())
    idea = db.session.scalar(sa.select(Idea))
    assert idea.status == IdeaStatus.HELD and idea.hold_reason == "young_person"
    assert client.get(f"/ideas/{idea.id}").status_code == 404
    assert "Water fountains" not in client.get("/ideas").get_data(as_text=True)
    assert "Waiting for a moderator" in author.get(f"/ideas/{idea.id}").get_data(as_text=True)
    case = find_case("idea", idea.id)
    assert case is not None and case.by_young_person
    # The moderator can open it from the queue.
    mod = login_as(make_user(Role.MODERATOR))
    assert mod.get(f"/ideas/{idea.id}").status_code == 200
    moderation.approve_item(make_user(Role.MODERATOR), case)
    db.session.commit()
    assert client.get(f"/ideas/{idea.id}").status_code == 200


def test_one_idea_at_a_time_until_the_first_is_approved(login_as):
    priority = make_priority()
    young = make_user(Role.YOUNG_PERSON)
    client = login_as(young)
    client.submit(f"/priorities/{priority.slug}/ideas/new", _form())
    response = client.submit(
        f"/priorities/{priority.slug}/ideas/new", _form(title="A skate park in Lewsey")
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "waiting to be checked" in page
    assert "A skate park in Lewsey" in page  # nothing typed is lost
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Idea)) == 1
    first = db.session.scalar(sa.select(Idea))
    moderation.approve_item(make_user(Role.MODERATOR), find_case("idea", first.id))
    db.session.commit()
    response = client.submit(
        f"/priorities/{priority.slug}/ideas/new", _form(title="A skate park in Lewsey")
    )
    assert response.status_code == 302
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Idea)) == 2


def test_an_adults_idea_with_personal_details_is_held_by_the_checks():
    idea = suggest(description=PHONE_TEXT)
    assert idea.status == IdeaStatus.HELD
    assert find_case("idea", idea.id).flag_personal


def test_a_young_persons_risky_idea_goes_to_safeguarding_and_not_to_moderators(login_as):
    idea = suggest(author=make_user(Role.YOUNG_PERSON), description=RISK_TEXT)
    assert find_case("idea", idea.id).safeguarding
    assert login_as(make_user(Role.MODERATOR)).get(f"/ideas/{idea.id}").status_code == 404
    lead = login_as(make_user(Role.SAFEGUARDING_LEAD))
    assert lead.get(f"/ideas/{idea.id}").status_code == 200


def test_empty_or_bad_input_gets_clear_errors_and_keeps_the_words(login_as):
    priority = make_priority()
    client = login_as(make_user())
    response = client.submit(
        f"/priorities/{priority.slug}/ideas/new", _form(title="", description="Kept words")
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Give your idea a title" in page and "Kept words" in page
    response = client.submit(f"/priorities/{priority.slug}/ideas/new", _form(area="Narnia"))
    assert response.status_code == 400
    assert "Choose an area from the list" in response.get_data(as_text=True)
    response = client.submit(f"/priorities/{priority.slug}/ideas/new", _form(title="x" * 121))
    assert response.status_code == 400


def test_an_unconfirmed_email_must_be_confirmed_first(login_as):
    priority = make_priority()
    client = login_as(make_user(verified=False))
    response = client.submit(f"/priorities/{priority.slug}/ideas/new", _form())
    assert response.status_code == 400
    assert "Confirm your email address first" in response.get_data(as_text=True)


def test_the_priority_page_offers_suggest_an_idea_and_shows_its_ideas(client):
    priority = make_priority()
    suggest(priority=priority, title="Night buses to Luton Airport Parkway")
    page = client.get(f"/priorities/{priority.slug}").get_data(as_text=True)
    assert f"/priorities/{priority.slug}/ideas/new" in page
    assert "Night buses to Luton Airport Parkway" in page


def test_a_moderator_redacting_an_idea_keeps_title_and_description_apart(login_as):
    idea = suggest(author=make_user(Role.YOUNG_PERSON), description="Call me on 07700 900123")
    moderation.approve_redacted(
        make_user(Role.MODERATOR),
        find_case("idea", idea.id),
        "Water fountains in Wardown Park\n\nCall me on [removed]",
    )
    db.session.commit()
    db.session.expire_all()
    idea = db.session.get(Idea, idea.id)
    assert idea.title == "Water fountains in Wardown Park"
    assert idea.description == "Call me on [removed]"
    assert idea.status == IdeaStatus.PUBLISHED


def test_moderators_see_held_ideas_in_their_queue_and_approve_them_over_http(login_as, client):
    idea = suggest(author=make_user(Role.YOUNG_PERSON), title="A quiet room in the library")
    mod = login_as(make_user(Role.MODERATOR))
    queue = mod.get("/manage/moderation").get_data(as_text=True)
    assert "A quiet room in the library" in queue
    item = mod.get(f"/manage/moderation/idea/{idea.id}")
    assert item.status_code == 200 and "A quiet room in the library" in item.get_data(as_text=True)
    response = mod.submit(f"/manage/moderation/idea/{idea.id}/approve")
    assert response.status_code == 302
    assert client.get(f"/ideas/{idea.id}").status_code == 200
