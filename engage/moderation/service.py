"""Moderation operations and queries. Operations take the acting user, flush and never commit.

Automatic checks only hold items and say why; a person makes every decision. Anything that
touches safeguarding can never be published.
"""

import csv
import io
import statistics
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy import func, or_, select

from engage import events
from engage.accounts.sessions import end_sessions
from engage.clock import utcnow
from engage.errors import RuleError
from engage.extensions import db
from engage.i18n import _
from engage.moderation import confidential
from engage.moderation.models import (
    DECISIONS,
    UNDOABLE,
    Action,
    AuditText,
    CaseReason,
    CaseState,
    ItemState,
    ModerationCase,
    ModerationEvent,
    Notification,
    RejectReason,
    Report,
    ReportReason,
)
from engage.moderation.registry import SOURCES, Context, Source, get_source
from engage.permissions import GRANTS, can
from engage.urls import as_id

# Events that change an item's state: only the latest of these on an item can be undone.
_STATE_CHANGES = frozenset(DECISIONS | {Action.HANDLE, Action.HIDE, Action.APPEAL, Action.UNDO})
APPEAL_NOTE_MAX = 1000
NOTE_MAX = 2000


class ModerationError(RuleError):
    """A moderation rule was broken; the message is shown, with the form field it belongs to."""


# Automatic checks -----------------------------------------------------------------------------


def run_checks(text: str) -> list:
    """The automatic checks' flags for a text (personal details, abuse, safeguarding risk)."""
    from engage.moderation import checks  # written alongside; imported late so the app loads first

    return checks.check_text(text or "")


def _flag_dicts(flags) -> list[dict]:
    return [{"category": str(f.category), "kind": f.kind} for f in flags]


def _categories_string(case: ModerationCase) -> str | None:
    return ",".join(case.categories) or None


def _apply_flags(case: ModerationCase, flags) -> None:
    cats = {str(f.category) for f in flags}
    case.flags = _flag_dicts(flags)
    case.flag_personal = "personal_details" in cats
    case.flag_abuse = "abuse" in cats
    case.flag_risk = "risk" in cats
    if case.flag_risk:
        case.safeguarding = True


# Cases and the record -------------------------------------------------------------------------


def find_case(source: str, item_id: int) -> ModerationCase | None:
    """The moderation case of an item, if it ever had one."""
    return db.session.scalar(
        select(ModerationCase).where(
            ModerationCase.source == source, ModerationCase.item_id == item_id
        )
    )


def _copy_item_facts(case: ModerationCase, src: Source, item) -> None:
    case.author_id = src.author_id(item)
    case.priority_id = src.priority_id(item)
    case.language = src.language(item)
    case.by_young_person = src.by_young_person(item)
    case.date_only = src.date_only(item)


def record(actor, action: Action, **fields) -> ModerationEvent:
    """Append one event to the audit record (the only way the application writes to it)."""
    event = ModerationEvent(
        actor_id=actor.id if actor is not None else None, action=action, **fields
    )
    db.session.add(event)
    db.session.flush()
    return event


def record_case(actor, action: Action, case: ModerationCase, **fields) -> ModerationEvent:
    """Append an event about a queued item: which item, whose words, then the given details."""
    fields.setdefault("subject_user_id", case.author_id)
    if case.date_only:
        fields.setdefault("created_at", case.stamp())
    return record(actor, action, source=case.source, item_id=case.item_id, **fields)


def notify(user_id: int | None, kind: str, **params) -> Notification | None:
    """Leave a message for a person, worded in their language when they read it."""
    if user_id is None:  # anonymous survey answers have nobody to tell
        return None
    note = Notification(user_id=user_id, kind=kind, params=params)
    db.session.add(note)
    return note


def _item_params(case: ModerationCase, src: Source, item) -> dict:
    return {"source": case.source, "item_id": case.item_id, "title": src.context(item).title}


def _open(case: ModerationCase, reason: CaseReason, restart_clock: bool = True) -> None:
    """Put the case (back) in its queue; new text or reports restart its clock.

    Undo and appeal keep the original arrival time (restart_clock=False): the item has waited
    since then, so it keeps its place in the queue and its "past the time limit" standing.
    """
    was_open = case.is_open
    case.reason = reason
    case.state = CaseState.SAFEGUARDING if case.safeguarding else CaseState.WAITING
    if not was_open:
        if restart_clock:
            case.held_at = case.stamp()
        case.decided_at = None


