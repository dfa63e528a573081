"""Page weight: bytes transferred and requests for the pages people load most, in a real browser.

Usage: .venv/bin/python bench/page_weight.py

Builds a temporary SQLite database with the migrations and the Luton demo data, gives one open
proposal 60 published comments, serves the app on 127.0.0.1 and loads, each in a fresh browser
context (an empty cache: the worst case), the home page, a priority, that proposal and a survey
question. For every response it counts the bytes on the wire: the encoded body (WhiteNoise sends
the pre-compressed .br/.gz of CSS and JS) plus headers. HTML leaves Flask uncompressed and is
gzipped by nginx in production (deploy/nginx.conf, level 5), so the HTML's gzip size at that
level is reported too. Target: 50 KB or less per page including CSS and JS, and no web fonts.
"""

import gzip
import logging
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_BYTES = 50 * 1024
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def build_site(db_url: str):
    """The app on a fresh demo database, with one open proposal holding 60 comments."""
    from flask_migrate import upgrade
    from sqlalchemy import func, select

    from engage import create_app
    from engage.comments.models import Comment, CommentStatus
    from engage.comments.service import refresh_comment_count
    from engage.demo.seed import load_demo
    from engage.extensions import db
    from engage.proposals.models import Priority, Proposal, ProposalStatus
    from engage.surveys.models import Survey, SurveyStatus

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": db_url,
            "SQLALCHEMY_ENGINE_OPTIONS": {},
            "RATELIMIT_ENABLED": False,
            "MAIL_BACKEND": "memory",
            "SECRET_KEY": "page-weight-bench",
            "ENGAGE_ENV": "development",
        }
    )
    with app.app_context():
        upgrade(revision="heads")
        load_demo()
        db.session.commit()
        proposal = db.session.scalar(
            select(Proposal)
            .where(Proposal.status == ProposalStatus.OPEN)
            .order_by(Proposal.comment_count.desc())
        )
        authors = [c.author_id for c in db.session.scalars(select(Comment).limit(10))]
        have = db.session.scalar(
            select(func.count()).where(
                Comment.proposal_id == proposal.id, Comment.status == CommentStatus.PUBLISHED
            )
        )
        for n in range(have, 60):
            db.session.add(
                Comment(
                    proposal_id=proposal.id,
                    author_id=authors[n % len(authors)],
                    body=(
                        f"Comment {n + 1}. I walk this way every day with my children and I think "
                        "the plan would help, but please keep the bus stop where it is."
                    ),
                    status=CommentStatus.PUBLISHED,
                )
            )
        db.session.flush()
        refresh_comment_count(proposal.id)
        db.session.commit()
        priority = db.session.scalar(select(Priority).order_by(Priority.position))
        survey = db.session.scalar(select(Survey).where(Survey.status == SurveyStatus.LIVE))
        pages = {
            "home": "/",
            "priority": f"/priorities/{priority.slug}",
            "proposal with 60 comments": f"/proposals/{proposal.id}",
            "survey question": f"/surveys/{survey.id}/q/1",
        }
        return app, pages, survey.id


def measure(page, url: str) -> dict:
    """Load a page; return requests, bytes on the wire, and the HTML's size gzipped."""
    finished = []

    def record(request):
        finished.append(request)

    page.on("requestfinished", record)
    response = page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", record)
    wire = html_raw = fonts = 0
    for request in finished:
        sizes = request.sizes()
        wire += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        if request.resource_type == "font":
            fonts += 1
    html = response.body()
    html_raw = len(html)
    html_gzip = len(gzip.compress(html, compresslevel=5))
    assets = wire - html_raw - response.request.sizes()["responseHeadersSize"]
    return {
        "requests": len(finished),
        "wire": wire,
        "html": html_raw,
        "html_gzip": html_gzip,
        "assets": assets,
        "with_nginx": wire - html_raw + html_gzip,
        "fonts": fonts,
        "status": response.status,
    }


def main() -> int:
    """Build the site, measure the four pages, print a table; 1 if any page is over target."""
    from playwright.sync_api import sync_playwright
    from werkzeug.serving import make_server

    logging.disable(logging.INFO)  # request logs would drown the table
    with tempfile.TemporaryDirectory() as tmp:
        app, pages, survey_id = build_site(f"sqlite:///{tmp}/bench.db")
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        results = {}
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
                for name, path in pages.items():
                    context = browser.new_context(base_url=base)
                    page = context.new_page()
                    if name == "survey question":
                        # Question 1 comes after the age question; answer it in another tab
                        # of the same context so the measured load starts with an empty cache.
                        other = context.new_page()
                        context.route("**/static/**", lambda route: route.abort())
                        other.goto(f"/surveys/{survey_id}/age")
                        other.locator("input[name=age]").first.check()
                        with other.expect_navigation():
                            other.locator("button[name=action][value=continue]").click()
                        other.close()
                        context.unroute("**/static/**")
                    results[name] = measure(page, path)
                    context.close()
                browser.close()
        finally:
            server.shutdown()

    print(
        f"{'Page':<28}{'Requests':>9}{'On the wire':>13}{'HTML':>9}{'HTML gz':>9}"
        f"{'CSS+JS+icon':>13}{'With nginx':>12}"
    )
    over = False
    for name, r in results.items():
        print(
            f"{name:<28}{r['requests']:>9}{r['wire'] / 1024:>11.1f}KB{r['html'] / 1024:>7.1f}KB"
            f"{r['html_gzip'] / 1024:>7.1f}KB{r['assets'] / 1024:>11.1f}KB"
            f"{r['with_nginx'] / 1024:>10.1f}KB"
        )
        over |= r["with_nginx"] > TARGET_BYTES or r["fonts"] > 0 or r["status"] != 200
    print(
        f"Target: {TARGET_BYTES // 1024} KB or less per page as deployed, no web fonts. "
        f"Web fonts loaded: {sum(r['fonts'] for r in results.values())}."
    )
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
