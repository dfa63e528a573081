"""Survey operations and queries. Operations take the acting user, flush and never commit.

In-progress answers are a plain dict (the "draft") kept server-side (engage/surveys/drafts.py):
{"age": "13-15", "answers": {"<question id>": {"state": ..., "values": [...], "text": ...}},
"code": <join code id>, "preview": bool}. Nothing is written to the database until the
person submits on the check-your-answers page.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from flask_babel import format_number
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from engage import events
from engage.accounts.forms import age_band_label
from engage.accounts.models import AgeBand
from engage.clock import today, utcnow
from engage.errors import RuleError
from engage.extensions import db
from engage.i18n import _, translated
from engage.moderation import confidential
from engage.moderation import service as moderation_service
from engage.proposals.models import Priority, Proposal
from engage.proposals.service import end_of_day, start_of_day
from engage.surveys.drafts import clear_drafts
from engage.surveys.models import (
    LONG_TEXT_MAX,
    OTHER,
    SHORT_TEXT_MAX,
    Answer,
    AnswerModeration,
    AnswerState,
    Audience,
    JoinCode,
    Participation,
    Question,
    QuestionKind,
    QuestionOption,
    RatingScale,
    Survey,
    SurveyResponse,
    SurveyStatus,
    new_code,
)

SUPPRESSION_THRESHOLD = 5
MAX_RESPONSES_PER_SESSION = 3  # anonymous responses to one survey from one browser session
MAX_OPTIONS = 12
MAX_RANKING_OPTIONS = 8


class SurveyError(RuleError):
    """A survey rule was broken; the message is shown to the person, who keeps what they typed."""


# Labels ------------------------------------------------------------------------------------


def status_label(status: SurveyStatus) -> str:
    """How a survey's status reads."""
    return {
        SurveyStatus.DRAFT: _("Draft"),
        SurveyStatus.LIVE: _("Live"),
        SurveyStatus.CLOSED: _("Closed"),
    }[SurveyStatus(status)]


_LOWEST_AGE = {"13-15": 13, "16-17": 16, "18-24": 18, "25-44": 25, "45-64": 45, "65+": 65}
_HIGHEST_AGE = {"under-13": 12, "13-15": 15, "16-17": 17, "18-24": 24, "25-44": 44, "45-64": 64}


def audience_label(survey: Survey) -> str:
    """Who a survey is for, in words."""
    bands = survey.audience_bands()
    if not bands:
        return _("Nobody (check the age range)")
    low = _LOWEST_AGE.get(bands[0].value)
    high = _HIGHEST_AGE.get(bands[-1].value)
    if low is None and high is None:
        return _("Everyone")
    if low is None:
        ages = _("aged %(high)d or under", high=high)
    elif high is None:
        ages = _("aged %(low)d or over", low=low)
    else:
        ages = _("aged %(low)d to %(high)d", low=low, high=high)
    if survey.audience == Audience.YOUNG_PEOPLE:
        return _("Young people %(ages)s", ages=ages)
    return _("People %(ages)s", ages=ages)


def kind_label(kind: QuestionKind) -> str:
    """The name of a question kind, for officers."""
    return {
        QuestionKind.SINGLE: _("Single choice"),
        QuestionKind.MULTIPLE: _("Multiple choice"),
        QuestionKind.RATING: _("Rating scale (1 to 5)"),
        QuestionKind.YES_NO: _("Yes, no or not sure"),
        QuestionKind.SHORT_TEXT: _("Short text"),
        QuestionKind.LONG_TEXT: _("Long text"),
        QuestionKind.RANKING: _("Ranking"),
    }[QuestionKind(kind)]


def rating_word(value: str, scale: RatingScale | str = RatingScale.QUALITY) -> str:
    """The words for a point on a rating scale (faces are never shown without these)."""
    return rating_words(scale)[int(value) - 1]


