"""Following on commenting is a person's choice: on unless they turn it off on the settings page."""

import sqlalchemy as sa

from engage.extensions import db
from engage.notifications import service
from engage.notifications.models import Follow, Frequency, NotificationSetting
from engage.permissions import Role
from tests.factories import make_proposal, make_user
from tests.notifications.helpers import adult


def _follows(person, proposal) -> bool:
    db.session.expire_all()
    row = db.session.scalar(
        sa.select(Follow).where(Follow.user_id == person.id, Follow.proposal_id == proposal.id)
    )
    return bool(row and row.active)


def _comment(client, proposal) -> None:
    response = client.submit(f"/proposals/{proposal.id}/comments", {"body": "Yes, please."})
    assert response.status_code == 302


def test_by_default_commenting_follows(login_as):
    person = make_user(Role.RESIDENT)
    proposal = make_proposal()
    assert service.follows_when_commenting(person.id)
    _comment(login_as(person), proposal)
    assert _follows(person, proposal)


def test_switched_off_commenting_does_not_follow(login_as):
    person = adult(Frequency.WEEKLY)
    service.set_follow_when_commenting(person, False)
    db.session.commit()
    proposal = make_proposal()
    client = login_as(person)
    _comment(client, proposal)
    assert not _follows(person, proposal)
    assert "Yes, please." in client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    # Following by hand still works, and turning the switch back on follows the next one.
    service.set_follow_when_commenting(person, True)
    db.session.commit()
    other = make_proposal()
    _comment(client, other)
    assert _follows(person, other)
    db.session.expire_all()
    assert db.session.get(NotificationSetting, person.id).frequency == Frequency.WEEKLY


def test_an_existing_row_keeps_following_on(app):
    # Rows made before the switch existed read as on (the column's server default).
    person = make_user(Role.RESIDENT)
    db.session.execute(
        sa.insert(NotificationSetting).values(
            user_id=person.id, frequency=Frequency.DAILY, updated_at=sa.func.now()
        )
    )
    db.session.commit()
    db.session.expire_all()
    assert db.session.get(NotificationSetting, person.id).follow_when_commenting is True
    assert service.follows_when_commenting(person.id)


def test_the_settings_form_saves_the_switch(login_as):
    person = make_user(Role.RESIDENT)
    client = login_as(person)
    page = client.get("/me/notifications").get_data(as_text=True)
    assert "Follow a proposal when I comment on it" in page
    assert "You then hear about replies" in page  # the hint
    box = page.split('name="follow_when_commenting"')[1].split(">")[0]
    assert 'type="checkbox"' in box and "checked" in box  # on by default
    # Unticked (a browser sends nothing for the box), with the page's marker.
    response = client.submit("/me/notifications", {"frequency": "daily", "follow_shown": "1"})
    assert response.status_code == 302
    db.session.expire_all()
    assert service.follows_when_commenting(person.id) is False
    page = client.get("/me/notifications").get_data(as_text=True)
    box = page.split('name="follow_when_commenting"')[1].split(">")[0]
    assert "checked" not in box
    proposal = make_proposal()
    _comment(client, proposal)
    assert not _follows(person, proposal)
    # Ticked again.
    client.submit(
        "/me/notifications",
        {"frequency": "daily", "follow_shown": "1", "follow_when_commenting": "y"},
    )
    assert service.follows_when_commenting(person.id) is True


def test_a_form_without_the_box_leaves_the_choice_alone(login_as):
    person = make_user(Role.RESIDENT)
    client = login_as(person)
    assert client.submit("/me/notifications", {"frequency": "weekly"}).status_code == 302
    assert service.follows_when_commenting(person.id) is True


def test_young_people_can_turn_it_off_without_any_email_choice(login_as):
    young = make_user(Role.YOUNG_PERSON)
    client = login_as(young)
    page = client.get("/me/notifications").get_data(as_text=True)
    assert "How often should we email you?" not in page
    assert "Follow a proposal when I comment on it" in page
    response = client.submit("/me/notifications", {"follow_shown": "1", "frequency": "now"})
    assert response.status_code == 302
    db.session.expire_all()
    assert service.follows_when_commenting(young.id) is False
    # Still never emailed, whatever the row says.
    assert service.frequency_of(young) == Frequency.NEVER
