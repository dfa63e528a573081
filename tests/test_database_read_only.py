"""On PostgreSQL a request whose transaction wrote nothing ends it with COMMIT, so psycopg keeps
the statements it prepared on the connection (it forgets them all at each ROLLBACK); anything
that wrote, or may have, is rolled back as before (engage/database.py)."""

import os

import pytest
import sqlalchemy as sa

from engage.accounts.models import User
from engage.database import end_read_only_transaction
from engage.extensions import db
from tests.factories import make_user

pytestmark = pytest.mark.skipif(
    not os.environ.get("TEST_DATABASE_URL", "").startswith("postgresql"),
    reason="prepared statements and transaction ids are PostgreSQL's",
)


@pytest.fixture
def ends(app):
    """How each transaction on the engine ended, in order ("commit" or "rollback")."""
    seen: list[str] = []

    def commit(conn):
        seen.append("commit")

    def rollback(conn):
        seen.append("rollback")

    sa.event.listen(db.engine, "commit", commit)
    sa.event.listen(db.engine, "rollback", rollback)
    yield seen
    sa.event.remove(db.engine, "commit", commit)
    sa.event.remove(db.engine, "rollback", rollback)


def _locale(user_id: int) -> str:
    db.session.remove()
    return db.session.get(User, user_id).locale


@pytest.fixture
def person(app):
    user_id = make_user().id
    db.session.commit()
    db.session.remove()
    return user_id


def test_a_transaction_that_only_read_is_committed(app, person, ends):
    with app.test_request_context():
        assert db.session.get(User, person) is not None
        end_read_only_transaction(None)
        assert ends == ["commit"]
        assert not db.session().in_transaction()


def test_a_transaction_that_wrote_is_left_to_the_rollback(app, person, ends):
    with app.test_request_context():
        user = db.session.get(User, person)
        was = user.locale
        user.locale = "pl" if was != "pl" else "ur"
        db.session.flush()  # written, as a service does before the route decides
        end_read_only_transaction(None)
        assert ends == []
    assert _locale(person) == was


def test_changes_not_yet_flushed_are_not_committed(app, person, ends):
    with app.test_request_context():
        user = db.session.get(User, person)
        was = user.locale
        user.locale = "pl" if was != "pl" else "ur"
        end_read_only_transaction(None)
        assert ends == []
    assert _locale(person) == was


def test_a_row_locked_for_update_counts_as_written(app, person, ends):
    with app.test_request_context():
        db.session.execute(sa.select(User.id).where(User.id == person).with_for_update())
        end_read_only_transaction(None)
        assert ends == []


def test_a_failed_request_is_left_to_the_rollback(app, person, ends):
    with app.test_request_context():
        assert db.session.get(User, person) is not None
        end_read_only_transaction(RuntimeError("the page failed"))
        assert ends == []


def test_pages_keep_their_prepared_statements_from_request_to_request(app, person, login_as, ends):
    client = login_as(db.session.get(User, person))
    used = {}

    def note(conn, *_args):
        driver = conn.connection.driver_connection
        used[id(driver)] = driver

    sa.event.listen(db.engine, "after_cursor_execute", note)
    try:
        # psycopg prepares a statement on its fifth run on a connection; the pool may share the
        # requests between a few connections.
        for _ in range(30):
            assert client.get("/ideas").status_code == 200  # reads only, in a transaction
    finally:
        sa.event.remove(db.engine, "after_cursor_execute", note)
    assert ends[-3:] == ["commit"] * 3, ends
    prepared = 0
    for driver in used.values():  # back in the pool, idle: read in autocommit, as found
        driver.autocommit = True
        prepared += driver.execute("SELECT count(*) FROM pg_prepared_statements").fetchone()[0]
        driver.autocommit = False
    assert prepared > 0
