"""Survey queries shared by the survey modules, and the rule error they raise.

By subject: labels.py, building.py (surveys and questions), join_codes.py, taking.py (answering,
sending), results.py. Operations take the acting user, flush and never commit.
"""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from engage.clock import utcnow
from engage.errors import RuleError
from engage.extensions import db
from engage.proposals.models import Priority, Proposal
from engage.surveys.models import (
    Question,
    Survey,
    SurveyResponse,
    SurveyStatus,
)


class SurveyError(RuleError):
    """A survey rule was broken; the message is shown to the person, who keeps what they typed."""


# Loading -----------------------------------------------------------------------------------


def load_survey(survey_id: int, priority: bool = True) -> Survey | None:
    """A survey with its questions and their options (and its priority, unless told not to)."""
    options = [selectinload(Survey.questions).selectinload(Question.options)]
    if priority:
        options.append(selectinload(Survey.priority))
    return db.session.scalar(select(Survey).options(*options).where(Survey.id == survey_id))


def _accepting(now: datetime):
    return sa.and_(
        Survey.status == SurveyStatus.LIVE,
        sa.or_(Survey.opens_at.is_(None), Survey.opens_at <= now),
        sa.or_(Survey.closes_at.is_(None), Survey.closes_at > now),
    )


def public_surveys() -> tuple[list[Survey], list[Survey]]:
    """(surveys open now, surveys whose results are published), newest first."""
    now = utcnow()
    base = select(Survey).options(selectinload(Survey.priority)).order_by(Survey.id.desc())
    open_now = list(db.session.scalars(base.where(_accepting(now))))
    published = list(
        db.session.scalars(
            base.where(Survey.status != SurveyStatus.DRAFT, Survey.results_published.is_(True))
        )
    )
    return open_now, published


def staff_surveys() -> list[tuple[Survey, int]]:
    """Every survey with its number of responses, for the manage list."""
    counts = (
        select(SurveyResponse.survey_id, func.count().label("n"))
        .group_by(SurveyResponse.survey_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Survey, func.coalesce(counts.c.n, 0))
        .outerjoin(counts, counts.c.survey_id == Survey.id)
        .options(selectinload(Survey.priority))
        .order_by(Survey.id.desc())
    ).all()
    return [(s, n) for s, n in rows]


def response_count(survey: Survey) -> int:
    """How many responses a survey has."""
    return db.session.scalar(
        select(func.count())
        .select_from(SurveyResponse)
        .where(SurveyResponse.survey_id == survey.id)
    )


def has_responses(survey: Survey) -> bool:
    """True once anybody has submitted; the questions are then fixed except for wording."""
    return (
        db.session.scalar(select(SurveyResponse.id).where(SurveyResponse.survey_id == survey.id))
        is not None
    )


def list_choices() -> tuple[list[Priority], list[Proposal]]:
    """Priorities and proposals a survey can belong to."""
    priorities = list(db.session.scalars(select(Priority).order_by(Priority.position)))
    proposals = list(db.session.scalars(select(Proposal).order_by(Proposal.id.desc())))
    return priorities, proposals
