"""Keyset paging: a deep page is one index range scan, however far into a list it is.

A page's links carry a cursor, the sort key of the last item shown (`?after=`) or of the first
(`?before=`), so the next page reads the items after that key instead of counting past all the
earlier ones with OFFSET. A cursor is short and opaque to readers: its parts joined by dots, each
an integer (a time as microseconds since 1970). One that does not parse is ignored, so a mangled or
forged link shows the first page, never an error; a well-formed forged one can only move where the
list starts, since what a reader may see is still decided by the query's own conditions.

`?page=N` from old links still works with OFFSET: its Previous and Next links are cursors too.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cached_property

import sqlalchemy as sa

from engage.urls import MAX_ID, page_arg, query_arg

_EPOCH = datetime(1970, 1, 1)
_MICRO = timedelta(microseconds=1)
_NULL = "n"
# Long enough for every part of any cursor this app makes; a longer argument is no cursor.
_MAX_LENGTH = 120


@dataclass
class KeysetPage:
    """One page of a list read by key: its items and the cursors its links carry."""

    items: list
    has_prev: bool = False
    has_next: bool = False
    # None with has_prev/has_next: the link goes to the first page (no cursor).
    prev_cursor: str | None = None
    next_cursor: str | None = None

    @property
    def links(self) -> bool:
        """Whether the page needs Previous or Next links at all."""
        return self.has_prev or self.has_next


def encode(values: Sequence) -> str:
    """A cursor for a sort key: ints, naive UTC datetimes and None, in order."""
    parts = []
    for value in values:
        if value is None:
            parts.append(_NULL)
        elif isinstance(value, datetime):
            parts.append(str((value - _EPOCH) // _MICRO))
        else:
            parts.append(str(int(value)))
    return ".".join(parts)


def decode(token: str | None, kinds: Sequence[type]) -> tuple | None:
    """The sort key in a cursor made by `encode` for these kinds (int, datetime), or None."""
    if not token or len(token) > _MAX_LENGTH or not token.isascii():
        return None
    parts = token.split(".")
    if len(parts) != len(kinds):
        return None
    values: list = []
    for part, kind in zip(parts, kinds, strict=True):
        if part == _NULL:
            values.append(None)
            continue
        digits = part.removeprefix("-")
        if not (digits.isascii() and digits.isdigit()) or len(digits) > 18:
            return None
        number = int(part)
        if kind is datetime:
            try:
                values.append(_EPOCH + number * _MICRO)
            except OverflowError:
                return None
        elif -MAX_ID - 1 <= number <= MAX_ID:
            values.append(number)
        else:
            return None
    return tuple(values)


@dataclass
class Order:
    """How a list is sorted: its key expressions, their direction, and each row's key in Python.

    The last expression must make the order total (the id), so no two rows share a key and no
    item is repeated or lost between pages when times are equal. All expressions run the same
    direction, so "after this key" is one row-value comparison the database reads from an index.
    """

    columns: Sequence
    kinds: Sequence[type]
    key_of: Callable[[object], tuple]
    descending: bool = False

    def ordered(self, query, reverse: bool = False):
        """The query in this order (or backwards, to read the page before a cursor)."""
        down = self.descending != reverse
        return query.order_by(*(c.desc() if down else c.asc() for c in self.columns))

    def beyond(self, key: tuple, reverse: bool = False):
        """The condition for rows after `key` in this order (before it with `reverse`); `key`
        holds values or SQL expressions (the bound parameters of a statement built once)."""
        values = [
            v if isinstance(v, sa.ColumnElement) else sa.literal(v, c.type)
            for v, c in zip(key, self.columns, strict=True)
        ]
        row, value, lead = sa.tuple_(*self.columns), sa.tuple_(*values), self.columns[0]
        if self.descending != reverse:
            # The bound on the first key alone is implied by the row comparison, but SQLite
            # starts an index range scan only from it (on an indexed expression in particular).
            return sa.and_(lead <= values[0], row < value)
        return sa.and_(lead >= values[0], row > value)


class Paged:
    """A list's query in an order, with the statements that read a page of it built once.

    Building a statement (and its cache key) costs more than SQLite takes to run it, so a list
    every page shows is made a module-level Paged with bound parameters for what varies per
    request (`params` of `read`); the cursor's key, the limit and the offset are bound too.
    """

    def __init__(self, query, order: Order, rows: bool = False):
        # `rows`: the query selects columns, and `read` makes each row an item with `make`.
        self.query, self.order, self.rows = query, order, rows
        self._limit = sa.bindparam("page_limit", type_=sa.Integer)
        self._keys = tuple(
            sa.bindparam(f"page_key_{i}", type_=c.type) for i, c in enumerate(order.columns)
        )

    @cached_property
    def _first(self):
        offset = sa.bindparam("page_offset", type_=sa.Integer)
        return self.order.ordered(self.query).offset(offset).limit(self._limit)

    @cached_property
    def _after(self):
        return self.order.ordered(self.query.where(self.order.beyond(self._keys))).limit(
            self._limit
        )

    @cached_property
    def _before(self):
        back = self.query.where(self.order.beyond(self._keys, reverse=True))
        return self.order.ordered(back, reverse=True).limit(self._limit)

    def read(
        self,
        session,
        per_page: int,
        wanted: "Wanted",
        params: dict | None = None,
        key_of=None,
        make=None,
    ) -> KeysetPage:
        """The page a link asks for: after or before a cursor, else `?page=N`; `key_of` stands
        in for the order's own where an item's key depends on this call's `params`; `make`
        makes each row an item when the query selects columns (`rows`)."""
        params = dict(params or {}, page_limit=per_page + 1)
        order = self.order if key_of is None else replace(self.order, key_of=key_of)
        after, before = wanted.after, wanted.before
        after_key, before_key = decode(after, order.kinds), decode(before, order.kinds)
        if after_key is not None and None not in after_key:
            rows = self._rows(session, self._after, params, make, after_key)
            if rows:
                return _page(order, rows[:per_page], has_prev=True, has_next=len(rows) > per_page)
        elif before_key is not None and None not in before_key:
            rows = self._rows(session, self._before, params, make, before_key)
            if rows:
                items = rows[:per_page][::-1]
                return _page(order, items, has_prev=len(rows) > per_page, has_next=True)
        # A cursor with nothing beyond it was made up (or everything after it went): page one.
        number = wanted.number if after is None and before is None else 1
        # Old `?page=N` links: OFFSET still answers them, but every link from here on is a cursor.
        params["page_offset"] = (number - 1) * per_page
        rows = self._rows(session, self._first, params, make)
        return _page(order, rows[:per_page], has_prev=number > 1, has_next=len(rows) > per_page)

    def _rows(self, session, statement, params: dict, make, key: tuple = ()) -> list:
        params.update((p.key, value) for p, value in zip(self._keys, key, strict=False))
        if self.rows:
            return [make(row) for row in session.execute(statement, params)]
        return list(session.scalars(statement, params))


@dataclass(frozen=True)
class Wanted:
    """Which page a link asks for: after or before a cursor (still encoded), else a number."""

    after: str | None = None
    before: str | None = None
    number: int = 1


def wanted_page() -> Wanted:
    """The page this request's `?after=`, `?before=` or `?page=` asks for."""
    return Wanted(query_arg("after"), query_arg("before"), page_arg())


def read_page(session, query, order: Order, per_page: int, wanted: Wanted) -> KeysetPage:
    """The page of `query` a link asks for: after or before a cursor, else `?page=N`."""
    return Paged(query, order).read(session, per_page, wanted)


def _page(order: Order, items: list, has_prev: bool, has_next: bool) -> KeysetPage:
    # With no items to start from, a Previous or Next link goes back to the first page.
    first = encode(order.key_of(items[0])) if items else None
    last = encode(order.key_of(items[-1])) if items else None
    return KeysetPage(
        items,
        has_prev=has_prev,
        has_next=has_next,
        prev_cursor=first if has_prev else None,
        next_cursor=last,
    )
