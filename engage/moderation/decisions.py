"""Decisions on held items: approve (as is or redacted), reject, escalate, handle, in bulk.

Operations take the acting user, flush and never commit.
"""

from dataclasses import dataclass, field

from engage import events
from engage.i18n import _
from engage.moderation.audit import record_case
from engage.moderation.cases import (
    ModerationError,
    _categories_string,
    _check_decidable,
    _clean_note,
    _decide,
    _item_params,
    _resolve_reports,
    _waited,
    find_case,
    load_item,
)
from engage.moderation.models import (
    Action,
    CaseReason,
    CaseState,
    ItemState,
    ModerationCase,
    ModerationEvent,
    RejectReason,
)
from engage.moderation.notifications import notify
from engage.permissions import can
from engage.urls import as_id

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
