"""What any request costs before its page does anything: `python bench/floor.py [options]`.

Measures CPU time per request in process (Flask's test client, no network, no gunicorn) on the
benchmark's data, best of several rounds, for:

- the bare Flask "hello" app `make bench` uses as its reference;
- a route added to this app that returns "ok", for a reader not signed in and for a signed-in
  resident: everything every request pays (the session cookie, the account read with the
  reader's facts, the security headers, the request's set-up and tear-down) and nothing else;
- the real pages `make bench` measures, for the same two readers.

The ratio of each to hello in the same run shows how much of a page's cost is the floor under it:
a target for a signed-in page below the signed-in floor's ratio cannot be met by the page's own
work. Run `make bench` once first (it makes the data under instance/bench/).
"""

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.harness import add_floor_route, bench_app, signed_in_client  # noqa: E402
from bench.hello import app as hello_app  # noqa: E402
from bench.run import DATA, PASSWORD, targets  # noqa: E402


def _engage(database: str, cache: int, redis: str | None):
    app = bench_app(database, redis, PAGE_CACHE_SECONDS=cache)
    add_floor_route(app)
    return app


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default=f"sqlite:///{DATA / 'engage-bench.db'}")
    parser.add_argument("--cache", type=int, default=15, help="PAGE_CACHE_SECONDS (0: off).")
    parser.add_argument("--redis", help="Redis for the shared cache (the production set-up).")
    parser.add_argument("-n", type=int, default=300, help="Requests per round.")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    t = targets(args.database)
    app = _engage(args.database, args.cache, args.redis)
    nobody, resident = app.test_client(), signed_in_client(app, t["people"][0], PASSWORD)
    cases = [("hello (bare Flask)", hello_app.test_client(), "/")]
    for who, client in (("not signed in", nobody), ("signed-in resident", resident)):
        cases += [
            (f"route returning 'ok', {who}", client, "/_floor"),
            (f"priority, {who}", client, f"/priorities/{t['priority']}"),
            (f"proposal (60 comments), {who}", client, f"/proposals/{t['proposal']}"),
        ]
    for _label, client, path in cases:
        for _ in range(20):  # warm: templates compiled, statements cached, parts kept
            assert client.get(path).status_code == 200, path
    best = dict.fromkeys((label for label, _c, _p in cases), float("inf"))
    # Rounds alternate between the cases, so a slow moment of the machine falls on all of them.
    for _ in range(args.rounds):
        for label, client, path in cases:
            started = time.process_time()
            for _ in range(args.n):
                client.get(path)
            best[label] = min(best[label], (time.process_time() - started) / args.n)
    hello = best[cases[0][0]]
    print(f"CPU per request in process, best of {args.rounds} rounds of {args.n}:")
    print("| request | CPU ms | × hello |\n| --- | ---: | ---: |")
    for label, seconds in best.items():
        print(f"| {label} | {seconds * 1000:.3f} | {hello / seconds:.3f} |")


if __name__ == "__main__":
    main()
