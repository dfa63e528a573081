"""Profile one page in-process on the benchmark's data: `python bench/profile_page.py [options]`.

Signs in a resident (or a young person, or nobody) through the real form, requests the page once
to warm up, then N times under cProfile, and prints the mean time per request and the functions
that took it. Run `make bench` once first: it makes the data under instance/bench/.
"""

import argparse
import cProfile
import pstats
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import DATA, PASSWORD, targets  # noqa: E402

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def main() -> None:
    """Profile the page."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default=f"sqlite:///{DATA / 'engage-bench.db'}")
    parser.add_argument(
        "--page", default="proposal", choices=["proposal", "priority", "busiest", "question"]
    )
    parser.add_argument("--who", default="resident", choices=["resident", "young", "nobody"])
    parser.add_argument("--age", default="25-44", help="The age group a survey taker chooses.")
    parser.add_argument("--number", type=int, default=1, help="Which survey question (--page).")
    parser.add_argument("--cache", type=int, default=15, help="PAGE_CACHE_SECONDS (0: off).")
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()

    from engage import create_app

    t = targets(args.database)
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": args.database,
            "SQLALCHEMY_ENGINE_OPTIONS": {},
            "RATELIMIT_ENABLED": False,
            "PAGE_CACHE_SECONDS": args.cache,
            "REQUEST_LOG": False,
            "ENGAGE_ENV": "development",  # in-process, no public address
        }
    )
    client = app.test_client()
    if args.who != "nobody":
        login = t["people"][0] if args.who == "resident" else t["young"][0]
        token = TOKEN.search(client.get("/account/sign-in").get_data(as_text=True)).group(1)
        done = client.post(
            "/account/sign-in", data={"login": login, "password": PASSWORD, "csrf_token": token}
        )
        assert done.status_code == 302, done.status_code
    if args.page == "question":
        # As bench/run.py's "survey question": a session that has chosen an age group.
        age = f"/surveys/{t['survey']}/age"
        token = TOKEN.search(client.get(age).get_data(as_text=True)).group(1)
        started = client.post(age, data={"age": args.age, "csrf_token": token})
        assert started.status_code == 302, started.status_code
    path = {
        "proposal": f"/proposals/{t['proposal']}",
        "priority": f"/priorities/{t['priority']}",
        "busiest": f"/proposals/{t['busiest']}",
        "question": f"/surveys/{t['survey']}/q/{args.number}",
    }[args.page]
    for _ in range(5):
        client.get(path)
    assert client.get(path).status_code == 200, path
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    for _ in range(args.n):
        client.get(path)
    profile.disable()
    took = (time.perf_counter() - started) / args.n
    stats = pstats.Stats(profile).sort_stats("cumulative")
    stats.print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)
    # The time under the profiler is inflated; a run without it is the figure to quote.
    started = time.perf_counter()
    for _ in range(args.n):
        client.get(path)
    plain = (time.perf_counter() - started) / args.n
    print(f"{path} as {args.who}: {plain * 1000:.2f} ms per request ({took * 1000:.2f} profiled)")


if __name__ == "__main__":
    main()
