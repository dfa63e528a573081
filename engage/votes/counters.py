"""Vote totals kept as counters (vote_count): a busy proposal's totals cost what a quiet one's do.

Every change to the votes changes the counters in the same transaction, with one atomic
`INSERT ... ON CONFLICT DO UPDATE SET n = n + excluded.n`: two people voting at once on
PostgreSQL each add their own one, and neither is lost. What moves them:
- a vote cast (+1) or changed (-1 on the old choice, +1 on the new), if the person's votes count;
- an email address confirmed: the person's votes, added in one set-based statement;
- an account or its contributions erased: the person's counted votes, subtracted the same way;
- retention: a decided proposal's counters become its anonymous tally (vote_tally);
- bulk loads (demo data, `flask engage generate`): recount_votes afterwards.
A person's votes count when they have no email (young people) or have confirmed it. Changes to
one person's votes and to whether they count are serialised by a lock on their account row
(lock_voter), so a vote cast while the same person confirms their address is counted once.
"""

from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy import func, or_, select

from engage.accounts.models import User
from engage.database import dialect, run_core
from engage.extensions import db
from engage.votes.models import Vote, VoteChoice, VoteCount

_KEY = ("proposal_id", "choice", "by_young_person")


def counted_voter():
    """SQL (with the voter's account joined): this person's votes count."""
    return or_(User.email.is_(None), User.email_verified_at.is_not(None))


def counts_votes(user) -> bool:
    """Whether this person's votes count now: no email (young people), or a confirmed one."""
    return user.email is None or user.email_verified_at is not None


def lock_voter(user_id: int) -> bool:
    """Lock the person's account row until commit; return whether their votes count.

    Read from the row as locked (PostgreSQL waits for, then sees, a confirmation committed
    meanwhile), not from the session's copy. SQLite has no row locks, and its reads outside a
    write are not in the transaction: a no-op write takes the one write lock first, so what
    follows reads the latest state and no other writer commits until this transaction ends
    (an unindexed column, so the write touches no index and no foreign key), and returns the
    row as written, in the same statement.
    """
    # What running it through the ORM did first: changes the session holds are written before.
    db.session.flush()
    locking = _LOCK_SQLITE if dialect() == "sqlite" else _LOCK_FOR_KEY_SHARE
    return counts_votes(run_core(locking, {"id": user_id}).one())


_LOCK_SQLITE = sa.text(
    'UPDATE "user" SET locale = locale WHERE id = :id RETURNING email, email_verified_at'
)
_USER = User.__table__
_LOCK_FOR_KEY_SHARE = (
    select(_USER.c.email, _USER.c.email_verified_at)
    .where(_USER.c.id == sa.bindparam("id"))
    .with_for_update(key_share=True)
)


def counted_votes(*where, counted_only: bool = True, sign: int = 1):
    """SELECT proposal_id, choice, by_young_person, n: the votes matching `where`, grouped.

    Ordered by the counters' key, so statements that change several counters lock them in one
    order and cannot deadlock each other. `sign=-1` gives negative counts, to subtract.
    """
    count = func.count() if sign > 0 else -func.count()
    query = select(Vote.proposal_id, Vote.choice, Vote.by_young_person, count.label("n"))
    if counted_only:
        query = query.join(User, User.id == Vote.user_id).where(counted_voter())
    # Always a WHERE: SQLite reads `INSERT ... SELECT ... FROM t ON CONFLICT` as a join's ON.
    return (
        query.where(sa.true(), *where)
        .group_by(Vote.proposal_id, Vote.choice, Vote.by_young_person)
        .order_by(Vote.proposal_id, Vote.choice, Vote.by_young_person)
    )


# The same upsert in SQLite's and PostgreSQL's words, as plain SQL: SQLAlchemy cannot cache an
# ON CONFLICT construct, and compiling it again took a fifth of a vote's time.
_ADD_COUNT = sa.text(
    "INSERT INTO vote_count (proposal_id, choice, by_young_person, n) "
    "VALUES (:proposal_id, :choice, :by_young_person, :n) "
    "ON CONFLICT (proposal_id, choice, by_young_person) DO UPDATE SET n = vote_count.n + excluded.n"
)


def add_vote_counts(deltas) -> None:
    """Add (proposal_id, choice, by_young_person, delta) to the counters: one upsert per counter."""
    summed: dict[tuple, int] = defaultdict(int)
    for proposal_id, choice, young, delta in deltas:
        summed[(proposal_id, VoteChoice(choice), bool(young))] += delta
    rows = [
        {"proposal_id": p, "choice": c.value, "by_young_person": y, "n": n}
        for (p, c, y), n in sorted(
            summed.items(), key=lambda kv: (kv[0][0], kv[0][1].value, kv[0][2])
        )
        if n
    ]
    if not rows:
        return
    # In key order, one row after another: two changes cannot lock counters crosswise.
    run_core(_ADD_COUNT, rows[0] if len(rows) == 1 else rows)


def count_person_votes(user_id: int, sign: int) -> None:
    """Add (sign=1) or subtract (sign=-1) all of one person's votes, set-based."""
    _upsert(counted_votes(Vote.user_id == user_id, counted_only=False, sign=sign))


def forget_vote_counts(proposal_ids) -> None:
    """Remove these proposals' counters (their votes are gone, counted elsewhere)."""
    db.session.execute(
        sa.delete(VoteCount)
        .where(VoteCount.proposal_id.in_(proposal_ids))
        .execution_options(synchronize_session=False)
    )


def recount_votes(proposal_ids=None) -> int:
    """Rebuild the counters from the votes (all proposals, or these); return the counters written.

    For repair and after bulk loads. On PostgreSQL the counters table is locked against other
    writers first, so votes cast during the recount are neither lost nor counted twice.
    """
    if dialect() == "postgresql":
        db.session.execute(sa.text("LOCK TABLE vote_count IN EXCLUSIVE MODE"))
    where = () if proposal_ids is None else (Vote.proposal_id.in_(proposal_ids),)
    gone = sa.delete(VoteCount).execution_options(synchronize_session=False)
    if proposal_ids is not None:
        gone = gone.where(VoteCount.proposal_id.in_(proposal_ids))
    db.session.execute(gone)
    db.session.execute(sa.insert(VoteCount).from_select([*_KEY, "n"], counted_votes(*where)))
    db.session.expire_all()
    written = select(func.count()).select_from(VoteCount)
    if proposal_ids is not None:
        written = written.where(VoteCount.proposal_id.in_(proposal_ids))
    return db.session.scalar(written)


def _upsert(source) -> None:
    """Add each row's n to its counter, creating the counter if it is missing."""
    table = VoteCount.__table__
    if dialect() == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(table)
    if isinstance(source, list):
        statement = statement.values(source)
    else:
        statement = statement.from_select([*_KEY, "n"], source)
    statement = statement.on_conflict_do_update(
        index_elements=list(_KEY), set_={"n": table.c.n + statement.excluded.n}
    )
    db.session.execute(statement)
