"""Survey results with small numbers suppressed, for the results pages and exports."""

from collections import Counter
from dataclasses import dataclass, field

from flask import url_for
from flask_babel import format_number
from sqlalchemy import func, select

from engage.accounts.models import AgeBand
from engage.extensions import db
from engage.i18n import _
from engage.moderation import confidential
from engage.surveys import results_queries as queries
from engage.surveys.models import (
    AnswerModeration,
    AnswerState,
    Question,
    QuestionKind,
    Survey,
    SurveyResponse,
)
from engage.urls import as_id

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
    id: int | None = None


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
    text_count: int = 0  # free text this page may list, on every page together
    older_than: int | None = None  # the answer id an "older answers" link starts before
    paged: bool = False  # this is not the page of the newest free text


@dataclass
class Results:
    total: Cell
    too_few: bool
    questions: list[QuestionResult]


@dataclass
class Filters:
    age: AgeBand | None = None
    group: int | None = None  # a join code id; 0 means "no code"


@dataclass
class TextPage:
    """Which free text of a question to list: the survey's filters, the viewer and the page."""

    scope: queries.Scope
    withheld: set[int]
    public: bool
    per_page: int | None
    before: int | None


def _response_filter(survey: Survey, filters: Filters):
    return [SurveyResponse.survey_id == survey.id, *_group_filter(filters)]


def _group_filter(filters: Filters):
    """The conditions on responses that the filters add (none for the whole survey)."""
    conditions = []
    if filters.age:
        conditions.append(SurveyResponse.age_band == filters.age)
    if filters.group == 0:
        conditions.append(SurveyResponse.join_code_id.is_(None))
    elif filters.group:
        conditions.append(SurveyResponse.join_code_id == filters.group)
    return conditions


def survey_results(
    survey: Survey,
    filters: Filters | None = None,
    public: bool = False,
    viewer=None,
    texts_per_page: int | None = None,
    older: dict[int, int] | None = None,
) -> Results:
    """Counts and percentages per question, with small numbers suppressed.

    `public` leaves out free text that a moderator has not published. Words held for
    safeguarding are left out unless the viewer is a safeguarding lead (never when public).
    Free text comes newest first, `texts_per_page` per question (all when None), each question
    older than the answer id `older` gives for it.
    """
    filters = filters or Filters()
    older = older or {}
    conditions = _response_filter(survey, filters)
    total = db.session.scalar(select(func.count()).select_from(SurveyResponse).where(*conditions))
    total_cell = suppress(total)
    if total < SUPPRESSION_THRESHOLD:
        return Results(total_cell, True, [])
    # Counted in the database: a few rows per question whatever the number of responses.
    scope = queries.Scope([q.id for q in survey.questions], _group_filter(filters))
    withheld = confidential.withheld_ids(
        None if public else viewer, "survey_answer", queries.case_candidates(scope)
    )
    states = queries.state_counts(scope)
    values = queries.value_counts(scope)
    texts = queries.text_counts(scope, withheld)
    results = []
    for number, question in enumerate(survey.questions, start=1):
        result = _question_result(question, number, states[question.id], values[question.id])
        _add_texts(result, texts[question.id], public)
        if result.text_count:
            page = TextPage(scope, withheld, public, texts_per_page, older.get(question.id))
            _fill_texts(result, page)
        results.append(result)
    return Results(total_cell, False, results)


def _question_result(
    question: Question, number: int, states: Counter, values: dict[str, queries.ValueCount]
) -> QuestionResult:
    answered = states[AnswerState.ANSWERED]
    asked = sum(states.values()) - states[AnswerState.NOT_ASKED]
    # Only the ways this question could be left count as parts of the breakdown: a "prefer not
    # to say" that cannot happen must not force a real figure into hiding.
    parts = [AnswerState.ANSWERED]
    if not question.required:
        parts.append(AnswerState.SKIPPED)
    if question.personal:
        parts.append(AnswerState.PREFER_NOT)
    counts = [states[p] for p in parts]
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
    none = queries.ValueCount()
    if question.kind == QuestionKind.RANKING:
        # Times each option was put first, and its average position.
        counts = [values.get(v, none).first for v, _label in choices]
        cells = suppress_breakdown(counts)
        result.rows = [
            Row(label, cell, None if cell.suppressed else _percent(cell.count, answered))
            for (v, label), cell in zip(choices, cells, strict=True)
        ]
        if answered >= SUPPRESSION_THRESHOLD:
            result.positions = [
                (label, round(c.position_sum / c.count, 1) if c.count else None)
                for v, label in choices
                for c in [values.get(v, none)]
            ]
    elif choices:
        counts = [values.get(v, none).count for v, _label in choices]
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
            # A rating answer holds one score: the first value of each answer, summed.
            score = sum(int(v) * c.first for v, c in values.items())
            result.average = round(score / answered, 1)
    if result.answered.suppressed:
        _hide_breakdown(result)
    return result


def _shown_texts(counts: queries.TextCount, public: bool) -> int:
    """How many of a question's texts this page may list (safeguarded ones are not counted)."""
    if public:
        return counts.by_moderation[AnswerModeration.PUBLISHED]
    return sum(n for state, n in counts.by_moderation.items() if state != AnswerModeration.REJECTED)


def _add_texts(result: QuestionResult, counts: queries.TextCount, public: bool) -> None:
    result.safeguarded_texts = counts.safeguarded
    if not public:
        result.withheld_texts = counts.by_moderation[AnswerModeration.REJECTED]
    result.text_count = _shown_texts(counts, public)


def _fill_texts(result: QuestionResult, page: TextPage) -> None:
    rows = queries.text_page(
        page.scope,
        result.question.id,
        page.withheld,
        page.public,
        page.per_page,
        page.before,
    )
    if page.per_page is not None and len(rows) > page.per_page:
        rows = rows[: page.per_page]
        result.older_than = rows[-1].id
    result.paged = page.before is not None
    result.texts = [TextAnswer(r.text, r.moderation, r.id) for r in rows]


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


# A question's free-text cursor in the query string: older-<question id>=<answer id>.
CURSOR_PREFIX = "older-"


def text_cursors(args) -> dict[int, int]:
    """Each question's free-text cursor (show answers older than this id) from a query string."""
    cursors = {}
    for key, value in args.items():
        question_id = as_id(key.removeprefix(CURSOR_PREFIX))
        # At most 18 ASCII digits: a bigint, whatever is typed into the address ("²" is a
        # digit to str.isdigit, not to int).
        digits = value.isascii() and value.isdigit() and len(value) <= 18
        if key.startswith(CURSOR_PREFIX) and question_id is not None and digits:
            cursors[question_id] = int(value)
    return cursors


def texts_link(endpoint: str, survey_id: int, args):
    """A function giving the address of a question's older free text (or newest, for None).

    The filters and the other questions' cursors in `args` are kept.
    """

    def link(result: QuestionResult, before: int | None) -> str:
        key = f"{CURSOR_PREFIX}{result.question.id}"
        query = {k: v for k, v in args.items() if k != key}
        if before is not None:
            query[key] = before
        return url_for(endpoint, survey_id=survey_id, _anchor=f"result-{result.number}", **query)

    return link
