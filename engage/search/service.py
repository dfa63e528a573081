"""Keeping the index in step and answering searches. Flushes, never commits."""

from collections.abc import Iterable
from dataclasses import dataclass

from flask import current_app
from flask_sqlalchemy.pagination import Pagination
from markupsafe import Markup

from engage.errors import RuleError
from engage.extensions import db
from engage.i18n import _, current_locale
from engage.permissions import can
from engage.search import backends
from engage.search.registry import Document, Result, all_indexers, get_indexer
from engage.search.text import highlight, query_terms

MAX_QUERY_LENGTH = 200
BATCH = 1000


class SearchError(RuleError):
    """What was typed cannot be searched for; the message says why, the words stay in the box."""


def sync(kind: str, ids: Iterable[int]) -> None:
    """Bring these items' entries up to date: indexed as they are now, or gone if not findable."""
    indexer = get_indexer(kind)
    ids = {i for i in ids if i is not None}
    if indexer is None or not ids:
        return
    documents = list(indexer.documents(sorted(ids)))
    found = {d.item_id for d in documents}
    backends.delete(kind, ids - found)
    backends.write(kind, documents)
    db.session.flush()


def add(kind: str, documents: list[Document]) -> None:
    """Index items just written, findable and never indexed: nothing read back, none replaced."""
    backends.write(kind, documents, replace=False)
    db.session.flush()


def drop(kind: str, ids: Iterable[int]) -> None:
    """Take these items out of the index now (erased, hidden, rejected...)."""
    backends.delete(kind, [i for i in ids if i is not None])
    db.session.flush()


def drop_where(kind: str, ids_select) -> None:
    """Take out every item whose id a SELECT gives (a person's comments, a proposal's...)."""
    backends.delete_where(kind, ids_select)
    db.session.flush()


def count_indexed(kind: str, ids_select) -> int:
    """How many of the items a SELECT of ids gives are in the index."""
    return backends.count_where(kind, ids_select)


def reindex(kinds: Iterable[str] | None = None) -> dict[str, int]:
    """Rebuild the index of these kinds (all when None) from the features' own tables."""
    counts = {}
    for indexer in all_indexers():
        if kinds is not None and indexer.kind not in kinds:
            continue
        backends.delete_kind(indexer.kind)
        batch, count = [], 0
        for document in indexer.documents(None):
            batch.append(document)
            if len(batch) >= BATCH:
                backends.write(indexer.kind, batch, replace=False)
                count += len(batch)
                batch = []
        backends.write(indexer.kind, batch, replace=False)
        counts[indexer.kind] = count + len(batch)
        db.session.flush()
    return counts


@dataclass
class Found:
    """A result with its snippet, ready for the page."""

    result: Result
    kind: str
    snippet: Markup
    title: Markup


class ResultPage(Pagination):
    """One page of results, with what the GOV.UK pagination helper needs.

    `total` is what may be paged through (at most `cap`); `capped` says more were found than that.
    """

    def __init__(self, items: list[Found], page: int, per_page: int, total: int, cap: int):
        self.page, self.per_page, self.items = page, per_page, items
        self.total, self.cap, self.capped = min(total, cap), cap, total > cap
        self.max_per_page = None


def check_query(query: str) -> list[str]:
    """The words to search for, or a SearchError saying what to change."""
    query = (query or "").strip()
    if not query:
        raise SearchError(_("Enter what you are looking for"), "q")
    if len(query) > MAX_QUERY_LENGTH:
        raise SearchError(
            _("Search words must be %(limit)d characters or fewer", limit=MAX_QUERY_LENGTH), "q"
        )
    terms = query_terms(query)
    if not terms:
        raise SearchError(_("Enter words or numbers to search for"), "q")
    return terms


def search(user, query: str, page: int, per_page: int) -> ResultPage:
    """A page of what this person may find for `query`, best first, each with a snippet."""
    terms = check_query(query)
    staff = can("search.view_unpublished", user=user)
    # Counting stops at the cap: "more than 1,000 results" is as useful as the exact figure, and
    # finding one more than the cap tells the two apart without counting every match.
    cap = current_app.config["SEARCH_MAX_RESULTS"]
    page = max(1, min(page, -(-cap // per_page)))
    candidates = max(current_app.config["SEARCH_RANK_CANDIDATES"], cap + 1)
    locale = current_locale().code

    def find_page(page: int):
        offset = (page - 1) * per_page
        return backends.find(terms, locale, staff, min(per_page, cap - offset), offset, candidates)

    total, hits = find_page(page)
    last_page = max(1, -(-min(total, cap) // per_page))
    if page > last_page:  # past the end (an old link, or a typed page number): show the last one
        page = last_page
        total, hits = find_page(page)
    by_kind: dict[str, list[int]] = {}
    for kind, item_id in hits:
        by_kind.setdefault(kind, []).append(item_id)
    loaded: dict[tuple[str, int], Result] = {}
    for kind, ids in by_kind.items():
        indexer = get_indexer(kind)
        if indexer is None:
            continue
        for item_id, result in indexer.results(ids, user).items():
            result.kind_label = str(indexer.label)
            loaded[(kind, item_id)] = result
    # The index is kept in step, but an item is shown only if its feature still says it may be.
    items = [
        Found(
            result=loaded[key],
            kind=key[0],
            snippet=highlight(loaded[key].text, terms),
            title=highlight(loaded[key].title, terms if loaded[key].mark_title else [], 10_000),
        )
        for key in hits
        if key in loaded
    ]
    return ResultPage(items, page, per_page, total, cap)
