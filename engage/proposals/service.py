"""Proposal and priority operations and queries. Operations flush; routes commit."""

import enum
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache

import sqlalchemy as sa
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import joinedload, selectinload

from engage import events, keyset
from engage.clock import utcnow
from engage.errors import RuleError
from engage.extensions import db
from engage.i18n import _
from engage.proposals.models import (
    Board,
    Plan,
    Priority,
    Proposal,
    ProposalDocument,
    ProposalStatus,
)
from engage.translations.service import delete_translations_of

CLOSING_SOON_DAYS = 7


class ProposalError(RuleError):
    """A proposal rule was broken; the message is shown to the officer."""


class Sort(enum.StrEnum):
    NEWEST = "newest"
    MOST_DISCUSSED = "most-discussed"
    CLOSING_SOON = "closing-soon"


# Which status changes an officer may make from the edit page; "decided" needs an outcome.
TRANSITIONS = {
    ProposalStatus.DRAFT: {ProposalStatus.DRAFT, ProposalStatus.OPEN},
    ProposalStatus.OPEN: {ProposalStatus.OPEN, ProposalStatus.CLOSED, ProposalStatus.DRAFT},
    ProposalStatus.CLOSED: {ProposalStatus.CLOSED, ProposalStatus.OPEN},
    ProposalStatus.DECIDED: {ProposalStatus.DECIDED},
}


@dataclass
class PriorityCard:
    priority: Priority
    open_count: int
    closing_soon: Proposal | None


def start_of_day(day: date | None) -> datetime | None:
    """A date as the first moment of that day (consultations open at the start of a day)."""
    return datetime.combine(day, time.min) if day else None


def end_of_day(day: date | None) -> datetime | None:
    """A date as the last moment of that day (consultations close at the end of a day)."""
    return datetime.combine(day, time(23, 59, 59)) if day else None


def _open_now(now):
    """Open for input at `now` (a value, or the bound parameter of a statement built once)."""
    return sa.and_(
        Proposal.status == ProposalStatus.OPEN,
        sa.or_(Proposal.opens_at.is_(None), Proposal.opens_at <= now),
        sa.or_(Proposal.closes_at.is_(None), Proposal.closes_at > now),
    )


# The moment a statement built once asks about; `soon` is the end of the closing-soon window.
_NOW = bindparam("now", type_=sa.DateTime)


@cache
def _priorities_in_order():
    return select(Priority).order_by(Priority.position, Priority.id)


def list_priorities() -> list[Priority]:
    """All priorities in the order staff set."""
    return list(db.session.scalars(_priorities_in_order()))


@cache
def _card_statements():
    # Built once, like the other statements the public pages run on every request.
    counts = (
        select(Proposal.priority_id, func.count())
        .where(_open_now(_NOW))
        .group_by(Proposal.priority_id)
    )
    # The soonest-closing open proposal per priority, in one query.
    ranked = (
        select(
            Proposal.id,
            func.row_number()
            .over(partition_by=Proposal.priority_id, order_by=(Proposal.closes_at, Proposal.id))
            .label("rank"),
        )
        .where(_open_now(_NOW), Proposal.closes_at <= bindparam("soon", type_=sa.DateTime))
        .subquery()
    )
    soonest = select(Proposal).join(ranked, ranked.c.id == Proposal.id).where(ranked.c.rank == 1)
    return counts, soonest


def priority_cards() -> list[PriorityCard]:
    """Each priority with its number of open proposals and the one that closes soonest."""
    now = utcnow()
    priorities = list_priorities()
    counts_of, soonest = _card_statements()
    counts = dict(db.session.execute(counts_of, {"now": now}).all())
    params = {"now": now, "soon": now + timedelta(days=CLOSING_SOON_DAYS)}
    soon = {p.priority_id: p for p in db.session.scalars(soonest, params)}
    return [PriorityCard(p, counts.get(p.id, 0), soon.get(p.id)) for p in priorities]


# Proposals without a closing date come last under "closing soon", on every database (SQLite
# sorts NULL first, PostgreSQL last); a real date, so a cursor can carry the key.
NO_CLOSING_DATE = datetime(9999, 12, 31)


def priority_order(sort: Sort, now=_NOW) -> keyset.Order:
    """The order of a priority's proposals for `sort`, as a keyset order (the id breaks ties);
    `now` is a moment, or by default the bound parameter `:now`."""
    if sort == Sort.MOST_DISCUSSED:
        # Read backwards along ix_proposal_priority_comments (migration 0022).
        return keyset.Order(
            columns=(Proposal.comment_count, Proposal.id),
            kinds=(int, int),
            key_of=lambda p: (p.comment_count, p.id),
            descending=True,
        )
    if sort == Sort.CLOSING_SOON:
        closes = func.coalesce(Proposal.closes_at, sa.literal(NO_CLOSING_DATE, sa.DateTime))
        open_first = sa.case((_open_now(now), 0), else_=1)
        return keyset.Order(
            columns=(open_first, closes, Proposal.id),
            kinds=(int, datetime, int),
            key_of=_closing_soon_key(now),
        )
    return keyset.Order(
        columns=(func.coalesce(Proposal.opens_at, Proposal.created_at), Proposal.id),
        kinds=(datetime, int),
        key_of=lambda p: (p.opens_at or p.created_at, p.id),
        descending=True,
    )


