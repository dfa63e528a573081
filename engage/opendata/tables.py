"""The tables of the open data download: each one's columns, described, and its public rows.

Rows come from engage/api/public.py, the same queries the API answers from, so the download can
hold nothing the site does not show. A feature adds a table with `register_table(Table(...))`
(ideas, say): a name, a title, its columns and a function yielding one dict per row.
"""

import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import func, select

from engage.api import public
from engage.comments.models import Comment
from engage.extensions import db
from engage.proposals.models import Board, Plan, Proposal
from engage.surveys.models import Survey, SurveyResponse
from engage.surveys.results import suppress
from engage.votes.models import VoteChoice
from engage.votes.service import vote_totals_for

# Frictionless Table Schema types, and what sqlite-utils stores each as.
SQL_TYPES = {"integer": int, "number": float, "string": str, "boolean": bool}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # integer, number, string, boolean, date, datetime
    description: str


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    columns: list[Column]
    rows: Callable[[], Iterable[dict]]
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[tuple[str, str, str]] = field(default_factory=list)


TABLES: list[Table] = []


def register_table(table: Table) -> Table:
    """Add a table to the download (once: registering the same name again replaces it)."""
    TABLES[:] = [t for t in TABLES if t.name != table.name] + [table]
    return table


BATCH = 1000


def keyset(query, key, size: int | None = None) -> Iterator:
    """The rows of a column select in `key` order, read `size` at a time after the last key.

    Each batch is a query of its own that starts in the index where the last one stopped, so
    memory stays flat however many rows a town has and no cursor stays open between batches.
    Select columns rather than entities, or the session would keep every one.
    """
    size = size or BATCH
    last = None
    while True:
        batch = query.order_by(None).order_by(key).limit(size)
        if last is not None:
            batch = batch.where(key > last)
        rows = db.session.execute(batch).all()
        yield from rows
        if len(rows) < size:
            return
        last = getattr(rows[-1], key.key)


# Council content ------------------------------------------------------------------------------


def _priorities():
    for p in db.session.scalars(public.priorities()):
        yield {
            "id": p.id,
            "slug": p.slug,
            "position": p.position,
            "title": p.title,
            "description": p.description,
        }


def _boards():
    for b in db.session.scalars(select(Board).order_by(Board.id)):
        yield {"id": b.id, "name": b.name, "description": b.description}


def _plans():
    for p in db.session.scalars(select(Plan).order_by(Plan.id)):
        yield {"id": p.id, "board_id": p.board_id, "name": p.name}


_PROPOSAL_COLUMNS = (
    Proposal.id,
    Proposal.priority_id,
    Proposal.plan_id,
    Proposal.title,
    Proposal.summary,
    Proposal.body,
    Proposal.status,
    Proposal.who_decides,
    Proposal.opens_at,
    Proposal.closes_at,
    Proposal.decision_due,
    Proposal.comment_count,
)


def _proposals():
    for p in keyset(public.proposal_columns(*_PROPOSAL_COLUMNS), Proposal.id):
        yield {
            "id": p.id,
            "priority_id": p.priority_id,
            "plan_id": p.plan_id,
            "title": p.title,
            "summary": p.summary,
            "body": p.body,
            "status": p.status.value,
            "who_decides": p.who_decides,
            "opens_at": p.opens_at,
            "closes_at": p.closes_at,
            "decision_due": p.decision_due,
            "comment_count": p.comment_count,
        }


def _outcomes():
    columns = (
        Proposal.id,
        Proposal.outcome_you_said,
        Proposal.outcome_we_did,
        Proposal.outcome_why,
        Proposal.decided_at,
    )
    # As Proposal.has_outcome: decided, with what the council did written down.
    query = public.proposal_columns(*columns, status="decided").where(
        func.coalesce(Proposal.outcome_we_did, "") != ""
    )
    for p in keyset(query, Proposal.id):
        yield {
            "proposal_id": p.id,
            "you_said": p.outcome_you_said,
            "we_did": p.outcome_we_did,
            "why": p.outcome_why,
            "decided_at": p.decided_at,
        }