def screen_item(source: str, item) -> ModerationCase | None:
    """Run the automatic checks on new or changed text and hold it for a person if needed.

    Young people's items arrive held; adults' are held only when a check flags them. A risk flag
    sends the item to the safeguarding queue. Checks never publish or reject anything.
    """
    src = get_source(source)
    flags = run_checks(src.text(item))
    case = find_case(source, item.id)
    state = src.state(item)
    if state == ItemState.PUBLISHED and flags:
        src.set_state(item, ItemState.HELD, "automatic_check")
        state = ItemState.HELD
    if state != ItemState.HELD:
        return case
    if case is None:
        case = ModerationCase(source=source, item_id=item.id, flags=[])
        db.session.add(case)
    _copy_item_facts(case, src, item)
    _apply_flags(case, flags)
    was_safeguarding = case.state in {CaseState.SAFEGUARDING, CaseState.HANDLED}
    reason = CaseReason.YOUNG_PERSON if case.by_young_person else CaseReason.AUTOMATIC_CHECK
    _open(case, reason)
    db.session.flush()
    record_case(
        None,
        Action.HOLD,
        case,
        reason=reason.value,
        before_text=src.text(item),
        to_status=ItemState.HELD.value,
        flags=_categories_string(case),
    )
    if case.safeguarding and not was_safeguarding:
        notify(case.author_id, "held_help", **_item_params(case, src, item))
        events.safeguarding_raised.send(case)
    return case


def withdraw_item(source: str, item) -> None:
    """The author deleted an item: it leaves the moderators' queue (never the safeguarding one)."""
    case = find_case(source, item.id)
    if case is not None and case.state == CaseState.WAITING:
        case.state = CaseState.WITHDRAWN
        db.session.flush()


def load_item(case: ModerationCase):
    """The adapter and the item behind a case; a vanished item is an error."""
    src = get_source(case.source)
    item = src.load(case.item_id) if src else None
    if item is None:
        raise ModerationError(_("This item no longer exists."))
    return src, item


def _waited(case: ModerationCase) -> int:
    return int((utcnow() - case.held_at).total_seconds())


def _resolve_reports(case: ModerationCase) -> None:
    db.session.execute(
        sa.update(Report)
        .where(
            Report.source == case.source, Report.item_id == case.item_id, Report.resolved.is_(False)
        )
        .values(resolved=True)
    )


def _moderator_roles():
    return GRANTS["moderation.review"]


def other_moderator_exists(actor) -> bool:
    """Whether someone other than `actor` can moderate (so an appeal can go to them)."""
    from engage.accounts.models import User

    return bool(
        db.session.scalar(
            select(func.count())
            .select_from(User)
            .where(
                User.role.in_(list(_moderator_roles())),
                User.id != actor.id,
                User.banned.is_(False),
            )
        )
    )


def _check_decidable(actor, case: ModerationCase) -> None:
    if case.safeguarding:
        raise ModerationError(
            _("This item is with the safeguarding lead. It can never be published.")
        )
    if case.state != CaseState.WAITING:
        raise ModerationError(_("This item has already been decided."))
    if (
        case.reason == CaseReason.APPEAL
        and case.appeal_against_id == actor.id
        and other_moderator_exists(actor)
    ):
        raise ModerationError(
            _("This is an appeal against your decision: another moderator decides it.")
        )


def _decide(actor, case: ModerationCase, state: CaseState = CaseState.DECIDED) -> int:
    waited = _waited(case)
    case.state = state
    case.decided_at = case.stamp()
    case.decided_by_id = actor.id
    return waited


def _clean_note(note: str | None) -> str | None:
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ModerationError(
            _("The note must be %(limit)d characters or fewer", limit=NOTE_MAX), "note"
        )
    return note or None


# Decisions ------------------------------------------------------------------------------------


