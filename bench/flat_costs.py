"""Costs that must stay flat as the data grows: survey results and exports, deleting an account,
the moderators' queue and dashboard.

    .venv/bin/python bench/flat_costs.py [--responses 1000 20000] [--comments 15 1000]
                                         [--held 100 10000] [--postgres URL]

Makes a fresh database (SQLite under a temporary directory, or a database beside the PostgreSQL
URL), then for each size: a survey with that many responses (every question answered), its
published results page as a visitor gets it and the officers' results page; a survey with that
many responses exported as CSV and as Excel (every chunk read and thrown away, as a response sends
it); and an account with that many comments (on proposals, ideas, and as many ideas and backings)
deleted; and that many more young people's comments held for a moderator, with the first page of
the moderation queue and the moderators' dashboard as a moderator gets them. Prints the time, the
peak memory Python allocated (tracemalloc) and the SQL statements of each (and the pages' HTML
size), and the ratio between the sizes.
In this process, no network. Builds data with the tests' builders.
"""

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench.harness import bench_app, fresh_database  # noqa: E402


def _measure(work, repeatable: bool) -> tuple[float, int, int]:
    """Seconds, peak bytes allocated and SQL statements of `work`.

    Work that can run twice is timed without tracemalloc (which slows Python several times);
    a deletion can run only once, so its time includes tracemalloc's cost.
    """
    from engage.extensions import db

    seconds = None
    if repeatable:
        start = time.perf_counter()
        work()
        seconds = time.perf_counter() - start
    statements = []

    def count(*_args):
        statements.append(1)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        work()
        seconds = seconds or time.perf_counter() - start
        return seconds, tracemalloc.get_traced_memory()[1], len(statements)
    finally:
        tracemalloc.stop()
        sa.event.remove(db.engine, "before_cursor_execute", count)


def _export(kind: str, size: int):
    from engage.permissions import Role
    from engage.surveys import export
    from tests.factories import make_user
    from tests.surveys.helpers import bulk_responses, make_code, make_survey

    survey = make_survey()
    bulk_responses(survey, size, code=make_code(survey, label=f"Group {size}"))
    viewer = make_user(Role.OFFICER)
    exporter = export.export_csv if kind == "csv" else export.export_xlsx

    def work():
        for _chunk in exporter(viewer, survey):
            pass

    return work


def _results_page(staff: bool, size: int, app, html_bytes: dict):
    """The public results page (through the test client), or the officers' (its view called)."""
    from flask_login import login_user

    from engage.accounts.models import User
    from engage.extensions import db
    from engage.permissions import Role
    from engage.surveys import manage_routes
    from tests.factories import make_user
    from tests.surveys.helpers import bulk_responses, make_code, make_survey

    survey = make_survey(results_published=True)
    bulk_responses(survey, size, code=make_code(survey, label=f"Group {size}"), choices=True)
    officer = make_user(Role.OFFICER)
    survey_id, officer_id = survey.id, officer.id
    client = app.test_client()

    def work():
        if staff:
            with app.test_request_context(f"/manage/surveys/{survey_id}/results"):
                login_user(db.session.get(User, officer_id))
                html = manage_routes.manage_results(survey_id)
        else:
            response = client.get(f"/surveys/{survey_id}")
            assert response.status_code == 200, response.status_code
            html = response.get_data(as_text=True)
        assert "Question 8" in html
        html_bytes[size] = len(html.encode())

    work()  # once before measuring: the first page of all compiles the templates
    return work


def _deletion(size: int):
    from engage.accounts.models import User
    from engage.comments.models import Comment, CommentStatus
    from engage.extensions import db
    from engage.ideas.models import Idea, IdeaBacking, IdeaComment, IdeaStatus
    from engage.me import service as me
    from tests.factories import make_proposal, make_user, make_vote

    person = make_user()
    others = make_user()
    proposals = [make_proposal() for _ in range(10)]
    for p in proposals:
        make_vote(p, person)
    priority_id = proposals[0].priority_id
    db.session.execute(
        sa.insert(Comment),
        [
            {
                "proposal_id": proposals[i % 10].id,
                "author_id": person.id,
                "body": f"Comment number {i}",
                "status": CommentStatus.PUBLISHED,
            }
            for i in range(size)
        ],
    )
    ideas = [
        {
            "priority_id": priority_id,
            "author_id": person.id if i % 2 else others.id,
            "title": f"Idea {i}",
            "description": "More benches.",
            "status": IdeaStatus.PUBLISHED,
        }
        for i in range(size)
    ]
    db.session.execute(sa.insert(Idea), ideas)
    idea_ids = list(db.session.scalars(sa.select(Idea.id).where(Idea.title.like("Idea %"))))
    db.session.execute(
        sa.insert(IdeaComment),
        [
            {"idea_id": i, "author_id": person.id, "body": "Yes", "status": IdeaStatus.PUBLISHED}
            for i in idea_ids[-size:]
        ],
    )
    db.session.execute(
        sa.insert(IdeaBacking), [{"idea_id": i, "user_id": person.id} for i in idea_ids[-size:]]
    )
    db.session.commit()
    person_id = person.id

    def work():
        me.delete_account(db.session.get(User, person_id))
        db.session.commit()

    return work


