"""The two full-text engines behind one interface: SQLite FTS5 and PostgreSQL tsvector.

Words reach both already folded (engage.search.text), so a search finds the same things on
either. PostgreSQL also stems the languages it has a stemmer for; every piece is indexed with the
`simple` configuration as well, so a word is found as typed whatever the reader's language.
"""

from collections import defaultdict
from collections.abc import Iterable

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.dialects.postgresql import ARRAY, REGCONFIG, TSVECTOR

from engage.clock import utcnow
from engage.database import dialect
from engage.extensions import db
from engage.search.models import SearchEntry
from engage.search.registry import Document, Piece
from engage.search.text import words

# Stemmers PostgreSQL has for our languages; the others (pl, ur, bn, pa) use `simple`.
PG_CONFIGS = {"en": "english", "pt": "portuguese", "ro": "romanian", "ar": "arabic"}
# Prefix matching of the last word from this many letters: "par" finds "parking"; "a" only "a".
PREFIX_FROM = 3
# Marks a title word's own lexeme in PostgreSQL's document (never a word character, so never typed).
TITLE_MARK = "^"
_ROW_COLUMNS = ("kind", "item_id", "public", "title", "body", "updated_at")
# search_entry with PostgreSQL's own column, which the model leaves out.
_PG_ENTRY = sa.table("search_entry", *(sa.column(c) for c in _ROW_COLUMNS), sa.column("document"))

# One statement answers a search: the count, the ranking and the page.
#
# Ranking reads every ranked match's words, and a GIN or FTS5 scan of a word in half the comments
# ("parking") reads that many rows, so both are bounded. `body` is the newest `candidates` matches
# (newest first: FTS5 walks its index backwards; PostgreSQL walks the primary key backwards, or
# for a rare word sorts what the GIN index found): the work is O(candidates), not O(matches).
# Their number is also the count (callers ask for one more than they show, so "more than 1,000"
# is known without counting the rest). `title` is the items with every word in their title,
# always ranked and first, whatever their age. The page is cut from both, ranked; the count
# comes back on every row, and on one row of NULLs when the page is empty.
#
# bm25: lower is better; a word in the title counts four times one in the body.
_SQLITE_FIND = sa.text(
    "WITH body AS MATERIALIZED (SELECT e.id, e.kind, e.item_id, bm25(search_fts, 4.0, 1.0) AS score"
    " FROM search_fts JOIN search_entry e ON e.id = search_fts.rowid"
    " WHERE search_fts MATCH :q AND (e.public = 1 OR :staff)"
    " ORDER BY search_fts.rowid DESC LIMIT :candidates),"
    " title AS MATERIALIZED (SELECT e.id, e.kind, e.item_id, bm25(search_fts, 4.0, 1.0) AS score"
    " FROM search_fts JOIN search_entry e ON e.id = search_fts.rowid"
    " WHERE search_fts MATCH :title_q AND (e.public = 1 OR :staff)"
    " ORDER BY search_fts.rowid DESC LIMIT :candidates)"
    " SELECT page.kind, page.item_id, found.total"
    " FROM (SELECT count(*) AS total FROM body) AS found"
    " LEFT JOIN (SELECT kind, item_id, max(in_title) AS in_title, min(score) AS score, id FROM ("
    "SELECT *, 0 AS in_title FROM body UNION ALL SELECT *, 1 FROM title)"
    " GROUP BY id ORDER BY max(in_title) DESC, min(score), id DESC LIMIT :limit OFFSET :offset"
    ") AS page ON 1 ORDER BY page.in_title DESC, page.score, page.id DESC"
)
# The reader's language's stemmer (or `simple` again) OR every word as typed, by its beginning.
# ts_rank runs on the rows the LIMIT kept (in the outer SELECT), never on every match. The query
# is written out in each WHERE (not read from a CTE) so that the planner sees it and estimates
# how many rows match: a backward primary-key walk for a common word, the GIN index for a rare
# one. Title words are also indexed as lexemes of their own ("^word"), so finding the items with
# the words in their title is one GIN lookup, not a check of every match's weights.
_PG_QUERY = "(to_tsquery(CAST(:config AS regconfig), :stemmed) || to_tsquery('simple', :simple))"
# The newest :candidates matches, in the plan the planner chooses.
_PG_NEWEST = (
    "body AS (SELECT id, kind, item_id, ts_rank(document, TSQUERY) AS score FROM"
    " (SELECT e.id, e.kind, e.item_id, e.document FROM search_entry e"
    " WHERE e.document @@ TSQUERY AND (e.public OR :staff)"
    " ORDER BY e.id DESC LIMIT :candidates) AS newest)"
)
# The same for three words or more. The planner multiplies the words' frequencies as if they were
# unrelated, so words that come together ("lighting in the underpasses near the station") are
# estimated a hundred times rarer than they are, and it reads every match through the GIN index
# and sorts them: O(matches). `recent` checks only the newest :recent rows, walking the primary
# key back (a fraction of a microsecond a row); `older` asks the GIN index for the rest only when
# `recent` found too few (a one-time filter: PostgreSQL skips it otherwise). The worst case, a
# rare phrase, is :recent rows checked plus a GIN lookup, which a rare phrase makes cheap.
_PG_NEWEST_MANY_WORDS = (
    "recent AS MATERIALIZED (SELECT r.id, r.kind, r.item_id, r.document FROM"
    " (SELECT id, kind, item_id, document, public FROM search_entry ORDER BY id DESC"
    " LIMIT :recent) AS r"
    " WHERE r.document @@ TSQUERY AND (r.public OR :staff) ORDER BY r.id DESC LIMIT :candidates),"
    " older AS (SELECT e.id, e.kind, e.item_id, e.document FROM search_entry e"
    " WHERE (SELECT count(*) FROM recent) < :candidates AND e.id < (SELECT coalesce(min(w.id), 0)"
    " FROM (SELECT id FROM search_entry ORDER BY id DESC LIMIT :recent) AS w)"
    " AND e.document @@ TSQUERY AND (e.public OR :staff) ORDER BY e.id DESC LIMIT :candidates),"
    " body AS (SELECT id, kind, item_id, ts_rank(document, TSQUERY) AS score FROM"
    " (SELECT * FROM recent UNION ALL SELECT * FROM older ORDER BY id DESC LIMIT :candidates)"
    " AS newest)"
)
_PG_RANKED = (
    " title AS (SELECT id, kind, item_id, ts_rank(document, TSQUERY) AS score FROM"
    " (SELECT e.id, e.kind, e.item_id, e.document FROM search_entry e"
    " WHERE e.document @@ CAST(:titles AS tsquery) AND (e.public OR :staff)"
    " ORDER BY e.id DESC LIMIT :candidates) AS titled)"
    " SELECT page.kind, page.item_id, found.total"
    " FROM (SELECT count(*) AS total FROM body) AS found"
    " LEFT JOIN (SELECT kind, item_id, max(in_title) AS in_title, max(score) AS score, id"
    " FROM (SELECT *, 0 AS in_title FROM body UNION ALL SELECT *, 1 FROM title) AS both_sets"
    " GROUP BY id, kind, item_id ORDER BY max(in_title) DESC, max(score) DESC, id DESC"
    " LIMIT :limit OFFSET :offset) AS page ON true"
    " ORDER BY page.in_title DESC, page.score DESC, page.id DESC"
)