def _publish(actor, case: ModerationCase, note, text: str | None = None) -> ModerationEvent:
    """Publish a held item, as it is or with new text, and record and announce the decision."""
    _check_decidable(actor, case)
    src, item = load_item(case)
    note = _clean_note(note)
    before = src.text(item)
    if text is not None:
        text = text.strip()
        if not text:
            raise ModerationError(_("Enter the text to publish"), "text")
        if text == before:
            raise ModerationError(
                _("Remove the personal details from the text, or approve it as it is."), "text"
            )
    from_state = src.state(item)
    if text is not None:
        src.set_text(item, text)
    src.set_state(item, ItemState.PUBLISHED)
    waited = _decide(actor, case)
    _resolve_reports(case)
    redacted = text is not None
    event = record_case(
        actor,
        Action.APPROVE_REDACTED if redacted else Action.APPROVE,
        case,
        reason=RejectReason.PERSONAL_DETAILS.value if redacted else None,
        note=note,
        before_text=before,
        after_text=text if redacted else before,
        from_status=from_state.value,
        to_status=ItemState.PUBLISHED.value,
        waited_seconds=waited,
        flags=_categories_string(case),
    )
    notify(
        case.author_id,
        "approved_redacted" if redacted else "approved",
        **_item_params(case, src, item),
    )
    events.item_decided.send(
        case.source, item=item, state=ItemState.PUBLISHED, author_id=case.author_id
    )
    return event


def approve_item(actor, case: ModerationCase, note: str | None = None) -> ModerationEvent:
    """Publish a held item as it is."""
    return _publish(actor, case, note)


def approve_redacted(actor, case: ModerationCase, text: str, note: str | None = None):
    """Publish a held item with personal details removed; the original stays only in the record."""
    return _publish(actor, case, note, text or "")


def reject_item(actor, case: ModerationCase, reason: str, note: str | None = None):
    """Do not publish an item, giving the author a reason from the list."""
    _check_decidable(actor, case)
    try:
        reason = RejectReason(reason)
    except ValueError:
        raise ModerationError(_("Choose a reason"), "reason") from None
    src, item = load_item(case)
    note = _clean_note(note)
    text = src.text(item)
    from_state = src.state(item)
    src.set_state(item, ItemState.REJECTED)
    waited = _decide(actor, case)
    _resolve_reports(case)
    event = record_case(
        actor,
        Action.REJECT,
        case,
        reason=reason.value,
        note=note,
        before_text=text,
        after_text=text,
        from_status=from_state.value,
        to_status=ItemState.REJECTED.value,
        waited_seconds=waited,
        flags=_categories_string(case),
    )
    notify(
        case.author_id,
        "rejected",
        reason=reason.value,
        note=note,
        can_appeal=not case.appeal_used,
        **_item_params(case, src, item),
    )
    events.item_decided.send(
        case.source, item=item, state=ItemState.REJECTED, author_id=case.author_id
    )
    return event


def escalate_item(actor, case: ModerationCase, note: str | None = None) -> ModerationEvent:
    """Send an item to the safeguarding lead; from then on it can never be published."""
    if case.safeguarding:
        raise ModerationError(_("This item is already with the safeguarding lead."))
    if case.state != CaseState.WAITING:
        raise ModerationError(_("This item has already been decided."))
    src, item = load_item(case)
    note = _clean_note(note)
    text = src.text(item)
    state = src.state(item)
    waited = _waited(case)
    case.safeguarding = True
    case.reason = CaseReason.ESCALATED
    case.state = CaseState.SAFEGUARDING
    case.held_at = case.stamp()  # the safeguarding time limit runs from here
    event = record_case(
        actor,
        Action.ESCALATE,
        case,
        note=note,
        before_text=text,
        after_text=text,
        from_status=state.value,
        to_status=state.value,
        waited_seconds=waited,
        flags=_categories_string(case),
    )
    notify(case.author_id, "held_help", **_item_params(case, src, item))
    events.safeguarding_raised.send(case)
    return event


def handle_item(actor, case: ModerationCase, note: str) -> ModerationEvent:
    """A safeguarding lead records what they did; the item stays unpublished for good."""
    if not can("safeguarding.review", user=actor):
        raise ModerationError(_("Only a safeguarding lead can do this."))
    if case.state != CaseState.SAFEGUARDING:
        raise ModerationError(_("This item is not waiting for the safeguarding lead."))
    note = _clean_note(note)
    if not note:
        raise ModerationError(_("Say what you did, for example who you contacted"), "note")
    src, item = load_item(case)
    state = src.state(item)
    waited = _decide(actor, case, CaseState.HANDLED)
    return record_case(
        actor,
        Action.HANDLE,
        case,
        note=note,
        from_status=state.value,
        to_status=state.value,
        waited_seconds=waited,
        flags=_categories_string(case),
    )


@dataclass
class BulkResult:
    done: int = 0
    skipped: list[str] = field(default_factory=list)


