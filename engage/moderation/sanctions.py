"""Suspending, banning and lifting sanctions on a person.

Operations take the acting user, flush and never commit.
"""

from datetime import timedelta

from engage.accounts.sessions import end_sessions
from engage.clock import utcnow
from engage.i18n import _
from engage.moderation.audit import record
from engage.moderation.cases import ModerationError, _clean_note
from engage.moderation.models import (
    Action,
    ModerationEvent,
    RejectReason,
)
from engage.moderation.notifications import notify


def _sanction_status(user) -> str:
    if user.banned:
        return "banned"
    if user.suspended_until is not None and user.suspended_until > utcnow():
        return "suspended"
    return "active"


def _check_target(actor, user) -> None:
    if user.id == actor.id:
        raise ModerationError(_("You cannot sanction yourself."))
    if user.is_staff:
        raise ModerationError(_("Staff accounts are managed by an administrator."))


def _sanction_reason(reason: str) -> RejectReason:
    try:
        return RejectReason(reason)
    except ValueError:
        raise ModerationError(_("Choose a reason"), "reason") from None


def suspend_user(actor, user, days: int, reason: str, note: str | None = None):
    """Stop a person posting for a number of days; they can still read."""
    _check_target(actor, user)
    reason = _sanction_reason(reason)
    if not days or not 1 <= days <= 365:
        raise ModerationError(_("Enter a number of days from 1 to 365"), "days")
    note = _clean_note(note)
    before = _sanction_status(user)
    user.suspended_until = utcnow() + timedelta(days=days)
    end_sessions(user, "sanction")
    event = record(
        actor,
        Action.SUSPEND,
        subject_user_id=user.id,
        reason=reason.value,
        note=note,
        from_status=before,
        to_status="suspended",
        after_text=user.suspended_until.isoformat(timespec="minutes"),
    )
    notify(
        user.id,
        "suspended",
        reason=reason.value,
        note=note,
        until=user.suspended_until.isoformat(timespec="minutes"),
    )
    return event


def ban_user(actor, user, reason: str, note: str | None = None) -> ModerationEvent:
    """Stop a person posting until the ban is lifted."""
    _check_target(actor, user)
    reason = _sanction_reason(reason)
    note = _clean_note(note)
    before = _sanction_status(user)
    user.banned = True
    end_sessions(user, "sanction")
    event = record(
        actor,
        Action.BAN,
        subject_user_id=user.id,
        reason=reason.value,
        note=note,
        from_status=before,
        to_status="banned",
    )
    notify(user.id, "banned", reason=reason.value, note=note)
    return event


def lift_sanction(actor, user, note: str | None = None) -> ModerationEvent:
    """Undo a suspension or a ban."""
    before = _sanction_status(user)
    if before == "active":
        raise ModerationError(_("This person is not suspended or banned."))
    note = _clean_note(note)
    user.banned = False
    user.suspended_until = None
    event = record(
        actor,
        Action.LIFT,
        subject_user_id=user.id,
        note=note,
        from_status=before,
        to_status="active",
    )
    notify(user.id, "sanction_lifted")
    return event


# Queues ---------------------------------------------------------------------------------------
