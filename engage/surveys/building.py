"""Building surveys and their questions (officers). Operations flush and never commit."""

from dataclasses import dataclass, field
from datetime import date

from engage import events
from engage.accounts.models import AgeBand
from engage.extensions import db
from engage.i18n import _
from engage.proposals.models import Priority, Proposal
from engage.proposals.service import end_of_day, start_of_day
from engage.surveys.drafts import clear_drafts
from engage.surveys.labels import status_label
from engage.surveys.models import (
    Audience,
    Question,
    QuestionKind,
    QuestionOption,
    RatingScale,
    Survey,
    SurveyStatus,
)
from engage.surveys.service import SurveyError, has_responses

MAX_OPTIONS = 12
MAX_RANKING_OPTIONS = 8


@dataclass
class SurveyData:
    title: str
    introduction: str
    audience: Audience
    min_age_band: AgeBand | None
    max_age_band: AgeBand | None
    anonymous: bool
    priority_id: int
    proposal_id: int | None
    opens_on: date | None
    closes_on: date | None
    results_due: date | None
    what_next: str
    status: SurveyStatus


TRANSITIONS = {
    SurveyStatus.DRAFT: {SurveyStatus.DRAFT, SurveyStatus.LIVE},
    SurveyStatus.LIVE: {SurveyStatus.LIVE, SurveyStatus.CLOSED, SurveyStatus.DRAFT},
    SurveyStatus.CLOSED: {SurveyStatus.CLOSED, SurveyStatus.LIVE},
}


def _check_survey(survey: Survey | None, data: SurveyData) -> None:
    if db.session.get(Priority, data.priority_id) is None:
        raise SurveyError(_("Choose a priority"), "priority_id")
    if data.proposal_id and db.session.get(Proposal, data.proposal_id) is None:
        raise SurveyError(_("Choose a proposal, or none"), "proposal_id")
    if data.opens_on and data.closes_on and data.closes_on < data.opens_on:
        raise SurveyError(_("The closing date must be on or after the opening date."), "closes_on")
    if data.audience == Audience.AGE_RANGE:
        from engage.surveys.models import AGE_ORDER

        if not data.min_age_band or not data.max_age_band:
            raise SurveyError(_("Choose the youngest and oldest age group"), "min_age_band")
        if AGE_ORDER.index(data.min_age_band) > AGE_ORDER.index(data.max_age_band):
            raise SurveyError(
                _("The youngest age group must not be older than the oldest"), "max_age_band"
            )
    current = survey.status if survey else SurveyStatus.DRAFT
    if data.status not in TRANSITIONS[current]:
        raise SurveyError(
            _(
                "A %(current)s survey cannot be changed to %(new)s.",
                current=status_label(current).lower(),
                new=status_label(data.status).lower(),
            ),
            "status",
        )
    if data.status == SurveyStatus.LIVE:
        if not data.closes_on:
            raise SurveyError(
                _("A live survey needs a closing date, so people know how long they have."),
                "closes_on",
            )
        if survey is None or not survey.questions:
            raise SurveyError(_("Add at least one question before the survey goes live."), "status")
    if survey is not None and has_responses(survey):
        if data.status == SurveyStatus.DRAFT:
            raise SurveyError(
                _("A survey with responses cannot go back to draft. Close it instead."), "status"
            )
        if data.anonymous != survey.anonymous:
            raise SurveyError(
                _("Whether the survey is anonymous cannot change once people have answered it."),
                "anonymous",
            )


def _apply_survey(survey: Survey, data: SurveyData) -> None:
    survey.title = data.title
    survey.introduction = data.introduction
    survey.audience = data.audience
    ranged = data.audience == Audience.AGE_RANGE
    survey.min_age_band = data.min_age_band if ranged else None
    survey.max_age_band = data.max_age_band if ranged else None
    survey.anonymous = data.anonymous
    survey.priority_id = data.priority_id
    survey.proposal_id = data.proposal_id or None
    survey.opens_at = start_of_day(data.opens_on)
    survey.closes_at = end_of_day(data.closes_on)
    survey.results_due = data.results_due
    survey.what_next = data.what_next
    survey.status = data.status


def create_survey(user, data: SurveyData) -> Survey:
    """Start a new survey (always a draft until it has questions)."""
    _check_survey(None, data)
    survey = Survey(created_by_id=user.id)
    _apply_survey(survey, data)
    db.session.add(survey)
    db.session.flush()
    events.survey_saved.send(survey)
    return survey


