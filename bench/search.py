"""Search at town scale: server time per search over 200,000 comments, on SQLite and PostgreSQL.

Run from the repository root:

    .venv/bin/python bench/search.py                      # SQLite, under instance/bench-search/
    .venv/bin/python bench/search.py --postgres postgresql+psycopg://postgres@127.0.0.1:5432/x

1. Makes the data with `flask engage generate` (200,000 comments from its English sentences, so
   common words match tens of thousands of comments: a hard case), then adds comments in the
   other seven languages, written from the interface catalogues' real sentences, and a rare word.
2. Rebuilds the index with the same code as `flask engage reindex`, and times it.
3. Sends each query through the app in-process (the Flask test client: routing, the one SQL
   statement, loading the page's results, snippets and the page, without the network) and
   prints the median and 95th percentile per kind of query (rare, common and very common words,
   two words, a phrase, first letters, other Latin and non-Latin scripts). The target is under
   50 ms. Wall-clock timings depend on the machine's load (printed with them), so the mean CPU
   time per search is printed too: this process's (Python, and SQLite, which runs in it) plus,
   for a local PostgreSQL, its server processes' (from /proc): what a search costs on an idle
   machine, whatever else is running.
"""

import argparse
import logging
import os
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
from babel.messages.pofile import read_po  # noqa: E402

from bench.harness import flask, fresh_database  # noqa: E402

DATA = ROOT / "instance" / "bench-search"
os.environ.setdefault("ENGAGE_ENV", "development")  # an in-process app, no public address
OTHER_LANGUAGES = ("pl", "pt", "ro", "ur", "ar", "bn", "pa")
PER_LANGUAGE = 3000
RARE_WORD = "zebracrossing"
RUNS = 25
# (kind of query, the words typed, the reader's language)
QUERIES = [
    ("rare word (40 comments)", RARE_WORD, "en"),
    ("common word (~30% of comments)", "parking", "en"),
    ("very common word", "people", "en"),
    ("most common word", "the", "en"),
    ("two words", "parking hospital", "en"),
    ("phrase (7 words)", "lighting in the underpasses near the station", "en"),
    # The worst case of PostgreSQL's plan for three words or more (docs/search.md).
    ("rare three words", f"{RARE_WORD} near station", "en"),
    ("first letters", "libr", "en"),
    ("no match", "xylophone", "en"),
    ("Latin script, Polish", "propozycje", "pl"),
    ("Latin script, Portuguese", "comentários", "pt"),
    ("non-Latin script, Urdu", "تجاویز", "ur"),
    ("non-Latin script, Arabic", "المقترحات", "ar"),
    ("non-Latin script, Bengali", "প্রস্তাব", "bn"),
    ("non-Latin script, Panjabi", "ਪ੍ਰਸਤਾਵ", "pa"),
]
COUNT_RE = re.compile(r'id="results-count">\s*([^<]*)')


def _sentences(language: str) -> list[str]:
    path = ROOT / "translations" / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as f:
        catalogue = read_po(f, locale=language)
    return [
        m.string for m in catalogue if m.id and isinstance(m.string, str) and len(m.string) > 20
    ]


