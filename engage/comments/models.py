"""Comments and one level of replies on proposals."""

import enum
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.clock import utcnow
from engage.extensions import db, db_enum


class CommentStatus(enum.StrEnum):
    HELD = "held"  # waiting for a moderator; only the author and moderators see it
    PUBLISHED = "published"
    REJECTED = "rejected"
    HIDDEN = "hidden"  # taken down after publishing (reports, moderator)
    DELETED = "deleted"  # removed by its author; the row stays so replies keep their thread


class HoldReason(enum.StrEnum):
    YOUNG_PERSON = "young_person"
    AUTOMATIC_CHECK = "automatic_check"
    REPORTS = "reports"
    UNVERIFIED_EMAIL = "unverified_email"  # kept until the author confirms their address


class Comment(db.Model):
    __tablename__ = "comment"
    __table_args__ = (
        sa.Index("ix_comment_proposal_status_created", "proposal_id", "status", "created_at"),
        # A page of a proposal's comments, in order, without sorting them all (migration 0018).
        sa.Index("ix_comment_proposal_created_id", "proposal_id", "created_at", "id"),
        sa.Index("ix_comment_proposal_status_id", "proposal_id", "status", "id"),  # 0019: API pages
        # One comment per rendered comment box: posting the same form again (Back, then Post)
        # finds the first comment instead of publishing a copy.
        sa.Index("uq_comment_author_submit_token", "author_id", "submit_token", unique=True),
        # Whether the reader commented on the proposal they are reading (a fact every signed-in
        # proposal page asks): by author alone, a prolific author's every comment was read.
        sa.Index("ix_comment_author_proposal", "author_id", "proposal_id"),  # 0025
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(sa.ForeignKey("proposal.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("comment.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"))
    body: Mapped[str] = mapped_column(sa.Text)
    language: Mapped[str | None] = mapped_column(sa.String(8))
    status: Mapped[CommentStatus] = mapped_column(db_enum(CommentStatus))
    hold_reason: Mapped[HoldReason | None] = mapped_column(db_enum(HoldReason))
    # Whether the author was a young person when writing: drives pre-moderation and counts.
    by_young_person: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column()
    submit_token: Mapped[str | None] = mapped_column(sa.String(32))

    proposal = relationship("Proposal")
    author = relationship("User")
    parent: Mapped["Comment | None"] = relationship(remote_side=[id], back_populates="replies")
    replies: Mapped[list["Comment"]] = relationship(
        back_populates="parent", order_by="Comment.created_at"
    )

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None

    def edit_window_open(self, minutes: int, now: datetime | None = None) -> bool:
        """Authors may correct a comment for a short while after posting."""
        now = now or utcnow()
        return self.status in {
            CommentStatus.PUBLISHED,
            CommentStatus.HELD,
        } and now - self.created_at < timedelta(minutes=minutes)

    def visible_to(self, user) -> bool:
        """Published comments are public; held ones only to their author (moderators elsewhere)."""
        if self.status == CommentStatus.PUBLISHED:
            return True
        if self.status == CommentStatus.HELD:
            return bool(user and user.is_authenticated and user.id == self.author_id)
        return False
