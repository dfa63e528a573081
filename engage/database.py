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

That read runs on the driver's own cursor: SQLAlchemy compiles the statement once and gives the
type conversions its own execution would apply; the per-execution work it adds besides (its
Connection, execution context and result objects) cost twice what psycopg takes to run the
statement, and half again what SQLite takes. A read that SQLAlchemy's events must see (statement
logging, tests counting statements) and any driver error take SQLAlchemy's own path.
"""

import keyword
import time
import weakref
from collections import namedtuple
from collections.abc import Callable

import sqlalchemy as sa
from flask import Flask, has_request_context, request
from sqlalchemy import Engine, event, exc
from sqlalchemy.engine import Row
from sqlalchemy.sql.compiler import SQLCompiler

from engage.extensions import db

_RETURNED_AT = "engage_returned_at"
# engine -> the same engine reading in autocommit (PostgreSQL) or as it is (SQLite begins no
# transaction for a SELECT); one per engine, as each test builds its own.
_APART: "weakref.WeakKeyDictionary[Engine, Engine]" = weakref.WeakKeyDictionary()
# engine -> statement -> its read on the driver's cursor, or None where SQLAlchemy's path must run.
_DIRECT: "weakref.WeakKeyDictionary[Engine, dict]" = weakref.WeakKeyDictionary()
_DIRECT_MAX = 256
# SQLAlchemy's events that see each statement run; with a listener, reads take SQLAlchemy's path.
_STATEMENT_EVENTS = (
    "before_execute",
    "after_execute",
    "before_cursor_execute",
    "after_cursor_execute",
)


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
    direct = _direct_read(engine, statement)
    if direct is not None:
        found = direct.first(engine, params)
        if found is not _FAILED:
            return found
    apart = _APART.get(engine)
    if apart is None:
        apart = engine
        if engine.dialect.name == "postgresql":
            apart = engine.execution_options(isolation_level="AUTOCOMMIT")
        _APART[engine] = apart
    with apart.connect() as connection:
        return connection.execute(statement, params).first()


_FAILED = object()


class DirectRead:
    """One SELECT compiled once for an engine, run on a pooled connection's own cursor.

    The connection is taken from (and given back to) SQLAlchemy's pool, so its checks on
    checkout still run; on PostgreSQL it reads in autocommit and is put back as it was.
    """

    def __init__(self, statement, compiled: SQLCompiler, keys: list[str]):
        self.sql = compiled.string
        self.compiled = compiled
        self.positions = compiled.positiontup if compiled.positional else None
        dialect = compiled.dialect
        self.dialect = dialect
        self.postgresql = dialect.name == "postgresql"
        self.binds = {
            name: processor
            for name, bind in compiled.binds.items()
            if (processor := bind.type.dialect_impl(dialect).bind_processor(dialect))
        }
        self.types = [column.type.dialect_impl(dialect) for column in statement.selected_columns]
        # Worked out from the first execution's column types, as SQLAlchemy's own result does.
        self.processors: list[Callable | None] | None = None
        self.row = _row_class(keys)

    def first(self, engine: Engine, params: dict):
        """The first row (None when there is none), or _FAILED after a driver error."""
        values = self.compiled.construct_params(params)
        for name, processor in self.binds.items():
            values[name] = processor(values[name])
        if self.positions is not None:
            values = [values[name] for name in self.positions]
        pooled = engine.raw_connection()
        try:
            driver = pooled.driver_connection
            was = driver.autocommit if self.postgresql else None
            if self.postgresql and not was:
                driver.autocommit = True
            try:
                cursor = pooled.cursor()
                cursor.execute(self.sql, values)
                found = cursor.fetchone()
                processors = self.processors
                if processors is None:
                    processors = self.processors = self._processors(cursor.description)
                cursor.close()
            finally:
                if self.postgresql and not was:
                    driver.autocommit = False
        except self.dialect.loaded_dbapi.Error:
            # A dropped connection (or anything else the driver raised): this connection is
            # not used again, and SQLAlchemy's own path runs the read and reports as it would.
            pooled.invalidate()
            return _FAILED
        finally:
            pooled.close()
        if found is None:
            return None
        return self.row._make(
            value if processor is None or value is None else processor(value)
            for processor, value in zip(processors, found, strict=True)
        )

    def _processors(self, description) -> list[Callable | None]:
        if len(description) != len(self.types):
            raise exc.InvalidRequestError("a direct read's columns differ from its statement's")
        return [
            kind.result_processor(self.dialect, column[1])
            for kind, column in zip(self.types, description, strict=True)
        ]


def _row_class(keys: list[str]):
    base = namedtuple("DirectRow", keys)  # noqa: PYI024 - its fields are the statement's keys

    class DirectRow(base):
        """A row read directly: its values by position or name, as SQLAlchemy's Row gives."""

        __slots__ = ()

        @property
        def _mapping(self) -> dict:
            return dict(zip(self._fields, self, strict=True))

    return DirectRow


