"""Priorities, the boards and plans that deliver them, and the proposals people answer."""

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.clock import utcnow
from engage.extensions import db, db_enum


class Priority(db.Model):
    """One of the council's strategic priorities; data that staff rename and reorder."""

    __tablename__ = "priority"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    position: Mapped[int] = mapped_column(default=0, index=True)
    title: Mapped[str] = mapped_column(sa.String(120))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    youth_description: Mapped[str] = mapped_column(sa.Text, default="")

    proposals: Mapped[list["Proposal"]] = relationship(back_populates="priority")


class Board(db.Model):
    """A strategic partnership board that delivers the vision through plans."""

    __tablename__ = "board"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120), unique=True)
    description: Mapped[str] = mapped_column(sa.Text, default="")
    plans: Mapped[list["Plan"]] = relationship(back_populates="board", order_by="Plan.id")


# Which priorities each plan serves (a plan may serve several, a priority have several plans).
plan_priority = sa.Table(
    "plan_priority",
    db.metadata,
    sa.Column("plan_id", sa.ForeignKey("plan.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "priority_id",
        sa.ForeignKey("priority.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
)


class Plan(db.Model):
    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    board_id: Mapped[int] = mapped_column(sa.ForeignKey("board.id"), index=True)
    name: Mapped[str] = mapped_column(sa.String(120), unique=True)
    description: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    board: Mapped[Board] = relationship(back_populates="plans")
    priorities: Mapped[list[Priority]] = relationship(
        secondary=plan_priority, order_by="Priority.position"
    )


class ProposalStatus(enum.StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"
    DECIDED = "decided"


class Proposal(db.Model):
    """A proposal put to the town, from formative stage to published outcome."""

    __tablename__ = "proposal"
    __table_args__ = (
        sa.Index("ix_proposal_priority_status", "priority_id", "status"),
        # A page of a priority's most discussed proposals, read in order from a cursor (0022).
        sa.Index("ix_proposal_priority_comments", "priority_id", "comment_count", "id"),
        # "You said, we did" on a priority's page: its latest decisions, read from the end.
        sa.Index(
            "ix_proposal_priority_status_decided", "priority_id", "status", "decided_at", "id"
        ),
        # The home page's count of each priority's proposals open now, and the soonest to
        # close, read from the index alone (0024): 0.39 -> 0.09 ms on the town's data in SQLite.
        sa.Index("ix_proposal_open_now", "status", "priority_id", "opens_at", "closes_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    priority_id: Mapped[int] = mapped_column(sa.ForeignKey("priority.id"))
    plan_id: Mapped[int | None] = mapped_column(sa.ForeignKey("plan.id"), index=True)
    title: Mapped[str] = mapped_column(sa.String(160))
    summary: Mapped[str] = mapped_column(sa.String(400))
    youth_summary: Mapped[str] = mapped_column(sa.String(400), default="")
    body: Mapped[str] = mapped_column(sa.Text, default="")
    who_decides: Mapped[str] = mapped_column(sa.String(200), default="")
    status: Mapped[ProposalStatus] = mapped_column(
        db_enum(ProposalStatus), default=ProposalStatus.DRAFT
    )
    opens_at: Mapped[datetime | None] = mapped_column()
    closes_at: Mapped[datetime | None] = mapped_column(index=True)
    decision_due: Mapped[date | None] = mapped_column()
    # "You said, we did": written when the proposal is marked decided.
    outcome_you_said: Mapped[str] = mapped_column(sa.Text, default="")
    outcome_we_did: Mapped[str] = mapped_column(sa.Text, default="")
    outcome_why: Mapped[str] = mapped_column(sa.Text, default="")
    decided_at: Mapped[datetime | None] = mapped_column()
    # Kept by the comments service so lists can sort by "most discussed" without a join.
    comment_count: Mapped[int] = mapped_column(default=0)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    priority: Mapped[Priority] = relationship(back_populates="proposals")
    plan: Mapped[Plan | None] = relationship()
    documents: Mapped[list["ProposalDocument"]] = relationship(
        back_populates="proposal", cascade="all, delete-orphan", order_by="ProposalDocument.id"
    )

    @property
    def is_public(self) -> bool:
        return self.status != ProposalStatus.DRAFT

    def is_accepting_input(self, now: datetime | None = None) -> bool:
        """Comments and votes are taken only while the consultation is open."""
        now = now or utcnow()
        if self.status != ProposalStatus.OPEN:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)

    def has_not_opened(self, now: datetime | None = None) -> bool:
        """Open in status but before its opening date."""
        now = now or utcnow()
        return self.status == ProposalStatus.OPEN and bool(self.opens_at and now < self.opens_at)

    def closes_within(self, days: int, now: datetime | None = None) -> bool:
        """True if still open and closing within `days` days (for 'closing soon')."""
        now = now or utcnow()
        return (
            self.is_accepting_input(now)
            and self.closes_at is not None
            and (self.closes_at - now).days < days
        )

    @property
    def has_outcome(self) -> bool:
        return self.status == ProposalStatus.DECIDED and bool(self.outcome_we_did)


# A page of a priority's newest proposals (the default order), read in order from a cursor: the
# key is the expression the page sorts by, opening date or else creation (migration 0022).
sa.Index(
    "ix_proposal_priority_newest",
    Proposal.priority_id,
    sa.func.coalesce(Proposal.opens_at, Proposal.created_at),
    Proposal.id,
)


class ProposalDocument(db.Model):
    """A supporting document: the reasons and evidence behind a proposal."""

    __tablename__ = "proposal_document"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        sa.ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(sa.String(200))
    url: Mapped[str] = mapped_column(sa.String(500))
    proposal: Mapped[Proposal] = relationship(back_populates="documents")
