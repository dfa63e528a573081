"""Profile one page in-process on the benchmark's data: `python bench/profile_page.py [options]`.

Signs in a resident (or a young person, or nobody) through the real form, requests the page once
to warm up, then N times under cProfile, and prints the mean time per request and the functions
that took it. `--page vote` and `--page comment` profile the POSTs `make bench` sends (the
redirect not followed), rotating over the open proposals. Run `make bench` once first: it makes
the data under instance/bench/; `--database` points at a copy when a run must not write to it.
"""

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.harness import CSRF_RE, bench_app, signed_in_client  # noqa: E402
from bench.run import DATA, PASSWORD, targets  # noqa: E402


def main() -> None:
    """Profile the page."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default=f"sqlite:///{DATA / 'engage-bench.db'}")
    parser.add_argument(
        "--page",
        default="proposal",
        choices=["home", "proposal", "priority", "busiest", "question", "vote", "comment"],
    )
    parser.add_argument("--who", default="resident", choices=["resident", "young", "nobody"])
    parser.add_argument("--age", default="25-44", help="The age group a survey taker chooses.")
    parser.add_argument("--number", type=int, default=1, help="Which survey question (--page).")
    parser.add_argument("--cache", type=int, default=15, help="PAGE_CACHE_SECONDS (0: off).")
    parser.add_argument("--redis", help="Redis for the shared cache (the production set-up).")
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sql", action="store_true", help="Print one request's SQL statements.")
    parser.add_argument("--dump", help="Also write the profile to this file (for pstats).")
    parser.add_argument(
        "--unprofiled",
        action="store_true",
        help="Skip cProfile (when a sampler such as py-spy watches from outside).",
    )
    args = parser.parse_args()

    t = targets(args.database)
    app = bench_app(args.database, args.redis, PAGE_CACHE_SECONDS=args.cache)
    client = app.test_client()
    if args.who != "nobody":
        login = t["people"][0] if args.who == "resident" else t["young"][0]
        client = signed_in_client(app, login, PASSWORD)
    if args.page == "question":
        # As bench/run.py's "survey question": a session that has chosen an age group.
        age = f"/surveys/{t['survey']}/age"
        token = CSRF_RE.search(client.get(age).get_data(as_text=True)).group(1)
        started = client.post(age, data={"age": args.age, "csrf_token": token})
        assert started.status_code == 302, started.status_code
    if args.page in ("vote", "comment"):
        assert args.who != "nobody", "only a signed-in person posts"
        request = _poster(args.page, client, t["open"], login)
        path = f"POST /proposals/<open>/{'vote' if args.page == 'vote' else 'comments'}"
    else:
        path = {
            "home": "/",
            "proposal": f"/proposals/{t['proposal']}",
            "priority": f"/priorities/{t['priority']}",
            "busiest": f"/proposals/{t['busiest']}",
            "question": f"/surveys/{t['survey']}/q/{args.number}",
        }[args.page]
        assert client.get(path).status_code == 200, path

        def request():
            client.get(path)

    for _ in range(5):
        request()
    from sqlalchemy import event

    from engage.extensions import db

    statements: list[str] = []

    def note(*executed) -> None:
        statements.append(executed[2])

    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", note)
    request()
    if args.sql:
        print("\n\n".join(statements))
    counted = len(statements)
    with app.app_context():
        event.remove(db.engine, "before_cursor_execute", note)
    took = 0.0
    if not args.unprofiled:
        took = _profiled(request, args)
    # The time under the profiler is inflated; a run without it is the figure to quote.
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(args.n):
        request()
    plain = (time.perf_counter() - started) / args.n
    # CPU time is what `make bench` reports per request, and what a busy machine disturbs least.
    cpu = (time.process_time() - cpu) / args.n
    print(
        f"{path} as {args.who}: {plain * 1000:.2f} ms per request, {cpu * 1000:.2f} ms CPU "
        f"({took * 1000:.2f} profiled), "  # 0.00 with --unprofiled
        f"{counted} SQL statements"
    )


def _profiled(request, args) -> float:
    """Send `args.n` requests under cProfile, print the profile and return the time per request."""
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for _ in range(args.n):
        request()
    profile.disable()
    took = (time.perf_counter() - started) / args.n
    if args.dump:
        profile.dump_stats(args.dump)
    stats = pstats.Stats(profile).sort_stats("cumulative")
    stats.print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    return took


def _votes_held(app, login: str) -> dict[int, str]:
    """The choices this person has made so far, by proposal."""
    import sqlalchemy as sa

    from engage.accounts.models import User
    from engage.extensions import db
    from engage.votes.models import Vote

    with app.app_context():
        rows = db.session.execute(
            sa.select(Vote.proposal_id, Vote.choice).join(User).where(User.email == login)
        )
        held = {proposal: str(choice) for proposal, choice in rows}
        db.session.remove()
    return held


def _poster(kind: str, client, proposals: list[int], login: str):
    """A function sending one vote or comment POST as bench/run.py's wrk script does: the same
    session cookie every time (a flash message set by one POST is not carried to the next) and
    the redirect not followed."""
    token = CSRF_RE.search(client.get("/account/sign-in").get_data(as_text=True)).group(1)
    cookie = "; ".join(
        f"{c.key}={c.value}" for c in (client.get_cookie(k) for k in ("session",)) if c
    )
    poster = client.application.test_client(use_cookies=False)
    choices = ("agree", "disagree", "unsure")
    # Every vote POST changes the person's vote (the costliest kind: the vote and two counters
    # change), whatever earlier runs left in the database.
    held = _votes_held(client.application, login)
    sent = 0

    def post() -> None:
        nonlocal sent
        sent += 1
        proposal = proposals[(sent * 31) % len(proposals)]
        if kind == "vote":
            choice = choices[(choices.index(held.get(proposal, "unsure")) + 1) % 3]
            held[proposal] = choice
            url, data = f"/proposals/{proposal}/vote", {"choice": choice}
        else:
            body = f"Benchmark comment {sent} about buses in Stopsley"
            url, data = f"/proposals/{proposal}/comments", {"body": body}
        done = poster.post(url, data={**data, "csrf_token": token}, headers={"Cookie": cookie})
        assert done.status_code == 302, (done.status_code, url)

    return post


if __name__ == "__main__":
    main()
