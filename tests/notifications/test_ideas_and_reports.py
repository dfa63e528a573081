"""People hear back about their ideas and about the consultation report, through the services."""

import sqlalchemy as sa

from engage.analysis import report as reports
from engage.analysis.models import Subject
from engage.extensions import db
from engage.ideas import service as ideas
from engage.ideas.models import IdeaAnswer
from engage.moderation.models import Notification
from engage.notifications.models import Frequency
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from tests.factories import make_comment, make_proposal, make_user
from tests.ideas.helpers import make_idea
from tests.notifications.conftest import text_of
from tests.notifications.helpers import adult


def _notices(user) -> list[str]:
    db.session.expire_all()
    return list(
        db.session.scalars(sa.select(Notification.kind).where(Notification.user_id == user.id))
    )


def test_an_ideas_author_and_backers_hear_the_councils_answer_once(inbox):
    author, backer, other = adult(Frequency.NOW), adult(Frequency.NOW), adult(Frequency.NOW)
    young = make_user(Role.YOUNG_PERSON)
    idea = make_idea(author=author, title="A bike hub at the station")
    ideas.back_idea(backer, idea)
    ideas.back_idea(young, idea)
    db.session.commit()
    officer = make_user(Role.OFFICER)
    ideas.answer_idea(officer, idea, IdeaAnswer.UNDER_CONSIDERATION, "We are costing it.")
    db.session.commit()
    for person in (author, backer):
        (message,) = inbox.to(person.email)
        assert "A bike hub at the station" in message["Subject"]
        assert f"/ideas/{idea.id}#answer" in text_of(message)
    assert inbox.to(other.email) == []
    assert _notices(young) == ["idea_answered"]  # young people: on the site only
    assert _notices(other) == []


def test_people_who_commented_hear_the_consultation_report_is_published(inbox):
    proposal = make_proposal(ProposalStatus.CLOSED, title="Library hours")
    commenter = adult(Frequency.NOW)
    make_comment(proposal, commenter, body="Open on Sundays please.")
    officer = make_user(Role.OFFICER)
    report = reports.start_report(officer, Subject.PROPOSAL, proposal)
    reports.update_report(
        officer, report, what_asked="Library hours.", what_next="A decision in May."
    )
    reports.publish_report(officer, report)
    db.session.commit()
    (message,) = inbox.to(commenter.email)
    assert "Library hours" in message["Subject"]
    assert f"/consultations/proposal/{proposal.id}/report" in text_of(message)
    assert _notices(commenter) == ["report_published"]
