"""Casting votes and counting them."""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

import sqlalchemy as sa
from sqlalchemy import select
from sqlalchemy.orm.util import identity_key

from engage.clock import utcnow
from engage.database import run_core
from engage.errors import RuleError
from engage.extensions import db
from engage.i18n import _
from engage.ops.reader_facts import forget_facts, reader_fact
from engage.proposals.models import Proposal
from engage.votes import counters
from engage.votes.models import Vote, VoteChoice, VoteCount, VoteTally


class VoteError(RuleError):
    """A voting rule was broken; the message is shown to the person."""


def cast_vote(user, proposal: Proposal, choice: VoteChoice) -> int:
    """Record or change a person's vote; a repeated submission leaves one vote. Returns its id.

    The vote totals' counters change in the same transaction, if the person's votes count.
    """
    if not proposal.is_accepting_input():
        raise VoteError(_("This consultation is closed, so votes can no longer change."))
    choice = VoteChoice(choice)
    try:
        return _record_vote(user, proposal, choice)
    finally:
        # Written on the session's connection (engage.database.run_core), not through the session,
        # whose statements drop the reader's facts (their vote) themselves.
        forget_facts()


def _record_vote(user, proposal: Proposal, choice: VoteChoice) -> int:
    counted = counters.lock_voter(user.id)
    held = _locked_vote(user, proposal)
    if held is None:
        young = user.is_young
        vote_id = run_core(
            _INSERT_VOTE,
            {
                "proposal_id": proposal.id,
                "user_id": user.id,
                "choice": choice.value,
                "by_young_person": young,
                "now": utcnow(),
            },
        ).scalar()
        if vote_id is not None:
            if counted:
                counters.add_vote_counts([(proposal.id, choice, young, 1)])
            return vote_id
        # A double-click's twin inserted it first (PostgreSQL waited for its commit): change it.
        held = _locked_vote(user, proposal)
    vote_id, was, young = held
    if was != choice:
        if counted:
            counters.add_vote_counts(
                [(proposal.id, was, young, -1), (proposal.id, choice, young, 1)]
            )
        run_core(_CHANGE_VOTE, {"vote_id": vote_id, "new_choice": choice, "changed_at": utcnow()})
        # A copy of the vote the session holds (a page read it earlier) reads the change.
        copy = db.session.identity_map.get(identity_key(Vote, vote_id))
        if copy is not None:
            db.session.expire(copy, ["choice", "updated_at"])
    return vote_id


# Built once (building a statement costs about what running it does) and run without the unit
# of work, one statement each, in SQLite's and PostgreSQL's shared words. The insert does nothing
# when the vote exists, and then returns no id.
_INSERT_VOTE = sa.text(
    "INSERT INTO vote (proposal_id, user_id, choice, by_young_person, created_at, updated_at) "
    "VALUES (:proposal_id, :user_id, :choice, :by_young_person, :now, :now) "
    "ON CONFLICT (proposal_id, user_id) DO NOTHING RETURNING id"
).bindparams(
    sa.bindparam("by_young_person", type_=sa.Boolean()),
    sa.bindparam("now", type_=sa.DateTime()),
)
_VOTE = Vote.__table__
_CHANGE_VOTE = (
    sa.update(_VOTE)
    .where(_VOTE.c.id == sa.bindparam("vote_id"))
    .values(choice=sa.bindparam("new_choice"), updated_at=sa.bindparam("changed_at"))
)


def _locked_vote(user, proposal: Proposal):
    """The person's vote (id, choice, by_young_person), its row locked until commit and read as
    it is now (PostgreSQL), so two requests changing it at once move the counters from the
    choice each really replaced."""
    return run_core(_LOCKED_VOTE, {"proposal_id": proposal.id, "user_id": user.id}).first()


_LOCKED_VOTE = (
    select(_VOTE.c.id, _VOTE.c.choice, _VOTE.c.by_young_person)
    .where(
        _VOTE.c.proposal_id == sa.bindparam("proposal_id"),
        _VOTE.c.user_id == sa.bindparam("user_id"),
    )
    .with_for_update()
)


@reader_fact("proposal", "vote_choice")
def _vote_choice_fact():
    """The reader's choice on the page's proposal, or NULL (engage/ops/reader_facts.py)."""
    return (
        select(Vote.choice)
        .where(Vote.proposal_id == sa.bindparam("subject_id"))
        .where(Vote.user_id == sa.bindparam("user_id"))
        .scalar_subquery()
    )