def _moderation(page: str, size: int, app, html_bytes: dict):
    """The moderators' queue (first page) or dashboard, with `size` more young people's comments
    held (rows inserted in bulk, as the checks and the comment service would leave them)."""
    from datetime import timedelta

    from flask_login import login_user

    from engage.accounts.models import User
    from engage.clock import utcnow
    from engage.comments.models import Comment, CommentStatus, HoldReason
    from engage.extensions import db
    from engage.moderation import routes
    from engage.moderation.models import CaseReason, CaseState, ModerationCase
    from engage.permissions import Role
    from tests.factories import make_proposal, make_user

    proposals = [make_proposal() for _ in range(10)]
    authors = [make_user(Role.YOUNG_PERSON) for _ in range(10)]
    now = utcnow()
    db.session.execute(
        sa.insert(Comment),
        [
            {
                "proposal_id": proposals[i % 10].id,
                "author_id": authors[i % 10].id,
                "body": f"Held comment number {i}: more benches by the library, please.",
                "status": CommentStatus.HELD,
                "hold_reason": HoldReason.YOUNG_PERSON,
                "by_young_person": True,
                "created_at": now - timedelta(minutes=i),
            }
            for i in range(size)
        ],
    )
    # The authors are new, so their comments are exactly these.
    held = db.session.execute(
        sa.select(Comment.id, Comment.author_id, Comment.proposal_id, Comment.created_at).where(
            Comment.author_id.in_([a.id for a in authors])
        )
    ).all()
    priority_of = {p.id: p.priority_id for p in proposals}
    db.session.execute(
        sa.insert(ModerationCase),
        [
            {
                "source": "comment",
                "item_id": c.id,
                "state": CaseState.WAITING,
                "reason": CaseReason.YOUNG_PERSON,
                "held_at": c.created_at,
                "author_id": c.author_id,
                "priority_id": priority_of[c.proposal_id],
                "by_young_person": True,
                "flags": [],
            }
            for c in held
        ],
    )
    db.session.commit()
    moderator_id = make_user(Role.MODERATOR).id
    view, path = {
        "queue": (routes.manage_queue, "/manage/moderation"),
        "dashboard": (routes.manage_dashboard, "/manage/moderation/dashboard"),
    }[page]

    waiting = db.session.scalar(
        sa.select(sa.func.count()).where(ModerationCase.state == CaseState.WAITING)
    )

    def work():
        with app.test_request_context(path):
            login_user(db.session.get(User, moderator_id))
            html = view()
            html = html[0] if isinstance(html, tuple) else html
        # The queue lists held comments; the dashboard counts every one of them.
        shown = "Held comment number" if page == "queue" else f"{waiting:,}"
        assert shown in html, f"{page}: {shown!r} not on the page"
        html_bytes[size] = len(html.encode())

    work()  # once before measuring: the templates compile
    return work


def main() -> None:
    """Build each size, measure each piece of work, print the figures and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--responses", type=int, nargs=2, default=[1000, 20000])
    parser.add_argument("--comments", type=int, nargs=2, default=[15, 1000])
    parser.add_argument("--held", type=int, nargs=2, default=[100, 10000])
    parser.add_argument("--postgres", default=None)
    args = parser.parse_args()
    from engage.extensions import db

    with tempfile.TemporaryDirectory() as tmp:
        url = fresh_database(args.postgres or Path(tmp), "bench_flat")
        app = bench_app(url)
        with app.test_request_context():
            print(f"on {db.engine.dialect.name}")
            # Each page's HTML size per data size, noted by its builder.
            results_html, staff_html, queue_html, dashboard_html = {}, {}, {}, {}
            rows = [
                (
                    "survey results page",
                    "responses",
                    args.responses,
                    lambda n: _results_page(False, n, app, results_html),
                    results_html,
                ),
                (
                    "staff results page",
                    "responses",
                    args.responses,
                    lambda n: _results_page(True, n, app, staff_html),
                    staff_html,
                ),
                (
                    "survey CSV export",
                    "responses",
                    args.responses,
                    lambda n: _export("csv", n),
                    None,
                ),
                (
                    "survey XLSX export",
                    "responses",
                    args.responses,
                    lambda n: _export("xlsx", n),
                    None,
                ),
                ("delete an account", "comments", args.comments, _deletion, None),
                (
                    "moderation queue page",
                    "held",
                    args.held,
                    lambda n: _moderation("queue", n, app, queue_html),
                    queue_html,
                ),
                (
                    "moderation dashboard page",
                    "held",
                    args.held,
                    lambda n: _moderation("dashboard", n, app, dashboard_html),
                    dashboard_html,
                ),
            ]
            for name, unit, sizes, build, pages in rows:
                figures = []
                for size in sizes:
                    db.session.expire_all()
                    figures.append(_measure(build(size), repeatable=unit != "comments"))
                (t1, m1, q1), (t2, m2, q2) = figures
                print(
                    f"{name:<25} {sizes[0]:>6} {unit}: {t1 * 1000:8.0f} ms {m1 / 2**20:6.1f} MB"
                    f" {q1:4d} SQL | {sizes[1]:>6}: {t2 * 1000:8.0f} ms {m2 / 2**20:6.1f} MB"
                    f" {q2:4d} SQL | x{sizes[1] / sizes[0]:.0f} data: time x{t2 / t1:.1f},"
                    f" memory x{m2 / m1:.1f}, SQL x{q2 / q1:.1f}"
                )
                if pages:
                    b1, b2 = pages[sizes[0]], pages[sizes[1]]
                    print(
                        f"{'':<25} HTML: {b1 / 1024:.0f} KB | {b2 / 1024:.0f} KB | x{b2 / b1:.1f}"
                    )
            db.engine.dispose()


if __name__ == "__main__":
    main()
