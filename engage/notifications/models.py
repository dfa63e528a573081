"""Following, each person's email choice, and every message due to each person (the outbox)."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from engage.clock import utcnow
from engage.extensions import db, db_enum


class Frequency(enum.StrEnum):
    """How often an adult is emailed; young people are never emailed, whatever is stored."""

    NOW = "now"
    DAILY = "daily"
    WEEKLY = "weekly"
    NEVER = "never"


DEFAULT_FREQUENCY = Frequency.DAILY


class Follow(db.Model):
    """A person follows a proposal or a priority; `active` False remembers that they stopped."""

    __tablename__ = "follow"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "proposal_id"),
        sa.UniqueConstraint("user_id", "priority_id"),
        sa.CheckConstraint("(proposal_id IS NULL) <> (priority_id IS NULL)", name="one_subject"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    proposal_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    priority_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("priority.id", ondelete="CASCADE"), index=True
    )
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class NotificationSetting(db.Model):
    """A person's choices: how often to be emailed (adults), whether commenting follows.

    No row means the defaults.
    """

    __tablename__ = "notification_setting"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    frequency: Mapped[Frequency] = mapped_column(db_enum(Frequency), default=DEFAULT_FREQUENCY)
    # Commenting on a proposal follows it unless the person turned this off.
    follow_when_commenting: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class EmailState(enum.StrEnum):
    NONE = "none"  # in-site only (young people, people who chose never)
    PENDING = "pending"  # to go at once or in the next digest, as the person now chooses
    SENT = "sent"
    SKIPPED = "skipped"  # the person stopped emails before it went


class Delivery(db.Model):
    """One message due to one person: the key makes every job that creates or sends it idempotent.

    A job creates the row (and the in-site notice) only when no row has the same key for the
    person, and sends an email only while the row is pending, marking it sent in the same
    transaction; a retried job therefore never tells anyone twice.
    """

    __tablename__ = "notification_delivery"
    __table_args__ = (
        sa.UniqueConstraint("user_id", "key"),
        sa.Index("ix_notification_delivery_state_user", "email_state", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(sa.String(120))
    kind: Mapped[str] = mapped_column(sa.String(30))
    params: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    # Staff alerts go at once whatever the person chose, and carry no unsubscribe link.
    essential: Mapped[bool] = mapped_column(default=False)
    email_state: Mapped[EmailState] = mapped_column(db_enum(EmailState))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column()
