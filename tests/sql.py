"""Counting the SQL statements a block or a request runs (query-count and flat-cost tests)."""

import contextlib

import sqlalchemy as sa

from engage.extensions import db


@contextlib.contextmanager
def counting():
    """Collect the SQL statements run inside the block (a list, filled as they run)."""
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)


def queries(client, url: str) -> list[str]:
    """The statements one GET of `url` runs, after a first GET warms the session."""
    assert client.get(url).status_code == 200, url
    with counting() as statements:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return statements


def _in_transaction(dbapi_connection) -> bool:
    # psycopg: a transaction is open unless the connection is in autocommit; sqlite3 says
    # whether one is open (it begins none for a SELECT).
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        return dbapi_connection.in_transaction
    return not dbapi_connection.autocommit


@contextlib.contextmanager
def watching_transactions():
    """(statements, begun): each statement run inside the block with whether a transaction was
    open for it, and each connection the session began a transaction on."""
    from sqlalchemy.orm import Session

    statements: list[tuple[str, bool]] = []
    begun: list = []

    def before(conn, cursor, statement, *args):
        statements.append((statement, _in_transaction(conn.connection.dbapi_connection)))

    def began(session, transaction, connection):
        begun.append(connection)

    sa.event.listen(db.engine, "before_cursor_execute", before)
    sa.event.listen(Session, "after_begin", began)
    try:
        yield statements, begun
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", before)
        sa.event.remove(Session, "after_begin", began)