def update_survey(user, survey: Survey, data: SurveyData) -> Survey:
    """Change a survey's settings and status."""
    _check_survey(survey, data)
    _apply_survey(survey, data)
    db.session.flush()
    events.survey_saved.send(survey)
    # Answers in progress end with the survey: a closed survey keeps no drafts.
    clear_drafts(survey)
    return survey


def set_results_published(user, survey: Survey, published: bool) -> None:
    """Show or hide the results on the survey's public page."""
    if published and survey.status == SurveyStatus.DRAFT:
        raise SurveyError(_("A draft survey has no results to publish."))
    was_published = survey.results_published
    survey.results_published = published
    db.session.flush()
    if published and not was_published:
        events.survey_results_published.send(survey)


def duplicate_survey(user, survey: Survey) -> Survey:
    """A draft copy of a survey with the same questions, options and conditions; no responses."""
    copy = Survey(
        title=_("Copy of %(title)s", title=survey.title)[:160],
        introduction=survey.introduction,
        what_next=survey.what_next,
        audience=survey.audience,
        min_age_band=survey.min_age_band,
        max_age_band=survey.max_age_band,
        anonymous=survey.anonymous,
        priority_id=survey.priority_id,
        proposal_id=survey.proposal_id,
        status=SurveyStatus.DRAFT,
        created_by_id=user.id,
    )
    db.session.add(copy)
    question_map: dict[int, Question] = {}
    option_map: dict[str, str] = {}
    new_options: list[tuple[QuestionOption, QuestionOption]] = []
    for q in survey.questions:
        nq = Question(
            position=q.position,
            kind=q.kind,
            text=q.text,
            hint=q.hint,
            required=q.required,
            personal=q.personal,
            allow_other=q.allow_other,
            faces=q.faces,
            scale=q.scale,
        )
        for o in q.options:
            no = QuestionOption(position=o.position, label=o.label)
            nq.options.append(no)
            new_options.append((o, no))
        copy.questions.append(nq)
        question_map[q.id] = nq
    db.session.flush()
    for old, new in new_options:
        option_map[str(old.id)] = str(new.id)
    # Conditions point at option ids, which are new in the copy.
    for q in survey.questions:
        if q.condition_question_id and q.condition_question_id in question_map:
            nq = question_map[q.id]
            nq.condition_question_id = question_map[q.condition_question_id].id
            nq.condition_values = [option_map.get(v, v) for v in q.condition_values]
    db.session.flush()
    events.survey_saved.send(copy)
    return copy


@dataclass
class QuestionData:
    kind: QuestionKind
    text: str
    hint: str = ""
    required: bool = True
    personal: bool = False
    options: list[str] = field(default_factory=list)
    allow_other: bool = False
    faces: bool = False
    scale: RatingScale = RatingScale.QUALITY
    # "question id:value" pairs; all must name the same earlier question.
    condition: list[str] = field(default_factory=list)


LOCKED_MESSAGE = (
    "This survey already has responses, so its questions can only have their wording fixed. "
    "To change more, duplicate the survey and change the copy."
)


def condition_choices(survey: Survey, before: Question | None) -> list[tuple[str, str]]:
    """("question id:value", label) pairs an officer can make a question depend on."""
    pairs = []
    for number, q in enumerate(survey.questions, start=1):
        if before is not None and q.position >= before.position:
            break
        if not q.kind.can_be_condition:
            continue
        for value, label in q.value_choices():
            pairs.append(
                (f"{q.id}:{value}", _("Question %(n)d is “%(answer)s”", n=number, answer=label))
            )
    return pairs


def _parse_condition(survey: Survey, question: Question | None, pairs: list[str]):
    if not pairs:
        return None, []
    allowed = dict(condition_choices(survey, question))
    source_ids = set()
    values = []
    for pair in pairs:
        if pair not in allowed:
            raise SurveyError(_("Choose answers to an earlier question"), "condition")
        qid, value = pair.split(":", 1)
        source_ids.add(int(qid))
        values.append(value)
    if len(source_ids) > 1:
        raise SurveyError(
            _("A question can depend on the answers to one earlier question only"), "condition"
        )
    return source_ids.pop(), values


def _clean_options(data: QuestionData) -> list[str]:
    options = [o.strip() for o in data.options if o.strip()]
    if not data.kind.has_options:
        return []
    if len(options) < 2:
        raise SurveyError(_("Give at least two options, one on each line"), "options")
    if len(set(options)) != len(options):
        raise SurveyError(_("Each option must be different"), "options")
    limit = MAX_RANKING_OPTIONS if data.kind == QuestionKind.RANKING else MAX_OPTIONS
    if len(options) > limit:
        raise SurveyError(_("Give %(limit)d options or fewer", limit=limit), "options")
    if any(len(o) > 200 for o in options):
        raise SurveyError(_("Each option must be 200 characters or fewer"), "options")
    return options


