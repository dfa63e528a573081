"""Test-only help: empty the append-only audit record between tests on SQLite.

The application has no way to delete audit records. Tests start each case from an empty database,
so on SQLite (where emptying means DELETE) the guard trigger is lifted for the purge and put back.
PostgreSQL empties tables with TRUNCATE, which row triggers do not see.
"""

from contextlib import contextmanager

import sqlalchemy as sa

_GUARD = (
    "CREATE TRIGGER moderation_event_no_delete BEFORE DELETE ON moderation_event BEGIN "
    "SELECT RAISE(ABORT, 'moderation_event is append-only: DELETE refused'); END"
)


_TRIGGER_EXISTS = sa.text(
    "SELECT 1 FROM sqlite_master WHERE type='trigger' AND name='moderation_event_no_delete'"
)


@contextmanager
def audit_guard_lifted(session):
    """Drop the SQLite delete guard for the block, then restore it as the migration made it."""
    # Most tests write no audit rows: leave the schema alone then (changing it is the slow part).
    has_rows = session.execute(sa.text("SELECT 1 FROM moderation_event LIMIT 1")).first()
    exists = has_rows and session.execute(_TRIGGER_EXISTS).first()
    if exists:
        session.execute(sa.text("DROP TRIGGER moderation_event_no_delete"))
    try:
        yield
    finally:
        if exists:
            session.execute(sa.text(_GUARD))
