"""Undoing the latest decision on an item.

Operations take the acting user, flush and never commit.
"""

from sqlalchemy import select

from engage import events
from engage.extensions import db
from engage.i18n import _
from engage.moderation.audit import record_case
from engage.moderation.cases import (
    _STATE_CHANGES,
    ModerationError,
    _clean_note,
    _item_params,
    _open,
    _resolve_reports,
    find_case,
    load_item,
)
from engage.moderation.models import (
    UNDOABLE,
    Action,
    CaseState,
    ItemState,
    ModerationEvent,
)
from engage.moderation.notifications import notify
from engage.permissions import can


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
