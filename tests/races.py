"""Two transactions at once: hold one open until the other is waiting for its lock."""

import time

import sqlalchemy as sa

from engage.extensions import db


def waiting_on_a_lock() -> bool:
    """PostgreSQL: some session of this database is waiting for a lock another one holds."""
    with db.engine.connect() as conn:
        return bool(
            conn.execute(
                sa.text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'"
                )
            ).scalar()
        )


def hold_until_another_waits(seconds: float = 10) -> None:
    """Return once another transaction waits for this one (SQLite: after half a second, the
    other writer then waiting for the database's one write lock), or after `seconds`."""
    deadline = time.monotonic() + seconds
    postgres = db.engine.dialect.name == "postgresql"
    while time.monotonic() < deadline:
        if postgres and waiting_on_a_lock():
            return
        if not postgres and time.monotonic() > deadline - seconds + 0.5:
            return
        time.sleep(0.02)