def _direct_read(engine: Engine, statement) -> DirectRead | None:
    """The statement's direct read on this engine; None when SQLAlchemy's path must run it."""
    if any(getattr(engine.dispatch, name) for name in _STATEMENT_EVENTS) or engine.echo:
        return None
    known = _DIRECT.get(engine)
    if known is None:
        known = _DIRECT[engine] = {}
    if statement in known:
        return known[statement]
    if len(known) >= _DIRECT_MAX:
        return None  # statements built afresh for each read would fill this: not worth it
    columns = getattr(statement, "selected_columns", None)  # a SELECT; text() has none
    if columns is None:
        known[statement] = None
        return None
    compiled = statement.compile(dialect=engine.dialect)
    keys = list(columns.keys())
    plain = all(
        key.isidentifier() and not keyword.iskeyword(key) and not key.startswith("_")
        for key in keys
    )
    direct = None
    if (
        plain
        and len(set(keys)) == len(keys)
        and not compiled.post_compile_params
        and not compiled.literal_execute_params
    ):
        direct = DirectRead(statement, compiled, keys)
    known[statement] = direct
    return direct


def add_once(item, first: Callable[[], object | None]):
    """Add and flush `item` (a row with a unique single-use token); where the unique index
    refuses it, `first()`'s row instead: the same form sent twice at once (a double tap), the
    second request checked before the first was written. That request wrote nothing else, so
    its transaction is rolled back; a savepoint around every write would cost two statements."""
    db.session.add(item)
    try:
        db.session.flush()
    except exc.IntegrityError:
        db.session.rollback()
        found = first()
        if found is None:
            raise
        return found
    return item


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


# Whether the transaction has written anything: PostgreSQL gives it an id at its first write
# (a row locked FOR UPDATE counts), and never for reads.
_WROTE_NOTHING = sa.text("SELECT pg_current_xact_id_if_assigned() IS NULL")


def end_read_only_transaction(error: BaseException | None = None) -> None:
    """At the end of a request, COMMIT a PostgreSQL transaction that wrote nothing, not ROLLBACK.

    The two end it alike, but psycopg forgets every statement it had prepared on the connection
    at each ROLLBACK (in case it undid what they refer to), so every page whose reads ran in a
    transaction had PostgreSQL plan each statement afresh on the next request: a proposal page
    rendered afresh spent about 3 ms of its 10 waiting for that. A transaction that wrote, one
    with changes the session has not flushed, and a request that failed are left to the
    ROLLBACK that follows, as before.
    """
    if error is not None or not request.environ.get(_BEGAN) or not db.session.registry.has():
        return  # failed, or no transaction of this request's own to end
    session = db.session()
    if not session.in_transaction() or session.new or session.dirty or session.deleted:
        return
    try:
        wrote_nothing = session.connection().execute(_WROTE_NOTHING).scalar()
    except exc.SQLAlchemyError:
        return  # the ROLLBACK that follows ends it
    if wrote_nothing:
        # Nothing loaded is expired: a download still streaming reads what it loaded.
        keep, session.expire_on_commit = session.expire_on_commit, False
        try:
            session.commit()
        finally:
            session.expire_on_commit = keep


_BEGAN = "engage.began_transaction"


def _note_begun(session, transaction, connection) -> None:
    # Only a transaction this request began is its to end (a test's, or a command's, is not).
    if has_request_context():
        request.environ[_BEGAN] = True


def init_app(app: Flask) -> None:
    """Check PostgreSQL connections that sat idle before a request uses them, and end read-only
    transactions so that their prepared statements are kept."""
    if not app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        return  # SQLite is a file: nothing to lose between requests
    with app.app_context():
        _watch(db.engine, float(app.config["DB_PING_IDLE_SECONDS"]))
    # Before Flask-SQLAlchemy's own teardown (the app context's), which removes the session.
    app.teardown_request(end_read_only_transaction)
    if not event.contains(db.session, "after_begin", _note_begun):
        event.listen(db.session, "after_begin", _note_begun)
