"""Staff invitations and the record of every change made to a staff account."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.clock import utcnow
from engage.extensions import db, db_enum
from engage.permissions import Role


class StaffAction(enum.StrEnum):
    INVITED = "invited"
    JOINED = "joined"
    ROLE_CHANGED = "role_changed"
    SUSPENDED = "suspended"
    REINSTATED = "reinstated"
    DEACTIVATED = "deactivated"
    MFA_RESET = "mfa_reset"


class StaffInvite(db.Model):
    """A single-use invitation link; only the SHA-256 of its token is kept."""

    __tablename__ = "staff_invite"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(sa.String(254))
    role: Mapped[Role] = mapped_column(db_enum(Role))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    invited_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column()

    def is_usable(self, now: datetime | None = None) -> bool:
        """Unused and not yet expired."""
        return self.used_at is None and (now or utcnow()) < self.expires_at


class StaffEvent(db.Model):
    """Who did what to which staff account, when and why (never edited or deleted)."""

    __tablename__ = "staff_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    action: Mapped[StaffAction] = mapped_column(db_enum(StaffAction))
    actor_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    target_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    detail: Mapped[str | None] = mapped_column(sa.String(200))
    reason: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    actor = relationship("User", foreign_keys=[actor_id], lazy="joined")
    target = relationship("User", foreign_keys=[target_id], lazy="joined")
