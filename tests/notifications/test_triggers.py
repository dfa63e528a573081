"""What makes people hear back: outcomes, new proposals, survey results, moderation decisions and
safeguarding alerts, each through the real pages or services that cause them."""

from datetime import timedelta

import sqlalchemy as sa

from engage.clock import utcnow
from engage.extensions import db
from engage.jobs.queue import queue_for
from engage.moderation.models import Notification
from engage.notifications.models import Follow, Frequency, NotificationSetting
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from tests.factories import make_comment, make_priority, make_proposal, make_user, make_vote
from tests.moderation.helpers import RISK_TEXT, held_comment, item_url, moderator
from tests.notifications.conftest import text_of
from tests.notifications.helpers import adult


def _kinds(user) -> list[str]:
    db.session.expire_all()
    return list(
        db.session.scalars(sa.select(Notification.kind).where(Notification.user_id == user.id))
    )


def _publish_outcome(login_as, proposal):
    officer = login_as(make_user(Role.OFFICER))
    response = officer.submit(
        f"/manage/proposals/{proposal.id}/outcome",
        {"you_said": "You wanted trees.", "we_did": "We planted 40.", "why": "Shade."},
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:400]


def test_an_outcome_reaches_commenters_voters_and_followers_but_not_who_stopped(login_as, inbox):
    proposal = make_proposal(ProposalStatus.CLOSED, title="Trees for Leagrave")
    commenter, voter, follower, stopped = (adult(Frequency.NOW) for _ in range(4))
    young = make_user(Role.YOUNG_PERSON)
    make_comment(proposal, commenter)
    make_comment(proposal, young)
    make_vote(proposal, voter)
    make_comment(proposal, stopped)
    db.session.add_all(
        [
            Follow(user_id=follower.id, proposal_id=proposal.id),
            Follow(user_id=stopped.id, proposal_id=proposal.id, active=False),
        ]
    )
    db.session.commit()
    _publish_outcome(login_as, proposal)
    for person in (commenter, voter, follower):
        (message,) = inbox.to(person.email)
        assert "Trees for Leagrave" in message["Subject"]
        assert f"/proposals/{proposal.id}#outcome" in text_of(message)
        assert _kinds(person) == ["outcome"]
    assert inbox.to(stopped.email) == [] and _kinds(stopped) == []
    assert _kinds(young) == ["outcome"]  # in-site only
    assert len(inbox.messages) == 3


def test_correcting_an_outcome_does_not_tell_people_twice(login_as, inbox):
    proposal = make_proposal(ProposalStatus.CLOSED)
    person = adult(Frequency.NOW)
    make_vote(proposal, person)
    _publish_outcome(login_as, proposal)
    _publish_outcome(login_as, proposal)
    assert len(inbox.to(person.email)) == 1
    assert _kinds(person) == ["outcome"]


def test_a_new_proposal_reaches_the_prioritys_followers(login_as, inbox):
    priority = make_priority(title="Healthy Luton")
    follower = adult(Frequency.NOW)
    client = login_as(follower)
    assert client.submit(f"/priorities/{priority.slug}/follow", {"follow": "1"}).status_code == 302
    proposal = make_proposal(ProposalStatus.DRAFT, priority=priority, title="Free swimming")
    officer = login_as(make_user(Role.OFFICER))
    page = officer.get(f"/manage/proposals/{proposal.id}").get_data(as_text=True)
    assert "Free swimming" in page
    from engage.proposals import service as proposals

    proposals.update_proposal(None, proposal, _data(proposal, ProposalStatus.OPEN))
    db.session.commit()
    (message,) = inbox.to(follower.email)
    assert "Free swimming" in message["Subject"] and "Healthy Luton" in message["Subject"]