def bulk_decide(actor, keys: list[str], action: str, reason: str | None = None) -> BulkResult:
    """Approve or reject several items at once; items that cannot be are skipped and named."""
    if action not in {"approve", "reject"}:
        raise ModerationError(_("Choose approve or reject"), "action")
    if action == "reject" and reason not in {r.value for r in RejectReason}:
        raise ModerationError(_("Choose a reason for rejecting"), "reason")
    if not keys:
        raise ModerationError(_("Select at least one item"), "items")
    result = BulkResult()
    for key in keys:
        source, _sep, raw_id = key.partition(":")
        item_id = as_id(raw_id)
        case = find_case(source, item_id) if item_id else None
        if case is None:
            result.skipped.append(key)
            continue
        try:
            if action == "approve":
                approve_item(actor, case)
            else:
                reject_item(actor, case, reason)
        except ModerationError:
            result.skipped.append(key)
        else:
            result.done += 1
    return result


# Undo -----------------------------------------------------------------------------------------


def latest_state_event(source: str, item_id: int) -> ModerationEvent | None:
    """The newest event that changed this item's state."""
    return db.session.scalar(
        select(ModerationEvent)
        .where(
            ModerationEvent.source == source,
            ModerationEvent.item_id == item_id,
            ModerationEvent.action.in_(list(_STATE_CHANGES)),
        )
        .order_by(ModerationEvent.id.desc())
        .limit(1)
    )


def can_undo(event: ModerationEvent) -> bool:
    """Only the newest state change on an item can be undone, once."""
    if event.action not in UNDOABLE or event.item_id is None:
        return False
    latest = latest_state_event(event.source, event.item_id)
    return latest is not None and latest.id == event.id


def undo_event(actor, event: ModerationEvent, note: str | None = None) -> ModerationEvent:
    """Reverse a decision (restore a rejected or hidden item, unpublish, reopen), and record it."""
    if not can_undo(event):
        raise ModerationError(_("Only the latest decision on an item can be undone."))
    case = find_case(event.source, event.item_id)
    if case is None:
        raise ModerationError(_("This item no longer exists."))
    if event.action == Action.HANDLE and not can("safeguarding.review", user=actor):
        raise ModerationError(_("Only a safeguarding lead can do this."))
    note = _clean_note(note)
    src, item = load_item(case)
    target = ItemState(event.from_status)
    if target == ItemState.PUBLISHED and case.safeguarding:
        raise ModerationError(
            _("This item is with the safeguarding lead. It can never be published.")
        )
    before = src.text(item)
    from_state = src.state(item)
    if event.before_text is not None and event.after_text != event.before_text:
        src.set_text(item, event.before_text)  # an undone redaction brings the original back
    src.set_state(item, target)
    if event.action == Action.HANDLE:
        case.state = CaseState.SAFEGUARDING
        case.decided_at = None
    elif target in {ItemState.HELD, ItemState.HIDDEN}:
        _open(case, case.reason, restart_clock=False)
    else:
        case.state = CaseState.DECIDED
        case.decided_at = case.stamp()
        case.decided_by_id = actor.id
        _resolve_reports(case)
    undo = record_case(
        actor,
        Action.UNDO,
        case,
        reason=event.action.value,
        note=note,
        before_text=before,
        after_text=src.text(item),
        from_status=from_state.value,
        to_status=target.value,
        undoes_id=event.id,
    )
    if target == ItemState.PUBLISHED:
        notify(case.author_id, "restored", **_item_params(case, src, item))
    events.item_decided.send(case.source, item=item, state=target, author_id=case.author_id)
    return undo


# Reports and appeals --------------------------------------------------------------------------