def _pg_find(newest: str) -> sa.TextClause:
    # TSQUERY is replaced by _PG_QUERY: constants of this module; the words are bound parameters.
    return sa.text(f"WITH {newest},{_PG_RANKED}".replace("TSQUERY", _PG_QUERY))  # nosec B608


_PG_FIND = _pg_find(_PG_NEWEST)
_PG_FIND_MANY = _pg_find(_PG_NEWEST_MANY_WORDS)
# Words from which a search takes _PG_FIND_MANY's plan.
PG_MANY_WORDS = 3


def _words(text: str) -> str:
    # Words only, space separated: PostgreSQL's parser would otherwise read "<script>" as a tag,
    # or an address as a host name, and match differently from SQLite and from the highlighter.
    return " ".join(words(text))


def _folded(pieces: list[Piece]) -> str:
    return "\n".join(_words(p.text) for p in pieces if p.text)


def _is_postgres() -> bool:
    return dialect() == "postgresql"


_SQLITE_INSERT = sa.insert(SearchEntry.__table__)
# Built once; entries are never loaded as objects, so there is no session copy to keep in step.
_DELETE = (
    sa.delete(SearchEntry)
    .where(
        SearchEntry.kind == sa.bindparam("kind"),
        SearchEntry.item_id.in_(sa.bindparam("ids", expanding=True)),
    )
    .execution_options(synchronize_session=False)
)


def delete(kind: str, ids: Iterable[int]) -> None:
    """Take these items out of the index (their words with them, at once)."""
    ids = sorted(set(ids))
    for start in range(0, len(ids), 500):
        db.session.execute(_DELETE, {"kind": kind, "ids": ids[start : start + 500]})


def delete_where(kind: str, ids_select) -> None:
    """Take out the items of one kind whose ids a SELECT gives, in one statement."""
    db.session.execute(
        sa.delete(SearchEntry).where(SearchEntry.kind == kind, SearchEntry.item_id.in_(ids_select))
    )


def count_where(kind: str, ids_select) -> int:
    """How many items of one kind whose ids a SELECT gives are indexed."""
    return db.session.scalar(
        sa.select(sa.func.count())
        .select_from(SearchEntry)
        .where(SearchEntry.kind == kind, SearchEntry.item_id.in_(ids_select))
    )


def delete_kind(kind: str) -> None:
    """Empty the index of one kind of item."""
    db.session.execute(sa.delete(SearchEntry).where(SearchEntry.kind == kind))


