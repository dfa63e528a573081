"""A busy proposal's vote totals against a quiet one's: the counters, and the votes counted.

    .venv/bin/python bench/vote_totals.py [--votes 100 30000] [-n 30] [--postgres URL]

Makes a fresh database (SQLite under a temporary directory, or a database beside the PostgreSQL
URL) with one proposal per size, each with that many voters (a quarter young people, one adult in
ten with an unconfirmed address), written in bulk and counted with recount_votes. For each it
prints the median time of the totals as the pages read them (the counters), of the same totals
counted from the votes (as before the counters, for comparison), and of the whole proposal page
rendered in this process with the page cache off; then the ratio between the sizes.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.harness import bench_app, drop_database, fresh_database  # noqa: E402


def _proposal_with_votes(n: int) -> int:
    """A proposal with n voters (one adult in ten unconfirmed), written in bulk and recounted."""
    from tests.factories import make_proposal, make_voters

    proposal = make_proposal(title=f"Proposal with {n:,} votes")
    make_voters(proposal, n, unconfirmed_every=10)
    return proposal.id


def _median_ms(work, runs: int) -> float:
    work()  # statements prepared, pages cached in memory
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def _from_votes(proposal_id: int):
    """The totals counted from the votes themselves, as vote_totals_for did before counters."""
    import sqlalchemy as sa

    from engage.extensions import db
    from engage.votes.counters import counted_votes
    from engage.votes.models import Vote, VoteTally

    kept = sa.select(
        VoteTally.proposal_id, VoteTally.choice, VoteTally.by_young_person, VoteTally.count
    ).where(VoteTally.proposal_id == proposal_id)
    rows = counted_votes(Vote.proposal_id == proposal_id).order_by(None)
    return db.session.execute(rows.union_all(kept)).all()


def main() -> None:
    """Build each size, time the totals both ways and the page, print the figures and ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--votes", type=int, nargs=2, default=[100, 30000])
    parser.add_argument("-n", type=int, default=30, help="Runs of each measurement.")
    parser.add_argument("--postgres", default=None, help="A PostgreSQL URL (else SQLite).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = fresh_database(args.postgres or tmp, "bench_vote_totals")
        app = bench_app(url, PAGE_CACHE_SECONDS=0)
        try:
            _run(app, args)
        finally:
            if args.postgres:
                with app.app_context():
                    from engage.extensions import db

                    db.engine.dispose()
                drop_database(url)


def _run(app, args) -> None:
    from engage.votes.service import vote_totals_for

    rows = []
    with app.app_context():
        for size in args.votes:
            pid = _proposal_with_votes(size)
            client = app.test_client()

            def page(pid=pid, client=client):
                assert client.get(f"/proposals/{pid}").status_code == 200

            total = vote_totals_for([pid])[pid].total
            rows.append(
                (
                    size,
                    total,
                    _median_ms(lambda pid=pid: vote_totals_for([pid]), args.n),
                    _median_ms(lambda pid=pid: _from_votes(pid), args.n),
                    _median_ms(page, args.n),
                )
            )
    print(f"database: {app.config['SQLALCHEMY_DATABASE_URI'].split(':')[0]}, median of {args.n}")
    print(f"{'votes':>8} {'counted':>8} {'counters ms':>12} {'from votes ms':>14} {'page ms':>8}")
    for size, total, counters_ms, votes_ms, page_ms in rows:
        print(f"{size:>8,} {total:>8,} {counters_ms:>12.3f} {votes_ms:>14.3f} {page_ms:>8.1f}")
    (small, *_), (large, *_) = rows
    ratios = [large_v / small_v for small_v, large_v in zip(rows[0][2:], rows[1][2:], strict=True)]
    print(
        f"{large / small:,.0f}x the votes: counters {ratios[0]:.2f}x, "
        f"from votes {ratios[1]:.1f}x, page {ratios[2]:.2f}x"
    )


if __name__ == "__main__":
    main()
