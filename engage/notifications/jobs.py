"""The jobs that tell people: work out who hears, leave notices, send emails and digests.

Every job can run twice without telling anyone twice: a person gets a notice for a key (say
"outcome:12") only when they have no delivery row with that key yet, and an email only while
that row is pending; the row is marked sent in the transaction that ends the send.
"""

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy import select

from engage.clock import utcnow
from engage.extensions import db
from engage.jobs.queue import enqueue_after_commit, job, periodic
from engage.mail import mail_session
from engage.notifications.emails import build_email
from engage.notifications.models import (
    DEFAULT_FREQUENCY,
    Delivery,
    EmailState,
    Follow,
    Frequency,
    NotificationSetting,
)
from engage.notifications.service import frequency_of, may_email

SEND_BATCH = 50  # emails per send job: one SMTP connection each
DIGEST_LIMIT = 50  # items listed in one digest; older ones stay for the next


def _users(ids):
    from engage.accounts.models import User

    found = []
    ids = list(ids)
    for start in range(0, len(ids), 500):
        found += db.session.scalars(select(User).where(User.id.in_(ids[start : start + 500])))
    return found


def _frequencies(user_ids) -> dict[int, Frequency]:
    chosen = {}
    ids = list(user_ids)
    for start in range(0, len(ids), 500):
        rows = db.session.execute(
            select(NotificationSetting.user_id, NotificationSetting.frequency).where(
                NotificationSetting.user_id.in_(ids[start : start + 500])
            )
        )
        chosen.update({user_id: Frequency(freq) for user_id, freq in rows})
    return chosen


def deliver(
    kind: str, key: str, params: dict, user_ids, *, in_site: bool = True, essential: bool = False
) -> int:
    """Tell each person once about `key`: a notice on the site and, where chosen, an email.

    Returns how many people were newly told. Emails due at once are queued after the commit.
    """
    from engage.moderation.models import Notification

    already = set(db.session.scalars(select(Delivery.user_id).where(Delivery.key == key)))
    wanted = sorted(set(user_ids) - already - {None})
    if not wanted:
        return 0
    users = _users(wanted)
    chosen = _frequencies(wanted)
    now = utcnow()
    rows, notices = [], []
    for user in users:
        if essential:
            pending = bool(user.email)
        else:
            pending = may_email(user) and chosen.get(user.id, DEFAULT_FREQUENCY) != Frequency.NEVER
        rows.append(
            {
                "user_id": user.id,
                "key": key,
                "kind": kind,
                "params": params,
                "essential": essential,
                "email_state": EmailState.PENDING if pending else EmailState.NONE,
                "created_at": now,
            }
        )
        if in_site:
            notices.append({"user_id": user.id, "kind": kind, "params": params, "created_at": now})
    if notices:
        db.session.execute(sa.insert(Notification), notices)
    if rows:
        db.session.execute(sa.insert(Delivery), rows)
    db.session.flush()
    _queue_sends(key)
    return len(rows)


def _queue_sends(key: str) -> None:
    """Queue the emails for `key` that go at once (staff alerts, people who chose "at once")."""
    now_users = select(NotificationSetting.user_id).where(
        NotificationSetting.frequency == Frequency.NOW
    )
    ids = list(
        db.session.scalars(
            select(Delivery.id)
            .where(
                Delivery.key == key,
                Delivery.email_state == EmailState.PENDING,
                sa.or_(Delivery.essential.is_(True), Delivery.user_id.in_(now_users)),
            )
            .order_by(Delivery.id)
        )
    )
    for start in range(0, len(ids), SEND_BATCH):
        enqueue_after_commit("send_emails", ids[start : start + SEND_BATCH])


@job("send_emails")
def send_emails(delivery_ids: list[int]) -> int:
    """Send the emails due at once, over one connection; each is marked sent once it went.

    A row still pending is sent; one already sent (a retry, a second worker) is not. Whatever
    happens part-way, what went is committed before the error reaches the queue, so the retry
    sends only the rest. (On PostgreSQL a second worker skips rows the first has locked.)
    """
    rows = list(
        db.session.scalars(
            select(Delivery)
            .where(Delivery.id.in_(delivery_ids), Delivery.email_state == EmailState.PENDING)
            .order_by(Delivery.id)
            .with_for_update(skip_locked=True)
        )
    )
    if not rows:
        return 0
    people = {row.user_id for row in rows}
    users = {user.id: user for user in _users(people)}
    chosen = _frequencies(people)
    sent = 0
    try:
        with mail_session() as send:
            for row in rows:
                user = users[row.user_id]
                if not row.essential:
                    frequency = chosen.get(user.id, DEFAULT_FREQUENCY)
                    if not may_email(user) or frequency == Frequency.NEVER:
                        row.email_state = EmailState.SKIPPED
                        continue
                    if frequency != Frequency.NOW:  # they chose a digest since: it will carry it
                        continue
                send(build_email(user, [(row.kind, row.params)], essential=row.essential))
                row.email_state = EmailState.SENT
                row.sent_at = utcnow()
                sent += 1
    finally:
        db.session.commit()
    return sent