def _add_comments(app) -> int:
    """Comments in the other seven languages and a rare word, as published adults' words."""
    from engage.comments.models import Comment, CommentStatus
    from engage.extensions import db
    from engage.proposals.models import Proposal, ProposalStatus

    rng = random.Random(17)  # reproducible data, not secrets  # nosec B311
    with app.app_context():
        if db.session.scalar(sa.select(Comment.id).where(Comment.language == "bn").limit(1)):
            return 0  # added by an earlier, interrupted run
        proposals = list(
            db.session.scalars(
                sa.select(Proposal.id).where(Proposal.status != ProposalStatus.DRAFT).limit(200)
            )
        )
        author = db.session.scalar(sa.select(Comment.author_id).limit(1))
        rows = []
        for language in OTHER_LANGUAGES:
            sentences = _sentences(language)
            for _ in range(PER_LANGUAGE):
                body = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3)))
                rows.append((rng.choice(proposals), body, language))
        rows += [
            (rng.choice(proposals), f"Please paint a {RARE_WORD} by the school gates.", "en")
            for _ in range(40)
        ]
        db.session.execute(
            sa.insert(Comment),
            [
                {
                    "proposal_id": pid,
                    "author_id": author,
                    "body": body,
                    "language": language,
                    "status": CommentStatus.PUBLISHED,
                    "by_young_person": False,
                }
                for pid, body, language in rows
            ],
        )
        db.session.commit()
        return len(rows)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def _database_processes(app) -> list[int]:
    """The PostgreSQL server processes serving this app (none for SQLite, which runs in ours)."""
    from engage.extensions import db

    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            return []
        return list(
            db.session.scalars(
                sa.text("SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
            )
        )


def _cpu_seconds(pids: list[int]) -> float:
    """CPU time (user + system) the local PostgreSQL processes have used, from /proc."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
    return total / os.sysconf("SC_CLK_TCK")


def run(database: str, name: str, fresh: bool) -> None:
    """Make (or reuse) the data on one database, index it, and time the searches."""
    from engage import create_app
    from engage.extensions import db

    DATA.mkdir(parents=True, exist_ok=True)
    url_file = DATA / f"{name}.url"
    indexed = DATA / f"{name}.indexed"
    if fresh or not url_file.exists():
        url = fresh_database(database, f"bench_search_{name}")
        indexed.unlink(missing_ok=True)
        started = time.perf_counter()
        flask(url, "engage", "generate", "--votes", "0", "--survey-responses", "0", "--yes")
        print(f"[{name}] generated in {time.perf_counter() - started:.1f} s")
        url_file.write_text(url)
    url = url_file.read_text()
    config = {"SQLALCHEMY_DATABASE_URI": url, "RATELIMIT_ENABLED": False, "PAGE_CACHE_SECONDS": 0}
    if url.startswith("postgresql"):
        config["SQLALCHEMY_ENGINE_OPTIONS"] = {}  # the default's options are SQLite's
    if not indexed.exists():
        app = create_app(config)
        print(f"[{name}] added {_add_comments(app):,} comments in other languages")
        with app.app_context():
            from engage.search.service import reindex

            started = time.perf_counter()
            counts = reindex()
            db.session.commit()
            print(f"[{name}] reindex: {counts} in {time.perf_counter() - started:.1f} s")
            if db.engine.dialect.name == "postgresql":
                db.session.execute(sa.text("ANALYZE search_entry"))
                db.session.commit()
        indexed.write_text("done")
    app = create_app(config)
    logging.getLogger("engage.request").setLevel(logging.WARNING)  # a line per request otherwise
    with app.app_context():
        comments = db.session.scalar(sa.text("SELECT count(*) FROM comment"))
        entries = db.session.scalar(sa.text("SELECT count(*) FROM search_entry"))
    print(f"\n[{name}] {comments:,} comments, {entries:,} index entries; {RUNS} runs per query")
    print(f"[{name}] load average before: {os.getloadavg()[0]:.2f} (cores: {os.cpu_count()})")
    print("| query | words | language | results | median ms | p95 ms | CPU ms |")
    print("| --- | --- | --- | --- | ---: | ---: | ---: |")
    client = app.test_client()
    client.get("/search", query_string={"q": "warm"})
    backends = _database_processes(app)
    medians, p95s = [], []
    for label, words, language in QUERIES:
        client.get("/search", query_string={"q": words, "lang": language})  # warm
        times = []
        cpu_before = time.process_time(), _cpu_seconds(backends)
        for _ in range(RUNS):
            started = time.perf_counter()
            response = client.get("/search", query_string={"q": words, "lang": language})
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, response.status_code
        cpu = (time.process_time() - cpu_before[0]) + (_cpu_seconds(backends) - cpu_before[1])
        found = COUNT_RE.search(response.get_data(as_text=True))
        found = " ".join(found.group(1).split()).rstrip(".") if found else "none"
        medians.append(statistics.median(times))
        p95s.append(_percentile(times, 0.95))
        print(
            f"| {label} | `{words}` | {language} | {found} | {medians[-1]:.1f} | {p95s[-1]:.1f} |"
            f" {cpu * 1000 / RUNS:.1f} |"
        )
    print(
        f"\n[{name}] worst median {max(medians):.1f} ms, worst p95 {max(p95s):.1f} ms;"
        f" every median under 50 ms: {max(medians) < 50}; load average after:"
        f" {os.getloadavg()[0]:.2f}"
    )


def main() -> None:
    """Parse the options and run on SQLite, then PostgreSQL when given."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", help="a PostgreSQL URL; a bench_search_pg database is made")
    parser.add_argument("--no-sqlite", action="store_true", help="only PostgreSQL")
    parser.add_argument("--fresh", action="store_true", help="make the data again")
    parser.add_argument(
        "--candidates", type=int, default=None, help="matches ranked (engine default if unset)"
    )
    args = parser.parse_args()
    if args.candidates:
        os.environ["SEARCH_RANK_CANDIDATES"] = str(args.candidates)
    if not args.no_sqlite:
        run(str(DATA), "sqlite", args.fresh)
    if args.postgres:
        run(args.postgres, "pg", args.fresh)


if __name__ == "__main__":
    main()
