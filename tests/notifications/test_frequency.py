"""How often adults hear: at once, a daily or weekly digest, or never; and following."""

import sqlalchemy as sa

from engage.extensions import db
from engage.notifications.models import (
    Delivery,
    EmailState,
    Follow,
    Frequency,
    NotificationSetting,
)
from engage.permissions import Role
from tests.factories import make_comment, make_priority, make_proposal, make_user
from tests.notifications.conftest import text_of
from tests.notifications.helpers import adult, run_periodic


def _reply_to(login_as, comment):
    client = login_as(make_user(Role.RESIDENT))
    response = client.submit(
        f"/proposals/{comment.proposal_id}/comments",
        {"body": "I agree with this.", "parent_id": comment.id},
    )
    assert response.status_code == 302


def _news_for(login_as, person, titles):
    for title in titles:
        _reply_to(login_as, make_comment(make_proposal(title=title), person))


def test_daily_readers_get_one_digest_in_the_morning_not_each_message(login_as, inbox):
    person = adult(Frequency.DAILY)
    _news_for(login_as, person, ["Bus lanes", "Town hall clock"])
    assert inbox.messages == []
    run_periodic("weekly_digest")
    assert inbox.messages == []  # not theirs
    run_periodic("daily_digest")
    (digest,) = inbox.to(person.email)
    assert digest["Subject"] == "Your daily news from Engage Luton"
    text = text_of(digest)
    assert "Bus lanes" in text and "Town hall clock" in text
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    run_periodic("daily_digest")  # the next morning, with nothing new: no email
    assert len(inbox.to(person.email)) == 1


def test_weekly_readers_get_the_weekly_digest(login_as, inbox):
    person = adult(Frequency.WEEKLY)
    _news_for(login_as, person, ["Stockwood Park"])
    run_periodic("daily_digest")
    assert inbox.messages == []
    run_periodic("weekly_digest")
    (digest,) = inbox.to(person.email)
    assert digest["Subject"] == "Your weekly news from Engage Luton"


def test_the_default_for_adults_is_the_daily_digest(login_as, inbox):
    person = make_user(Role.RESIDENT)
    _news_for(login_as, person, ["Wardown Museum"])
    assert inbox.messages == []
    run_periodic("daily_digest")
    assert len(inbox.to(person.email)) == 1


def test_never_means_no_email_but_the_notice_stays(login_as, inbox):
    person = adult(Frequency.NEVER)
    _news_for(login_as, person, ["Cycle paths"])
    run_periodic("daily_digest")
    run_periodic("weekly_digest")
    assert inbox.messages == []
    page = login_as(person).get("/notifications").get_data(as_text=True)
    assert "Cycle paths" in page


def test_choosing_never_drops_what_waited_for_a_digest(login_as, inbox):
    person = adult(Frequency.DAILY)
    _news_for(login_as, person, ["Marsh Farm"])
    client = login_as(person)
    assert client.submit("/me/notifications", {"frequency": "never"}).status_code == 302
    run_periodic("daily_digest")
    assert inbox.messages == []
    states = db.session.scalars(
        sa.select(Delivery.email_state).where(Delivery.user_id == person.id)
    )
    assert list(states) == [EmailState.SKIPPED]


def test_the_settings_page_saves_a_choice_and_rejects_nonsense(login_as):
    person = make_user(Role.RESIDENT)
    client = login_as(person)
    page = client.get("/me/notifications").get_data(as_text=True)
    assert "How often should we email you?" in page
    assert 'value="daily" checked' in page
    bad = client.submit("/me/notifications", {"frequency": "hourly"})
    assert bad.status_code == 400
    assert client.submit("/me/notifications", {"frequency": "weekly"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(NotificationSetting, person.id).frequency == Frequency.WEEKLY


def test_young_people_are_offered_no_email_and_cannot_choose_it(login_as):
    young = make_user(Role.YOUNG_PERSON)
    client = login_as(young)
    page = client.get("/me/notifications").get_data(as_text=True)
    assert "How often should we email you?" not in page
    assert "We do not email you about these." in page
    client.submit("/me/notifications", {"frequency": "now"})
    assert db.session.get(NotificationSetting, young.id) is None


def test_commenting_follows_the_proposal_and_stopping_is_remembered(login_as):
    person = make_user(Role.RESIDENT)
    proposal = make_proposal(title="Lea Valley path")
    client = login_as(person)
    client.submit(f"/proposals/{proposal.id}/comments", {"body": "Yes, please."})
    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "You follow this" in page and "Stop following" in page
    assert "Lea Valley path" in client.get("/me/notifications").get_data(as_text=True)
    response = client.submit(
        f"/proposals/{proposal.id}/follow", {"follow": "0", "back": "settings"}
    )
    assert response.location.endswith("/me/notifications")
    assert "Lea Valley path" not in client.get("/me/notifications").get_data(as_text=True)
    client.submit(f"/proposals/{proposal.id}/comments", {"body": "One more thing."})
    db.session.expire_all()
    follow = db.session.scalar(sa.select(Follow).where(Follow.user_id == person.id))
    assert follow.active is False  # a second comment does not follow it again


def test_the_follow_button_follows_a_priority(login_as):
    priority = make_priority(title="Thriving town")
    client = login_as(make_user(Role.YOUNG_PERSON))
    page = client.get(f"/priorities/{priority.slug}").get_data(as_text=True)
    assert ">Follow<" in page
    response = client.submit(f"/priorities/{priority.slug}/follow", {"follow": "1"})
    assert response.location.endswith(f"/priorities/{priority.slug}")
    assert "You follow this" in client.get(f"/priorities/{priority.slug}").get_data(as_text=True)


def test_readers_who_are_not_signed_in_see_no_follow_button(client):
    proposal = make_proposal()
    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "Stop following" not in page and ">Follow<" not in page


def test_a_draft_cannot_be_followed(login_as):
    from engage.proposals.models import ProposalStatus

    draft = make_proposal(ProposalStatus.DRAFT)
    response = login_as(make_user()).submit(f"/proposals/{draft.id}/follow", {"follow": "1"})
    assert response.status_code == 404