def user_vote(user, proposal: Proposal) -> Vote | None:
    """This person's vote on a proposal, if any."""
    if user is None or not user.is_authenticated:
        return None
    return db.session.scalar(
        select(Vote).where(Vote.proposal_id == proposal.id, Vote.user_id == user.id)
    )


@dataclass
class Totals:
    adults: dict[VoteChoice, int] = field(default_factory=lambda: dict.fromkeys(VoteChoice, 0))
    young: dict[VoteChoice, int] = field(default_factory=lambda: dict.fromkeys(VoteChoice, 0))

    @property
    def all(self) -> dict[VoteChoice, int]:
        return {c: self.adults[c] + self.young[c] for c in VoteChoice}

    @property
    def total(self) -> int:
        return sum(self.all.values())

    @property
    def key(self) -> tuple[int, ...]:
        """The counts as plain numbers: what a cached rendering of the totals depends on."""
        return (*self.adults.values(), *self.young.values())

    def percent(self, choice: VoteChoice) -> int:
        """Share of all votes, rounded to a whole number."""
        return round(100 * self.all[choice] / self.total) if self.total else 0


def vote_totals(proposal: Proposal) -> Totals:
    """Votes by choice, split adults and young people, in one query."""
    return vote_totals_for([proposal.id])[proposal.id]


def vote_totals_for(proposal_ids) -> dict[int, Totals]:
    """Each proposal's votes by choice, split adults and young people, in one query.

    Read from the counters the services keep (engage/votes/counters.py), so the cost is the
    same for 10 votes as for 34,000. Votes from an email address nobody has confirmed yet are
    not counted (they count from the moment it is confirmed); young people's accounts have no
    email and always count. Votes past their retention period survive only as anonymous
    tallies, added in here. `proposal_ids` may be a list or a select of ids (a proposal without
    votes then reads as no votes). Run past the ORM (a Core read of plain rows), as the
    counters are written.
    """
    if isinstance(proposal_ids, (list, set, tuple)):
        totals = {pid: Totals() for pid in proposal_ids}
        if not totals:
            return totals
        rows = run_core(_counts_of(), {"ids": list(totals)})
    else:
        totals = defaultdict(Totals)
        rows = run_core(_counts_statement(proposal_ids), {})
    for proposal_id, choice, young, count in rows:
        counts = totals[proposal_id]
        (counts.young if young else counts.adults)[VoteChoice(choice)] += count
    return totals


def _counts_statement(proposal_ids):
    # The counters, not the votes: a few rows per proposal however many people voted.
    live = select(
        VoteCount.proposal_id, VoteCount.choice, VoteCount.by_young_person, VoteCount.n
    ).where(VoteCount.proposal_id.in_(proposal_ids))
    kept = select(
        VoteTally.proposal_id, VoteTally.choice, VoteTally.by_young_person, VoteTally.count
    ).where(VoteTally.proposal_id.in_(proposal_ids))
    return live.union_all(kept)


@cache
def _counts_of():
    # Built once for a list of ids (`:ids`): a proposal page asks on every render.
    return _counts_statement(sa.bindparam("ids", expanding=True))


def totals_key(proposal_id: int) -> str:
    """Where a proposal's shared vote totals are kept in the shared cache."""
    return f"vote-totals:{proposal_id}"


def shared_vote_totals(proposal: Proposal) -> Totals:
    """Vote totals as every reader of the proposal page sees them, counted at most once per
    PAGE_CACHE_SECONDS (kept counters make them cheap; the cache saves the query).

    A vote cast forgets them (forget_vote_totals), so the voter sees their vote counted; other
    changes (an email address confirmed, a tally kept) show within PAGE_CACHE_SECONDS.
    """
    from engage.ops.shells import keep_seconds

    seconds = keep_seconds()
    if not seconds:
        return vote_totals(proposal)
    from engage.ops.cache import cache, get_shared

    try:
        # Fetched with the page's content generation (registered in engage/votes/routes.py).
        counts = get_shared(totals_key(proposal.id))
        if counts is None:
            totals = vote_totals(proposal)
            cache().set(totals_key(proposal.id), (totals.adults, totals.young), timeout=seconds)
            return totals
    except Exception:  # noqa: BLE001 - a cache outage must never take pages down
        return vote_totals(proposal)
    return Totals(adults=dict(counts[0]), young=dict(counts[1]))


def forget_vote_totals(proposal_id: int) -> None:
    """After a vote is committed: the next reader's totals are counted afresh."""
    from engage.ops.cache import forget_shared

    try:
        forget_shared(totals_key(proposal_id))
    except Exception:  # noqa: BLE001 - the vote is committed; the totals expire on their own
        return
