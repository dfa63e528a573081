"""Staff hear what their work needs: moderators a morning summary when items wait too long,
officers when a consultation they wrote closes; each once, whatever they chose for news."""

from datetime import timedelta

from engage.clock import utcnow
from engage.extensions import db
from engage.notifications.models import Frequency, NotificationSetting
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from tests.factories import make_proposal, make_user
from tests.moderation.helpers import age_case, held_comment
from tests.notifications.conftest import text_of
from tests.notifications.helpers import run_periodic


def test_moderators_get_a_summary_only_when_items_are_past_their_target(inbox):
    mod = make_user(Role.MODERATOR)
    db.session.add(NotificationSetting(user_id=mod.id, frequency=Frequency.NEVER))
    db.session.commit()
    _comment, case = held_comment("More benches please")
    run_periodic("moderation_summary")
    assert inbox.messages == []  # waiting, but within its target
    age_case(case, hours=30)
    run_periodic("moderation_summary")
    (message,) = inbox.to(mod.email)
    assert message["Subject"] == "1 item in the moderation queue is past its time limit."
    assert "/manage/moderation" in text_of(message)
    assert "benches" not in message.as_string()
    run_periodic("moderation_summary")  # the same morning again: not twice
    assert len(inbox.to(mod.email)) == 1


def test_an_officer_is_told_once_when_their_consultation_closes(inbox):
    officer = make_user(Role.OFFICER)
    proposal = make_proposal(
        ProposalStatus.OPEN,
        title="Town centre parking",
        created_by_id=officer.id,
        closes_at=utcnow() + timedelta(days=1),
    )
    run_periodic("consultations_closed")
    assert inbox.messages == []
    proposal.closes_at = utcnow() - timedelta(minutes=5)
    db.session.commit()
    run_periodic("consultations_closed")
    run_periodic("consultations_closed")
    (message,) = inbox.to(officer.email)
    assert message["Subject"] == "The consultation “Town centre parking” has closed."
    assert f"/manage/proposals/{proposal.id}/outcome" in text_of(message)


def test_titles_are_escaped_and_isolated_on_the_notifications_page(login_as):
    from engage.moderation.models import Notification

    young = make_user(Role.YOUNG_PERSON)
    db.session.add(
        Notification(
            user_id=young.id,
            kind="outcome",
            params={"proposal_id": 1, "title": "<script>alert(1)</script>"},
        )
    )
    db.session.commit()
    page = login_as(young).get("/notifications").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>" in page
