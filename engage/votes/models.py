"""One vote per person per proposal: agree, disagree or unsure."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from engage.clock import utcnow
from engage.extensions import db, db_enum


class VoteChoice(enum.StrEnum):
    AGREE = "agree"
    DISAGREE = "disagree"
    UNSURE = "unsure"


class Vote(db.Model):
    __tablename__ = "vote"
    # The database, not the application, guarantees one vote per person per proposal.
    __table_args__ = (
        sa.UniqueConstraint("proposal_id", "user_id"),
        # Vote totals are counted from this index alone (migration 0018).
        sa.Index("ix_vote_totals", "proposal_id", "choice", "by_young_person", "user_id"),  # 0019
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(sa.ForeignKey("proposal.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id"), index=True)
    choice: Mapped[VoteChoice] = mapped_column(db_enum(VoteChoice, 10))
    by_young_person: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class VoteTally(db.Model):
    """Anonymous vote totals kept after the votes themselves pass their retention period."""

    __tablename__ = "vote_tally"

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        sa.ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    choice: Mapped[VoteChoice] = mapped_column(db_enum(VoteChoice, 10))
    by_young_person: Mapped[bool] = mapped_column(default=False)
    count: Mapped[int] = mapped_column()


class VoteCount(db.Model):
    """How many counted votes a proposal has for one choice and age group, kept by the services.

    Kept in the same transaction as each change to the votes (engage/votes/counters.py), so a
    proposal's totals are six rows at most however many people voted. `flask engage
    recount-votes` rebuilds them from the votes themselves.
    """

    __tablename__ = "vote_count"

    proposal_id: Mapped[int] = mapped_column(
        sa.ForeignKey("proposal.id", ondelete="CASCADE"), primary_key=True
    )
    choice: Mapped[VoteChoice] = mapped_column(db_enum(VoteChoice, 10), primary_key=True)
    by_young_person: Mapped[bool] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(default=0)