def _digest_users(frequency: Frequency) -> list[int]:
    chosen = sa.func.coalesce(NotificationSetting.frequency, DEFAULT_FREQUENCY.value)
    return list(
        db.session.scalars(
            select(Delivery.user_id)
            .outerjoin(NotificationSetting, NotificationSetting.user_id == Delivery.user_id)
            .where(
                Delivery.email_state == EmailState.PENDING,
                Delivery.essential.is_(False),
                chosen == frequency.value,
            )
            .distinct()
            .order_by(Delivery.user_id)
        )
    )


def queue_digests(frequency: Frequency) -> int:
    """Queue one digest job for each person who chose `frequency` and has news waiting."""
    users = _digest_users(frequency)
    for user_id in users:
        enqueue_after_commit("send_digest", user_id, frequency.value)
    return len(users)


@periodic("daily_digest", hour="7", minute="0")
def daily_digest() -> None:
    """Every morning: the daily digests."""
    queue_digests(Frequency.DAILY)


@periodic("weekly_digest", day_of_week="1", hour="7", minute="0")
def weekly_digest() -> None:
    """Monday mornings: the weekly digests."""
    queue_digests(Frequency.WEEKLY)


@job("send_digest")
def send_digest(user_id: int, frequency: str) -> int:
    """One email listing a person's waiting news, if they still want it this often."""
    from engage.accounts.models import User

    user = db.session.get(User, user_id)
    if user is None or frequency_of(user) != Frequency(frequency):
        return 0
    rows = list(
        db.session.scalars(
            select(Delivery)
            .where(
                Delivery.user_id == user_id,
                Delivery.email_state == EmailState.PENDING,
                Delivery.essential.is_(False),
            )
            .order_by(Delivery.created_at, Delivery.id)
            .limit(DIGEST_LIMIT)
            .with_for_update(skip_locked=True)
        )
    )
    if not rows:
        return 0
    message = build_email(user, [(r.kind, r.params) for r in rows], digest=Frequency(frequency))
    with mail_session() as send:
        send(message)
    now = utcnow()
    for row in rows:
        row.email_state = EmailState.SENT
        row.sent_at = now
    db.session.flush()
    return len(rows)


# Who hears about what --------------------------------------------------------------------------


def _proposal_people(proposal_id: int) -> set[int]:
    from engage.comments.models import Comment, CommentStatus
    from engage.votes.models import Vote

    commented = select(Comment.author_id).where(
        Comment.proposal_id == proposal_id, Comment.status != CommentStatus.DELETED
    )
    voted = select(Vote.user_id).where(Vote.proposal_id == proposal_id)
    follows = dict(
        db.session.execute(
            select(Follow.user_id, Follow.active).where(Follow.proposal_id == proposal_id)
        ).all()
    )
    people = set(db.session.scalars(commented)) | set(db.session.scalars(voted))
    people |= {user_id for user_id, active in follows.items() if active}
    # Someone who stopped following hears nothing more, even having commented or voted.
    return {p for p in people if follows.get(p, True)}


@job("notify_reply")
def notify_reply(comment_id: int) -> int:
    """Tell a comment's author that someone replied (never about their own reply)."""
    from engage.comments.models import Comment, CommentStatus

    reply = db.session.get(Comment, comment_id)
    if reply is None or reply.status != CommentStatus.PUBLISHED or reply.parent_id is None:
        return 0
    parent = db.session.get(Comment, reply.parent_id)
    if parent is None or parent.author_id == reply.author_id:
        return 0
    params = {
        "proposal_id": reply.proposal_id,
        "comment_id": reply.id,
        "title": reply.proposal.title,
    }
    return deliver("reply", f"reply:{reply.id}", params, [parent.author_id])


@job("notify_outcome")
def notify_outcome(proposal_id: int) -> int:
    """Tell everyone who commented on, voted on or follows a proposal what was decided."""
    from engage.proposals.models import Proposal

    proposal = db.session.get(Proposal, proposal_id)
    if proposal is None or not proposal.has_outcome:
        return 0
    params = {"proposal_id": proposal.id, "title": proposal.title}
    return deliver("outcome", f"outcome:{proposal.id}", params, _proposal_people(proposal.id))


@job("notify_new_proposal")
def notify_new_proposal(proposal_id: int) -> int:
    """Tell a priority's followers about a new proposal, once it is open (not before)."""
    from engage.proposals.models import Proposal, ProposalStatus

    proposal = db.session.get(Proposal, proposal_id)
    if proposal is None or proposal.status != ProposalStatus.OPEN:
        return 0
    if proposal.has_not_opened():
        # Its opening date moved later since this was scheduled: wait for the new one.
        enqueue_after_commit("notify_new_proposal", proposal.id, eta=proposal.opens_at)
        return 0
    followers = db.session.scalars(
        select(Follow.user_id).where(
            Follow.priority_id == proposal.priority_id, Follow.active.is_(True)
        )
    )
    params = {
        "proposal_id": proposal.id,
        "title": proposal.title,
        "priority": proposal.priority.title,
    }
    return deliver("new_proposal", f"new_proposal:{proposal.id}", params, set(followers))


