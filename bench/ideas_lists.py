"""Ideas' lists at town scale: /ideas (newest, most backed, filtered) and officers' /manage/ideas.

    .venv/bin/python bench/ideas_lists.py [--ideas 50000] [--postgres URL]

Makes a fresh database (SQLite under a temporary directory, or a database beside the PostgreSQL
URL), bulk-inserts priorities, authors and ideas with backing counts, then renders each page
through the app in this process and prints the median and the slowest of 20 renders (server time,
no network) and the SQL statements per page. Loopback only: nothing leaves the machine.
"""

import argparse
import random
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

PAGES = [
    "/ideas",
    "/ideas?sort=most_backed",
    "/ideas?priority=p2&area=LU2&show=young",
    "/ideas?status=waiting&sort=most_backed&page=40",
]


def _fill(count: int) -> None:
    from engage.accounts.models import AgeBand, Connection, User
    from engage.clock import utcnow
    from engage.extensions import db
    from engage.ideas.models import Idea, IdeaStatus
    from engage.ideas.service import areas
    from engage.permissions import Role
    from engage.proposals.models import Priority

    rng = random.Random(17)  # reproducible data, not secrets  # nosec B311
    for n in range(5):
        db.session.add(Priority(slug=f"p{n}", title=f"Priority {n}", position=n))
    officer = User(
        role=Role.OFFICER,
        email="officer@bench.example",
        pseudonym="Bench Officer",
        age_band=AgeBand.B25_44,
        connection=Connection.WORK,
        password_hash="!bench",  # an unusable hash  # nosec B106
    )
    db.session.add(officer)
    db.session.flush()
    authors = [
        {
            "role": Role.YOUNG_PERSON if i % 3 == 0 else Role.RESIDENT,
            "username": f"b{i}" if i % 3 == 0 else None,
            "email": None if i % 3 == 0 else f"b{i}@bench.example",
            "pseudonym": f"Bench {i}",
            "age_band": AgeBand.B13_15 if i % 3 == 0 else AgeBand.B25_44,
            "connection": Connection.LIVE,
            "password_hash": "!bench",
        }
        for i in range(2000)
    ]
    db.session.execute(sa.insert(User), authors)
    ids = list(db.session.scalars(sa.select(User.id).where(User.id != officer.id)))
    priorities = list(db.session.scalars(sa.select(Priority.id)))
    places = [None, *areas()]
    now = utcnow()
    rows = []
    for i in range(count):
        author = rng.choice(ids)
        when = now - timedelta(minutes=i * 7)
        rows.append(
            {
                "priority_id": rng.choice(priorities),
                "author_id": author,
                "title": f"Idea number {i}",
                "description": "More benches and trees along the river. " * 4,
                "area": rng.choice(places),
                "language": "en",
                "status": IdeaStatus.PUBLISHED if i % 20 else IdeaStatus.HELD,
                "by_young_person": author % 3 == 0,
                "created_at": when,
                "published_at": when,
                "adult_backers": (adults := rng.randint(0, 300)),
                "young_backers": (young := rng.randint(0, 100)),
                "backer_count": adults + young,
                "comment_count": rng.randint(0, 40),
            }
        )
    for start in range(0, count, 5000):
        db.session.execute(sa.insert(Idea), rows[start : start + 5000])
    db.session.commit()


def main() -> None:
    """Build the data, render each page 20 times, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ideas", type=int, default=50_000)
    parser.add_argument("--postgres", default=None)
    args = parser.parse_args()
    from engage.extensions import db

    with tempfile.TemporaryDirectory() as tmp:
        url = fresh_database(args.postgres or Path(tmp), "bench_ideas")
        app = bench_app(url, PAGE_CACHE_SECONDS=0)
        with app.app_context():
            _fill(args.ideas)
            statements = []
            sa.event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(1))
            client = app.test_client()
            print(f"{args.ideas} ideas on {db.engine.dialect.name}")
            for page in PAGES:
                client.get(page)  # warm
                times = []
                for _ in range(20):
                    statements.clear()
                    start = time.perf_counter()
                    response = client.get(page)
                    times.append((time.perf_counter() - start) * 1000)
                    assert response.status_code == 200, page
                print(
                    f"{page:<50} median {statistics.median(times):6.1f} ms"
                    f"  max {max(times):6.1f} ms  {len(statements)} SQL"
                )
            db.engine.dispose()


if __name__ == "__main__":
    main()
