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
