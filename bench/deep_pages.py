"""Deep pages cost what the first page does: keyset paging of comments and of proposals.

    .venv/bin/python bench/deep_pages.py [--comments 60 6000] [--proposals 200 2000]
                                         [--repeat 20] [--postgres URL]

Makes a fresh database (SQLite under a temporary directory, or a database beside the PostgreSQL
URL), then for each size: a proposal with that many top-level comments, and a priority with that
many public proposals. Each page is requested in this process through the test client (page
cache off, a reader who is not signed in), as a reader reaches it: the first page, and the last
page through the cursor its Previous/Next links carry (engage/keyset.py); and the same last page
through an old `?page=N` link, which still pages with OFFSET, for comparison. Prints the median
time of `--repeat` requests and of the time spent in SQL (the part paging decides; rendering is
the same for every page), the statements of one, the ratio of the last page's SQL time to the
first's, and the ratio between the two sizes. No network.
"""

import argparse
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench.harness import bench_app, fresh_database  # noqa: E402


def _measure(client, url: str, repeat: int) -> tuple[float, float, int]:
    """Median seconds of `repeat` GETs of `url` (after one to warm up), the median seconds
    spent in SQL of each, and its SQL statements."""
    from engage.extensions import db

    statements: list[float] = []
    started: list[float] = []

    def before(*_args):
        started.append(time.perf_counter())

    def after(*_args):
        statements.append(time.perf_counter() - started.pop())

    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    sa.event.listen(db.engine, "before_cursor_execute", before)
    sa.event.listen(db.engine, "after_cursor_execute", after)
    times, sql_times, count = [], [], 0
    try:
        for _ in range(repeat):
            statements.clear()
            start = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - start)
            sql_times.append(sum(statements))
            count = len(statements)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", before)
        sa.event.remove(db.engine, "after_cursor_execute", after)
    return statistics.median(times), statistics.median(sql_times), count


def _analyze(table: str) -> None:
    """Fresh planner statistics after a bulk insert, as autovacuum would soon give PostgreSQL."""
    from engage.extensions import db

    if db.engine.dialect.name == "postgresql":
        db.session.execute(sa.text(f"ANALYZE {table}"))  # nosec B608 - a fixed table name
        db.session.commit()


