"""PostgreSQL connections are checked before reuse only after sitting idle (engage/database.py),
and psycopg prepares the statements they run often unless DB_PREPARE_THRESHOLD says not to."""

import os
import time

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from engage import create_app
from engage.extensions import db
from tests.conftest import empty_postgresql_database

BASE = os.environ.get("TEST_DATABASE_URL", "")
pytestmark = pytest.mark.skipif(
    not BASE.startswith("postgresql"), reason="connection checks are PostgreSQL's"
)


@pytest.fixture
def pool_app(worker_id):
    url = make_url(BASE)
    name = f"{url.database}_pool_{worker_id}"
    made = []

    def make(idle_seconds: float, engine_options: dict | None = None):
        app = create_app(
            {
                "TESTING": True,
                "SQLALCHEMY_DATABASE_URI": empty_postgresql_database(url, name),
                "SQLALCHEMY_ENGINE_OPTIONS": engine_options or {},
                "DB_PING_IDLE_SECONDS": idle_seconds,
                # The limiter is one object for every app: an app made with limits on would turn
                # them on for the rest of the test session.
                "RATELIMIT_ENABLED": False,
                "SECRET_KEY": "test-secret",
            }
        )
        made.append(app)
        return app

    yield make
    for app in made:
        with app.app_context():
            db.engine.dispose()


def _backend(app) -> int:
    """The server process behind the connection a request would use; returned to the pool."""
    with app.app_context():
        pid = db.session.scalar(sa.text("SELECT pg_backend_pid()"))
        db.session.remove()
    return pid


def _terminate(pid: int) -> None:
    admin = sa.create_engine(make_url(BASE).set(database="postgres"))
    with admin.connect() as conn:
        conn.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
    admin.dispose()


def _count_pings(app, monkeypatch) -> list:
    with app.app_context():
        dialect = db.engine.dialect
    pings = []
    real = dialect.do_ping
    monkeypatch.setattr(dialect, "do_ping", lambda c: pings.append(1) or real(c))
    return pings


def test_a_connection_in_steady_use_is_not_pinged(pool_app, monkeypatch):
    app = pool_app(idle_seconds=30)
    pings = _count_pings(app, monkeypatch)
    first = _backend(app)
    assert [_backend(app) for _ in range(5)] == [first] * 5  # the same connection, reused
    assert pings == []


def test_a_dead_idle_connection_is_replaced_before_a_request_sees_it(pool_app, monkeypatch):
    app = pool_app(idle_seconds=0.2)
    pings = _count_pings(app, monkeypatch)
    dead = _backend(app)
    _terminate(dead)  # a database restart, or a firewall dropping a quiet connection
    time.sleep(0.3)
    fresh = _backend(app)
    assert fresh != dead
    assert pings  # it was checked, failed, and a new connection was opened


def test_without_the_check_a_dead_connection_would_fail_the_request(pool_app):
    # What the check is for: the same events with a long idle time reach the dead connection.
    app = pool_app(idle_seconds=3600)
    dead = _backend(app)
    _terminate(dead)
    with pytest.raises(sa.exc.OperationalError):
        _backend(app)


def _prepared_after_repeats(app) -> tuple[int | None, int]:
    """(the connection's prepare threshold, statements it holds prepared) after one read ran
    ten times on it in autocommit, as a page's read apart runs."""
    with app.app_context(), db.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        for _ in range(10):
            conn.execute(sa.text("SELECT count(*) FROM pg_class WHERE relpages > :n"), {"n": 0})
        prepared = conn.execute(sa.text("SELECT count(*) FROM pg_prepared_statements"))
        threshold = conn.connection.driver_connection.prepare_threshold
        return threshold, prepared.scalar()


@pytest.mark.parametrize(
    ("setting", "threshold", "prepares"), [(None, 5, True), ("none", None, False), ("2", 2, True)]
)
def test_db_prepare_threshold_sets_whether_statements_are_prepared(
    pool_app, monkeypatch, setting, threshold, prepares
):
    # "none" is what PgBouncer in transaction mode needs (docs/production.md).
    from engage.config import engine_options

    if setting is None:
        monkeypatch.delenv("DB_PREPARE_THRESHOLD", raising=False)
    else:
        monkeypatch.setenv("DB_PREPARE_THRESHOLD", setting)
    app = pool_app(idle_seconds=30, engine_options=engine_options(BASE))
    seen, prepared = _prepared_after_repeats(app)
    assert seen == threshold
    assert (prepared > 0) is prepares