@job("notify_survey_results")
def notify_survey_results(survey_id: int) -> int:
    """Tell everyone who took a survey with an account that its results are published."""
    from engage.surveys.models import Survey

    survey = db.session.get(Survey, survey_id)
    if survey is None or not survey.results_published:
        return 0
    params = {"survey_id": survey.id, "title": survey.title}
    return deliver(
        "survey_results", f"survey_results:{survey.id}", params, _survey_people(survey.id)
    )


def _survey_people(survey_id: int) -> set[int]:
    from engage.surveys.models import Participation, SurveyResponse

    named = select(SurveyResponse.user_id).where(
        SurveyResponse.survey_id == survey_id, SurveyResponse.user_id.is_not(None)
    )
    took = select(Participation.user_id).where(Participation.survey_id == survey_id)
    return set(db.session.scalars(named)) | set(db.session.scalars(took))


@job("notify_idea_answered")
def notify_idea_answered(idea_id: int, user_ids: list[int]) -> int:
    """Tell an idea's author and backers that the council answered it (each answer once)."""
    from engage.ideas.models import Idea

    idea = db.session.get(Idea, idea_id)
    if idea is None or idea.answered_at is None:
        return 0
    params = {"idea_id": idea.id, "title": idea.title}
    key = f"idea_answered:{idea.id}:{idea.answered_at:%Y%m%d%H%M%S}"
    return deliver("idea_answered", key, params, set(user_ids))


@job("notify_report")
def notify_report(report_id: int) -> int:
    """Tell everyone who took part in a consultation that its report is published."""
    from engage.analysis.models import Report
    from engage.proposals.models import Proposal
    from engage.surveys.models import Survey

    report = db.session.get(Report, report_id)
    if report is None or not report.is_published:
        return 0
    subject = str(report.subject)
    if subject == "proposal":
        item, people = db.session.get(Proposal, report.subject_id), _proposal_people
    else:
        item, people = db.session.get(Survey, report.subject_id), _survey_people
    if item is None:
        return 0
    params = {"subject": subject, "subject_id": item.id, "title": item.title}
    return deliver("report_published", f"report:{report.id}", params, people(item.id))


@job("notify_decision")
def notify_decision(kind: str, key: str, params: dict, author_id: int) -> int:
    """Email an adult what moderation decided about their words (the notice is moderation's)."""
    return deliver(kind, key, params, [author_id], in_site=False)


@job("alert_safeguarding")
def alert_safeguarding(key: str) -> int:
    """Email every safeguarding lead at once: only that an item waits, never its words."""
    from engage.moderation.safeguarding import safeguarding_leads

    leads = [lead.id for lead in safeguarding_leads()]
    return deliver("safeguarding_new", key, {}, leads, in_site=False, essential=True)


def _overdue_moderation_count(now) -> int:
    from flask import current_app

    from engage.moderation.models import CaseState, ModerationCase

    cutoff = now - timedelta(hours=current_app.config["MODERATION_TARGET_HOURS"])
    return db.session.scalar(
        select(sa.func.count())
        .select_from(ModerationCase)
        .where(ModerationCase.state == CaseState.WAITING, ModerationCase.held_at < cutoff)
    )


@periodic("moderation_summary", hour="8", minute="0")
def moderation_summary() -> int:
    """Each morning, when items wait past their target: tell every moderator how many."""
    from engage.accounts.models import User
    from engage.permissions import Role

    now = utcnow()
    count = _overdue_moderation_count(now)
    if not count:
        return 0
    moderators = db.session.scalars(
        select(User.id).where(User.role == Role.MODERATOR, User.banned.is_(False))
    )
    key = f"moderation_summary:{now:%Y-%m-%d}"
    return deliver(
        "moderation_summary",
        key,
        {"count": count},
        set(moderators),
        in_site=False,
        essential=True,
    )


@periodic("consultations_closed", minute="15")
def consultations_closed() -> int:
    """Hourly: tell the officer who wrote a consultation that it has closed (once)."""
    from engage.proposals.models import Proposal, ProposalStatus

    now = utcnow()
    closed = db.session.scalars(
        select(Proposal).where(
            Proposal.status == ProposalStatus.OPEN,
            Proposal.closes_at <= now,
            Proposal.closes_at > now - timedelta(days=2),
            Proposal.created_by_id.is_not(None),
        )
    )
    told = 0
    for proposal in closed:
        params = {"proposal_id": proposal.id, "title": proposal.title}
        told += deliver(
            "consultation_closed",
            f"closed:{proposal.id}",
            params,
            [proposal.created_by_id],
            in_site=False,
            essential=True,
        )
    return told