def report_item(user, source: str, item, reason: str, note: str | None = None) -> Report:
    """Report a published item; enough distinct reports hide it until a moderator decides."""
    src = get_source(source)
    if src is None or not src.reportable:
        raise ModerationError(_("This cannot be reported."))
    if user.is_blocked:
        raise ModerationError(_("You cannot report anything while your account is suspended."))
    if user.email_unverified:
        raise ModerationError(_("Confirm your email address before you report anything."))
    try:
        reason = ReportReason(reason)
    except ValueError:
        raise ModerationError(_("Choose why you are reporting this"), "reason") from None
    note = _clean_note(note)
    if src.state(item) != ItemState.PUBLISHED:
        raise ModerationError(_("This has already been taken down while a moderator checks it."))
    if src.author_id(item) == user.id:
        raise ModerationError(_("You cannot report your own words."))
    already = db.session.scalar(
        select(func.count())
        .select_from(Report)
        .where(
            Report.source == source,
            Report.item_id == item.id,
            Report.reporter_id == user.id,
            Report.resolved.is_(False),
        )
    )
    if already:
        raise ModerationError(_("You have already reported this. A moderator will look at it."))
    report = Report(source=source, item_id=item.id, reporter_id=user.id, reason=reason, note=note)
    db.session.add(report)
    db.session.flush()
    record(
        user,
        Action.REPORT,
        source=source,
        item_id=item.id,
        subject_user_id=src.author_id(item),
        reason=reason.value,
        note=note,
    )
    # Only confirmed, unsanctioned accounts count toward hiding: throwaway sign-ups must not be
    # able to take anyone's words down.
    from engage.accounts.models import User

    reporters = db.session.scalar(
        select(func.count(sa.distinct(Report.reporter_id)))
        .join(User, User.id == Report.reporter_id)
        .where(
            Report.source == source,
            Report.item_id == item.id,
            Report.resolved.is_(False),
            User.email_verified_at.is_not(None),
            User.banned.is_(False),
            or_(User.suspended_until.is_(None), User.suspended_until <= utcnow()),
        )
    )
    if reporters >= current_app.config["REPORT_HIDE_THRESHOLD"]:
        _hide_for_reports(source, src, item)
    return report


def _hide_for_reports(source: str, src: Source, item) -> None:
    text = src.text(item)
    src.set_state(item, ItemState.HIDDEN, "reports")
    case = find_case(source, item.id)
    if case is None:
        case = ModerationCase(source=source, item_id=item.id, flags=[])
        db.session.add(case)
    _copy_item_facts(case, src, item)
    _apply_flags(case, run_checks(text))
    _open(case, CaseReason.REPORTS)
    db.session.flush()
    record_case(
        None,
        Action.HIDE,
        case,
        reason=CaseReason.REPORTS.value,
        before_text=text,
        after_text=text,
        from_status=ItemState.PUBLISHED.value,
        to_status=ItemState.HIDDEN.value,
        flags=_categories_string(case),
    )
    notify(case.author_id, "hidden", **_item_params(case, src, item))
    events.item_decided.send(
        source, item=item, state=ItemState.HIDDEN, author_id=src.author_id(item)
    )


def report_counts(source: str, item_ids: list[int]) -> dict[int, Counter]:
    """Unresolved reports per item, counted by reason."""
    if not item_ids:
        return {}
    counts: dict[int, Counter] = {}
    rows = db.session.execute(
        select(Report.item_id, Report.reason, func.count())
        .where(Report.source == source, Report.item_id.in_(item_ids), Report.resolved.is_(False))
        .group_by(Report.item_id, Report.reason)
    )
    for item_id, reason, n in rows:
        counts.setdefault(item_id, Counter())[reason.value] = n
    return counts


def appealable_case(notification: Notification) -> ModerationCase | None:
    """The case a rejection notice may still be appealed on, or None."""
    if notification.kind != "rejected":
        return None
    params = notification.params or {}
    case = find_case(params.get("source", ""), int(params.get("item_id") or 0))
    if case is None or case.appeal_used or case.state != CaseState.DECIDED:
        return None
    src = get_source(case.source)
    item = src.load(case.item_id) if src else None
    if item is None or src.state(item) != ItemState.REJECTED:
        return None
    return case


def appeal_rejection(user, notification: Notification, note: str) -> ModerationEvent:
    """Ask, once, for a rejection to be looked at again; a different moderator decides."""
    if notification.user_id != user.id:
        raise ModerationError(_("You can only appeal your own decisions."))
    case = appealable_case(notification)
    if case is None:
        raise ModerationError(_("This decision can no longer be appealed."))
    note = (note or "").strip()
    if not note:
        raise ModerationError(_("Tell us why the decision should change"), "note")
    if len(note) > APPEAL_NOTE_MAX:
        raise ModerationError(
            _("Your note must be %(limit)d characters or fewer", limit=APPEAL_NOTE_MAX), "note"
        )
    src, item = load_item(case)
    case.appeal_used = True
    case.appeal_note = note
    case.appeal_against_id = case.decided_by_id
    src.set_state(item, ItemState.HELD)
    _open(case, CaseReason.APPEAL, restart_clock=False)
    text = src.text(item)
    event = record_case(
        user,
        Action.APPEAL,
        case,
        subject_user_id=user.id,
        note=note,
        before_text=text,
        after_text=text,
        from_status=ItemState.REJECTED.value,
        to_status=ItemState.HELD.value,
    )
    notify(user.id, "appeal_received", **_item_params(case, src, item))
    return event


