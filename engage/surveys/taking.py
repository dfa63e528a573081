"""Taking a survey: steps, answers in the draft, and the response when it is sent.

In-progress answers are a plain dict (the "draft") kept server-side (engage/surveys/drafts.py):
{"age": "13-15", "answers": {"<question id>": {"state": ..., "values": [...], "text": ...}},
"code": <join code id>, "preview": bool}. Nothing is written to the database until the
person submits on the check-your-answers page.
"""

from collections import Counter

import sqlalchemy as sa
from sqlalchemy import select

from engage.accounts.forms import age_band_label
from engage.accounts.models import AgeBand
from engage.clock import today
from engage.extensions import db
from engage.i18n import _
from engage.moderation import service as moderation_service
from engage.surveys.labels import state_label
from engage.surveys.models import (
    LONG_TEXT_MAX,
    OTHER,
    SHORT_TEXT_MAX,
    Answer,
    AnswerModeration,
    AnswerState,
    JoinCode,
    Participation,
    Question,
    QuestionKind,
    Survey,
    SurveyResponse,
)
from engage.surveys.service import SurveyError
from engage.urls import as_id

MAX_RESPONSES_PER_SESSION = 3  # anonymous responses to one survey from one browser session


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
            position = as_id(form.get(f"rank-{option.id}", ""))
            if position is None or position > count:
                raise SurveyError(
                    _required_message(question, _("Choose a position for every option")),
                    f"rank-{option.id}",
                )
            chosen[option.id] = position
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
    labels = labels if labels is not None else summary_labels(question)
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


def summary_labels(question: Question) -> dict:
    """How each stored value and answer state of a question reads in a summary or an export."""
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


def answers_with_details(user, survey: Survey, draft: dict) -> set[int]:
    """Questions whose typed answer may hold personal details, where the words wait for a
    moderator (young people's): said on the check page, so they can take them out first.

    Not for answers that publish unless a check holds them: it would show how to get details
    past the checks.
    """
    try:
        age = AgeBand(parse_age(survey, draft.get("age")))
    except (SurveyError, ValueError):
        return set()
    if _moderation_for(user, survey, age) != AnswerModeration.HELD:
        return set()
    answers = draft.get("answers", {})
    found = set()
    for question in visible_questions(survey, answers):
        text = (answers.get(str(question.id)) or {}).get("text")
        flags = moderation_service.run_checks(text) if text else []
        if any(str(flag.category) == "personal_details" for flag in flags):
            found.add(question.id)
    return found


def check_response(user, survey: Survey, draft: dict) -> None:
    """Refuse a response that cannot be taken: closed, signed out, sent before or unfinished."""
    if not survey.is_accepting_responses():
        raise SurveyError(_("This survey is closed, so it no longer takes answers."))
    if not survey.anonymous and not getattr(user, "is_authenticated", False):
        raise SurveyError(_("Sign in to answer this survey."))
    if already_taken(user, survey):
        raise SurveyError(_("You have already answered this survey. Thank you."))
    if first_unanswered(survey, draft) is not False:
        raise SurveyError(_("Answer every question before you send your answers."))


def records_participation(user, survey: Survey) -> bool:
    """True when sending this response must also record that the person took part."""
    return survey.anonymous and getattr(user, "is_authenticated", False)


def record_participation(user, survey: Survey) -> Participation:
    """Note that a signed-in person took an anonymous survey, so they can take it only once.

    The caller commits this on its own, before the response is written: a row naming the person
    and the anonymous response must never share a transaction (PostgreSQL stamps every row with
    the id of the transaction that wrote it, so one transaction would link the two).
    """
    if db.session.get(Participation, (survey.id, user.id)) is not None:
        raise SurveyError(_("You have already answered this survey. Thank you."))
    participation = Participation(survey_id=survey.id, user_id=user.id)
    db.session.add(participation)
    db.session.flush()
    return participation


def withdraw_participation(user, survey: Survey) -> None:
    """Undo `record_participation` when the response itself could not be written."""
    db.session.execute(
        sa.delete(Participation).where(
            Participation.survey_id == survey.id, Participation.user_id == user.id
        )
    )


def submit_response(
    user, survey: Survey, draft: dict, participated: bool = False
) -> SurveyResponse:
    """Write a finished response: nothing that identifies the person on anonymous surveys.

    `participated`: the person's participation was already recorded and committed on its own
    (see `record_participation`), so it is not a second answer.
    """
    if participated:
        if not records_participation(user, survey):
            raise SurveyError(_("Sign in to answer this survey."))
        if first_unanswered(survey, draft) is not False or not survey.is_accepting_responses():
            raise SurveyError(_("Answer every question before you send your answers."))
    else:
        if records_participation(user, survey):
            raise ValueError("record_participation must be committed before this response")
        check_response(user, survey, draft)
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
    # Free text joins the moderators' queue (held) or is checked for personal details
    # (published). Checked before the answers are written, so the checks do not run under
    # SQLite's write lock (as comments: engage/comments/service.py).
    checked = [
        (answer, moderation_service.check_item("survey_answer", answer))
        for answer in response.answers
        if answer.text
    ]
    db.session.flush()
    for answer, flags in checked:
        moderation_service.screen_item("survey_answer", answer, flags=flags)
    return response