def rating_words(scale: RatingScale | str) -> list[str]:
    """The five words of a rating scale, from 1 to 5, in the reader's language."""
    return {
        RatingScale.QUALITY: [_("Very bad"), _("Bad"), _("OK"), _("Good"), _("Very good")],
        RatingScale.IMPORTANCE: [
            _("Not at all important"),
            _("Not very important"),
            _("Quite important"),
            _("Important"),
            _("Very important"),
        ],
        RatingScale.AGREEMENT: [
            _("Strongly disagree"),
            _("Disagree"),
            _("Neither agree nor disagree"),
            _("Agree"),
            _("Strongly agree"),
        ],
        RatingScale.SATISFACTION: [
            _("Very dissatisfied"),
            _("Dissatisfied"),
            _("Neither satisfied nor dissatisfied"),
            _("Satisfied"),
            _("Very satisfied"),
        ],
    }[RatingScale(scale or RatingScale.QUALITY)]


def yes_no_label(value: str) -> str:
    """Yes, No or Not sure."""
    return {"yes": _("Yes"), "no": _("No"), "not_sure": _("Not sure")}[value]


def value_label(question: Question, value: str) -> str:
    """How one stored answer value reads."""
    if question.kind == QuestionKind.RATING:
        return _("%(number)s: %(words)s", number=value, words=rating_word(value, question.scale))
    if question.kind == QuestionKind.YES_NO:
        return yes_no_label(value)
    if value == OTHER:
        return _("Other")
    for option in question.options:
        if str(option.id) == value:
            return translated(option, "label")
    return value


def state_label(state: AnswerState) -> str:
    """How an unanswered state reads in exports and on the check page."""
    return {
        AnswerState.ANSWERED: _("answered"),
        AnswerState.SKIPPED: _("skipped"),
        AnswerState.PREFER_NOT: _("prefer not to say"),
        AnswerState.NOT_ASKED: _("not asked"),
    }[AnswerState(state)]


# Loading -----------------------------------------------------------------------------------


def load_survey(survey_id: int) -> Survey | None:
    """A survey with its questions and their options."""
    return db.session.scalar(
        select(Survey)
        .options(
            selectinload(Survey.questions).selectinload(Question.options),
            selectinload(Survey.priority),
        )
        .where(Survey.id == survey_id)
    )


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


# Building surveys --------------------------------------------------------------------------


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


# Join codes --------------------------------------------------------------------------------


@dataclass
class ResponsibleAdult:
    """A group's responsible adult (for a school, its designated safeguarding lead)."""

    name: str
    role: str | None = None
    email: str | None = None
    phone: str | None = None


def create_join_code(
    user, survey: Survey, label: str, expires_on: date | None, adult: ResponsibleAdult
) -> JoinCode:
    """Make a short code for one group, with the adult to contact if an answer shows a risk."""
    if expires_on and expires_on < today():
        raise SurveyError(_("The expiry date must be today or in the future"), "expires_on")
    if not (adult.name or "").strip():
        raise SurveyError(_("Enter the name of the group's responsible adult"), "adult_name")
    if not (adult.email or adult.phone):
        raise SurveyError(
            _("Give an email address or a phone number for the responsible adult"), "adult_email"
        )
    taken = set(db.session.scalars(select(JoinCode.code)))
    for _attempt in range(50):
        code = new_code()
        if code not in taken:
            break
    else:  # pragma: no cover - 24**4 codes; only reached when nearly all are used
        raise SurveyError(_("No join code is free. Expire some old codes first."))
    join_code = JoinCode(
        survey_id=survey.id,
        code=code,
        label=label,
        expires_at=end_of_day(expires_on),
        adult_name=adult.name.strip(),
        adult_role=adult.role or None,
        adult_email=adult.email or None,
        adult_phone=adult.phone or None,
    )
    db.session.add(join_code)
    db.session.flush()
    return join_code


