"""The dead-letter list: recording jobs that failed for good, and retrying them."""

from sqlalchemy import func, select

from engage.clock import utcnow
from engage.extensions import db
from engage.jobs.models import JobFailure
from engage.jobs.queue import JOBS, enqueue_after_commit, queue_for


class JobError(Exception):
    """A retry that cannot be done (already retried, or the job no longer exists)."""


def record_failure(name: str, args: list, exc: BaseException | None) -> JobFailure:
    """Keep a job that failed its last retry, with the kind of error (not its details)."""
    # The exception's class and a short message: enough to see "the mail server refused";
    # an SMTP error can quote an address, so the message is cut short.
    error = type(exc).__name__ if exc is not None else "Error"
    if exc is not None and str(exc):
        error = f"{error}: {str(exc)[:200]}"
    failure = JobFailure(name=name[:60], args=list(args), error=error[:300])
    db.session.add(failure)
    db.session.flush()
    return failure


def failures(page: int, per_page: int = 50):
    """Failed jobs, those not yet retried first, newest first."""
    query = select(JobFailure).order_by(
        JobFailure.retried_at.is_not(None), JobFailure.failed_at.desc(), JobFailure.id.desc()
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def waiting_count() -> int:
    """Failed jobs nobody has retried yet."""
    return db.session.scalar(
        select(func.count()).select_from(JobFailure).where(JobFailure.retried_at.is_(None))
    )


def queue_sizes() -> dict:
    """Jobs waiting in the queue now and scheduled for later (periodic ones excluded)."""
    huey = queue_for().huey
    return {"pending": huey.pending_count(), "scheduled": huey.scheduled_count()}


def retry_failure(user, failure: JobFailure) -> None:
    """Queue a failed job again (after the commit) and note who asked."""
    if failure.retried_at is not None:
        raise JobError("already retried")
    if failure.name not in JOBS:
        raise JobError("unknown job")
    failure.retried_at = utcnow()
    failure.retried_by_id = user.id
    enqueue_after_commit(failure.name, *failure.args)
    db.session.flush()