# What people said -------------------------------------------------------------------------------


def _comments():
    query = public.comments().with_only_columns(
        Comment.id,
        Comment.proposal_id,
        Comment.parent_id,
        Comment.author_id,
        Comment.body,
        Comment.language,
        Comment.created_at,
    )
    for row in keyset(query, Comment.id):
        yield {
            "id": row.id,
            "proposal_id": row.proposal_id,
            "parent_id": row.parent_id,
            "author_key": public.author_key(row.author_id),
            "body": row.body,
            "language": row.language,
            "created_at": row.created_at,
        }


def _vote_totals():
    ids = (row.id for row in keyset(public.public_proposal_ids(), Proposal.id))
    while batch := list(itertools.islice(ids, 500)):
        # One grouped query per batch of proposals, not one over every vote in town at once.
        for proposal_id, totals in vote_totals_for(batch).items():
            yield from _vote_rows(proposal_id, totals)


def _vote_rows(proposal_id: int, totals):
    for group, counts in (("adults", totals.adults), ("young_people", totals.young)):
        yield {
            "proposal_id": proposal_id,
            "group": group,
            **{c.value: counts[c] for c in VoteChoice},
            "total": sum(counts.values()),
        }


# Surveys --------------------------------------------------------------------------------------


def _published_surveys(with_results: bool = True):
    query = public.surveys(results=True).order_by(None).with_only_columns(Survey.id)
    for row in keyset(query, Survey.id):
        # One survey's results at a time (the answers they are counted from are let go).
        item = public.survey(row.id)
        yield item, public.survey_results(item) if with_results else None


def _response_counts(survey_ids: list[int]) -> dict[int, int]:
    # One grouped count for a batch of surveys, rather than each survey's whole results.
    query = (
        select(SurveyResponse.survey_id, func.count())
        .where(SurveyResponse.survey_id.in_(survey_ids))
        .group_by(SurveyResponse.survey_id)
    )
    return dict(db.session.execute(query).all())


def _surveys():
    columns = (
        Survey.id,
        Survey.priority_id,
        Survey.proposal_id,
        Survey.title,
        Survey.introduction,
        Survey.status,
        Survey.audience,
        Survey.opens_at,
        Survey.closes_at,
        Survey.results_published,
    )
    rows = keyset(public.surveys().order_by(None).with_only_columns(*columns), Survey.id)
    while batch := list(itertools.islice(rows, 200)):
        counts = _response_counts([s.id for s in batch if s.results_published])
        for s in batch:
            # As public.survey_results(): a count only once results are out, small ones hidden.
            total = suppress(counts.get(s.id, 0)) if s.results_published else None
            yield {
                "id": s.id,
                "priority_id": s.priority_id,
                "proposal_id": s.proposal_id,
                "title": s.title,
                "introduction": s.introduction,
                "status": s.status.value,
                "audience": s.audience.value,
                "opens_at": s.opens_at,
                "closes_at": s.closes_at,
                "results_published": s.results_published,
                "responses": None if total is None or total.suppressed else total.count,
            }


def _survey_questions():
    for survey, _results in _published_surveys(with_results=False):
        for q_number, question in enumerate(survey.questions, start=1):
            yield {
                "id": question.id,
                "survey_id": survey.id,
                "number": q_number,
                "kind": question.kind.value,
                "text": question.text,
            }


def _cell(cell) -> int | None:
    return None if cell.suppressed else cell.count


