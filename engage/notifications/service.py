"""Following and email choices: who wants to hear about what, and how often.

Operations take the acting user, flush and never commit.
"""

from functools import cache

import sqlalchemy as sa
from sqlalchemy import bindparam, select

from engage.clock import utcnow
from engage.extensions import db
from engage.i18n import _
from engage.notifications.models import (
    DEFAULT_FREQUENCY,
    Delivery,
    EmailState,
    Follow,
    Frequency,
    NotificationSetting,
)
from engage.ops.reader_facts import reader_fact


class NotificationError(Exception):
    """A choice that cannot be made (young people cannot choose email)."""


def may_email(user) -> bool:
    """Only adults with a confirmed address are ever emailed; young people hear in-site only."""
    return bool(user.email) and user.email_verified_at is not None and not user.is_young


def frequency_of(user) -> Frequency:
    """How often this person is emailed now (NEVER for anyone who may not be emailed)."""
    if not may_email(user):
        return Frequency.NEVER
    setting = db.session.get(NotificationSetting, user.id)
    return Frequency(setting.frequency) if setting is not None else DEFAULT_FREQUENCY


def set_frequency(user, frequency: Frequency) -> None:
    """Choose how often to be emailed; choosing never drops what was waiting for a digest."""
    if frequency != Frequency.NEVER and not may_email(user):
        raise NotificationError(_("We only email adults who have confirmed their email address."))
    _setting(user).frequency = frequency
    if frequency == Frequency.NEVER:
        db.session.execute(
            sa.update(Delivery)
            .where(
                Delivery.user_id == user.id,
                Delivery.email_state == EmailState.PENDING,
                Delivery.essential.is_(False),
            )
            .values(email_state=EmailState.SKIPPED)
        )
    db.session.flush()


def _setting(user) -> NotificationSetting:
    """The person's settings row, made (with the defaults) if they have none yet."""
    setting = db.session.get(NotificationSetting, user.id)
    if setting is None:
        setting = NotificationSetting(
            user_id=user.id, frequency=DEFAULT_FREQUENCY, follow_when_commenting=True
        )
        db.session.add(setting)
    return setting


def follows_when_commenting(user_id: int) -> bool:
    """True unless the person turned off following the proposals they comment on."""
    setting = db.session.get(NotificationSetting, user_id)
    return setting is None or bool(setting.follow_when_commenting)


def set_follow_when_commenting(user, on: bool) -> None:
    """Choose whether commenting on a proposal follows it (what one follows already stays)."""
    if on and db.session.get(NotificationSetting, user.id) is None:
        return  # the default already: no row needed
    _setting(user).follow_when_commenting = on
    db.session.flush()


@cache
def _follow_statements():
    # Built once: a proposal or priority page asks on every signed-in request.
    mine = select(Follow).where(Follow.user_id == bindparam("user_id"))
    return (
        mine.where(Follow.proposal_id == bindparam("subject_id")),
        mine.where(Follow.priority_id == bindparam("subject_id")),
    )


@reader_fact("proposal", "follows_proposal")
def _follows_proposal_fact():
    """Whether the reader follows the page's proposal (NULL: never did)."""
    return _follow_statements()[0].with_only_columns(Follow.active).scalar_subquery()


@reader_fact("priority", "follows_priority")
def _follows_priority_fact():
    """Whether the reader follows the page's priority (NULL: never did)."""
    return _follow_statements()[1].with_only_columns(Follow.active).scalar_subquery()


def _follow_row(user_id: int, *, proposal_id=None, priority_id=None) -> Follow | None:
    by_proposal, by_priority = _follow_statements()
    if proposal_id is not None:
        query, subject_id = by_proposal, proposal_id
    else:
        query, subject_id = by_priority, priority_id
    return db.session.scalar(query, {"user_id": user_id, "subject_id": subject_id})


def is_following(user, *, proposal=None, priority=None) -> bool:
    """True while the person follows the proposal or priority."""
    row = _follow_row(
        user.id,
        proposal_id=proposal.id if proposal is not None else None,
        priority_id=priority.id if priority is not None else None,
    )
    return bool(row and row.active)


def set_following(user, following: bool, *, proposal=None, priority=None) -> Follow:
    """Follow or stop following a proposal or a priority (stopping is remembered)."""
    proposal_id = proposal.id if proposal is not None else None
    priority_id = priority.id if priority is not None else None
    row = _follow_row(user.id, proposal_id=proposal_id, priority_id=priority_id)
    if row is None:
        row = Follow(user_id=user.id, proposal_id=proposal_id, priority_id=priority_id)
        db.session.add(row)
    row.active = following
    db.session.flush()
    return row


# One statement on every comment, in SQLite's and PostgreSQL's shared words: no row is added when
# the person turned this off (no setting row means on), nor when a row for the proposal exists,
# following or stopped (the unique key; also two comments at once add one row, not an error).
_FOLLOW_AFTER_COMMENTING = sa.text(
    "INSERT INTO follow (user_id, proposal_id, active, created_at) "
    "SELECT :user_id, :proposal_id, :yes, :now WHERE NOT EXISTS ("
    "SELECT 1 FROM notification_setting s WHERE s.user_id = :user_id "
    "AND NOT coalesce(s.follow_when_commenting, :no)) "
    "ON CONFLICT (user_id, proposal_id) DO NOTHING"
).bindparams(
    sa.bindparam("yes", True, type_=sa.Boolean()),
    sa.bindparam("no", False, type_=sa.Boolean()),
    sa.bindparam("now", type_=sa.DateTime()),
)


def follow_after_commenting(user_id: int, proposal_id: int) -> None:
    """Follow a proposal one commented on, unless one stopped following it or turned this off."""
    db.session.flush()  # a choice or follow made earlier in this transaction counts
    db.session.execute(
        _FOLLOW_AFTER_COMMENTING, {"user_id": user_id, "proposal_id": proposal_id, "now": utcnow()}
    )


def my_follows(user) -> tuple[list, list]:
    """(proposals, priorities) the person follows, by title."""
    from engage.proposals.models import Priority, Proposal

    proposals = db.session.scalars(
        select(Proposal)
        .join(Follow, Follow.proposal_id == Proposal.id)
        .where(Follow.user_id == user.id, Follow.active.is_(True))
        .order_by(Proposal.title)
    )
    priorities = db.session.scalars(
        select(Priority)
        .join(Follow, Follow.priority_id == Priority.id)
        .where(Follow.user_id == user.id, Follow.active.is_(True))
        .order_by(Priority.position)
    )
    return list(proposals), list(priorities)


def forget_person(user_id: int) -> None:
    """Drop a person's follows, choices and messages (their account or contributions went)."""
    for model in (Follow, NotificationSetting, Delivery):
        db.session.execute(sa.delete(model).where(model.user_id == user_id))