def expire_join_code(user, join_code: JoinCode) -> None:
    """Stop a code working from now on; responses keep their group."""
    join_code.expires_at = utcnow() - timedelta(seconds=1)
    db.session.flush()


def find_join_code(code: str) -> JoinCode | None:
    """The join code typed or followed (case and spaces do not matter)."""
    code = "".join((code or "").split()).upper()
    if not code:
        return None
    return db.session.scalar(select(JoinCode).where(JoinCode.code == code))


# Taking a survey ---------------------------------------------------------------------------


def new_draft(join_code_id: int | None = None, preview: bool = False) -> dict:
    """An empty set of in-progress answers."""
    return {"age": None, "answers": {}, "code": join_code_id, "preview": preview}


def age_choices(survey: Survey) -> list[tuple[str, str]]:
    """The age bands a respondent can choose, plus "Prefer not to say"."""
    bands = [(b.value, age_band_label(b)) for b in survey.audience_bands()]
    return [*bands, (AgeBand.PREFER_NOT.value, age_band_label(AgeBand.PREFER_NOT))]


def _matches(question: Question, answers: dict) -> bool:
    source = answers.get(str(question.condition_question_id))
    if not source or source.get("state") != AnswerState.ANSWERED:
        return False
    return bool(set(source.get("values", [])) & set(question.condition_values or []))


def visible_questions(survey: Survey, answers: dict) -> list[Question]:
    """The questions this person is asked, given their answers so far."""
    shown: set[int] = set()
    result = []
    for question in survey.questions:
        source = question.condition_question_id
        if source and (source not in shown or not _matches(question, answers)):
            continue
        shown.add(question.id)
        result.append(question)
    return result


def question_number(survey: Survey, question: Question) -> int:
    """A question's fixed number in the survey (its place in the URL)."""
    return survey.questions.index(question) + 1


def question_by_number(survey: Survey, number: int) -> Question | None:
    """The question at URL number n, or None."""
    if 1 <= number <= len(survey.questions):
        return survey.questions[number - 1]
    return None


def steps(survey: Survey, draft: dict) -> list[Question | None]:
    """The pages in order: None is the age band page, then the visible questions."""
    return [None, *visible_questions(survey, draft.get("answers", {}))]


def first_unanswered(survey: Survey, draft: dict) -> Question | None | bool:
    """The first page still to answer: None for the age page, a Question, or False when done."""
    if not draft.get("age"):
        return None
    answers = draft.get("answers", {})
    for question in visible_questions(survey, answers):
        if _clean_entry(question, answers.get(str(question.id))) is None:
            return question
    return False


def parse_age(survey: Survey, value: str | None) -> str:
    """The chosen age band, checked against the survey's audience."""
    if value not in dict(age_choices(survey)):
        raise SurveyError(_("Choose your age group, or prefer not to say"), "age")
    return value


def _required_message(question: Question, message: str) -> str:
    if question.required:
        return message
    return _("%(message)s, or skip this question", message=message)