# Sanctions ------------------------------------------------------------------------------------


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


def target_hours(safeguarding: bool = False) -> int:
    """The time limit of a queue, in hours."""
    key = "SAFEGUARDING_TARGET_HOURS" if safeguarding else "MODERATION_TARGET_HOURS"
    return current_app.config[key]


WAITING_CHOICES = {"overdue": None, "1h": 1, "24h": 24, "3d": 72}


@dataclass
class QueueFilters:
    source: str | None = None
    priority_id: int | None = None
    language: str | None = None
    flag: str | None = None
    waiting: str | None = None


def _filtered(query, filters: QueueFilters, safeguarding: bool):
    now = utcnow()
    if filters.source:
        query = query.where(ModerationCase.source == filters.source)
    if filters.priority_id:
        query = query.where(ModerationCase.priority_id == filters.priority_id)
    if filters.language:
        query = query.where(ModerationCase.language == filters.language)
    flag_columns = {
        "personal_details": ModerationCase.flag_personal,
        "abuse": ModerationCase.flag_abuse,
        "risk": ModerationCase.flag_risk,
    }
    if filters.flag == "none":
        query = query.where(*[c.is_(False) for c in flag_columns.values()])
    elif filters.flag in flag_columns:
        query = query.where(flag_columns[filters.flag].is_(True))
    if filters.waiting in WAITING_CHOICES:
        hours = WAITING_CHOICES[filters.waiting] or target_hours(safeguarding)
        query = query.where(ModerationCase.held_at < now - timedelta(hours=hours))
    return query


def queue_size() -> int:
    """How many items wait in the moderators' queue: one COUNT, for the site header."""
    return db.session.scalar(
        select(func.count())
        .select_from(ModerationCase)
        .where(ModerationCase.state == CaseState.WAITING)
    )


def safeguarding_size() -> int:
    """How many items wait for the safeguarding lead."""
    return db.session.scalar(
        select(func.count())
        .select_from(ModerationCase)
        .where(ModerationCase.state == CaseState.SAFEGUARDING)
    )


@dataclass
class QueueRow:
    case: ModerationCase
    item: object
    source: Source
    text: str
    context: Context
    age_band: str | None
    past_posts: int
    rejections: int
    waited: timedelta
    overdue: bool
    reports: Counter


def build_rows(viewer, cases: list[ModerationCase], safeguarding: bool = False) -> list[QueueRow]:
    """Queue rows with their item, context and author history, in a few queries per source.

    Words held for safeguarding (the item's own, or the comment it replies to) are replaced for
    a viewer who may not read them.
    """
    by_source: dict[str, list[int]] = {}
    for case in cases:
        by_source.setdefault(case.source, []).append(case.item_id)
    items: dict[tuple[str, int], object] = {}
    posts: Counter = Counter()
    reports: dict[tuple[str, int], Counter] = {}
    authors = sorted({c.author_id for c in cases if c.author_id})
    for name, ids in by_source.items():
        src = get_source(name)
        if src is None:
            continue
        for item_id, item in src.load_many(ids).items():
            items[(name, item_id)] = item
        for item_id, counter in report_counts(name, ids).items():
            reports[(name, item_id)] = counter
    # An author's posts count across every source, not only the ones with something waiting.
    for src in SOURCES.values():
        for author, n in src.post_counts(authors).items():
            posts[author] += n
    rejections = (
        dict(
            db.session.execute(
                select(ModerationEvent.subject_user_id, func.count())
                .where(
                    ModerationEvent.action == Action.REJECT,
                    ModerationEvent.subject_user_id.in_(authors),
                )
                .group_by(ModerationEvent.subject_user_id)
            ).all()
        )
        if authors
        else {}
    )
    now = utcnow()
    limit = timedelta(hours=target_hours(safeguarding))
    reads_all = confidential.reads_safeguarding(viewer)
    contexts = {key: get_source(key[0]).context(item) for key, item in items.items()}
    parents: dict[str, set[int]] = {}
    for (name, _item_id), context in contexts.items():
        if context.parent_id is not None:
            parents.setdefault(name, set()).add(context.parent_id)
    withheld_parents = {
        (name, parent_id)
        for name, ids in parents.items()
        for parent_id in confidential.withheld_ids(viewer, name, ids)
    }
    rows = []
    for case in cases:
        item = items.get((case.source, case.item_id))
        src = get_source(case.source)
        if item is None or src is None:
            continue
        waited = now - case.held_at
        context = contexts[(case.source, case.item_id)]
        if (case.source, context.parent_id) in withheld_parents:
            context = replace(context, parent_text=str(confidential.WITHHELD))
        if case.safeguarding and not reads_all:
            text = str(confidential.WITHHELD)
        else:
            text = src.text(item) or held_text(case)
        rows.append(
            QueueRow(
                case=case,
                item=item,
                source=src,
                text=text,
                context=context,
                age_band=src.age_band(item),
                # "Past" posts: everything else this author wrote.
                past_posts=max(posts.get(case.author_id, 0) - 1, 0) if case.author_id else 0,
                rejections=rejections.get(case.author_id, 0),
                waited=waited,
                overdue=case.is_open and waited > limit,
                reports=reports.get((case.source, case.item_id), Counter()),
            )
        )
    return rows


