"""A consistent copy of the SQLite database, taken while the site runs.

SQLite's online backup API copies the database page by page inside one read transaction, so the
copy is the database as it was at one instant, even while people vote and comment (in WAL mode
writers carry on meanwhile). The copy is written beside its final name and renamed when complete
and checked, so a half-written file is never mistaken for a backup.
"""

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from engage.clock import utcnow


class BackupError(RuntimeError):
    """The backup could not be made; the message says why."""


def sqlite_path(database_url: str) -> Path:
    """The file behind a SQLite URL (BackupError for other databases)."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        raise BackupError(
            "flask engage backup copies the embedded SQLite database. For PostgreSQL use "
            'pg_dump --format=custom --file=engage-$(date +%Y%m%d-%H%M).dump "$DATABASE_URL".'
        )
    return Path(url.database)


def default_destination(source: Path, now: datetime | None = None) -> Path:
    """instance/backups/engage-YYYYmmdd-HHMMSS.db beside the database."""
    stamp = (now or utcnow()).strftime("%Y%m%d-%H%M%S")
    return source.parent / "backups" / f"{source.stem}-{stamp}.db"


def backup_sqlite(database_url: str, destination: Path | None = None) -> Path:
    """Copy the live SQLite database to `destination` with the backup API; return the path."""
    source = sqlite_path(database_url)
    if not source.exists():
        raise BackupError(f"There is no database at {source}.")
    destination = Path(destination or default_destination(source))
    if destination.exists():
        raise BackupError(f"{destination} already exists; choose another name.")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(partial)
    try:
        # pages=-1: the whole database in one step, so it is one consistent snapshot; in WAL
        # mode this read does not block the site's writers.
        src.backup(dst, pages=-1)
        dst.execute("PRAGMA journal_mode=DELETE")  # a single self-contained file
        result = dst.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        dst.close()
        src.close()
    if result != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"The copy failed its integrity check: {result}")
    os.replace(partial, destination)
    destination.chmod(0o600)  # people's data: readable by the site's owner only
    return destination