def _busy_proposal(size: int):
    """A proposal with `size` published top-level comments; its URLs: first, last, old last."""
    from flask import current_app, url_for

    from engage import keyset
    from engage.comments.models import Comment, CommentStatus
    from engage.comments.service import THREAD_ORDER
    from engage.extensions import db
    from tests.factories import make_proposal, make_user

    proposal = make_proposal()
    author = make_user()
    start = proposal.created_at
    db.session.execute(
        sa.insert(Comment),
        [
            {
                "proposal_id": proposal.id,
                "author_id": author.id,
                "body": f"Comment number {i}: more benches by the bus stop, please.",
                "status": CommentStatus.PUBLISHED,
                # Two comments a second, so some share a time and only the id orders them.
                "created_at": start + timedelta(seconds=i // 2),
            }
            for i in range(size)
        ],
    )
    db.session.execute(
        sa.update(type(proposal)).where(type(proposal).id == proposal.id).values(comment_count=size)
    )
    db.session.commit()
    _analyze("comment")
    per_page = current_app.config["COMMENTS_PER_PAGE"]
    pages = -(-size // per_page)
    first = url_for("proposals.proposal", proposal_id=proposal.id)
    if pages == 1:
        return first, first, first, pages
    # The cursor a reader's Next link on the last page but one carries: the last item shown.
    before_last = db.session.scalar(
        sa.select(Comment)
        .where(Comment.proposal_id == proposal.id)
        .order_by(Comment.created_at, Comment.id)
        .offset((pages - 1) * per_page - 1)
        .limit(1)
    )
    after = keyset.encode(THREAD_ORDER.key_of(before_last))
    last = url_for("proposals.proposal", proposal_id=proposal.id, after=after)
    old = url_for("proposals.proposal", proposal_id=proposal.id, page=pages)
    return first, last, old, pages


def _big_priority(size: int, sort):
    """A priority with `size` public proposals; its URLs in `sort`: first, last, old last."""
    from flask import current_app, url_for

    from engage import keyset
    from engage.clock import utcnow
    from engage.extensions import db
    from engage.proposals import service
    from engage.proposals.models import Proposal, ProposalStatus
    from tests.factories import make_priority

    priority = make_priority()
    now = utcnow()
    db.session.execute(
        sa.insert(Proposal),
        [
            {
                "priority_id": priority.id,
                "title": f"Proposal {i}",
                "summary": "More benches by the bus stop.",
                "status": (ProposalStatus.OPEN, ProposalStatus.CLOSED, ProposalStatus.DECIDED)[
                    i % 3
                ],
                "opens_at": now - timedelta(days=40, hours=i),
                "closes_at": now + timedelta(days=(i % 60) - 20),
                "comment_count": i % 97,
                "created_at": now - timedelta(days=50),
            }
            for i in range(size)
        ],
    )
    db.session.commit()
    _analyze("proposal")
    per_page = current_app.config["PROPOSALS_PER_PAGE"]
    pages = -(-size // per_page)
    order = service.priority_order(sort, utcnow())
    query = sa.select(Proposal).where(
        Proposal.priority_id == priority.id, Proposal.status != ProposalStatus.DRAFT
    )
    before_last = db.session.scalar(
        order.ordered(query).offset((pages - 1) * per_page - 1).limit(1)
    )
    args = {"slug": priority.slug, "sort": sort.value}
    after = keyset.encode(order.key_of(before_last))
    return (
        url_for("proposals.priority", **args),
        url_for("proposals.priority", after=after, **args),
        url_for("proposals.priority", page=pages, **args),
        pages,
    )


def _row(name: str, unit: str, sizes, build, client, repeat: int) -> None:
    figures = []
    for size in sizes:
        first, last, old, pages = build(size)
        figures.append(
            (
                pages,
                _measure(client, first, repeat),
                _measure(client, last, repeat),
                _measure(client, old, repeat),
            )
        )
    for size, (pages, first, last, old) in zip(sizes, figures, strict=True):
        print(
            f"{name:<30} {size:>5} {unit}: page 1 {_fig(first)}"
            f" | page {pages:>3} by cursor {_fig(last)} (SQL x{last[1] / first[1]:.2f})"
            f" | ?page={pages} {_fig(old)} (SQL x{old[1] / first[1]:.2f})"
        )
    (_, s1, s2, s3), (_, l1, l2, l3) = figures
    print(
        f"{'':<30} x{sizes[1] / sizes[0]:.0f} data, SQL time: page 1 x{l1[1] / s1[1]:.2f},"
        f" last page by cursor x{l2[1] / s2[1]:.2f}, by ?page=N (offset) x{l3[1] / s3[1]:.2f}"
    )


def _fig(figure) -> str:
    seconds, sql, count = figure
    return f"{seconds * 1000:6.1f} ms ({sql * 1000:5.2f} ms in {count} SQL)"


def main() -> None:
    """Build each size, request the first and the last page, print the figures and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--comments", type=int, nargs=2, default=[60, 6000])
    parser.add_argument("--proposals", type=int, nargs=2, default=[200, 2000])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--postgres", default=None)
    args = parser.parse_args()
    from engage.extensions import db
    from engage.proposals.service import Sort

    with tempfile.TemporaryDirectory() as tmp:
        url = fresh_database(args.postgres or Path(tmp), "bench_deep")
        app = bench_app(url, PAGE_CACHE_SECONDS=0)
        client = app.test_client()
        with app.test_request_context():
            print(f"on {db.engine.dialect.name}, median of {args.repeat} requests")
            _row(
                "proposal page (comments)",
                "comments",
                args.comments,
                _busy_proposal,
                client,
                args.repeat,
            )
            for sort in Sort:
                _row(
                    f"priority page ({sort.value})",
                    "proposals",
                    args.proposals,
                    lambda n, sort=sort: _big_priority(n, sort),
                    client,
                    args.repeat,
                )
            db.session.remove()
            db.engine.dispose()


if __name__ == "__main__":
    main()
