"""Shaping the public record for the API: pages of results, proposals with their votes, results.

The queries (and so every privacy rule) are in engage/api/public.py; this module only turns
what they return into what the schemas dump.
"""

from flask import current_app, request, url_for

from engage.api import public
from engage.extensions import db
from engage.i18n import in_locale
from engage.proposals.models import Proposal
from engage.surveys.models import Survey
from engage.votes.models import VoteChoice
from engage.votes.service import Totals


def page_of(query, args: dict, endpoint: str, wrap=None, **url_values) -> dict:
    """One page of a select as the list envelope, with links that keep the filters."""
    per_page = min(args["per_page"], current_app.config["API_MAX_PER_PAGE"])
    pagination = db.paginate(query, page=args["page"], per_page=per_page, error_out=False)
    items = list(pagination.items)
    filters = {k: v for k, v in args.items() if k not in {"page", "per_page"} and v is not None}
    last = max(pagination.pages, 1)

    def link(page: int | None) -> str | None:
        if page is None:
            return None
        path = url_for(endpoint, page=page, per_page=per_page, **filters, **url_values)
        return request.host_url.rstrip("/") + path

    page = args["page"]
    return {
        "items": wrap(items) if wrap else items,
        "page": page,
        "per_page": per_page,
        "total": pagination.total,
        "pages": pagination.pages,
        "links": {
            "self_": link(page),
            "first": link(1),
            "last": link(last),
            "prev": link(page - 1) if 1 < page <= last + 1 else None,
            "next": link(page + 1) if page < last else None,
        },
    }


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
