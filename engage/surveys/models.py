"""Surveys, their questions and join codes, and the responses people give."""

import enum
import secrets
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.accounts.models import AgeBand
from engage.clock import utcnow
from engage.extensions import db, db_enum

# Age bands in order, youngest first, for audiences given as a range.
AGE_ORDER = [
    AgeBand.UNDER_13,
    AgeBand.B13_15,
    AgeBand.B16_17,
    AgeBand.B18_24,
    AgeBand.B25_44,
    AgeBand.B45_64,
    AgeBand.B65_PLUS,
]
YOUNG_BANDS = [AgeBand.UNDER_13, AgeBand.B13_15, AgeBand.B16_17, AgeBand.B18_24]


class SurveyStatus(enum.StrEnum):
    DRAFT = "draft"  # only staff see it
    LIVE = "live"  # taking responses between its open and close dates
    CLOSED = "closed"


class Audience(enum.StrEnum):
    EVERYONE = "everyone"
    YOUNG_PEOPLE = "young_people"  # aged 24 and under
    AGE_RANGE = "age_range"


class QuestionKind(enum.StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    RATING = "rating"  # 1 to 5, words always, faces optional
    YES_NO = "yes_no"  # yes / no / not sure
    SHORT_TEXT = "short_text"
    LONG_TEXT = "long_text"
    RANKING = "ranking"  # a position chosen for each option, no dragging

    @property
    def has_options(self) -> bool:
        return self in {QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.RANKING}

    @property
    def is_text(self) -> bool:
        return self in {QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT}

    @property
    def can_be_condition(self) -> bool:
        """Answers of these kinds are a fixed set of values a later question can depend on."""
        return self in {
            QuestionKind.SINGLE,
            QuestionKind.MULTIPLE,
            QuestionKind.RATING,
            QuestionKind.YES_NO,
        }


class RatingScale(enum.StrEnum):
    """The words on a 1 to 5 rating question, chosen by the officer to fit what it asks."""

    QUALITY = "quality"  # Very bad ... Very good
    IMPORTANCE = "importance"  # Not at all important ... Very important
    AGREEMENT = "agreement"  # Strongly disagree ... Strongly agree
    SATISFACTION = "satisfaction"  # Very dissatisfied ... Very satisfied


class AnswerState(enum.StrEnum):
    ANSWERED = "answered"
    SKIPPED = "skipped"  # an optional question the person chose to skip
    PREFER_NOT = "prefer_not"  # "Prefer not to say" on a personal question
    NOT_ASKED = "not_asked"  # hidden by a condition on an earlier answer


class AnswerModeration(enum.StrEnum):
    """Moderation of free text in an answer; the same meaning as CommentStatus's first three."""

    HELD = "held"  # waiting for a moderator; never in published results
    PUBLISHED = "published"  # may appear in published results
    REJECTED = "rejected"  # never shown outside the officers' own view


YES_NO_VALUES = ("yes", "no", "not_sure")
RATING_VALUES = ("1", "2", "3", "4", "5")
OTHER = "other"  # the value of the "Other" box on a multiple-choice question
SHORT_TEXT_MAX = 150
LONG_TEXT_MAX = 1000


class Survey(db.Model):
    __tablename__ = "survey"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(160))
    introduction: Mapped[str] = mapped_column(sa.Text, default="")
    # Shown on the confirmation page: who reads the answers and what happens next.
    what_next: Mapped[str] = mapped_column(sa.Text, default="")
    results_due: Mapped[date | None] = mapped_column()
    audience: Mapped[Audience] = mapped_column(db_enum(Audience), default=Audience.EVERYONE)
    min_age_band: Mapped[AgeBand | None] = mapped_column(db_enum(AgeBand))
    max_age_band: Mapped[AgeBand | None] = mapped_column(db_enum(AgeBand))
    anonymous: Mapped[bool] = mapped_column(default=True)
    priority_id: Mapped[int] = mapped_column(sa.ForeignKey("priority.id"), index=True)
    proposal_id: Mapped[int | None] = mapped_column(sa.ForeignKey("proposal.id"), index=True)
    status: Mapped[SurveyStatus] = mapped_column(db_enum(SurveyStatus), default=SurveyStatus.DRAFT)
    opens_at: Mapped[datetime | None] = mapped_column()
    closes_at: Mapped[datetime | None] = mapped_column()
    results_published: Mapped[bool] = mapped_column(default=False)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    priority = relationship("Priority")
    proposal = relationship("Proposal")
    questions: Mapped[list["Question"]] = relationship(
        back_populates="survey",
        order_by="Question.position",
        cascade="all, delete-orphan",
    )
    join_codes: Mapped[list["JoinCode"]] = relationship(
        back_populates="survey", order_by="JoinCode.id", cascade="all, delete-orphan"
    )

    @property
    def is_public(self) -> bool:
        return self.status != SurveyStatus.DRAFT

    def is_accepting_responses(self, now: datetime | None = None) -> bool:
        """Responses are taken only while live and between the open and close dates."""
        now = now or utcnow()
        if self.status != SurveyStatus.LIVE:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return not (self.closes_at and now >= self.closes_at)

    def audience_bands(self) -> list[AgeBand]:
        """The age bands this survey is for, youngest first."""
        if self.audience == Audience.YOUNG_PEOPLE:
            bands = list(YOUNG_BANDS)
        elif self.audience == Audience.AGE_RANGE:
            low = AGE_ORDER.index(AgeBand(self.min_age_band or AgeBand.UNDER_13))
            high = AGE_ORDER.index(AgeBand(self.max_age_band or AgeBand.B65_PLUS))
            bands = AGE_ORDER[low : high + 1]
        else:
            bands = list(AGE_ORDER)
        # Under-13s have no accounts, so they can only take anonymous surveys.
        if not self.anonymous:
            bands = [b for b in bands if b != AgeBand.UNDER_13]
        return bands

    @property
    def for_young_people(self) -> bool:
        """True when every band in the audience is under 25: child-friendly wording and help."""
        return all(b in YOUNG_BANDS for b in self.audience_bands())


