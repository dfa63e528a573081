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
"""

from collections.abc import Callable, Mapping

from flask import g, has_request_context
from flask_login import current_user
from sqlalchemy import ColumnElement, event, select
from sqlalchemy.orm import Session

from engage.extensions import db

READER = "reader"
# kind -> fact name -> a function building its scalar subquery (built once, on first use).
FACTS: dict[str, dict[str, Callable[[], ColumnElement]]] = {READER: {}}
_STATEMENTS: dict[str, object] = {}


def reader_fact(kind: str, name: str):
    """Register a scalar subquery answering `name` about the reader (and a `kind` subject)."""

    def decorator(build):
        if any(name in facts for facts in FACTS.values()):
            raise ValueError(f"reader fact {name!r} registered twice")
        FACTS.setdefault(kind, {})[name] = build
        _STATEMENTS.clear()
        return build

    return decorator


def _statement(kind: str):
    statement = _STATEMENTS.get(kind)
    if statement is None:
        wanted = {**FACTS[READER], **(FACTS.get(kind, {}) if kind != READER else {})}
        statement = select(*(build().label(name) for name, build in wanted.items()))
        _STATEMENTS[kind] = statement
    return statement


def about(kind: str, subject_id: int) -> None:
    """Name the page's subject, so the first question (the header's, above it) reads its facts."""
    g.reader_subject = (kind, subject_id)


def reader_facts(kind: str = READER, subject_id: int | None = None) -> Mapping:
    """This request's answers about its signed-in reader (and a subject), read once."""
    # Kept with whose they are: while a shared shell renders, `current_user` is a stand-in with
    # no id, and must get no one's answers (all of them NULL), never the reader's.
    user_id = current_user.id
    known = g.get("reader_facts")
    asked = (user_id, kind, subject_id)
    if known is not None and (known[0] == asked or (kind == READER and known[0][0] == user_id)):
        return known[1]
    if kind == READER:
        kind, subject_id = g.get("reader_subject") or (READER, None)
    params = {"user_id": user_id, "subject_id": subject_id}
    row = db.session.connection().execute(_statement(kind), params).one()
    g.reader_facts = ((user_id, kind, subject_id), row._mapping)
    return row._mapping


def _forget() -> None:
    # A request that changes what a fact answers (a vote cast, a notice read) and then shows a
    # page must show the change.
    if has_request_context():
        g.pop("reader_facts", None)


@event.listens_for(Session, "after_flush")
def _after_flush(session, flush_context):
    _forget()


@event.listens_for(Session, "do_orm_execute")
def _after_statement(state):
    # Votes and counters are written with INSERT ... ON CONFLICT (text), not through a flush.
    if not state.is_select:
        _forget()