def parse_answer(question: Question, form, action: str | None) -> dict:
    """Check one page's answer from the posted form; raise SurveyError with the message."""
    if action == "skip":
        if question.required:
            raise SurveyError(_("This question needs an answer"), "answer")
        return {"state": AnswerState.SKIPPED.value, "values": [], "text": None}
    if action == "prefer_not":
        if not question.personal:
            raise SurveyError(_("This question needs an answer"), "answer")
        return {"state": AnswerState.PREFER_NOT.value, "values": [], "text": None}
    kind = question.kind
    values: list[str] = []
    text = None
    if kind in {QuestionKind.SINGLE, QuestionKind.RATING, QuestionKind.YES_NO}:
        value = form.get("answer")
        if value not in dict(question.value_choices()):
            raise SurveyError(_required_message(question, _("Choose an answer")), "answer")
        values = [value]
    elif kind == QuestionKind.MULTIPLE:
        allowed = dict(question.value_choices())
        values = [v for v in form.getlist("answer") if v in allowed]
        other = _normalise(form.get("other", "")) if question.allow_other else ""
        if other and OTHER not in values:
            values.append(OTHER)  # typing in the box is choosing "Other"
        if OTHER in values:
            if not other:
                raise SurveyError(_("Say what your other answer is"), "other")
            if len(other) > SHORT_TEXT_MAX:
                raise SurveyError(
                    _(
                        "Your other answer must be %(limit)d characters or fewer",
                        limit=SHORT_TEXT_MAX,
                    ),
                    "other",
                )
            text = other
        if not values:
            raise SurveyError(
                _required_message(question, _("Choose at least one answer")), "answer"
            )
        # Keep the order of the options, whatever order the browser sent them in.
        order = list(allowed)
        values.sort(key=order.index)
    elif kind.is_text:
        text = _normalise(form.get("answer", ""))
        limit = SHORT_TEXT_MAX if kind == QuestionKind.SHORT_TEXT else LONG_TEXT_MAX
        if not text:
            raise SurveyError(_required_message(question, _("Write your answer")), "answer")
        if len(text) > limit:
            raise SurveyError(
                _("Your answer must be %(limit)d characters or fewer", limit=limit), "answer"
            )
    elif kind == QuestionKind.RANKING:
        count = len(question.options)
        chosen = {}
        for option in question.options:
            raw = form.get(f"rank-{option.id}", "")
            if not raw.isdigit() or not 1 <= int(raw) <= count:
                raise SurveyError(
                    _required_message(question, _("Choose a position for every option")),
                    f"rank-{option.id}",
                )
            chosen[option.id] = int(raw)
        repeated = sorted(p for p, n in Counter(chosen.values()).items() if n > 1)
        if repeated:
            first = next(o for o in question.options if chosen[o.id] == repeated[0])
            raise SurveyError(
                _(
                    "Give each option a different position: %(position)d is chosen more than once",
                    position=repeated[0],
                ),
                f"rank-{first.id}",
            )
        values = [str(o.id) for o in sorted(question.options, key=lambda o: chosen[o.id])]
    return {"state": AnswerState.ANSWERED.value, "values": values, "text": text}


def _normalise(text: str) -> str:
    # Browsers send new lines as \r\n; count them as one character, as the page does.
    return (text or "").replace("\r\n", "\n").strip()


def _clean_entry(question: Question, entry: dict | None) -> dict | None:
    """A stored draft answer if it still fits the question (options may have changed), else None."""
    if not entry:
        return None
    state = entry.get("state")
    if state == AnswerState.SKIPPED:
        return entry if not question.required else None
    if state == AnswerState.PREFER_NOT:
        return entry if question.personal else None
    if state != AnswerState.ANSWERED:
        return None
    allowed = set(question.answer_values())
    values = entry.get("values", [])
    if question.kind.is_text:
        return entry if entry.get("text") else None
    if not values or any(v not in allowed for v in values):
        return None
    if question.kind == QuestionKind.RANKING and len(set(values)) != len(question.options):
        return None
    return entry


def store_answer(draft: dict, question: Question, entry: dict) -> None:
    """Keep one answer in the draft."""
    draft.setdefault("answers", {})[str(question.id)] = entry


def answer_summary(question: Question, entry: dict | None, labels: dict | None = None) -> str:
    """How an answer reads on the check page and in exports.

    `labels` (value -> label, and state -> label) may be given to save looking them up again.
    """
    labels = labels if labels is not None else _summary_labels(question)
    if not entry:
        return labels[AnswerState.NOT_ASKED]
    state = AnswerState(entry["state"])
    if state != AnswerState.ANSWERED:
        return labels[state]
    if question.kind.is_text:
        return entry.get("text") or ""
    values = entry.get("values", [])
    words = [labels.get(v, v) for v in values]
    if question.kind == QuestionKind.RANKING:
        return " > ".join(words)
    if OTHER in values and entry.get("text"):
        words[-1] = _("Other: %(text)s", text=entry["text"])
    return "; ".join(words)


