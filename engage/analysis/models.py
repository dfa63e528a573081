"""The codebook (themes), who tagged what, suggested themes, and the consultation report."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.clock import utcnow
from engage.extensions import db, db_enum


class Subject(enum.StrEnum):
    """What is being analysed: a proposal's comments, or a survey's written answers."""

    PROPOSAL = "proposal"
    SURVEY = "survey"

    @property
    def source(self) -> str:
        """The moderation source name of the responses (the same names safeguarding uses)."""
        return "comment" if self is Subject.PROPOSAL else "survey_answer"


class Theme(db.Model):
    """One entry of a codebook: a theme officers tag responses with."""

    __tablename__ = "analysis_theme"
    __table_args__ = (sa.UniqueConstraint("subject", "subject_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[Subject] = mapped_column(db_enum(Subject, 10))
    subject_id: Mapped[int] = mapped_column()
    name: Mapped[str] = mapped_column(sa.String(80))
    description: Mapped[str] = mapped_column(sa.Text, default="")
    # "You said, we did" for this theme, shown in the report.
    response: Mapped[str] = mapped_column(sa.Text, default="")
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    tags: Mapped[list["Tag"]] = relationship(
        back_populates="theme", cascade="all, delete-orphan", passive_deletes=True
    )
    quotes: Mapped[list["Quote"]] = relationship(
        back_populates="theme",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Quote.id",
    )


class Tag(db.Model):
    """A response tagged with a theme, and who did it when (a person, never the site)."""

    __tablename__ = "analysis_tag"
    __table_args__ = (
        sa.UniqueConstraint("theme_id", "source", "item_id"),
        sa.Index("ix_analysis_tag_source_item", "source", "item_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(sa.ForeignKey("analysis_theme.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(sa.String(20))
    item_id: Mapped[int] = mapped_column()
    tagged_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    tagged_at: Mapped[datetime] = mapped_column(default=utcnow)

    theme: Mapped[Theme] = relationship(back_populates="tags")
    tagged_by = relationship("User")


class SuggestionState(enum.StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"  # became a theme of its own
    MERGED = "merged"  # folded into an existing theme
    DISCARDED = "discarded"


class Suggestion(db.Model):
    """A group of similar responses the site proposes as a theme; an officer decides."""

    __tablename__ = "analysis_suggestion"
    __table_args__ = (sa.Index("ix_analysis_suggestion_subject", "subject", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[Subject] = mapped_column(db_enum(Subject, 10))
    subject_id: Mapped[int] = mapped_column()
    label: Mapped[str] = mapped_column(sa.String(120))
    phrases: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    item_ids: Mapped[list[int]] = mapped_column(sa.JSON, default=list)
    state: Mapped[SuggestionState] = mapped_column(
        db_enum(SuggestionState), default=SuggestionState.OPEN
    )
    theme_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("analysis_theme.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    decided_at: Mapped[datetime | None] = mapped_column()


class ReportState(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class Report(db.Model):
    """The consultation report of a proposal or survey: drafted by the site, edited by officers."""

    __tablename__ = "analysis_report"
    __table_args__ = (sa.UniqueConstraint("subject", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[Subject] = mapped_column(db_enum(Subject, 10))
    subject_id: Mapped[int] = mapped_column()
    what_asked: Mapped[str] = mapped_column(sa.Text, default="")
    how_when: Mapped[str] = mapped_column(sa.Text, default="")
    young_views: Mapped[str] = mapped_column(sa.Text, default="")
    what_next: Mapped[str] = mapped_column(sa.Text, default="")
    state: Mapped[ReportState] = mapped_column(db_enum(ReportState), default=ReportState.DRAFT)
    published_at: Mapped[datetime | None] = mapped_column()
    published_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    @property
    def is_published(self) -> bool:
        return self.state == ReportState.PUBLISHED


class Quote(db.Model):
    """A response an officer chose to quote under a theme; shown only while it stays published."""

    __tablename__ = "analysis_quote"
    __table_args__ = (sa.UniqueConstraint("theme_id", "source", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    theme_id: Mapped[int] = mapped_column(sa.ForeignKey("analysis_theme.id", ondelete="CASCADE"))
    source: Mapped[str] = mapped_column(sa.String(20))
    item_id: Mapped[int] = mapped_column()
    chosen_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    chosen_at: Mapped[datetime] = mapped_column(default=utcnow)

    theme: Mapped[Theme] = relationship(back_populates="quotes")


class PopulationBreakdown(enum.StrEnum):
    """A breakdown of who took part that Luton's published population figures also cover."""

    AGE = "age"
    DISTRICT = "district"


class ReferencePopulation(db.Model):
    """Luton's population by age band or postcode district, as an officer copied it from a source.

    The site ships no figures: they could not be checked when it was built, and a made-up
    population would be presented as fact. Every set of figures names where it came from.
    """

    __tablename__ = "analysis_reference_population"

    id: Mapped[int] = mapped_column(primary_key=True)
    breakdown: Mapped[PopulationBreakdown] = mapped_column(
        db_enum(PopulationBreakdown, 10), unique=True
    )
    publisher: Mapped[str] = mapped_column(sa.String(200))
    title: Mapped[str] = mapped_column(sa.String(300))
    year: Mapped[int] = mapped_column()
    url: Mapped[str] = mapped_column(sa.String(500))
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    shares: Mapped[list["ReferenceShare"]] = relationship(
        back_populates="population",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ReferenceShare.id",
    )
    updated_by = relationship("User")

    def share_map(self) -> dict[str, int]:
        """Each group's share, in hundredths of a per cent."""
        return {s.group_key: s.hundredths for s in self.shares}


class ReferenceShare(db.Model):
    """One group's share of Luton's population, in hundredths of a per cent (1234 = 12.34%)."""

    __tablename__ = "analysis_reference_share"
    __table_args__ = (sa.UniqueConstraint("population_id", "group_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    population_id: Mapped[int] = mapped_column(
        sa.ForeignKey("analysis_reference_population.id", ondelete="CASCADE")
    )
    # An age band's value ("25-44") or a postcode district ("LU1").
    group_key: Mapped[str] = mapped_column(sa.String(20))
    # Whole numbers keep the sum check exact and avoid SQLite's lack of a decimal type.
    hundredths: Mapped[int] = mapped_column()

    population: Mapped[ReferencePopulation] = relationship(back_populates="shares")
