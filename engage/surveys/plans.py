"""A survey's shape (status, dates, audience, questions and their conditions), kept per generation.

Showing a question page decides who may answer, which questions apply and where Back goes from
these alone, so when the page's shell is kept (engage/ops/shells.py) the survey costs no query.
A plan holds nobody's answers. It is kept in this process under the content generation, which
any committed change to a survey or its questions moves on, and for no longer than
PAGE_CACHE_SECONDS (another process's change without Redis shows as late as a kept page would).
Sending answers always reads the survey afresh (service.load_survey).
"""

from dataclasses import dataclass
from datetime import datetime

from flask import current_app, g

from engage.accounts.models import AgeBand
from engage.ops.shells import kept_until_change
from engage.surveys import bp, service
from engage.surveys.models import Audience, Question, QuestionKind, Survey, SurveyStatus


@dataclass(frozen=True)
class OptionPlan:
    """An answer option, by id (its label is in the shell)."""

    id: int


@dataclass(frozen=True, eq=False)
class QuestionPlan:
    """What deciding a question page needs of a question (no words: those are in the shell)."""

    id: int
    kind: QuestionKind
    required: bool
    personal: bool
    allow_other: bool
    options: tuple[OptionPlan, ...]
    condition_question_id: int | None
    condition_values: tuple[str, ...]

    answer_values = Question.answer_values


@dataclass(frozen=True, eq=False)
class SurveyPlan:
    """What deciding a question page needs of a survey; its rules are the Survey model's own."""

    id: int
    status: SurveyStatus
    opens_at: datetime | None
    closes_at: datetime | None
    anonymous: bool
    audience: Audience
    min_age_band: AgeBand | None
    max_age_band: AgeBand | None
    questions: tuple[QuestionPlan, ...]

    # The same code as the model's, not a copy that could drift from it.
    is_public = Survey.is_public
    is_accepting_responses = Survey.is_accepting_responses
    audience_bands = Survey.audience_bands
    for_young_people = Survey.for_young_people


def plan_of(survey: Survey) -> SurveyPlan:
    """The plan of a loaded survey."""
    return SurveyPlan(
        id=survey.id,
        status=survey.status,
        opens_at=survey.opens_at,
        closes_at=survey.closes_at,
        anonymous=survey.anonymous,
        audience=survey.audience,
        min_age_band=survey.min_age_band,
        max_age_band=survey.max_age_band,
        questions=tuple(
            QuestionPlan(
                id=q.id,
                kind=q.kind,
                required=q.required,
                personal=q.personal,
                allow_other=q.allow_other,
                options=tuple(OptionPlan(o.id) for o in q.options),
                condition_question_id=q.condition_question_id,
                condition_values=tuple(q.condition_values or ()),
            )
            for q in survey.questions
        ),
    )


def _loaded(survey_id: int) -> Survey | None:
    # One load per request, shared by the plan, the shell and the answer form when they miss;
    # a question page shows nothing of the survey's priority.
    surveys = g.setdefault("loaded_surveys", {})
    if survey_id not in surveys:
        surveys[survey_id] = service.load_survey(survey_id, priority=False)
    return surveys[survey_id]


def load_survey_plan(survey_id: int) -> SurveyPlan | None:
    """A survey's plan: kept for this content generation, else from the survey loaded now."""

    def load() -> SurveyPlan | None:
        survey = _loaded(survey_id)
        return None if survey is None else plan_of(survey)

    return kept_until_change(current_app.extensions["engage_survey_plans"], (survey_id,), load)


def load_full(plan: SurveyPlan | Survey, question: QuestionPlan | Question | None = None):
    """(the survey, the question) as models, for rendering: loaded now unless they are already."""
    survey = plan if isinstance(plan, Survey) else _loaded(plan.id)
    if survey is None or question is None or isinstance(question, Question):
        return survey, question
    # Found by id: a plan kept by another process may be a change behind (see the docstring).
    return survey, next((q for q in survey.questions if q.id == question.id), None)


@bp.record_once
def _init(state) -> None:
    from engage.ops.cache import local_text_cache

    # Bounded: one plan per survey and generation, and old generations expire on their own. Kept
    # as they are, not pickled: plans are frozen, and unpickling one cost 4 % of a question page.
    state.app.extensions["engage_survey_plans"] = local_text_cache(500)
