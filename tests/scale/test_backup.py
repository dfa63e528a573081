"""`flask engage backup`: a consistent copy of the SQLite database while people write to it."""

import sqlite3
import threading
import time

import pytest
import sqlalchemy as sa

from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from tests.factories import make_comment, make_proposal, make_user


@pytest.fixture
def sqlite_only(app):
    if db.engine.dialect.name != "sqlite":
        pytest.skip("the backup command copies SQLite; PostgreSQL uses pg_dump")


def test_backup_copies_committed_data_while_writes_go_on(app, sqlite_only, tmp_path):
    proposal = make_proposal()
    author = make_user()
    for n in range(20):
        make_comment(proposal, author, body=f"Before the backup {n}")
    # Another connection keeps committing comments while the copy is made.
    other = sa.create_engine(db.engine.url)
    proposal_id, author_id = proposal.id, author.id
    stop = threading.Event()
    written = []

    def writer():
        with other.connect() as conn:
            for n in range(5000):
                if stop.is_set():
                    break
                conn.execute(
                    sa.insert(Comment).values(
                        proposal_id=proposal_id,
                        author_id=author_id,
                        body=f"During the backup {n}",
                        status=CommentStatus.PUBLISHED,
                    )
                )
                conn.commit()
                written.append(n)

    thread = threading.Thread(target=writer, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while len(written) < 50 and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(written) >= 50, "the writer did not get going"
    destination = tmp_path / "copy.db"
    result = app.test_cli_runner().invoke(args=["engage", "backup", str(destination)])
    stop.set()
    thread.join(30)
    other.dispose()
    assert result.exit_code == 0, result.output
    assert "integrity check ok" in result.output

    copy = sqlite3.connect(destination)
    assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    bodies = [row[0] for row in copy.execute("SELECT body FROM comment ORDER BY id")]
    copy.close()
    # Everything committed before the backup began is there, and the copy is one instant:
    # the comments written during it are a gap-free run from the first.
    assert [f"Before the backup {n}" for n in range(20)] == bodies[:20]
    during = [int(b.rsplit(" ", 1)[1]) for b in bodies[20:]]
    assert during == list(range(len(during)))
    assert 50 <= len(during) <= len(written)


def test_backup_refuses_to_overwrite(app, sqlite_only, tmp_path):
    destination = tmp_path / "copy.db"
    destination.write_text("an older backup")
    result = app.test_cli_runner().invoke(args=["engage", "backup", str(destination)])
    assert result.exit_code != 0
    assert "already exists" in result.output
    assert destination.read_text() == "an older backup"


def test_backup_on_postgresql_points_to_pg_dump(app):
    from engage.ops.backup import BackupError, sqlite_path

    with pytest.raises(BackupError, match="pg_dump"):
        sqlite_path("postgresql+psycopg://engage@db/engage")
    if db.engine.dialect.name == "postgresql":
        result = app.test_cli_runner().invoke(args=["engage", "backup"])
        assert result.exit_code != 0 and "pg_dump" in result.output
