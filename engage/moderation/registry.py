"""The registry of moderated sources: each feature describes its items here at app set-up.

The queue, actions and audit record only talk to a `Source`. Moderation imports no feature: a
feature joins the queue by writing an adapter in its own package (`<feature>/moderation_source.py`)
and calling `register_source`; the app factory imports those modules with the feature list.
"""

from dataclasses import dataclass, field

from engage.i18n import _l
from engage.moderation.models import ItemState


@dataclass
class GroupContact:
    """The group an item came through (a join code) and its responsible adult, for the lead."""

    label: str
    code: str
    adult_name: str | None = None
    adult_role: str | None = None
    adult_email: str | None = None
    adult_phone: str | None = None


@dataclass
class Context:
    """What a moderator needs to judge an item: where it was written and in reply to what."""

    title: str
    url: str | None = None
    question: str | None = None
    parent_text: str | None = None
    parent_id: int | None = None  # the item replied to, in the same source
    extra: dict = field(default_factory=dict)
    # Shown to safeguarding leads only: the group, never the child.
    group: GroupContact | None = None


class Source:
    """The interface every moderated source implements."""

    name: str = ""
    label = _l("Item")
    what = _l("item")  # lower case, inside sentences such as notifications
    reportable = False

    def load(self, item_id: int):
        """The item, or None."""
        raise NotImplementedError

    def load_many(self, ids: list[int]) -> dict[int, object]:
        """Items by id, with what their context needs loaded in few queries."""
        raise NotImplementedError

    def text(self, item) -> str:
        """The words to moderate."""
        raise NotImplementedError

    def set_text(self, item, text: str) -> None:
        """Replace the words (publishing with redaction)."""
        raise NotImplementedError

    def state(self, item) -> ItemState:
        """The item's state, in moderation's terms."""
        raise NotImplementedError

    def set_state(self, item, state: ItemState, reason: str | None = None) -> None:
        """Move the item to a state; `reason` says why it is held, where the source records it."""
        raise NotImplementedError

    def author_id(self, item) -> int | None:
        """The signed-in author, or None (anonymous survey answers)."""
        raise NotImplementedError

    def age_band(self, item) -> str | None:
        """The author's age band value, if known."""
        raise NotImplementedError

    def date_only(self, item) -> bool:
        """True when times about this item must be kept as the day only (anonymous answers)."""
        return False

    def by_young_person(self, item) -> bool:
        """Whether a young person wrote it (pre-moderation and help)."""
        raise NotImplementedError

    def priority_id(self, item) -> int | None:
        """The priority the item belongs to, for the queue filter."""
        raise NotImplementedError

    def language(self, item) -> str | None:
        """The language the words are in."""
        raise NotImplementedError

    def context(self, item) -> Context:
        """Where the item was written, for a moderator."""
        raise NotImplementedError

    def post_counts(self, author_ids: list[int]) -> dict[int, int]:
        """How many items of this source each author has written."""
        raise NotImplementedError


SOURCES: dict[str, Source] = {}


def register_source(source: Source) -> Source:
    """Make a source known to the queue (idempotent: the app factory may run more than once)."""
    SOURCES[source.name] = source
    return source


def get_source(name: str) -> Source | None:
    """The adapter for a source name, or None."""
    return SOURCES.get(name)
