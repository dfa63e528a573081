"""Shared fixtures: a real database built by the migrations, a real app, a real HTTP client.

Set TEST_DATABASE_URL to a PostgreSQL URL to run the suite on PostgreSQL; otherwise each
pytest-xdist worker gets its own SQLite file. Either way the schema comes from Alembic.
"""

import os
import re

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from sqlalchemy.engine import make_url

from engage import create_app
from engage.demo.banner import forget_demo_loaded
from engage.extensions import db
from tests.browser.report import (  # noqa: F401 (hooks: the browser suite's summary line)
    pytest_sessionfinish,
    pytest_terminal_summary,
    pytest_testnodedown,
)

CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
PASSWORD = "correct horse battery staple"
# Every staff account the factories make has this authenticator secret (base32).
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _database_url(tmp_path_factory, worker: str) -> str:
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        return f"sqlite:///{tmp_path_factory.getbasetemp() / f'engage-{worker}.db'}"
    url = make_url(base)
    return empty_postgresql_database(url, f"{url.database}_{worker}")


def empty_postgresql_database(url, name: str) -> str:
    """The URL of a new, empty database `name` on `url`'s PostgreSQL server (made afresh)."""
    # Made from the maintenance database, so several runs can share a server.
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


class Client(FlaskClient):
    """A test client that submits forms the way a browser does, CSRF token included."""

    def open(self, *args, **kwargs):
        """Run each request in its own app context, as a server does.

        Tests run inside an app context; without this, every request in a test would share its
        `g` (so the first signed-in user and CSRF token would leak into other clients' requests)
        and its database session.
        """
        with self.application.app_context():
            return super().open(*args, **kwargs)

    def csrf_token(self) -> str:
        """A valid CSRF token for this client's session."""
        page = super().get("/account/sign-in").get_data(as_text=True)
        return CSRF_RE.search(page).group(1)

    def submit(self, url: str, data: dict | None = None, **kwargs):
        """POST a form with a CSRF token, as a real page would."""
        data = dict(data or {})
        data.setdefault("csrf_token", self.csrf_token())
        return self.post(url, data=data, **kwargs)


def pytest_collection_modifyitems(config, items):
    """On PostgreSQL, skip the checks that do not depend on the database: they ran on SQLite.

    CI runs the suite on SQLite, then on PostgreSQL. The accessibility matrix (every page in three
    languages under axe, reflow, bidi, English left behind) measures HTML that is the same on
    both, and is the largest part of the suite; pages' behaviour on PostgreSQL is still covered
    (every page rendered in every language, the browser journeys). TEST_EVERY_CHECK=1 runs all.
    """
    if not os.environ.get("TEST_DATABASE_URL") or os.environ.get("TEST_EVERY_CHECK"):
        return
    skip = pytest.mark.skip(reason="the same on every database: checked in the SQLite run")
    for item in items:
        if item.get_closest_marker("same_on_every_database"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def app(tmp_path_factory, worker_id):
    """One app per test worker, on a database the migrations built from empty."""
    from flask_migrate import upgrade

    url = _database_url(tmp_path_factory, worker_id)
    application = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": url,
            "SQLALCHEMY_ENGINE_OPTIONS": {},
            "RATELIMIT_ENABLED": False,
            "MAIL_BACKEND": "memory",
            "SECRET_KEY": "test-secret",
            "SERVER_NAME": "localhost",
        }
    )
    application.test_client_class = Client
    with application.app_context():
        upgrade(revision="heads")
    yield application
    with application.app_context():
        db.engine.dispose()


# Tables whose rows the database itself refuses to delete (an append-only trigger): emptied with
# TRUNCATE, which row triggers do not see.
_APPEND_ONLY = ("moderation_event",)


def _empty_postgresql(tables) -> None:
    """Empty the tables a test wrote to, and start every id from 1 again.

    TRUNCATE gives each table new files on disk: over 40 tables it took a second or more per
    test, the largest cost of the suite on PostgreSQL. Most tests write a few tables, so those
    are found in one query and emptied with DELETE (append-only ones with TRUNCATE).
    """
    probe = " UNION ALL ".join(
        f"SELECT '{t.name}' FROM (SELECT 1 FROM \"{t.name}\" LIMIT 1) AS x{i}"  # noqa: S608
        for i, t in enumerate(tables)
    )
    written = set(db.session.scalars(sa.text(probe)))
    if not written:
        return
    guarded = [name for name in _APPEND_ONLY if name in written]
    if guarded:
        names = ", ".join(f'"{name}"' for name in guarded)
        db.session.execute(sa.text(f"TRUNCATE {names} CASCADE"))
    for table in reversed(tables):
        if table.name in written and table.name not in guarded:
            db.session.execute(table.delete())
    db.session.execute(
        sa.text(
            "SELECT setval(c.oid, 1, false) FROM pg_class c JOIN pg_namespace n "
            "ON n.oid = c.relnamespace WHERE c.relkind = 'S' AND n.nspname = current_schema()"
        )
    )


def _empty_tables() -> None:
    tables = list(db.metadata.sorted_tables)
    if db.engine.dialect.name == "postgresql":
        _empty_postgresql(tables)
    else:
        from tests.moderation.triggers import audit_guard_lifted

        with audit_guard_lifted(db.session):
            for table in reversed(tables):
                db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture(autouse=True)
def _ctx(request, app):
    """Each test runs inside an app context and leaves every table empty behind it."""
    with app.test_request_context():
        yield
        db.session.rollback()
        _empty_tables()
        app.extensions.get("engage_outbox", []).clear()
        # The demo banner keeps whether the demo is loaded for a minute; the tables it was read
        # from are empty now: the next test's pages must not show it for a demo no longer there.
        forget_demo_loaded(app)


@pytest.fixture
def log_mail(app, monkeypatch, tmp_path):
    """The log mail backend, as `make run` or a server with no MAIL_SERVER has it: development
    copies write each email under the instance folder, here tmp_path/outbox."""
    monkeypatch.setitem(app.config, "MAIL_BACKEND", "log")
    monkeypatch.setattr(app, "instance_path", str(tmp_path))
    return tmp_path / "outbox"


@pytest.fixture
def client(app) -> Client:
    """A fresh HTTP client with its own cookies."""
    return app.test_client()


def totp_code(secret: str = TOTP_SECRET) -> str:
    """The authenticator code for now (the app's clock), as a staff member's phone shows it."""
    import pyotp

    from engage.accounts.sessions import now_seconds

    return pyotp.TOTP(secret).generate_otp(now_seconds() // 30)


def login(client: Client, user, password: str = PASSWORD):
    """Sign a client in through the real sign-in form (and the staff code step, if asked)."""
    response = client.submit(
        "/account/sign-in", {"login": user.email or user.username, "password": password}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    if response.location.endswith("/account/two-factor"):
        from engage.accounts.models import User

        # Tests sign the same person in several times a minute; a real phone would show a
        # fresh code each time, so forget the last step used (tests of reuse go round this).
        db.session.execute(sa.update(User).where(User.id == user.id).values(totp_last_step=None))
        db.session.commit()
        secret = db.session.scalar(sa.select(User.totp_secret).where(User.id == user.id))
        response = client.submit("/account/two-factor", {"code": totp_code(secret)})
        assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return client


@pytest.fixture
def login_as(app):
    """login_as(user) -> a client signed in as that user."""

    def _login(user, password: str = PASSWORD) -> Client:
        return login(app.test_client(), user, password)

    return _login