class Question(db.Model):
    __tablename__ = "survey_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(sa.ForeignKey("survey.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[QuestionKind] = mapped_column(db_enum(QuestionKind))
    text: Mapped[str] = mapped_column(sa.String(300))
    hint: Mapped[str] = mapped_column(sa.String(500), default="")
    required: Mapped[bool] = mapped_column(default=True)
    # Personal questions (ethnicity, disability...) offer "Prefer not to say".
    personal: Mapped[bool] = mapped_column(default=False)
    allow_other: Mapped[bool] = mapped_column(default=False)  # multiple choice only
    faces: Mapped[bool] = mapped_column(default=False)  # rating only, always beside words
    scale: Mapped[RatingScale] = mapped_column(
        db_enum(RatingScale), default=RatingScale.QUALITY, server_default=RatingScale.QUALITY.value
    )
    # Show this question only when the answer to an earlier question is one of these values.
    condition_question_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("survey_question.id", ondelete="SET NULL"), index=True
    )
    condition_values: Mapped[list[str]] = mapped_column(sa.JSON, default=list)

    survey: Mapped[Survey] = relationship(back_populates="questions")
    options: Mapped[list["QuestionOption"]] = relationship(
        back_populates="question",
        order_by="QuestionOption.position",
        cascade="all, delete-orphan",
    )
    condition_question: Mapped["Question | None"] = relationship(remote_side=[id])

    __table_args__ = (sa.Index("ix_survey_question_survey_position", "survey_id", "position"),)

    @property
    def is_optional(self) -> bool:
        return not self.required

    def answer_values(self) -> list[str]:
        """The values an answer can hold (option ids as text, "1".."5", yes/no/not_sure)."""
        if self.kind.has_options:
            values = [str(o.id) for o in self.options]
            if self.kind == QuestionKind.MULTIPLE and self.allow_other:
                values.append(OTHER)
            return values
        if self.kind == QuestionKind.RATING:
            return list(RATING_VALUES)
        if self.kind == QuestionKind.YES_NO:
            return list(YES_NO_VALUES)
        return []

    def value_choices(self) -> list[tuple[str, str]]:
        """(value, label) pairs an answer can take, for pages, conditions and results."""
        from engage.surveys.labels import value_label

        return [(v, value_label(self, v)) for v in self.answer_values()]


class QuestionOption(db.Model):
    """One answer option, a row of its own so it can be translated and renamed."""

    __tablename__ = "survey_question_option"

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_question.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    label: Mapped[str] = mapped_column(sa.String(200))

    question: Mapped[Question] = relationship(back_populates="options")


# Letters and digits that cannot be mistaken for each other when read aloud or copied off a board.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY3479"
CODE_LENGTH = 4