def _closing_soon_key(now):
    """A proposal's key under "closing soon" at `now` (None: at the moment the key is made)."""
    moment = now if isinstance(now, datetime) else None
    return lambda p: (
        0 if p.is_accepting_input(moment or utcnow()) else 1,
        p.closes_at or NO_CLOSING_DATE,
        p.id,
    )


@cache
def _priority_paged(sort: Sort) -> keyset.Paged:
    query = select(Proposal).where(
        Proposal.priority_id == bindparam("priority_id"), Proposal.status != ProposalStatus.DRAFT
    )
    return keyset.Paged(query, priority_order(sort))


def priority_proposals(priority: Priority, sort: Sort, wanted: keyset.Wanted, per_page: int):
    """A page of a priority's public proposals in the chosen order (never personalised).

    The page is the one after or before a cursor (engage/keyset.py), so page 200 reads what
    page 1 does.
    """
    now = utcnow()
    params = {"priority_id": priority.id, "now": now}
    # The cursor's key in Python at the moment the page was read, as the query had it.
    key_of = _closing_soon_key(now) if sort == Sort.CLOSING_SOON else None
    return _priority_paged(sort).read(db.session, per_page, wanted, params, key_of)


@cache
def _recent_outcomes():
    return (
        select(Proposal)
        .where(
            Proposal.priority_id == bindparam("priority_id"),
            Proposal.status == ProposalStatus.DECIDED,
        )
        .order_by(Proposal.decided_at.desc(), Proposal.id.desc())
        .limit(bindparam("limit", type_=sa.Integer))
    )


def recent_outcomes(priority: Priority, limit: int = 3) -> list[Proposal]:
    """The latest decisions under a priority: 'You said, we did'."""
    params = {"priority_id": priority.id, "limit": limit}
    return list(db.session.scalars(_recent_outcomes(), params))


@cache
def _proposal_by_id():
    # Built once (see get_proposal): building a statement costs more than running it. What the
    # page shows of its priority, plan, board and documents comes in the same statement, where
    # lazy loads had run while it rendered: the documents' lazy load alone was a tenth of the
    # page rendered afresh (a proposal has a handful of documents, so the join repeats its row
    # a handful of times at most).
    return (
        select(Proposal)
        .options(
            joinedload(Proposal.priority),
            joinedload(Proposal.plan).joinedload(Plan.board),
            joinedload(Proposal.documents),
        )
        .where(Proposal.id == bindparam("id"))
    )


def get_proposal(proposal_id: int) -> Proposal | None:
    """A proposal with what its page shows (priority, plan, board, documents), for rendering
    the page when its shell is not kept."""
    return db.session.execute(_proposal_by_id(), {"id": proposal_id}).unique().scalar()


@cache
def _priority_by_slug():
    return select(Priority).where(Priority.slug == bindparam("slug"))


def get_priority(slug: str) -> Priority | None:
    """A priority by its address, in one query built once (its page asks on every request)."""
    return db.session.scalar(_priority_by_slug(), {"slug": slug})


def load_proposal(proposal_id: int) -> Proposal | None:
    """A proposal with what its page shows, in a fixed number of queries."""
    return db.session.scalar(
        select(Proposal)
        .options(
            selectinload(Proposal.documents),
            selectinload(Proposal.priority),
            selectinload(Proposal.plan).selectinload(Plan.board),
        )
        .where(Proposal.id == proposal_id)
    )


def staff_proposals(status: ProposalStatus | None = None) -> list[Proposal]:
    """Every proposal, drafts included, for the manage pages."""
    query = select(Proposal).options(selectinload(Proposal.priority)).order_by(Proposal.id.desc())
    if status:
        query = query.where(Proposal.status == status)
    return list(db.session.scalars(query))


def list_plans() -> list[Plan]:
    """Plans with their boards, for choosing who delivers a proposal."""
    return list(
        db.session.scalars(
            select(Plan).options(selectinload(Plan.board)).join(Board).order_by(Board.id, Plan.id)
        )
    )


@dataclass
class ProposalData:
    title: str
    summary: str
    youth_summary: str
    body: str
    priority_id: int
    plan_id: int | None
    who_decides: str
    opens_on: date | None
    closes_on: date | None
    decision_due: date | None
    status: ProposalStatus
    documents: list[tuple[str, str]]


def _check_dates(data: ProposalData) -> None:
    if data.opens_on and data.closes_on and data.closes_on < data.opens_on:
        raise ProposalError(
            _("The closing date must be on or after the opening date."), "closes_on"
        )
    if data.status == ProposalStatus.OPEN and not data.closes_on:
        raise ProposalError(
            _("An open consultation needs a closing date, so people know how long they have."),
            "closes_on",
        )
    if data.decision_due and data.closes_on and data.decision_due < data.closes_on:
        raise ProposalError(
            _("The decision cannot be due before the consultation closes."), "decision_due"
        )


