"""`bench/run.py --two-instances`: the main scenarios through two gunicorn instances (two ports)
sharing PostgreSQL and Redis, as a council would run the site on two machines.

wrk drives one URL, so two wrk processes run at once, one per instance, each with half the
connections (and half the threads): requests per second are their sum, latencies the worse of the
two, CPU per request both instances' CPU over both runs' requests. On one machine the two
instances share its cores: the rows show what sharing costs (Redis round trips, no per-process
cache shared between them), not what a second machine would add.
"""

import argparse
import tempfile
import threading
from pathlib import Path

from bench import memory
from bench.harness import Server

VARIANT = "two instances"


def wrk_both(wrk, servers, path: str, args, lua: str = "", headers: dict | None = None) -> dict:
    """One wrk per instance at once, each with half the connections; their figures combined."""
    half = argparse.Namespace(**vars(args))
    half.connections = max(1, args.connections // len(servers))
    half.threads = max(1, args.threads // len(servers))
    found: list[dict] = [{} for _ in servers]
    failed: list[BaseException] = []

    def drive(index: int) -> None:
        try:
            found[index] = wrk(servers[index].port, path, half, lua, headers=headers)
        except Exception as err:  # noqa: BLE001 - raised below, in the caller's thread
            failed.append(err)

    threads = [threading.Thread(target=drive, args=(i,)) for i in range(len(servers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failed:
        raise failed[0]
    requests = sum(f["requests"] for f in found)
    return {
        "rps": round(sum(f["rps"] for f in found), 1),
        **{key: max(f[key] for f in found) for key in ("p50_ms", "p90_ms", "p99_ms", "max_ms")},
        "requests": requests,
        "errors": sum(f["errors"] for f in found),
        "bad_status": sum(f["bad_status"] for f in found),
        "wire_bytes_per_request": round(
            sum(f["wire_bytes_per_request"] * f["requests"] for f in found) / max(requests, 1)
        ),
    }


def run(bench, env: dict, t: dict, args, measured: dict, results: dict, reference_rps) -> None:
    """Home, priority and proposal pages (signed out and signed in) and the vote and comment
    POSTs, through two instances with the page cache on; rows marked "two instances"."""
    with tempfile.TemporaryDirectory() as tmp:
        servers = [
            Server(
                {**env, "PAGE_CACHE_SECONDS": "15"},
                Path(tmp) / f"server-{n}.log",
                workers=args.workers,
            )
            for n in range(2)
        ]
        try:
            for server in servers:
                server.start()
            # Signed in through the first instance; the session is good on both (one SECRET_KEY).
            sessions = bench.sign_in_all(servers[0].port, t["people"])
            signed_in = {"Cookie": sessions[0][0]}
            scenario = [
                ("home", "/", None, ""),
                ("priority", f"/priorities/{t['priority']}", None, ""),
                ("proposal (60 comments)", f"/proposals/{t['proposal']}", None, ""),
                ("priority", f"/priorities/{t['priority']}", signed_in, " signed in"),
                ("proposal (60 comments)", f"/proposals/{t['proposal']}", signed_in, " signed in"),
            ]
            for _name, path, headers, _suffix in scenario:
                for server in servers:
                    bench._warm(server.port, path, headers)
            memory.record(results, VARIANT, "after warm-up", servers)
            for name, path, headers, suffix in scenario:
                if headers is not None:  # a session seen within the minute (bench.fresh_session)
                    headers = {"Cookie": bench.fresh_session(servers[0].port, t["people"][0])}
                before = sum(bench.worker_cpu_seconds(s) for s in servers)
                figures = wrk_both(bench.wrk, servers, path, args, headers=headers)
                figures["cpu_ms_per_request"] = _cpu_ms(bench, servers, before, figures)
                key = name.split(" (")[0] + suffix
                label = VARIANT + (", signed in" if suffix else "")
                counted = measured["page cache on"].get(key)
                bench._record(results, name, label, figures, counted, reference_rps)
            for server in servers:
                bench._warm_posts(server.port, sessions, t["open"])
            for kind in ("vote", "comment"):
                before = sum(bench.worker_cpu_seconds(s) for s in servers)
                lua = bench.post_script(kind, sessions, t["open"])
                figures = wrk_both(bench.wrk, servers, "/", args, lua)
                figures["cpu_ms_per_request"] = _cpu_ms(bench, servers, before, figures)
                counted = measured["page cache off"].get(f"{kind} POST")
                bench._record(results, f"{kind} POST", VARIANT, figures, counted, reference_rps)
            memory.record(results, VARIANT, "after the load", servers)
            for server in servers:
                bench._check_log(server)
        finally:
            for server in servers:
                server.close()


def _cpu_ms(bench, servers, before: float, figures: dict) -> float:
    used = sum(bench.worker_cpu_seconds(s) for s in servers) - before
    return round(used * 1000 / max(figures["requests"], 1), 3)