def new_code() -> str:
    """A short join code such as K7P2."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class JoinCode(db.Model):
    """A short code for one group (a school class, a youth club) that tags its responses."""

    __tablename__ = "survey_join_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True
    )
    code: Mapped[str] = mapped_column(sa.String(12), unique=True)
    label: Mapped[str] = mapped_column(sa.String(80))
    expires_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # The group's responsible adult (for a school, its designated safeguarding lead): whom the
    # council's safeguarding lead contacts if a response through this code suggests a risk.
    adult_name: Mapped[str | None] = mapped_column(sa.String(120))
    adult_role: Mapped[str | None] = mapped_column(sa.String(120))
    adult_email: Mapped[str | None] = mapped_column(sa.String(254))
    adult_phone: Mapped[str | None] = mapped_column(sa.String(40))

    survey: Mapped[Survey] = relationship(back_populates="join_codes")

    def is_valid(self, now: datetime | None = None) -> bool:
        """A code works until it expires."""
        now = now or utcnow()
        return self.expires_at is None or now < self.expires_at


def _response_id() -> str:
    # Random, so ids say nothing about the order people answered in.
    return secrets.token_hex(8)


class SurveyResponse(db.Model):
    """One person's submitted answers. Anonymous ones hold no user, no time of day and no IP."""

    __tablename__ = "survey_response"
    __table_args__ = (sa.UniqueConstraint("survey_id", "user_id"),)

    id: Mapped[str] = mapped_column(sa.String(16), primary_key=True, default=_response_id)
    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True
    )
    join_code_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("survey_join_code.id", ondelete="SET NULL"), index=True
    )
    # NULL on anonymous surveys, always.
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    age_band: Mapped[AgeBand] = mapped_column(db_enum(AgeBand), default=AgeBand.PREFER_NOT)
    # The day only: a time would let a teacher match a response to the child who just finished.
    submitted_on: Mapped[date] = mapped_column()

    survey: Mapped[Survey] = relationship()
    join_code: Mapped[JoinCode | None] = relationship()
    answers: Mapped[list["Answer"]] = relationship(
        back_populates="response", cascade="all, delete-orphan"
    )


class Participation(db.Model):
    """That a signed-in person took an anonymous survey (not which response), so once each."""

    __tablename__ = "survey_participation"

    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )


class Answer(db.Model):
    __tablename__ = "survey_answer"
    __table_args__ = (
        sa.UniqueConstraint("response_id", "question_id"),
        sa.Index("ix_survey_answer_question_moderation", "question_id", "moderation"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    response_id: Mapped[str] = mapped_column(
        sa.ForeignKey("survey_response.id", ondelete="CASCADE")
    )
    question_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey_question.id", ondelete="CASCADE")
    )
    state: Mapped[AnswerState] = mapped_column(db_enum(AnswerState))
    # Option ids (as text), "1".."5", or yes/no/not_sure; ranking: option ids, first place first.
    values: Mapped[list[str]] = mapped_column("answer_values", sa.JSON, default=list)
    # Free text, or the words typed in the "Other" box of a multiple-choice question.
    text: Mapped[str | None] = mapped_column(sa.Text)
    # Set only when there is free text; None means there is nothing to moderate.
    moderation: Mapped[AnswerModeration | None] = mapped_column(db_enum(AnswerModeration))
    moderated_at: Mapped[datetime | None] = mapped_column()

    response: Mapped[SurveyResponse] = relationship(back_populates="answers")
    question: Mapped[Question] = relationship()

    @property
    def text_is_public(self) -> bool:
        """Free text may appear in published results only once a moderator allowed it."""
        return bool(self.text) and self.moderation == AnswerModeration.PUBLISHED


def _draft_id() -> str:
    return secrets.token_urlsafe(24)


class SurveyDraft(db.Model):
    """Someone's answers so far, kept on the server: the browser holds only this row's random id.

    Deleted when the answers are sent, when the survey closes and when it expires, whichever is
    first. It never names a person and is never linked to the response it becomes.
    """

    __tablename__ = "survey_draft"

    id: Mapped[str] = mapped_column(sa.String(40), primary_key=True, default=_draft_id)
    survey_id: Mapped[int] = mapped_column(
        sa.ForeignKey("survey.id", ondelete="CASCADE"), index=True
    )
    data: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    preview: Mapped[bool] = mapped_column(default=False)  # a staff walk-through of the survey
    expires_at: Mapped[datetime] = mapped_column(index=True)
