"""Jobs that failed after every retry: the dead-letter list."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from engage.clock import utcnow
from engage.extensions import db


class JobFailure(db.Model):
    """A job that failed its last retry, kept until an administrator retries it."""

    __tablename__ = "job_failure"
    __table_args__ = (sa.Index("ix_job_failure_retried_failed", "retried_at", "failed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(60))
    # The job's arguments: ids and keys only, never anybody's words or address.
    args: Mapped[list] = mapped_column(sa.JSON, default=list)
    error: Mapped[str] = mapped_column(sa.String(300), default="")
    failed_at: Mapped[datetime] = mapped_column(default=utcnow)
    retried_at: Mapped[datetime | None] = mapped_column()
    retried_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
