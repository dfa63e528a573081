"""What a proposal or priority page needs of its subject to fill a reader's parts, kept.

A signed-in reader's proposal page is its audience's kept shell (engage/ops/shells.py) with their
own parts filled in: the vote form, the comment box and the follow button ask only whether the
proposal is public and open now. A plan holds exactly that (its id, status and dates; a
priority's id and address), so filling a kept page costs no query for the subject itself: a
tenth of a signed-in proposal page went on loading the proposal's row.

Plans are kept in this process under the content generation, which any committed change to a
proposal or priority moves on, for no longer than PAGE_CACHE_SECONDS (another process's change
without Redis shows as late as a kept page would), as survey plans are (engage/surveys/plans.py).
Whether a proposal is open is worked out from its dates on every request. Writing (a vote, a
comment) always reads the proposal afresh: its plan read now (`current_proposal_plan`), never a
kept copy, since a form sent decides on the proposal as it is.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from flask import current_app
from sqlalchemy import bindparam, select

from engage.database import first_row_apart
from engage.ops.shells import kept_until_change
from engage.proposals import bp, service
from engage.proposals.models import Priority, Proposal, ProposalStatus


@dataclass(frozen=True, eq=False)
class ProposalPlan:
    """What its page's rules need of a proposal (no words: those are in the shell)."""

    id: int
    status: ProposalStatus
    opens_at: datetime | None
    closes_at: datetime | None

    # The model's own rules, not copies that could drift from them.
    is_public = Proposal.is_public
    is_accepting_input = Proposal.is_accepting_input


@dataclass(frozen=True, eq=False)
class PriorityPlan:
    """What its page's own parts need of a priority: which one, and its address."""

    id: int
    slug: str


def _kept(kind: str, value, load: Callable, make: Callable):
    """The plan kept for (kind, value) in this generation, else the model loaded now (and its
    plan kept for the next reader); None when there is no such thing."""
    store = current_app.extensions["engage_proposal_plans"]
    return kept_until_change(store, (kind, value), lambda: load(value), make)


def proposal_plan(proposal_id: int) -> ProposalPlan | Proposal | None:
    """A proposal's plan, or the proposal itself when no plan is kept (it serves the same)."""
    return _kept(
        "proposal",
        proposal_id,
        service.get_proposal,
        lambda p: ProposalPlan(p.id, p.status, p.opens_at, p.closes_at),
    )


@cache
def _plan_row():
    # Built once, from the table (no ORM entities to process): building a statement costs about
    # what SQLite takes to run it.
    table = Proposal.__table__
    columns = (table.c.id, table.c.status, table.c.opens_at, table.c.closes_at)
    return select(*columns).where(table.c.id == bindparam("id"))


def current_proposal_plan(proposal_id: int) -> ProposalPlan | None:
    """A proposal's plan read from the database now, never kept: what a form sent decides on.

    Four columns as a row, not the proposal through the ORM, read apart from the session's
    transaction when none is open yet (on the driver's cursor: engage.database.first_row_apart).
    """
    row = first_row_apart(_plan_row(), {"id": proposal_id})
    return ProposalPlan(*row) if row is not None else None


def priority_plan(slug: str) -> PriorityPlan | Priority | None:
    """A priority's plan by its address, or the priority itself when no plan is kept."""
    return _kept("priority", slug, service.get_priority, lambda p: PriorityPlan(p.id, p.slug))


def full_proposal(proposal: ProposalPlan | Proposal) -> Proposal | None:
    """The proposal as a model, for rendering its page: loaded now unless it already is."""
    return proposal if isinstance(proposal, Proposal) else service.get_proposal(proposal.id)


def full_priority(priority: PriorityPlan | Priority) -> Priority | None:
    """The priority as a model, for rendering its page: loaded now unless it already is."""
    return priority if isinstance(priority, Priority) else service.get_priority(priority.slug)


@bp.record_once
def _init(state) -> None:
    from engage.ops.cache import local_text_cache

    # Bounded: a plan per proposal and priority read in this generation; old ones expire.
    state.app.extensions["engage_proposal_plans"] = local_text_cache(4000)