def _data(proposal, status, opens_on=None):
    from engage.proposals.service import ProposalData

    return ProposalData(
        title=proposal.title,
        summary=proposal.summary,
        youth_summary=proposal.youth_summary,
        body=proposal.body,
        priority_id=proposal.priority_id,
        plan_id=None,
        who_decides=proposal.who_decides,
        opens_on=opens_on or (utcnow() - timedelta(days=1)).date(),
        closes_on=(utcnow() + timedelta(days=30)).date(),
        decision_due=None,
        status=status,
        documents=[],
    )


def test_a_proposal_opening_later_is_announced_only_when_it_opens(inbox):
    priority = make_priority()
    follower = adult(Frequency.NOW)
    db.session.add(Follow(user_id=follower.id, priority_id=priority.id))
    db.session.commit()
    proposal = make_proposal(ProposalStatus.DRAFT, priority=priority, title="Library hours")
    from engage.proposals import service as proposals

    opens_on = (utcnow() + timedelta(days=3)).date()
    proposals.update_proposal(None, proposal, _data(proposal, ProposalStatus.OPEN, opens_on))
    db.session.commit()
    assert inbox.messages == [] and _kinds(follower) == []
    huey = queue_for().huey
    (waiting,) = [t for t in huey.scheduled() if t.name == "notify_new_proposal"]
    assert waiting.eta.date() == opens_on
    # The day comes: the scheduler hands the job over, as a consumer's would.
    on_the_day = waiting.eta + timedelta(seconds=1)
    for task in huey.read_schedule(on_the_day):
        huey.execute(task, timestamp=on_the_day)
    # Its date moved later meanwhile (here: the clock is real, so it is still ahead): it waits.
    assert inbox.messages == [] and _kinds(follower) == []
    proposal.opens_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    later = utcnow() + timedelta(days=4)
    for task in huey.read_schedule(later):
        huey.execute(task, timestamp=later)
    (message,) = inbox.to(follower.email)
    assert "Library hours" in message["Subject"]
    assert _kinds(follower) == ["new_proposal"]


def test_survey_results_reach_people_who_took_it_with_an_account(login_as, inbox):
    from engage.surveys.models import Participation
    from tests.surveys.helpers import make_survey

    survey = make_survey(title="Parks survey")
    took, other = adult(Frequency.NOW), adult(Frequency.NOW)
    db.session.add(Participation(survey_id=survey.id, user_id=took.id))
    db.session.commit()
    officer = login_as(make_user(Role.OFFICER))
    response = officer.submit(f"/manage/surveys/{survey.id}/publish", {"publish": "1"})
    assert response.status_code == 302
    (message,) = inbox.to(took.email)
    assert "Parks survey" in message["Subject"]
    assert f"/surveys/{survey.id}" in text_of(message)
    assert inbox.to(other.email) == []


def test_an_adults_held_comment_approved_is_emailed_a_young_persons_is_not(login_as, inbox):
    from tests.moderation.helpers import PHONE_TEXT

    grown = adult(Frequency.NOW)
    comment, _case = held_comment(PHONE_TEXT, author=grown, proposal=make_proposal(title="Bins"))
    young_comment, _ = held_comment("More benches please")
    mod = login_as(moderator())
    assert mod.submit(item_url(comment, "approve"), {}).status_code == 302
    assert mod.submit(item_url(young_comment, "approve"), {}).status_code == 302
    (message,) = inbox.to(grown.email)
    assert message["Subject"] == "Your comment on “Bins” has been published."
    assert len(inbox.messages) == 1


def test_safeguarding_leads_are_emailed_at_once_without_the_words(inbox):
    leads = [make_user(Role.SAFEGUARDING_LEAD) for _ in range(2)]
    # A lead who chose never still gets it: this is their duty, not news.
    db.session.add(NotificationSetting(user_id=leads[0].id, frequency=Frequency.NEVER))
    db.session.commit()
    held_comment(RISK_TEXT)
    for lead in leads:
        (message,) = inbox.to(lead.email)
        assert message["Subject"] == "A new safeguarding item is waiting"
        assert "/manage/safeguarding" in text_of(message)
        assert "hits me" not in message.as_string()
        assert message["List-Unsubscribe"] is None