def write(kind: str, documents: list[Document], replace: bool = True) -> None:
    """Put these items in the index, replacing what it held for them (unless told it holds none)."""
    if not documents:
        return
    if replace:
        # Skipped by a rebuild, which has just emptied the kind: on PostgreSQL, before ANALYZE has
        # seen the new rows, each of these deletes would scan the whole growing table.
        delete(kind, [d.item_id for d in documents])
    now = utcnow()
    if not _is_postgres():
        rows = [
            {
                "kind": kind,
                "item_id": d.item_id,
                "public": d.public,
                "title": _folded(d.title),
                "body": _folded(d.body),
                "updated_at": now,
            }
            for d in documents
        ]
        if len(rows) == 1:
            # One item (as each comment is posted): a plain INSERT, which SQLAlchemy caches.
            db.session.execute(_SQLITE_INSERT, rows[0])
            return
        # One multi-row INSERT per 500, not one statement per row: FTS5 writes its pending words
        # out as a new segment at the end of every statement that fed it (through the trigger),
        # so a rebuild row by row left 200,000 tiny segments to merge and took over 20 minutes.
        for start in range(0, len(rows), 500):
            db.session.execute(sa.insert(SearchEntry).values(rows[start : start + 500]))
        return
    # One statement per shape of document (which configurations and weights it needs).
    shaped: dict[tuple, list[dict]] = defaultdict(list)
    for d in documents:
        groups: dict[tuple[str, str], list[str]] = defaultdict(list)
        for weight, pieces in (("A", d.title), ("D", d.body)):
            for piece in pieces:
                if not piece.text:
                    continue
                folded = _words(piece.text)
                config = PG_CONFIGS.get(piece.language or "", "simple")
                groups[(config, weight)].append(folded)
                if config != "simple":
                    groups[("simple", weight)].append(folded)
        shape = tuple(sorted(groups))
        row = {
            "kind": kind,
            "item_id": d.item_id,
            "public": d.public,
            "title": _folded(d.title),
            "body": _folded(d.body),
            "updated_at": now,
        }
        for n, key in enumerate(shape):
            row[f"t{n}"] = "\n".join(groups[key])
        row["title_words"] = sorted({TITLE_MARK + w for p in d.title for w in words(p.text)})
        shaped[shape].append(row)
    for shape, rows in shaped.items():
        document = sa.cast(sa.literal(""), TSVECTOR)
        for n, (config, weight) in enumerate(shape):
            part = sa.func.setweight(
                sa.func.to_tsvector(sa.cast(sa.literal(config), REGCONFIG), sa.bindparam(f"t{n}")),
                sa.literal_column(f"'{weight}'"),
            )
            document = part if n == 0 else document.op("||")(part)
        title_words = sa.bindparam("title_words", type_=ARRAY(sa.Text))
        document = document.op("||")(sa.func.array_to_tsvector(title_words))
        values = {name: sa.bindparam(name) for name in _ROW_COLUMNS}
        db.session.execute(sa.insert(_PG_ENTRY).values(document=document, **values), rows)


def _prefix(terms: list[str], n: int) -> bool:
    # Only the last word typed is matched by its beginning (search as you type): a prefix is the
    # union of every word it begins ("the" is also there, them, these...), which both engines
    # read in full, so prefixes on every word of a phrase cost ten times the exact words.
    return n == len(terms) - 1 and len(terms[n]) >= PREFIX_FROM


def _fts_query(terms: list[str]) -> str:
    return " ".join(
        '"{}"{}'.format(t.replace('"', '""'), "*" if _prefix(terms, n) else "")
        for n, t in enumerate(terms)
    )


def _ts_query(terms: list[str], prefix: bool) -> str:
    return " & ".join(
        "'{}'{}".format(
            t.replace("'", "''").replace("\\", ""), ":*" if prefix and _prefix(terms, n) else ""
        )
        for n, t in enumerate(terms)
    )


def find(terms: list[str], locale: str, staff: bool, limit: int, offset: int, candidates: int):
    """(matches counted up to `candidates`, [(kind, item_id)] best first) for these folded terms.

    Only the newest `candidates` matches (and every title match) are ranked: ask for at least one
    more than the results that may be shown.
    """
    if not terms:
        return 0, []
    params = {
        "staff": staff,
        "limit": limit,
        "offset": offset,
        "candidates": max(candidates, offset + limit),
    }
    if _is_postgres():
        many = len(terms) >= PG_MANY_WORDS
        find_rows = _PG_FIND_MANY if many else _PG_FIND
        params |= {
            "recent": max(current_app.config["SEARCH_RECENT_ROWS"], params["candidates"]),
            "config": PG_CONFIGS.get(locale, "simple"),
            "stemmed": _ts_query(terms, prefix=False),
            "simple": _ts_query(terms, prefix=True),
            "titles": _ts_query([TITLE_MARK + t for t in terms], prefix=True),
        }
    else:
        find_rows = _SQLITE_FIND
        params["q"] = _fts_query(terms)
        params["title_q"] = "{title} : (" + _fts_query(terms) + ")"
    rows = db.session.execute(find_rows, params).all()
    total = rows[0][2] if rows else 0
    return total, [(kind, item_id) for kind, item_id, _ in rows if kind is not None]