def held_text(case: ModerationCase) -> str:
    """The words as they were when held, for a safeguarding lead if the author deleted them."""
    return (
        db.session.scalar(
            select(AuditText.text)
            .join(ModerationEvent, ModerationEvent.before_id == AuditText.id)
            .where(
                ModerationEvent.source == case.source,
                ModerationEvent.item_id == case.item_id,
                AuditText.text.is_not(None),
                AuditText.text != "",
            )
            .order_by(ModerationEvent.id.desc())
            .limit(1)
        )
        or ""
    )


def queue_page(viewer, filters: QueueFilters, page: int, per_page: int = 50):
    """A page of the moderators' queue, oldest first, and its rows."""
    query = _filtered(
        select(ModerationCase).where(ModerationCase.state == CaseState.WAITING), filters, False
    ).order_by(ModerationCase.held_at, ModerationCase.id)
    pagination = db.paginate(query, page=page, per_page=per_page, error_out=False)
    return pagination, build_rows(viewer, list(pagination.items))


def safeguarding_page(viewer, page: int, per_page: int = 50, handled: bool = False):
    """The safeguarding queue (or the handled list), oldest first."""
    state = CaseState.HANDLED if handled else CaseState.SAFEGUARDING
    query = select(ModerationCase).where(ModerationCase.state == state)
    order = (ModerationCase.decided_at.desc(),) if handled else (ModerationCase.held_at,)
    pagination = db.paginate(
        query.order_by(*order, ModerationCase.id), page=page, per_page=per_page, error_out=False
    )
    return pagination, build_rows(viewer, list(pagination.items), safeguarding=True)


def item_history(viewer, source: str, item_id: int) -> list[confidential.EventView]:
    """Every event on an item, oldest first, as the viewer may see it."""
    return confidential.visible_events(
        viewer,
        db.session.scalars(
            select(ModerationEvent)
            .where(ModerationEvent.source == source, ModerationEvent.item_id == item_id)
            .order_by(ModerationEvent.id)
        ),
    )


def person_history(viewer, user_id: int) -> list[confidential.EventView]:
    """Every event about a person, newest first, as the viewer may see it."""
    return confidential.visible_events(
        viewer,
        db.session.scalars(
            select(ModerationEvent)
            .where(ModerationEvent.subject_user_id == user_id)
            .order_by(ModerationEvent.id.desc())
            .limit(200)
        ),
    )


# Audit record ---------------------------------------------------------------------------------


@dataclass
class AuditFilters:
    action: str | None = None
    source: str | None = None
    actor_id: int | None = None
    subject_user_id: int | None = None


def _audit_query(filters: AuditFilters):
    query = select(ModerationEvent)
    if filters.action in {a.value for a in Action}:
        query = query.where(ModerationEvent.action == Action(filters.action))
    if filters.source:
        query = query.where(ModerationEvent.source == filters.source)
    if filters.actor_id:
        query = query.where(ModerationEvent.actor_id == filters.actor_id)
    if filters.subject_user_id:
        query = query.where(ModerationEvent.subject_user_id == filters.subject_user_id)
    return query


def audit_page(viewer, filters: AuditFilters, page: int, per_page: int = 50):
    """A page of the audit record, newest first, and its events as the viewer may see them."""
    query = _audit_query(filters).order_by(ModerationEvent.id.desc())
    pagination = db.paginate(query, page=page, per_page=per_page, error_out=False)
    return pagination, confidential.visible_events(viewer, pagination.items)


