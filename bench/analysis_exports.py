"""Measure the officers' analysis downloads: time and memory as the number of comments grows.

Run from the repository root: ``python bench/analysis_exports.py [--comments 10000 50000]``.

For each size it builds a fresh database (SQLite in a temporary folder, or DATABASE_URL) with a
closed proposal, that many published comments by as many people (every other one voted, every
third one tagged with one of three themes, every tenth one with an English reading), signs in an
officer and downloads the responses as CSV (streamed, read chunk by chunk as a browser would) and
as Excel, through the app's own request handling. Reported: seconds, size of the file, and the
peak of Python memory allocated during the request (tracemalloc, measured in a second run so
that its slowdown stays out of the times). Flat memory means the peak hardly moves with size.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _town(n: int, proposal_id: int, officer_id: int) -> None:
    """n people, each with one published comment; votes, tags and English readings on some."""
    import sqlalchemy as sa

    from engage.accounts.models import AgeBand, Connection, User
    from engage.analysis.models import Subject, Tag, Theme
    from engage.clock import utcnow
    from engage.comments.models import Comment, CommentStatus
    from engage.extensions import db
    from engage.permissions import Role
    from engage.translations.models import ContentTranslation
    from engage.votes.models import Vote, VoteChoice

    now = utcnow()
    db.session.execute(
        sa.insert(User),
        [
            {
                "role": Role.RESIDENT,
                "email": f"bench{i}@example.org",
                "pseudonym": f"Bench Otter {i}",
                "age_band": (AgeBand.B18_24, AgeBand.B25_44, AgeBand.B45_64)[i % 3],
                "connection": Connection.LIVE,
                "postcode_district": f"LU{1 + i % 7}",
                "password_hash": "x",
                "email_verified_at": now,
            }
            for i in range(n)
        ],
    )
    ids = list(db.session.scalars(sa.select(User.id).where(User.email.like("bench%"))))
    db.session.execute(
        sa.insert(Comment),
        [
            {
                "proposal_id": proposal_id,
                "author_id": uid,
                "body": f"Comment {k}: the buses should run later, and the park needs lights.",
                "status": CommentStatus.PUBLISHED,
                "by_young_person": False,
                "language": "pl" if k % 10 == 0 else "en",
                "created_at": now,
            }
            for k, uid in enumerate(ids)
        ],
    )
    db.session.execute(
        sa.insert(Vote),
        [
            {"proposal_id": proposal_id, "user_id": uid, "choice": VoteChoice.AGREE}
            for uid in ids[::2]
        ],
    )
    from engage.votes.counters import recount_votes

    recount_votes([proposal_id])  # written directly: the totals' counters too
    comment_ids = list(db.session.scalars(sa.select(Comment.id).order_by(Comment.id)))
    themes = []
    for name in ("Buses", "Parks", "Lighting"):
        theme = Theme(
            subject=Subject.PROPOSAL,
            subject_id=proposal_id,
            name=name,
            description="",
            response="",
        )
        db.session.add(theme)
        themes.append(theme)
    db.session.flush()
    db.session.execute(
        sa.insert(Tag),
        [
            {
                "theme_id": themes[k % 3].id,
                "source": "comment",
                "item_id": cid,
                "tagged_by_id": officer_id,
                "tagged_at": now,
            }
            for k, cid in enumerate(comment_ids[::3])
        ],
    )
    db.session.execute(
        sa.insert(ContentTranslation),
        [
            {
                "entity": "comment",
                "entity_id": cid,
                "field": "body",
                "locale": "en",
                "text": "An English reading.",
            }
            for cid in comment_ids[::10]
        ],
    )
    db.session.commit()


def _download(client, url: str) -> tuple[float, int]:
    """Seconds and bytes for one download, reading a streamed body chunk by chunk."""
    started = time.perf_counter()
    response = client.get(url, buffered=False)
    assert response.status_code == 200, response.status_code
    size = sum(len(chunk) for chunk in response.response)
    response.close()
    return time.perf_counter() - started, size


def _peak_mib(client, url: str) -> float:
    tracemalloc.start()
    tracemalloc.reset_peak()
    _download(client, url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def measure(n: int) -> list[tuple[str, float, int, float]]:
    """(format, seconds, bytes, peak MiB) for each download at n comments."""
    from flask_migrate import upgrade

    from engage import create_app
    from engage.permissions import Role
    from engage.proposals.models import ProposalStatus
    from tests.conftest import Client, login
    from tests.factories import make_proposal, make_user

    folder = Path(tempfile.mkdtemp(prefix="engage-bench-exports-"))
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL")
            or f"sqlite:///{folder / 'engage.db'}",
            "RATELIMIT_ENABLED": False,
            "SECRET_KEY": "bench",
            "SERVER_NAME": "localhost",
            "JOBS_BACKEND": "immediate",
        }
    )
    app.test_client_class = Client
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"), revision="heads")
    results = []
    with app.test_request_context():
        proposal = make_proposal(ProposalStatus.CLOSED, title="Bench proposal")
        officer = make_user(Role.OFFICER)
        _town(n, proposal.id, officer.id)
        client = login(app.test_client(), officer)
        base = f"/manage/analysis/proposal/{proposal.id}/responses"
        for fmt in ("csv", "xlsx"):
            seconds, size = _download(client, f"{base}.{fmt}")
            results.append((fmt, seconds, size, _peak_mib(client, f"{base}.{fmt}")))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, nargs="+", default=[10_000, 50_000])
    args = parser.parse_args()
    print("comments  format  seconds  file MiB  peak Python memory MiB")
    for n in args.comments:
        for fmt, seconds, size, peak in measure(n):
            print(f"{n:>8}  {fmt:<6}  {seconds:>7.1f}  {size / 2**20:>8.1f}  {peak:>8.1f}")


if __name__ == "__main__":
    main()
