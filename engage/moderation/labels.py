"""Words for the codes the audit record and the queues store (reasons, states, check kinds)."""

from engage.i18n import _l
from engage.moderation.forms import (
    HOLD_REASON_LABELS,
    REJECT_REASON_LABELS,
    REPORT_REASON_LABELS,
    label_for,
)
from engage.moderation.models import Action, ItemState

ITEM_STATE_LABELS = {
    ItemState.HELD: _l("Held"),
    ItemState.PUBLISHED: _l("Published"),
    ItemState.REJECTED: _l("Rejected"),
    ItemState.HIDDEN: _l("Hidden"),
    ItemState.DELETED: _l("Deleted"),
}

# The specific kind of an automatic flag (engage/moderation/checks.py).
FLAG_KIND_LABELS = {
    "address": _l("a home address"),
    "email": _l("an email address"),
    "handle": _l("a social media name"),
    "link": _l("a web link"),
    "phone": _l("a phone number"),
    "postcode": _l("a full postcode"),
    "school": _l("a school"),
    "abuse": _l("abusive words"),
    "suicide": _l("suicide"),
    "self_harm": _l("self-harm"),
    "abuse_disclosure": _l("someone telling us they are being hurt"),
    "bullying": _l("bullying"),
    "running_away": _l("running away"),
}

# Which list an audit event's reason comes from depends on the action.
_REASONS_BY_ACTION = {
    Action.REPORT: REPORT_REASON_LABELS,
    Action.REJECT: REJECT_REASON_LABELS,
    Action.SUSPEND: REJECT_REASON_LABELS,
    Action.BAN: REJECT_REASON_LABELS,
}
_ANY_REASON = {**REPORT_REASON_LABELS, **HOLD_REASON_LABELS, **REJECT_REASON_LABELS}


def reason_label(action, reason: str | None) -> str:
    """An audit event's reason in words (a hold, rejection, report or sanction reason)."""
    return label_for(_REASONS_BY_ACTION.get(action, _ANY_REASON), reason)


def state_label(state: str | None) -> str:
    """An item state ("held", "published"...) in words."""
    return label_for(ITEM_STATE_LABELS, state)


def flag_kind_label(kind: str | None) -> str:
    """What an automatic check found, in words."""
    return label_for(FLAG_KIND_LABELS, kind)
