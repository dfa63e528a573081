"""Survey results with small numbers suppressed, for the results pages and exports."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from flask_babel import format_number
from sqlalchemy import func, select

from engage.accounts.models import AgeBand
from engage.extensions import db
from engage.i18n import _
from engage.moderation import confidential
from engage.surveys.models import (
    Answer,
    AnswerModeration,
    AnswerState,
    Question,
    QuestionKind,
    Survey,
    SurveyResponse,
)

SUPPRESSION_THRESHOLD = 5


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
