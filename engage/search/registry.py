"""What each feature lets people find: it registers an Indexer here at app set-up.

The search code knows no feature. A feature describes its items as Documents (the words to
index, in which languages, and whether only staff may find them) and turns found ids back into
Results (what the item is, where it sits, the words to quote). A feature keeps its entries in step
by calling engage.search.service.sync() from listeners of engage/events.py signals.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from markupsafe import Markup


@dataclass(frozen=True)
class Piece:
    """Some words of an item in one language (None: not known)."""

    text: str
    language: str | None = None


@dataclass
class Document:
    """One item as the index holds it."""

    item_id: int
    title: list[Piece]
    body: list[Piece]
    public: bool = True  # False: drafts, found only by staff who may see them


@dataclass(frozen=True)
class Place:
    """Where a result sits: a priority, a proposal... shown as a link."""

    label: str
    url: str
    attrs: Markup = Markup("")  # lang/dir of the label when it is not in the reader's language


@dataclass
class Result:
    """A found item as the results page shows it."""

    url: str
    title: str
    title_attrs: Markup  # lang/dir of the title when it fell back to English
    text: str  # the words a snippet is cut from
    text_attrs: Markup = Markup("")
    where: list[Place] = field(default_factory=list)
    # A person's own words: shown in <bdi> with dir="auto", never translated.
    own_words: bool = False
    # False when the title is only context (a comment shows its proposal's title): not marked.
    mark_title: bool = True
    kind_label: str = ""


class Indexer:
    """A feature's findable items of one kind; subclass, set `kind` and `label`, register it."""

    kind: str = ""
    label: object = ""  # what the item is, for the reader ("Comment", "Proposal"): a lazy string

    def documents(self, ids: Iterable[int] | None = None) -> Iterator[Document]:
        """Documents for these ids (every item when None), leaving out what must not be found."""
        raise NotImplementedError

    def results(self, ids: list[int], user) -> dict[int, Result]:
        """Results for found ids that this person may see now, in the reader's language."""
        raise NotImplementedError


_INDEXERS: dict[str, Indexer] = {}


def register_index(indexer: Indexer) -> None:
    """Add a feature's indexer (again at each app set-up, the last one wins)."""
    _INDEXERS[indexer.kind] = indexer


def get_indexer(kind: str) -> Indexer | None:
    """The indexer for a kind, or None when that feature is not installed."""
    return _INDEXERS.get(kind)


def all_indexers() -> list[Indexer]:
    """Every registered indexer."""
    return list(_INDEXERS.values())