def _apply(proposal: Proposal, data: ProposalData) -> None:
    if db.session.get(Priority, data.priority_id) is None:
        raise ProposalError(_("Choose a priority"), "priority_id")
    proposal.title = data.title
    proposal.summary = data.summary
    proposal.youth_summary = data.youth_summary
    proposal.body = data.body
    proposal.priority_id = data.priority_id
    proposal.plan_id = data.plan_id
    proposal.who_decides = data.who_decides
    proposal.opens_at = start_of_day(data.opens_on)
    proposal.closes_at = end_of_day(data.closes_on)
    proposal.decision_due = data.decision_due
    proposal.status = data.status
    _apply_documents(proposal, data.documents)


def _apply_documents(proposal: Proposal, documents: list[tuple[str, str]]) -> None:
    # Rows are kept in place rather than replaced, so their translations survive an edit (a changed
    # title shows as out of date on the translation page).
    existing = list(proposal.documents)
    for doc, (title, url) in zip(existing, documents, strict=False):
        doc.title, doc.url = title, url
    for title, url in documents[len(existing) :]:
        proposal.documents.append(ProposalDocument(title=title, url=url))
    for doc in existing[len(documents) :]:
        if doc.id is not None:
            delete_translations_of(doc)
        proposal.documents.remove(doc)


def create_proposal(user, data: ProposalData) -> Proposal:
    """Create a proposal (usually a draft) written by an officer."""
    if data.status not in TRANSITIONS[ProposalStatus.DRAFT]:
        raise ProposalError(_("A new proposal can only be a draft or open."), "status")
    _check_dates(data)
    proposal = Proposal(created_by_id=user.id)
    _apply(proposal, data)
    db.session.add(proposal)
    db.session.flush()
    events.proposal_saved.send(proposal)
    if proposal.status == ProposalStatus.OPEN:
        events.proposal_published.send(proposal)
    return proposal


def update_proposal(user, proposal: Proposal, data: ProposalData) -> Proposal:
    """Edit a proposal, allowing only sensible status changes."""
    if data.status not in TRANSITIONS[proposal.status]:
        raise ProposalError(
            _(
                "A %(current)s proposal cannot be changed to %(new)s here.",
                current=status_label(proposal.status),
                new=status_label(data.status),
            ),
            "status",
        )
    _check_dates(data)
    was_draft = proposal.status == ProposalStatus.DRAFT
    _apply(proposal, data)
    db.session.flush()
    events.proposal_saved.send(proposal)
    if was_draft and proposal.status == ProposalStatus.OPEN:
        events.proposal_published.send(proposal)
    elif proposal.status != ProposalStatus.DRAFT:
        events.proposal_changed.send(proposal)
    return proposal


def publish_outcome(user, proposal: Proposal, you_said: str, we_did: str, why: str) -> Proposal:
    """Mark a proposal decided and publish what people said, what was decided and why."""
    if proposal.status not in {ProposalStatus.CLOSED, ProposalStatus.DECIDED, ProposalStatus.OPEN}:
        raise ProposalError(_("Only a consultation that has run can have an outcome."))
    if proposal.status == ProposalStatus.OPEN and proposal.is_accepting_input():
        raise ProposalError(
            _("Close the consultation before publishing the outcome, so everyone had their say.")
        )
    proposal.outcome_you_said = you_said
    proposal.outcome_we_did = we_did
    proposal.outcome_why = why
    if proposal.status != ProposalStatus.DECIDED:
        proposal.status = ProposalStatus.DECIDED
        proposal.decided_at = utcnow()
    db.session.flush()
    events.outcome_published.send(proposal)
    return proposal


def update_priority(user, priority: Priority, title: str, description: str, youth: str) -> None:
    """Rename a priority or change its wording."""
    priority.title = title
    priority.description = description
    priority.youth_description = youth
    db.session.flush()


def move_priority(user, priority: Priority, offset: int) -> None:
    """Move a priority up (-1) or down (+1) in the list everyone sees."""
    ordered = list_priorities()
    index = ordered.index(priority)
    target = index + offset
    if not 0 <= target < len(ordered):
        return
    ordered[index], ordered[target] = ordered[target], ordered[index]
    for position, item in enumerate(ordered):
        item.position = position
    db.session.flush()


def status_label(status: ProposalStatus) -> str:
    """How a proposal's status reads to people."""
    # One lookup in the catalogue, not four: a list page asks for each proposal it shows.
    match ProposalStatus(status):
        case ProposalStatus.DRAFT:
            return _("Draft")
        case ProposalStatus.OPEN:
            return _("Open for comments")
        case ProposalStatus.CLOSED:
            return _("Closed, decision pending")
        case ProposalStatus.DECIDED:
            return _("Decided")
