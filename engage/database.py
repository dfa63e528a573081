"""The database in use, and PostgreSQL connections checked before reuse only when they sat idle.

`dialect()` names the database a statement will run on, for the few services that write
SQLite's and PostgreSQL's own SQL (the only two supported: SQLite embedded, PostgreSQL in
production).

PostgreSQL connections are not checked on every request.

SQLAlchemy's `pool_pre_ping` sends `SELECT 1` each time a connection is taken from the pool, a
round trip to the database on every request (a tenth of a signed-in page's time on PostgreSQL in
the benchmark). A connection in steady use is alive: it is checked only when it has been back in
the pool longer than DB_PING_IDLE_SECONDS (a database restart or failover, a firewall that drops
quiet connections); one that fails the check is thrown away and the pool opens another, so no
request sees a dead connection (SQLAlchemy's documented use of DisconnectionError at checkout).

A page whose reads are one statement (a signed-in page whose shell is kept, a survey question)
reads with `first_row_apart`: in autocommit when the session has no transaction open, so on
PostgreSQL it is one round trip, not three (a BEGIN and, at the end, a ROLLBACK besides).
"""

import time
import weakref

from flask import Flask
from sqlalchemy import Engine, event, exc
from sqlalchemy.engine import Row

from engage.extensions import db

_RETURNED_AT = "engage_returned_at"
# engine -> the same engine reading in autocommit (PostgreSQL) or as it is (SQLite begins no
# transaction for a SELECT); one per engine, as each test builds its own.
_APART: "weakref.WeakKeyDictionary[Engine, Engine]" = weakref.WeakKeyDictionary()


def dialect() -> str:
    """The session's database: "sqlite" or "postgresql"."""
    return db.session.get_bind().dialect.name


def first_row_apart(statement, params: dict) -> Row | None:
    """The first row of a read, run outside any transaction when the session has none open.

    With none open the session has written nothing this read could miss, and under READ
    COMMITTED a statement in a transaction sees no more than one on its own; with one open the
    read runs in it, and sees what it wrote.
    """
    if db.session().in_transaction():
        return run_core(statement, params).first()
    engine = db.engine
    apart = _APART.get(engine)
    if apart is None:
        apart = engine
        if engine.dialect.name == "postgresql":
            apart = engine.execution_options(isolation_level="AUTOCOMMIT")
        _APART[engine] = apart
    with apart.connect() as connection:
        return connection.execute(statement, params).first()


def run_core(statement, params):
    """Run a Core statement in the session's transaction, on its connection.

    Not through `Session.execute`, whose ORM work per statement (its events, the compile state,
    the result's set-up) was a tenth of casting a vote. Nothing is flushed first and no session
    event fires (`do_orm_execute`): a caller flushes what it must, and drops what listeners there
    would have dropped (a page's reader facts) itself.
    """
    return db.session.connection().execute(statement, params)


def _watch(engine, idle_seconds: float) -> None:
    dialect = engine.dialect

    @event.listens_for(engine, "checkin")
    def _returned(dbapi_connection, record):
        record.info[_RETURNED_AT] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _check_if_idle(dbapi_connection, record, proxy):
        returned = record.info.get(_RETURNED_AT)
        if returned is None or time.monotonic() - returned < idle_seconds:
            return  # new, or in use moments ago
        try:
            dialect.do_ping(dbapi_connection)
        except dialect.loaded_dbapi.Error as error:
            raise exc.DisconnectionError("an idle connection no longer answers") from error


def init_app(app: Flask) -> None:
    """Check PostgreSQL connections that sat idle before a request uses them."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        return  # SQLite is a file: nothing to lose between requests
    with app.app_context():
        _watch(db.engine, float(app.config["DB_PING_IDLE_SECONDS"]))