def _summary_labels(question: Question) -> dict:
    labels: dict = dict(question.value_choices())
    labels.update({state: state_label(state) for state in AnswerState})
    return labels


def check_summary(question: Question, entry: dict | None) -> str:
    """How an answer reads on the check-your-answers page."""
    state = AnswerState(entry["state"]) if entry else AnswerState.NOT_ASKED
    if state == AnswerState.SKIPPED:
        return _("Skipped")
    if state == AnswerState.PREFER_NOT:
        return _("Prefer not to say")
    return answer_summary(question, entry)


def already_taken(user, survey: Survey) -> bool:
    """True if this signed-in person has already answered this survey."""
    if not getattr(user, "is_authenticated", False):
        return False
    if survey.anonymous:
        return db.session.get(Participation, (survey.id, user.id)) is not None
    return (
        db.session.scalar(
            select(SurveyResponse.id).where(
                SurveyResponse.survey_id == survey.id, SurveyResponse.user_id == user.id
            )
        )
        is not None
    )


def _moderation_for(user, survey: Survey, age: AgeBand) -> AnswerModeration:
    # Young people's words wait for a moderator; when we cannot tell, we assume a young person.
    young = (
        survey.for_young_people
        or age.is_child
        or age == AgeBand.PREFER_NOT
        or (getattr(user, "is_authenticated", False) and user.is_young)
    )
    return AnswerModeration.HELD if young else AnswerModeration.PUBLISHED


def submit_response(user, survey: Survey, draft: dict) -> SurveyResponse:
    """Write a finished response: nothing that identifies the person on anonymous surveys."""
    if not survey.is_accepting_responses():
        raise SurveyError(_("This survey is closed, so it no longer takes answers."))
    signed_in = getattr(user, "is_authenticated", False)
    if not survey.anonymous and not signed_in:
        raise SurveyError(_("Sign in to answer this survey."))
    if already_taken(user, survey):
        raise SurveyError(_("You have already answered this survey. Thank you."))
    if first_unanswered(survey, draft) is not False:
        raise SurveyError(_("Answer every question before you send your answers."))
    age = AgeBand(parse_age(survey, draft.get("age")))
    join_code_id = draft.get("code")
    if join_code_id is not None:
        code = db.session.get(JoinCode, join_code_id)
        join_code_id = code.id if code is not None and code.survey_id == survey.id else None
    response = SurveyResponse(
        survey_id=survey.id,
        join_code_id=join_code_id,
        user_id=None if survey.anonymous else user.id,
        age_band=age,
        submitted_on=today(),
    )
    db.session.add(response)
    moderation = _moderation_for(user, survey, age)
    answers = draft.get("answers", {})
    shown = {q.id for q in visible_questions(survey, answers)}
    for question in survey.questions:
        entry = answers.get(str(question.id)) if question.id in shown else None
        if entry is None:
            response.answers.append(Answer(question_id=question.id, state=AnswerState.NOT_ASKED))
            continue
        text = entry.get("text") or None
        response.answers.append(
            Answer(
                question_id=question.id,
                state=AnswerState(entry["state"]),
                values=list(entry.get("values", [])),
                text=text,
                moderation=moderation if text else None,
            )
        )
    if survey.anonymous and signed_in:
        db.session.add(Participation(survey_id=survey.id, user_id=user.id))
    db.session.flush()
    # Free text joins the moderators' queue (held) or is checked for personal details (published).
    for answer in response.answers:
        if answer.text:
            moderation_service.screen_item("survey_answer", answer)
    return response


# Results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """A count as it may be shown: counts under the threshold read "fewer than 5"."""

    count: int
    suppressed: bool
    threshold: int = SUPPRESSION_THRESHOLD

    @property
    def display(self) -> str:
        if self.suppressed:
            return _("fewer than %(n)d", n=self.threshold)
        return format_number(self.count)