CSV_COLUMNS = [
    "id",
    "created_at",
    "actor_id",
    "action",
    "source",
    "item_id",
    "subject_user_id",
    "reason",
    "note",
    "before_text",
    "after_text",
    "from_status",
    "to_status",
    "undoes_id",
    "waited_seconds",
    "flags",
]


def _csv_cell(value) -> str:
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, datetime) else str(value)
    # Spreadsheets run cells that start like a formula; a leading quote keeps them as text.
    if text[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        text = "'" + text
    return text


def audit_csv_rows(viewer, filters: AuditFilters):
    """The audit record as CSV text, a chunk of rows at a time (oldest first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield buffer.getvalue()
    query = _audit_query(filters).order_by(ModerationEvent.id)
    withheld = str(confidential.WITHHELD)
    for chunk in db.session.scalars(query.execution_options(yield_per=500)).partitions(500):
        buffer.seek(0)
        buffer.truncate()
        for view in confidential.visible_events(viewer, chunk):
            row = [getattr(view, c) for c in CSV_COLUMNS]
            for column in ("note", "before_text", "after_text"):
                hidden = getattr(view.event, column) is not None and getattr(view, column) is None
                if hidden:
                    row[CSV_COLUMNS.index(column)] = withheld
            writer.writerow([_csv_cell(v) for v in row])
        yield buffer.getvalue()


# Dashboard ------------------------------------------------------------------------------------


@dataclass
class Dashboard:
    waiting: int
    safeguarding: int
    overdue: int
    safeguarding_overdue: int
    median_7: float | None  # hours
    median_30: float | None
    decisions_7: int
    decisions_30: int
    flagged_decisions: int
    flags_agreed: int
    by_category: dict[str, tuple[int, int]]


def _median_hours(since: datetime) -> tuple[float | None, int]:
    waits = list(
        db.session.scalars(
            select(ModerationEvent.waited_seconds).where(
                ModerationEvent.action.in_(list(DECISIONS | {Action.HANDLE})),
                ModerationEvent.waited_seconds.is_not(None),
                ModerationEvent.created_at >= since,
            )
        )
    )
    if not waits:
        return None, 0
    return round(statistics.median(waits) / 3600, 1), len(waits)


def _overdue(state: CaseState, hours: int) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(ModerationCase)
        .where(
            ModerationCase.state == state,
            ModerationCase.held_at < utcnow() - timedelta(hours=hours),
        )
    )


def dashboard(now: datetime | None = None) -> Dashboard:
    """Queue sizes, time to decision, overdue items and how often the automatic flags were right."""
    now = now or utcnow()
    median_7, n7 = _median_hours(now - timedelta(days=7))
    median_30, n30 = _median_hours(now - timedelta(days=30))
    # A flag was agreed with when the moderator did not simply approve the flagged words.
    flagged = db.session.execute(
        select(ModerationEvent.action, ModerationEvent.flags).where(
            ModerationEvent.action.in_(list(DECISIONS | {Action.HANDLE})),
            ModerationEvent.flags.is_not(None),
            ModerationEvent.created_at >= now - timedelta(days=30),
        )
    ).all()
    by_category: dict[str, list[int]] = {}
    agreed = 0
    for action, flags in flagged:
        ok = action != Action.APPROVE
        agreed += ok
        for cat in flags.split(","):
            pair = by_category.setdefault(cat, [0, 0])
            pair[0] += ok
            pair[1] += 1
    return Dashboard(
        waiting=queue_size(),
        safeguarding=safeguarding_size(),
        overdue=_overdue(CaseState.WAITING, target_hours(False)),
        safeguarding_overdue=_overdue(CaseState.SAFEGUARDING, target_hours(True)),
        median_7=median_7,
        median_30=median_30,
        decisions_7=n7,
        decisions_30=n30,
        flagged_decisions=len(flagged),
        flags_agreed=agreed,
        by_category={k: (v[0], v[1]) for k, v in sorted(by_category.items())},
    )


# Notifications --------------------------------------------------------------------------------


def unread_count(user) -> int:
    """Unread notifications: one COUNT, for the site header."""
    return db.session.scalar(
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == user.id, Notification.read_at.is_(None))
    )


def user_notifications(user, page: int, per_page: int = 30):
    """A person's notifications, newest first."""
    query = (
        select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def mark_read(user, notifications) -> None:
    """Mark the notifications a person has now seen."""
    now = utcnow()
    for note in notifications:
        if note.user_id == user.id and note.read_at is None:
            note.read_at = now
    db.session.flush()
