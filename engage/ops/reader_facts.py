"""What a page needs to know about its signed-in reader, read in one statement per request.

A signed-in proposal page asks four small questions about its reader: how many notices are
unread (the header), whether they commented (their own comments make the page theirs alone), how
they voted and whether they follow it. Asked one at a time through the ORM, each cost several
times what the database took to answer it: together a quarter of the page. Features register
each question as a scalar subquery with `@reader_fact`; the first part of the page that asks runs
every question for the page's subject at once, as one SELECT of subqueries, and the rest of the
page reads the answers.

Questions about the reader alone have the kind "reader" and run on every signed-in page; those
about a proposal or a priority see its id as `:subject_id`. The reader's id is `:user_id`.

The account itself is read on every signed-in request too, so the session's account loader asks
for it through `read_with_facts`: one SELECT answers both, with the facts about the subject the
page is about: the reader is first looked at before the page's view runs (their language), so a
page whose address names its subject registers how with `page_subject`.

That SELECT runs apart from the session's transaction (`engage.database.first_row_apart`),
and its row becomes the account as if the session had loaded it (a form sent, which mostly
redirects, reads the account alone the same way): on PostgreSQL a transaction begun for it
would cost a BEGIN and a ROLLBACK, two round trips for a page whose shell is kept and which reads
nothing else, and the ORM's loading of one row cost as much again as SQLite took to run it.
"""

from collections.abc import Callable, Mapping

from flask import g, has_request_context, request
from sqlalchemy import ColumnElement, event, select
from sqlalchemy.orm import Session, make_transient_to_detached

from engage.database import first_row_apart
from engage.extensions import db
from engage.ops.http_safety import names_nothing
from engage.permissions import reader

READER = "reader"
# kind -> fact name -> a function building its scalar subquery (built once, on first use).
FACTS: dict[str, dict[str, Callable[[], ColumnElement]]] = {READER: {}}
_STATEMENTS: dict[str, object] = {}
_WITH_FACTS: dict[tuple[object, str], object] = {}
# endpoint -> (kind, a function of the address's arguments giving the subject's id or None)
_SUBJECTS: dict[str, tuple[str, Callable[[Mapping], int | None]]] = {}


def reader_fact(kind: str, name: str):
    """Register a scalar subquery answering `name` about the reader (and a `kind` subject)."""

    def decorator(build):
        if any(name in facts for facts in FACTS.values()):
            raise ValueError(f"reader fact {name!r} registered twice")
        FACTS.setdefault(kind, {})[name] = build
        _STATEMENTS.clear()
        _WITH_FACTS.clear()
        return build

    return decorator


def page_subject(endpoint: str, kind: str, subject_id: Callable[[Mapping], int | None]) -> None:
    """Register how the page at `endpoint` knows its subject from its address (its view args)."""
    _SUBJECTS[endpoint] = (kind, subject_id)


def _request_subject() -> tuple[str, int | None]:
    named = g.get("reader_subject")
    if named is not None:
        return named
    kind, subject_id = _SUBJECTS.get(request.endpoint) or (READER, None)
    args = request.view_args or {}
    # The error page for an address that names nothing reads its reader too: no lookup for it.
    if kind == READER or names_nothing(args):
        return READER, None
    found = subject_id(args)
    return (kind, found) if found is not None else (READER, None)


def _columns(kind: str) -> list[ColumnElement]:
    wanted = {**FACTS[READER], **(FACTS.get(kind, {}) if kind != READER else {})}
    return [build().label(name) for name, build in wanted.items()]


def _statement(kind: str):
    statement = _STATEMENTS.get(kind)
    if statement is None:
        statement = _STATEMENTS[kind] = select(*_columns(kind))
    return statement


def read_with_facts(statement, params: Mapping, user_id: int):
    """The first entity of `statement`'s row (the reader's account), with this request's facts
    about that reader read in the same SELECT and kept for the page; None when there is no row.

    The facts are for the page's subject (`about`, else `page_subject`), or the reader's alone;
    a request that is not for a page reads the account alone.
    """
    if not has_request_context():
        return db.session.scalar(statement, params)
    # A form sent mostly redirects, never showing the header: its account alone (kind None).
    kind, subject_id = _request_subject() if request.method in ("GET", "HEAD") else (None, None)
    # Built once per statement and kind: building costs about what SQLite takes to run it.
    built = _WITH_FACTS.get((statement, kind))
    if built is None:
        built = _WITH_FACTS[(statement, kind)] = _with_facts(statement, kind)
    with_facts, mapper, keys, identity = built
    row = first_row_apart(with_facts, {**params, "user_id": user_id, "subject_id": subject_id})
    if row is None:
        return None
    if kind is not None:
        g.reader_facts = ((user_id, kind, subject_id), row._mapping)
    loaded = dict(zip(keys, row[: len(keys)], strict=True))
    return _as_loaded(mapper, loaded, [loaded[key] for key in identity])


def _with_facts(statement, kind: str | None) -> tuple:
    # An ORM select of one entity run by Core gives that entity's columns, then the facts (none
    # for kind None): the attribute each column loads is worked out here, once.
    mapper = statement.column_descriptions[0]["entity"].__mapper__
    keys = [mapper.get_property_by_column(column).key for column in statement.selected_columns]
    identity = [mapper.get_property_by_column(column).key for column in mapper.primary_key]
    read = statement if kind is None else statement.add_columns(*_columns(kind))
    return read, mapper, keys, identity


def _as_loaded(mapper, loaded: dict, primary_key: list) -> object:
    # What the session's own loading of this row would give: the instance in the session's
    # identity map, unchanged, its relationships loading on use (the one already there wins).
    key = mapper.identity_key_from_primary_key(primary_key)
    existing = db.session.identity_map.get(key)
    if existing is not None:
        return existing
    instance = mapper.class_manager.new_instance()
    instance.__dict__.update(loaded)
    make_transient_to_detached(instance)
    db.session.add(instance)
    return instance


def about(kind: str, subject_id: int) -> None:
    """Name the page's subject, so the first question (the header's, above it) reads its facts."""
    g.reader_subject = (kind, subject_id)


def reader_facts(kind: str = READER, subject_id: int | None = None) -> Mapping:
    """This request's answers about its signed-in reader (and a subject), read once."""
    # Kept with whose they are: while a shared shell renders, `current_user` is a stand-in with
    # no id, and must get no one's answers (all of them NULL), never the reader's.
    user_id = reader().id
    known = g.get("reader_facts")
    asked = (user_id, kind, subject_id)
    if known is not None and (known[0] == asked or (kind == READER and known[0][0] == user_id)):
        return known[1]
    if kind == READER:
        kind, subject_id = g.get("reader_subject") or (READER, None)
    # Apart from the session's transaction when none is open, as the account's own read is; in
    # it when one is, so a change this request made is what it reads.
    row = first_row_apart(_statement(kind), {"user_id": user_id, "subject_id": subject_id})
    g.reader_facts = ((user_id, kind, subject_id), row._mapping)
    return row._mapping


def forget_facts() -> None:
    """Drop this request's answers: they changed, or were read for an account now refused."""
    # A request that changes what a fact answers (a vote cast, a notice read) and then shows a
    # page must show the change.
    if has_request_context():
        g.pop("reader_facts", None)


@event.listens_for(Session, "after_flush")
def _after_flush(session, flush_context):
    forget_facts()


@event.listens_for(Session, "do_orm_execute")
def _after_statement(state):
    # Votes and counters are written with INSERT ... ON CONFLICT (text), not through a flush.
    if not state.is_select:
        forget_facts()