def _survey_results():
    for survey, results in _published_surveys():
        for result, rows in public.results_rows(survey, results):
            base = {"survey_id": survey.id, "question_id": result.question.id}
            for state, cell in (
                ("answered", result.answered),
                ("skipped", result.skipped),
                ("prefer_not_to_say", result.prefer_not),
            ):
                yield {
                    **base,
                    "measure": state,
                    "value": None,
                    "label": None,
                    "count": _cell(cell),
                    "suppressed": cell.suppressed,
                    "percent": None,
                }
            for value, label, row in rows:
                yield {
                    **base,
                    "measure": "option",
                    "value": value,
                    "label": str(label),
                    "count": _cell(row.cell),
                    "suppressed": row.cell.suppressed,
                    "percent": row.percent,
                }


def _survey_texts():
    for survey, results in _published_surveys():
        for result in results.questions:
            # Sorted, so the order says nothing about who answered when.
            for text in sorted(t.text for t in result.texts):
                yield {"survey_id": survey.id, "question_id": result.question.id, "text": text}


def _c(name: str, kind: str, description: str) -> Column:
    return Column(name, kind, description)


register_table(
    Table(
        "priorities",
        "Priorities",
        "The council's strategic priorities, in the order the council sets.",
        [
            _c("id", "integer", "Stable id."),
            _c("slug", "string", "The name in the priority's web address."),
            _c("position", "integer", "Order on the site (smallest first)."),
            _c("title", "string", "Title."),
            _c("description", "string", "What the priority is about."),
        ],
        _priorities,
        ["id"],
    )
)
register_table(
    Table(
        "boards",
        "Boards",
        "Strategic partnership boards that deliver the priorities through plans.",
        [
            _c("id", "integer", "Stable id."),
            _c("name", "string", "Name."),
            _c("description", "string", "What the board does."),
        ],
        _boards,
        ["id"],
    )
)
register_table(
    Table(
        "plans",
        "Plans",
        "The boards' plans; a proposal may belong to one.",
        [
            _c("id", "integer", "Stable id."),
            _c("board_id", "integer", "The board (boards.id)."),
            _c("name", "string", "Name."),
        ],
        _plans,
        ["id"],
        [("board_id", "boards", "id")],
    )
)
register_table(
    Table(
        "proposals",
        "Proposals",
        "Proposals put to the town (never drafts).",
        [
            _c("id", "integer", "Stable id, as in the proposal's web address."),
            _c("priority_id", "integer", "The priority (priorities.id)."),
            _c("plan_id", "integer", "The plan it belongs to (plans.id), if any."),
            _c("title", "string", "Title."),
            _c("summary", "string", "Summary."),
            _c("body", "string", "The reasons and options, in Markdown."),
            _c("status", "string", "open, closed or decided."),
            _c("who_decides", "string", "Who makes the decision."),
            _c("opens_at", "datetime", "When the consultation opens (UTC)."),
            _c("closes_at", "datetime", "When it closes (UTC)."),
            _c("decision_due", "date", "When a decision is expected."),
            _c("comment_count", "integer", "Published comments."),
        ],
        _proposals,
        ["id"],
        [("priority_id", "priorities", "id"), ("plan_id", "plans", "id")],
    )
)
register_table(
    Table(
        "outcomes",
        "Outcomes: You said, we did",
        "What people said, what the council decided, and why, for decided proposals.",
        [
            _c("proposal_id", "integer", "The proposal (proposals.id)."),
            _c("you_said", "string", "What people said."),
            _c("we_did", "string", "What the council decided to do."),
            _c("why", "string", "Why."),
            _c("decided_at", "datetime", "When it was decided (UTC)."),
        ],
        _outcomes,
        ["proposal_id"],
        [("proposal_id", "proposals", "id")],
    )
)
register_table(
    Table(
        "comments",
        "Comments",
        "Published comments and replies, as the site shows them. Held, rejected, hidden and "
        "safeguarding items are never included; authors appear only as a pseudonymous key.",
        [
            _c("id", "integer", "Stable id."),
            _c("proposal_id", "integer", "The proposal (proposals.id)."),
            _c("parent_id", "integer", "The comment this replies to (comments.id), if a reply."),
            _c("author_key", "string", "Pseudonymous author key: a keyed hash, not reversible."),
            _c("body", "string", "The words, in Markdown, as written."),
            _c("language", "string", "Language code, as detected."),
            _c("created_at", "datetime", "When it was posted (UTC), as shown on the site."),
        ],
        _comments,
        ["id"],
        [("proposal_id", "proposals", "id")],
    )
)
register_table(
    Table(
        "vote_totals",
        "Vote totals",
        "Votes per proposal, adults and young people (13 to 24) apart, counted as on the site.",
        [
            _c("proposal_id", "integer", "The proposal (proposals.id)."),
            _c("group", "string", "adults or young_people."),
            _c("agree", "integer", "Votes to agree."),
            _c("disagree", "integer", "Votes to disagree."),
            _c("unsure", "integer", "Votes unsure."),
            _c("total", "integer", "All votes of this group."),
        ],
        _vote_totals,
        ["proposal_id", "group"],
        [("proposal_id", "proposals", "id")],
    )
)
register_table(
    Table(
        "surveys",
        "Surveys",
        "Surveys running or closed (never drafts). Response counts under 5 are left empty.",
        [
            _c("id", "integer", "Stable id."),
            _c("priority_id", "integer", "The priority (priorities.id)."),
            _c("proposal_id", "integer", "The proposal it is about (proposals.id), if any."),
            _c("title", "string", "Title."),
            _c("introduction", "string", "Introduction."),
            _c("status", "string", "live or closed."),
            _c("audience", "string", "everyone, young_people or age_range."),
            _c("opens_at", "datetime", "When it opens (UTC)."),
            _c("closes_at", "datetime", "When it closes (UTC)."),
            _c("results_published", "boolean", "Whether its results are published."),
            _c("responses", "integer", "Responses, once results are published; empty under 5."),
        ],
        _surveys,
        ["id"],
        [("priority_id", "priorities", "id")],
    )
)
register_table(
    Table(
        "survey_questions",
        "Survey questions",
        "The questions of surveys whose results are published.",
        [
            _c("id", "integer", "Stable id."),
            _c("survey_id", "integer", "The survey (surveys.id)."),
            _c("number", "integer", "Question number in the survey."),
            _c(
                "kind",
                "string",
                "single, multiple, rating, yes_no, short_text, long_text, ranking.",
            ),
            _c("text", "string", "The question."),
        ],
        _survey_questions,
        ["id"],
        [("survey_id", "surveys", "id")],
    )
)
register_table(
    Table(
        "survey_results",
        "Survey results",
        "Published results: how many answered, skipped or preferred not to say, and how many "
        "chose each option. Counts under 5 (and any that would give one away) are suppressed: "
        "count and percent are empty and suppressed is true.",
        [
            _c("survey_id", "integer", "The survey (surveys.id)."),
            _c("question_id", "integer", "The question (survey_questions.id)."),
            _c("measure", "string", "answered, skipped, prefer_not_to_say or option."),
            _c("value", "string", "The option's value (options only)."),
            _c("label", "string", "The option's label (options only)."),
            _c("count", "integer", "How many; empty when suppressed."),
            _c("suppressed", "boolean", "True when the count is too small to publish."),
            _c("percent", "integer", "Share of those who answered; empty when suppressed."),
        ],
        _survey_results,
        [],
        [("survey_id", "surveys", "id"), ("question_id", "survey_questions", "id")],
    )
)
register_table(
    Table(
        "survey_text_answers",
        "Survey free-text answers",
        "Free-text answers a moderator published, in alphabetical order, with no time or id.",
        [
            _c("survey_id", "integer", "The survey (surveys.id)."),
            _c("question_id", "integer", "The question (survey_questions.id)."),
            _c("text", "string", "The answer."),
        ],
        _survey_texts,
        [],
        [("survey_id", "surveys", "id"), ("question_id", "survey_questions", "id")],
    )
)