def suppress(count: int, threshold: int = SUPPRESSION_THRESHOLD) -> Cell:
    """Hide a count under the threshold, so nobody in a small group can be singled out."""
    return Cell(count, count < threshold, threshold)


def suppress_breakdown(counts: list[int], threshold: int = SUPPRESSION_THRESHOLD) -> list[Cell]:
    """Suppress a breakdown whose parts add up to a shown total.

    If only one part were hidden it could be worked out from the total and the others, so the
    next smallest part is hidden too.
    """
    cells = [suppress(c, threshold) for c in counts]
    hidden = [i for i, c in enumerate(cells) if c.suppressed]
    if len(hidden) == 1 and len(cells) > 1:
        others = sorted((c.count, i) for i, c in enumerate(cells) if not c.suppressed)
        if others:
            i = others[0][1]
            cells[i] = Cell(cells[i].count, True, threshold)
    return cells


@dataclass
class Row:
    label: str
    cell: Cell
    percent: int | None  # None when the count is suppressed


@dataclass
class TextAnswer:
    text: str
    moderation: AnswerModeration | None


@dataclass
class QuestionResult:
    question: Question
    number: int
    asked: Cell
    answered: Cell
    skipped: Cell
    prefer_not: Cell
    rows: list[Row]
    texts: list[TextAnswer]
    average: float | None = None  # ranking: average position; rating: average score
    withheld_texts: int = 0
    safeguarded_texts: int = 0  # kept for the safeguarding lead, never shown here
    multiple: bool = False
    # Ranking only: (option, average position), shown when enough people answered.
    positions: list[tuple[str, float | None]] = field(default_factory=list)


@dataclass
class Results:
    total: Cell
    too_few: bool
    questions: list[QuestionResult]


@dataclass
class Filters:
    age: AgeBand | None = None
    group: int | None = None  # a join code id; 0 means "no code"


def _response_filter(survey: Survey, filters: Filters):
    conditions = [SurveyResponse.survey_id == survey.id]
    if filters.age:
        conditions.append(SurveyResponse.age_band == filters.age)
    if filters.group == 0:
        conditions.append(SurveyResponse.join_code_id.is_(None))
    elif filters.group:
        conditions.append(SurveyResponse.join_code_id == filters.group)
    return conditions


def survey_results(
    survey: Survey, filters: Filters | None = None, public: bool = False, viewer=None
) -> Results:
    """Counts and percentages per question, with small numbers suppressed.

    `public` leaves out free text that a moderator has not published. Words held for
    safeguarding are left out unless the viewer is a safeguarding lead (never when public).
    """
    filters = filters or Filters()
    conditions = _response_filter(survey, filters)
    total = db.session.scalar(select(func.count()).select_from(SurveyResponse).where(*conditions))
    total_cell = suppress(total)
    if total < SUPPRESSION_THRESHOLD:
        return Results(total_cell, True, [])
    rows = db.session.execute(
        select(
            Answer.id,
            Answer.question_id,
            Answer.state,
            Answer.values,
            Answer.text,
            Answer.moderation,
        )
        .join(SurveyResponse, SurveyResponse.id == Answer.response_id)
        .where(*conditions)
    ).all()
    with_text = (
        select(Answer.id)
        .join(SurveyResponse, SurveyResponse.id == Answer.response_id)
        .where(*conditions, Answer.text.is_not(None))
    )
    withheld = confidential.withheld_ids(None if public else viewer, "survey_answer", with_text)
    by_question = defaultdict(list)
    for row in rows:
        by_question[row.question_id].append(row)
    results = []
    for number, question in enumerate(survey.questions, start=1):
        rows_here = by_question[question.id]
        results.append(_question_result(question, number, rows_here, public, withheld))
    return Results(total_cell, False, results)


