"""Ideas people put forward, who backs them, what is said about them, and the council's answer."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.clock import utcnow
from engage.extensions import db, db_enum


class IdeaStatus(enum.StrEnum):
    """Where an idea (or a comment on one) stands in moderation; shares moderation's values."""

    HELD = "held"  # waiting for a moderator; only the author sees it
    PUBLISHED = "published"
    REJECTED = "rejected"
    HIDDEN = "hidden"
    DELETED = "deleted"  # withdrawn by its author; the words are gone


class IdeaAnswer(enum.StrEnum):
    """The council's public answer to an idea."""

    UNDER_CONSIDERATION = "under_consideration"
    NOT_TAKEN_FORWARD = "not_taken_forward"
    MERGED = "merged"
    PROPOSAL = "proposal"


# Answers after which an idea takes no more backing or comments: it has gone somewhere.
FINAL_ANSWERS = frozenset({IdeaAnswer.NOT_TAKEN_FORWARD, IdeaAnswer.MERGED, IdeaAnswer.PROPOSAL})


class Idea(db.Model):
    __tablename__ = "idea"
    # The lists: newest and most backed, all of Luton or one priority.
    __table_args__ = (
        sa.Index("ix_idea_priority_status_published", "priority_id", "status", "published_at"),
        sa.Index("ix_idea_status_published", "status", "published_at"),
        sa.Index("ix_idea_status_backers", "status", "backer_count"),
        sa.Index("uq_idea_author_submit_token", "author_id", "submit_token", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    priority_id: Mapped[int] = mapped_column(sa.ForeignKey("priority.id"))
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    title: Mapped[str] = mapped_column(sa.String(120))
    description: Mapped[str] = mapped_column(sa.Text)
    # A ward name or a postcode district ("LU2"): what the idea is about, never where one lives.
    area: Mapped[str | None] = mapped_column(sa.String(40), index=True)
    language: Mapped[str | None] = mapped_column(sa.String(8))
    status: Mapped[IdeaStatus] = mapped_column(db_enum(IdeaStatus))
    hold_reason: Mapped[str | None] = mapped_column(sa.String(30))
    by_young_person: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The single-use token of the box it was sent from (engage.forms.issue_submit_token).
    submit_token: Mapped[str | None] = mapped_column(sa.String(32))
    # Set the first time it became public: the clock for an answer starts here.
    published_at: Mapped[datetime | None] = mapped_column()
    # Kept by the service so lists sort by "most backed" without a join.
    adult_backers: Mapped[int] = mapped_column(default=0)
    young_backers: Mapped[int] = mapped_column(default=0)
    backer_count: Mapped[int] = mapped_column(default=0)  # both together, for "most backed"
    comment_count: Mapped[int] = mapped_column(default=0)
    answer: Mapped[IdeaAnswer | None] = mapped_column(db_enum(IdeaAnswer, 30))
    answer_reason: Mapped[str | None] = mapped_column(sa.Text)
    answered_at: Mapped[datetime | None] = mapped_column()
    answered_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    merged_into_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("idea.id", ondelete="SET NULL")
    )
    proposal_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("proposal.id", ondelete="SET NULL"), index=True
    )

    priority = relationship("Priority")
    author = relationship("User", foreign_keys=[author_id])
    merged_into: Mapped["Idea | None"] = relationship(remote_side=[id])
    proposal = relationship("Proposal")

    @property
    def backers(self) -> int:
        return self.backer_count

    @property
    def is_public(self) -> bool:
        return self.status == IdeaStatus.PUBLISHED

    @property
    def is_open(self) -> bool:
        """Public and not yet gone anywhere: it can still be backed and discussed."""
        return self.is_public and self.answer not in FINAL_ANSWERS

    def is_overdue(self, days: int, now: datetime | None = None) -> bool:
        """Public, unanswered, and public for longer than the council allows itself."""
        if not self.is_public or self.answer is not None or self.published_at is None:
            return False
        return ((now or utcnow()) - self.published_at).days >= days

    def visible_to(self, user) -> bool:
        """Public ideas to everyone; held ones to their author only."""
        if self.is_public:
            return True
        return bool(
            self.status == IdeaStatus.HELD
            and user is not None
            and user.is_authenticated
            and user.id == self.author_id
        )


class IdeaBacking(db.Model):
    """One person backing one idea."""

    __tablename__ = "idea_backing"
    __table_args__ = (sa.UniqueConstraint("idea_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(sa.ForeignKey("idea.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    by_young_person: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class IdeaComment(db.Model):
    """A comment on an idea: the same rules as comments on proposals."""

    __tablename__ = "idea_comment"
    __table_args__ = (
        sa.Index("ix_idea_comment_idea_status", "idea_id", "status", "created_at"),
        sa.Index("uq_idea_comment_author_submit_token", "author_id", "submit_token", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    idea_id: Mapped[int] = mapped_column(sa.ForeignKey("idea.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    body: Mapped[str] = mapped_column(sa.Text)
    language: Mapped[str | None] = mapped_column(sa.String(8))
    status: Mapped[IdeaStatus] = mapped_column(db_enum(IdeaStatus))
    hold_reason: Mapped[str | None] = mapped_column(sa.String(30))
    by_young_person: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The single-use token of the box it was sent from (engage.forms.issue_submit_token).
    submit_token: Mapped[str | None] = mapped_column(sa.String(32))

    idea: Mapped[Idea] = relationship()
    author = relationship("User")

    def visible_to(self, user) -> bool:
        """Published comments to everyone; held ones to their author."""
        if self.status == IdeaStatus.PUBLISHED:
            return True
        return bool(
            self.status == IdeaStatus.HELD
            and user is not None
            and user.is_authenticated
            and user.id == self.author_id
        )
