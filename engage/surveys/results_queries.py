"""The survey results' SQL: counts grouped in the database, and pages of free text.

Nothing here loads one row per response: each function returns a few rows per question (or per
question and answer value), so a results page costs the same few statements for 100 responses
as for 100,000, and the time the database takes to count them.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy import func, select

from engage.database import dialect
from engage.extensions import db
from engage.moderation.models import ModerationCase
from engage.surveys.models import Answer, AnswerModeration, AnswerState, SurveyResponse


@dataclass
class ValueCount:
    """How often one value was chosen in a question's answers, and where in the list."""

    count: int = 0  # answers holding the value
    first: int = 0  # answers holding it first (a ranking's top place, a rating's score)
    position_sum: int = 0  # its places (1 is the first) added up, for a ranking's average


@dataclass
class TextCount:
    """A question's free text counted by moderation state, and how much safeguarding holds."""

    by_moderation: Counter = field(default_factory=Counter)  # AnswerModeration | None -> count
    safeguarded: int = 0


@dataclass
class TextRow:
    id: int
    text: str
    moderation: AnswerModeration | None


@dataclass
class Scope:
    """The answers counted: to these questions (a survey's), from responses the filters keep."""

    question_ids: list[int]
    filters: list = field(default_factory=list)  # conditions on SurveyResponse, if any


def _answers(scope: Scope, *columns):
    """A select of these columns from the answers in scope.

    The responses are joined only for filters: without them the question ids pick the rows
    through an index, far cheaper than a join from every response to its answers.
    """
    query = select(*columns).select_from(Answer)
    if scope.filters:
        query = query.join(SurveyResponse, SurveyResponse.id == Answer.response_id)
    return query.where(Answer.question_id.in_(scope.question_ids), *scope.filters)


def case_candidates(scope: Scope):
    """A select of the ids of answers in scope that a moderation case names.

    Given to confidential.withheld_ids, which looks among its cases for these: correlated to
    its case rows, the database checks each case (a few) rather than listing every answer.
    Standing alone it still means the same answers.
    """
    return _answers(scope, Answer.id).where(
        Answer.id == ModerationCase.item_id, ModerationCase.source == "survey_answer"
    )


def _has_text():
    # Empty text counts as none, as the results always treated it.
    return sa.and_(
        Answer.state == AnswerState.ANSWERED, Answer.text.is_not(None), Answer.text != ""
    )


def list_elements(column):
    """A JSON list column as a table to join: (the table, each element as text, its place from 1).

    SQLite has json_each (0-based keys); PostgreSQL json_array_elements_text WITH ORDINALITY.
    """
    if dialect() == "postgresql":
        elements = (
            func.json_array_elements_text(column)
            .table_valued("value", with_ordinality="ordinality")
            .render_derived()
        )
        return elements, elements.c.value, elements.c.ordinality
    elements = func.json_each(column).table_valued("value", "key")
    return elements, elements.c.value, elements.c.key + 1


def state_counts(scope: Scope) -> dict[int, Counter]:
    """Per question, how many answers are in each state (answered, skipped, ...)."""
    rows = db.session.execute(
        _answers(scope, Answer.question_id, Answer.state, func.count()).group_by(
            Answer.question_id, Answer.state
        )
    )
    counts: dict[int, Counter] = defaultdict(Counter)
    for question_id, state, count in rows:
        counts[question_id][AnswerState(state)] = count
    return counts


def value_counts(scope: Scope) -> dict[int, dict[str, ValueCount]]:
    """Per question and value: answers holding it, holding it first, and its places added up."""
    elements, value, place = list_elements(Answer.values)
    rows = db.session.execute(
        _answers(
            scope,
            Answer.question_id,
            value,
            func.count(),
            func.sum(sa.case((place == 1, 1), else_=0)),
            func.sum(place),
        )
        .join(elements, sa.true())
        .where(Answer.state == AnswerState.ANSWERED)
        .group_by(Answer.question_id, value)
    )
    counts: dict[int, dict[str, ValueCount]] = defaultdict(dict)
    for question_id, v, count, first, position_sum in rows:
        counts[question_id][str(v)] = ValueCount(count, int(first or 0), int(position_sum or 0))
    return counts


def text_counts(scope: Scope, withheld: set[int]) -> dict[int, TextCount]:
    """Per question, answers with free text by moderation state; safeguarded ones apart."""
    # A sum rather than a grouping on the IN test: PostgreSQL would not match a GROUP BY
    # expression holding bound parameters to the same expression in the select list.
    held = Answer.id.in_(sorted(withheld)) if withheld else sa.false()
    rows = db.session.execute(
        _answers(
            scope,
            Answer.question_id,
            Answer.moderation,
            func.count(),
            func.sum(sa.case((held, 1), else_=0)),
        )
        .where(_has_text())
        .group_by(Answer.question_id, Answer.moderation)
    )
    counts: dict[int, TextCount] = defaultdict(TextCount)
    for question_id, moderation, count, safeguarded in rows:
        safeguarded = int(safeguarded or 0)
        state = AnswerModeration(moderation) if moderation else None
        counts[question_id].by_moderation[state] += count - safeguarded
        counts[question_id].safeguarded += safeguarded
    return counts


def text_page(
    scope: Scope,
    question_id: int,
    withheld: set[int],
    public: bool,
    limit: int | None,
    before: int | None = None,
) -> list[TextRow]:
    """A question's free text that may be shown, newest first, older than `before` if given.

    `public`: published text only; otherwise everything a moderator has not removed. Up to
    `limit` + 1 rows, so the caller knows whether an older page follows (all when None).
    """
    where = [Answer.question_id == question_id, _has_text()]
    if withheld:
        where.append(Answer.id.not_in(sorted(withheld)))
    if public:
        where.append(Answer.moderation == AnswerModeration.PUBLISHED)
    else:
        where.append(
            sa.or_(Answer.moderation.is_(None), Answer.moderation != AnswerModeration.REJECTED)
        )
    if before is not None:
        where.append(Answer.id < before)
    # Without filters the database can walk the question's index newest first and stop after
    # one page.
    query = select(Answer.id, Answer.text, Answer.moderation)
    if scope.filters:
        query = query.join(SurveyResponse, SurveyResponse.id == Answer.response_id)
    query = query.where(*where, *scope.filters).order_by(Answer.id.desc())
    if limit is not None:
        query = query.limit(limit + 1)
    return [
        TextRow(id_, text, AnswerModeration(moderation) if moderation else None)
        for id_, text, moderation in db.session.execute(query)
    ]
