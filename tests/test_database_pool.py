"""PostgreSQL connections are checked before reuse only after sitting idle (engage/database.py)."""

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

    def make(idle_seconds: float):
        app = create_app(
            {
                "TESTING": True,
                "SQLALCHEMY_DATABASE_URI": empty_postgresql_database(url, name),
                "SQLALCHEMY_ENGINE_OPTIONS": {},
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
