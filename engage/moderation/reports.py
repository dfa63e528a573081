"""Reports from readers (which can hide an item) and appeals against a rejection.

Operations take the acting user, flush and never commit.
"""

from collections import Counter

import sqlalchemy as sa
from flask import current_app
from sqlalchemy import func, or_, select

from engage import events
from engage.clock import utcnow
from engage.extensions import db
from engage.i18n import _
from engage.moderation.audit import record, record_case
from engage.moderation.cases import (
    APPEAL_NOTE_MAX,
    ModerationError,
    _apply_flags,
    _categories_string,
    _clean_note,
    _copy_item_facts,
    _item_params,
    _open,
    find_case,
    load_item,
    run_checks,
)
from engage.moderation.models import (
    Action,
    CaseReason,
    CaseState,
    ItemState,
    ModerationCase,
    ModerationEvent,
    Notification,
    Report,
    ReportReason,
)
from engage.moderation.notifications import notify
from engage.moderation.registry import Source, get_source


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