def _shape(question: Question) -> tuple:
    return (
        question.kind,
        question.required,
        question.personal,
        question.allow_other,
        question.faces,
        question.condition_question_id,
        sorted(question.condition_values or []),
        len(question.options),
        question.scale,  # the words give the stored 1 to 5 their meaning
    )


def add_question(user, survey: Survey, data: QuestionData) -> Question:
    """Add a question at the end of the survey (not once people have answered)."""
    if has_responses(survey):
        raise SurveyError(_(LOCKED_MESSAGE))
    options = _clean_options(data)
    source_id, values = _parse_condition(survey, None, data.condition)
    position = max((q.position for q in survey.questions), default=0) + 1
    question = Question(
        survey_id=survey.id,
        position=position,
        kind=data.kind,
        text=data.text,
        hint=data.hint,
        required=data.required,
        personal=data.personal,
        allow_other=data.allow_other and data.kind == QuestionKind.MULTIPLE,
        faces=data.faces and data.kind == QuestionKind.RATING,
        scale=data.scale if data.kind == QuestionKind.RATING else RatingScale.QUALITY,
        condition_question_id=source_id,
        condition_values=values,
        options=[QuestionOption(position=i, label=label) for i, label in enumerate(options)],
    )
    survey.questions.append(question)
    db.session.flush()
    return question


def update_question(user, question: Question, data: QuestionData) -> Question:
    """Change a question; once a survey has responses only its wording may change."""
    survey = question.survey
    options = _clean_options(data)
    source_id, values = _parse_condition(survey, question, data.condition)
    proposed = (
        data.kind,
        data.required,
        data.personal,
        data.allow_other and data.kind == QuestionKind.MULTIPLE,
        data.faces and data.kind == QuestionKind.RATING,
        source_id,
        sorted(values),
        len(options),
        data.scale if data.kind == QuestionKind.RATING else RatingScale.QUALITY,
    )
    if has_responses(survey) and proposed != _shape(question):
        raise SurveyError(_(LOCKED_MESSAGE))
    if (data.kind != question.kind or not data.kind.can_be_condition) and _dependants(question):
        raise SurveyError(
            _("A later question depends on this one's answers. Change that condition first."),
            "kind",
        )
    question.kind = data.kind
    question.text = data.text
    question.hint = data.hint
    question.required = data.required
    question.personal = data.personal
    question.allow_other = proposed[3]
    question.faces = proposed[4]
    question.scale = proposed[8]
    question.condition_question_id = source_id
    question.condition_values = values
    # Options keep their ids (answers and conditions point at them); only labels change.
    existing = list(question.options)
    for i, label in enumerate(options):
        if i < len(existing):
            existing[i].label = label
            existing[i].position = i
        else:
            question.options.append(QuestionOption(position=i, label=label))
    for extra in existing[len(options) :]:
        question.options.remove(extra)
    db.session.flush()
    return question


def _dependants(question: Question) -> list[Question]:
    return [q for q in question.survey.questions if q.condition_question_id == question.id]


def move_question(user, question: Question, offset: int) -> None:
    """Move a question up (-1) or down (+1), keeping every condition after its source."""
    survey = question.survey
    if has_responses(survey):
        raise SurveyError(_(LOCKED_MESSAGE))
    ordered = list(survey.questions)
    index = ordered.index(question)
    target = index + offset
    if not 0 <= target < len(ordered):
        return
    other = ordered[target]
    first, second = (question, other) if offset > 0 else (other, question)
    # After the swap `second` comes before `first`: refuse if `second` depends on `first`.
    if second.condition_question_id == first.id:
        raise SurveyError(_("A question must come after the question its condition depends on."))
    ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, item in enumerate(ordered, start=1):
        item.position = position
    db.session.flush()


def delete_question(user, question: Question) -> None:
    """Remove a question (not once people have answered, nor while another depends on it)."""
    survey = question.survey
    if has_responses(survey):
        raise SurveyError(_(LOCKED_MESSAGE))
    if _dependants(question):
        raise SurveyError(
            _("A later question depends on this one's answers. Change that condition first.")
        )
    survey.questions.remove(question)
    for position, item in enumerate(survey.questions, start=1):
        item.position = position
    db.session.flush()
