"""Shaping the public record for the API: pages of results, proposals with their votes, results.

The queries (and so every privacy rule) are in engage/api/public.py; this module only turns
what they return into what the schemas dump.
"""

from flask import current_app, request, url_for
from flask_smorest import abort
from sqlalchemy import func, select

from engage.api import public
from engage.extensions import db
from engage.i18n import in_locale
from engage.proposals.models import Proposal
from engage.surveys.models import Survey
from engage.votes.models import VoteChoice
from engage.votes.service import Totals

# Lists count their matches only this far (and page numbers reach only this far): past it,
# `total` and `pages` are null and `next` pages by `after`, so no request costs more than this
# many rows however large the town's record grows.
COUNT_LIMIT = 1000


def page_of(query, args: dict, endpoint: str, wrap=None, key=None, **url_values) -> dict:
    """One page of a select as the list envelope, with links that keep the filters.

    `key` is the list's order as (column, newest_first) for lists that page by `after` (the
    last id seen): a keyset page starts from an index, at the same cost anywhere in the list.
    """
    per_page = min(args["per_page"], current_app.config["API_MAX_PER_PAGE"])
    after = args.get("after") if key is not None else None
    page = None if after is not None else args["page"]
    total = _bounded_count(query)
    if total is None and page is not None and (page - 1) * per_page >= COUNT_LIMIT:
        # Skipping that many rows would cost more with every page: `after` costs the same.
        abort(422, message=f"Page numbers reach the first {COUNT_LIMIT} items; use after.")
    page_query = query
    if after is not None:
        column, newest_first = key
        page_query = query.where(column < after if newest_first else column > after)
    offset = 0 if page is None else (page - 1) * per_page
    # One more than a page: whether there is a next one, without counting the rest.
    rows = list(db.session.scalars(page_query.limit(per_page + 1).offset(offset)))
    more, items = len(rows) > per_page, rows[:per_page]
    pages = None if total is None else -(-total // per_page)
    filters = {
        k: v for k, v in args.items() if k not in {"page", "per_page", "after"} and v is not None
    }

    def link(**where) -> str:
        path = url_for(endpoint, per_page=per_page, **where, **filters, **url_values)
        return request.host_url.rstrip("/") + path

    if not more:
        following = None
    elif page is not None and page * per_page < COUNT_LIMIT:
        following = link(page=page + 1)
    elif key is not None:
        following = link(after=getattr(items[-1], key[0].key))
    else:
        following = None
    last = max(pages, 1) if pages is not None else None
    return {
        "items": wrap(items) if wrap else items,
        "page": page,
        "per_page": per_page,
        "total": total,
        "pages": pages,
        "links": {
            "self_": link(after=after) if after is not None else link(page=page),
            "first": link(page=1),
            "last": link(page=last) if last is not None else None,
            "prev": link(page=page - 1)
            if page is not None and page > 1 and (last is None or page <= last + 1)
            else None,
            "next": following,
        },
    }


def _bounded_count(query) -> int | None:
    """How many rows the select has, or None when more than COUNT_LIMIT."""
    head = query.order_by(None).limit(COUNT_LIMIT + 1).subquery()
    counted = db.session.scalar(select(func.count()).select_from(head))
    return None if counted > COUNT_LIMIT else counted


def totals_dict(totals: Totals) -> dict:
    """Vote totals as the API gives them."""
    return {
        "adults": {c.value: totals.adults[c] for c in VoteChoice},
        "young_people": {c.value: totals.young[c] for c in VoteChoice},
        "total": totals.total,
    }


def outcome_dict(proposal: Proposal) -> dict | None:
    """ "You said, we did", once published."""
    if not proposal.has_outcome:
        return None
    return {
        "you_said": proposal.outcome_you_said,
        "we_did": proposal.outcome_we_did,
        "why": proposal.outcome_why,
        "decided_at": proposal.decided_at,
    }


class ProposalOut:
    """A proposal with its vote totals and outcome, for ProposalSchema to dump."""

    def __init__(self, proposal: Proposal, totals: Totals):
        self._proposal = proposal
        self.votes = totals_dict(totals)
        self.outcome = outcome_dict(proposal)
        self.status = proposal.status.value

    def __getattr__(self, name):
        return getattr(self._proposal, name)


def with_votes(items: list[Proposal]) -> list[ProposalOut]:
    """Proposals with their vote totals, counted in one query for the lot."""
    totals = public.votes_for(items)
    return [ProposalOut(p, totals[p.id]) for p in items]


def _count(cell) -> dict:
    return {"count": None if cell.suppressed else cell.count, "suppressed": cell.suppressed}


def results_dict(survey: Survey, results) -> dict:
    """Published survey results with every suppressed count left out (null), never sent."""
    with in_locale("en"):  # as the rest of the API: the council's words, in English
        return _results_dict(survey, results)


def _results_dict(survey: Survey, results) -> dict:
    questions = []
    for result, rows in public.results_rows(survey, results):
        questions.append(
            {
                "number": result.number,
                "text": result.question.text,
                "kind": result.question.kind.value,
                "asked": _count(result.asked),
                "answered": _count(result.answered),
                "skipped": _count(result.skipped),
                "prefer_not_to_say": _count(result.prefer_not),
                "rows": [
                    {
                        "value": value,
                        "label": str(label),
                        **_count(row.cell),
                        "percent": row.percent,
                    }
                    for value, label, row in rows
                ],
                "average": result.average,
                "texts": sorted(t.text for t in result.texts),
            }
        )
    return {
        "survey_id": survey.id,
        "responses": _count(results.total),
        "too_few": results.too_few,
        "questions": questions,
        "links": {
            "self_": request.host_url.rstrip("/")
            + url_for("api_v1.survey_results", survey_id=survey.id),
            "html": request.host_url.rstrip("/") + url_for("surveys.survey", survey_id=survey.id),
        },
    }
