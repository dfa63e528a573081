"""The job queue: one huey instance per app, built from the app's own settings.

Features register plain functions with `@job(...)` and `@periodic(...)` at import time; each
app builds its own huey the first time it is asked and wraps every registered function for it,
so two apps in one process (test workers, the browser suite's live server) never share a queue,
its storage or its immediate mode. Storage (JOBS_BACKEND):

- "sqlite": SqliteHuey in a file beside the embedded database (the default without Redis);
- "redis": RedisHuey on REDIS_URL (the default when REDIS_URL is set: several servers);
- "immediate": run each job at once, in the process that queued it (tests and one-off scripts).

A job runs in a fresh app context with a request context built from BASE_URL (emails build
links), commits its own work and rolls back on error. Jobs are queued after the caller's
transaction commits (`after_commit`), so a worker never looks for rows that are not there yet.
"""

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from flask import Flask, current_app
from huey import RedisHuey, SqliteHuey, crontab
from huey import signals as huey_signals
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from engage.extensions import db

log = logging.getLogger("engage.jobs")
EXTENSION = "engage_jobs"


@dataclass(frozen=True)
class JobSpec:
    """A registered job: the function and how it is retried."""

    name: str
    func: Callable
    retries: int = 5
    retry_delay: int = 30  # seconds before the first retry; doubled each time after
    schedule: dict | None = None  # crontab fields for a periodic job


# Name -> spec. Only functions are kept here, never a queue: each app builds its own.
JOBS: dict[str, JobSpec] = {}


def job(name: str, retries: int = 5, retry_delay: int = 30):
    """Register a function as a job `name`; its arguments must be JSON values (ids, strings)."""

    def decorator(func):
        JOBS[name] = JobSpec(name, func, retries, retry_delay)
        return func

    return decorator


def periodic(name: str, retries: int = 2, retry_delay: int = 60, **cron):
    """Register a function the consumer runs on a schedule (crontab fields, in UTC)."""

    def decorator(func):
        JOBS[name] = JobSpec(name, func, retries, retry_delay, schedule=cron)
        return func

    return decorator


@dataclass
class Queue:
    """One app's huey and its wrapped tasks."""

    huey: object
    backend: str
    tasks: dict = field(default_factory=dict)


_build_lock = threading.Lock()


def backend_for(app: Flask) -> str:
    """JOBS_BACKEND, else "immediate" under TESTING, "redis" with REDIS_URL, else "sqlite"."""
    chosen = app.config.get("JOBS_BACKEND")
    if chosen:
        return chosen
    if app.testing:
        return "immediate"
    return "redis" if app.config.get("REDIS_URL") else "sqlite"


def sqlite_path(app: Flask) -> str:
    """JOBS_SQLITE_PATH, else `<database>-jobs.db` beside an SQLite database, else instance/."""
    if app.config.get("JOBS_SQLITE_PATH"):
        return app.config["JOBS_SQLITE_PATH"]
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        path = Path(url.database)
        return str(path.with_name(f"{path.stem}-jobs.db"))
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    return str(Path(app.instance_path) / "jobs.db")


def _make_huey(app: Flask, backend: str):
    name = app.config.get("JOBS_QUEUE_NAME", "engage")
    if backend == "redis":
        return RedisHuey(name, url=app.config["REDIS_URL"], results=False)
    if backend == "immediate":
        return SqliteHuey(name, immediate=True, results=False)
    return SqliteHuey(name, filename=sqlite_path(app), results=False)


def _runner(app: Flask, spec: JobSpec) -> Callable:
    def run(*args):
        # A new app context: its own database session, even when a job runs at once inside
        # another app context (immediate mode) whose session has just committed.
        with app.app_context():
            base = app.config.get("BASE_URL") or None
            with app.test_request_context(base_url=base):
                try:
                    result = spec.func(*args)
                    db.session.commit()
                except Exception:
                    db.session.rollback()
                    raise
                return result

    run.__name__ = spec.name
    return run


def _build(app: Flask) -> Queue:
    backend = backend_for(app)
    huey = _make_huey(app, backend)
    queue = Queue(huey=huey, backend=backend)
    for spec in JOBS.values():
        runner = _runner(app, spec)
        options = {
            "retries": spec.retries,
            "retry_delay": spec.retry_delay,
            "retry_backoff": 2,
            "name": spec.name,
        }
        if spec.schedule is not None:
            queue.tasks[spec.name] = huey.periodic_task(crontab(**spec.schedule), **options)(runner)
        else:
            queue.tasks[spec.name] = huey.task(**options)(runner)

    @huey.signal(huey_signals.SIGNAL_ERROR)
    def _dead_letter(signal, task, exc=None):
        # Retries left: huey will try again later. None left: keep it for an administrator.
        if task.retries:
            return
        from engage.jobs.service import record_failure

        with app.app_context():
            record_failure(task.name, list(task.args), exc)
            db.session.commit()

    return queue


def queue_for(app: Flask | None = None) -> Queue:
    """This app's queue, built on first use (after every feature has registered its jobs)."""
    app = app or current_app._get_current_object()
    queue = app.extensions.get(EXTENSION)
    if queue is None:
        with _build_lock:
            queue = app.extensions.get(EXTENSION)
            if queue is None:
                queue = _build(app)
                app.extensions[EXTENSION] = queue
    return queue


def enqueue(name: str, *args, eta=None):
    """Queue job `name` now (or at `eta`, a naive UTC datetime); at once in immediate mode."""
    task = queue_for().tasks[name]
    if eta is not None:
        return task.schedule(args=args, eta=eta)
    return task(*args)


def enqueue_after_commit(name: str, *args, eta=None) -> None:
    """Queue job `name` once the current transaction commits; forget it if it rolls back."""
    db.session.info.setdefault("engage_jobs", []).append((name, args, eta))


@sa.event.listens_for(Session, "after_commit")
def _send_after_commit(session):
    pending = session.info.pop("engage_jobs", None)
    for name, args, eta in pending or ():
        try:
            enqueue(name, *args, eta=eta)
        except Exception:
            # The change is committed already: failing the request now would only hide that.
            # Periodic sweeps (digests, reminders) pick up what a lost job would have sent.
            log.exception("could not queue job %s", name)


@sa.event.listens_for(Session, "after_soft_rollback")
def _forget_after_rollback(session, previous_transaction):
    if not session.in_transaction():
        session.info.pop("engage_jobs", None)