def _question_result(
    question: Question, number: int, rows, public: bool, withheld: set[int]
) -> QuestionResult:
    states = Counter(AnswerState(r.state) for r in rows)
    answered_rows = [r for r in rows if r.state == AnswerState.ANSWERED]
    answered = len(answered_rows)
    asked = len(rows) - states[AnswerState.NOT_ASKED]
    # Only the ways this question could be left count as parts of the breakdown: a "prefer not
    # to say" that cannot happen must not force a real figure into hiding.
    parts = [AnswerState.ANSWERED]
    if not question.required:
        parts.append(AnswerState.SKIPPED)
    if question.personal:
        parts.append(AnswerState.PREFER_NOT)
    counts = [answered if p == AnswerState.ANSWERED else states[p] for p in parts]
    cells = dict(zip(parts, suppress_breakdown(counts), strict=True))

    def cell(state: AnswerState) -> Cell:
        return cells.get(state) or suppress(states[state])

    result = QuestionResult(
        question=question,
        number=number,
        asked=suppress(asked),
        answered=cell(AnswerState.ANSWERED),
        skipped=cell(AnswerState.SKIPPED),
        prefer_not=cell(AnswerState.PREFER_NOT),
        rows=[],
        texts=[],
        multiple=question.kind == QuestionKind.MULTIPLE,
    )
    choices = question.value_choices()
    if question.kind == QuestionKind.RANKING:
        # Times each option was put first, and its average position.
        firsts = Counter(r.values[0] for r in answered_rows if r.values)
        counts = [firsts[v] for v, _label in choices]
        cells = suppress_breakdown(counts)
        result.rows = [
            Row(label, cell, None if cell.suppressed else _percent(cell.count, answered))
            for (v, label), cell in zip(choices, cells, strict=True)
        ]
        if answered >= SUPPRESSION_THRESHOLD:
            positions = defaultdict(list)
            for r in answered_rows:
                for place, v in enumerate(r.values, start=1):
                    positions[v].append(place)
            result.positions = [
                (label, round(sum(positions[v]) / len(positions[v]), 1) if positions[v] else None)
                for v, label in choices
            ]
    elif choices:
        counts_by_value = Counter(v for r in answered_rows for v in r.values)
        counts = [counts_by_value[v] for v, _label in choices]
        cells = (
            [suppress(c) for c in counts]
            if question.kind == QuestionKind.MULTIPLE
            else suppress_breakdown(counts)
        )
        result.rows = [
            Row(label, cell, None if cell.suppressed else _percent(cell.count, answered))
            for (v, label), cell in zip(choices, cells, strict=True)
        ]
        if question.kind == QuestionKind.RATING and answered >= SUPPRESSION_THRESHOLD:
            result.average = round(sum(int(r.values[0]) for r in answered_rows) / answered, 1)
    if result.answered.suppressed:
        _hide_breakdown(result)
    for r in answered_rows:
        if not r.text:
            continue
        if r.id in withheld:
            result.safeguarded_texts += 1
            continue
        if public and r.moderation != AnswerModeration.PUBLISHED:
            continue
        if r.moderation == AnswerModeration.REJECTED:
            result.withheld_texts += 1
            continue
        result.texts.append(TextAnswer(r.text, r.moderation))
    return result


def _hide_breakdown(result: QuestionResult) -> None:
    """Secondary suppression across the question: a hidden "Answered" hides every row under it.

    Otherwise "Answered: fewer than 5" could sit beside "100% (7)", which gives the hidden
    number (and, with the total, the skipped ones) away.
    """
    result.rows = [Row(row.label, Cell(row.cell.count, True), None) for row in result.rows]
    result.average = None
    result.positions = []


def _percent(count: int, total: int) -> int:
    return round(100 * count / total) if total else 0


def group_choices(survey: Survey) -> list[tuple[int, str]]:
    """Join-code groups to filter results by, plus responses without a code."""
    return [(c.id, f"{c.label} ({c.code})") for c in survey.join_codes] + [(0, _("No join code"))]
