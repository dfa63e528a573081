"""Who may read words held for safeguarding, and the one filter every staff view goes through.

Anything a safeguarding case holds (a comment, a reply, a survey answer, its text in the audit
record) and the safeguarding leads' handling notes are for people with `safeguarding.review`
only. Results, exports, the queue, the item, audit and person pages ask this module instead of
deciding for themselves, so a new view cannot forget the rule.
"""

from dataclasses import dataclass

from sqlalchemy import select

from engage.extensions import db
from engage.i18n import _l
from engage.moderation.models import Action, ModerationCase, ModerationEvent
from engage.permissions import can

WITHHELD = _l("Safeguarding: for the safeguarding lead only")


def reads_safeguarding(user) -> bool:
    """True if this person may read what is held for safeguarding."""
    return user is not None and can("safeguarding.review", user=user)


def safeguarded_ids(source: str, item_ids) -> set[int]:
    """Which of these items (ids, or a select of ids) have ever been in safeguarding."""
    if isinstance(item_ids, (list, set, tuple, frozenset)) and not item_ids:
        return set()
    return set(
        db.session.scalars(
            select(ModerationCase.item_id).where(
                ModerationCase.source == source,
                ModerationCase.safeguarding.is_(True),
                ModerationCase.item_id.in_(item_ids),
            )
        )
    )


def withheld_ids(user, source: str, item_ids) -> set[int]:
    """The items among these whose words this person may not read (none for the leads)."""
    if reads_safeguarding(user):
        return set()
    return safeguarded_ids(source, item_ids)


def is_withheld(user, source: str, item_id: int | None) -> bool:
    """Whether one item's words are hidden from this person."""
    return item_id is not None and bool(withheld_ids(user, source, [item_id]))


def _restricted_keys(events: list[ModerationEvent]) -> set[tuple[str, int]]:
    by_source: dict[str, set[int]] = {}
    for e in events:
        if e.source and e.item_id is not None:
            by_source.setdefault(e.source, set()).add(e.item_id)
    return {
        (source, item_id)
        for source, ids in by_source.items()
        for item_id in safeguarded_ids(source, ids)
    }


def _is_handling_note(event: ModerationEvent) -> bool:
    # What a lead did (who they called, what they found) is theirs, even after an undo.
    return event.action == Action.HANDLE or (
        event.action == Action.UNDO and event.reason == Action.HANDLE.value
    )


@dataclass
class EventView:
    """An audit event as one person may see it: the record itself is never changed."""

    event: ModerationEvent
    before_text: str | None
    after_text: str | None
    note: str | None
    withheld: bool

    def __getattr__(self, name):
        return getattr(self.event, name)

    @property
    def note_withheld(self) -> bool:
        """A note exists but this person may not read it."""
        return self.event.note is not None and self.note is None


def visible_events(user, events: list[ModerationEvent]) -> list[EventView]:
    """Events with safeguarded words and handling notes hidden from people who may not read them."""
    events = list(events)
    if reads_safeguarding(user):
        return [EventView(e, e.before_text, e.after_text, e.note, False) for e in events]
    restricted = _restricted_keys(events)
    views = []
    for e in events:
        hidden = (e.source, e.item_id) in restricted
        note_hidden = hidden or _is_handling_note(e)
        views.append(
            EventView(
                e,
                None if hidden else e.before_text,
                None if hidden else e.after_text,
                None if note_hidden else e.note,
                hidden,
            )
        )
    return views
