"""`python bench/api.py`: the public API's list and detail reads, and the open data export.

1. Makes a fresh SQLite database under a temporary folder and fills it with `flask engage
   generate --scale=S` (1 = a town: 2,000 proposals, 200,000 comments, 1,000,000 votes); with
   `--data DIR` the database is kept in DIR and used again by later runs at the same scale
   (migrated to the newest schema first).
2. Serves the bare Flask "hello" app and then Engage Luton with gunicorn (deploy/gunicorn.conf.py,
   rate limits off) on 127.0.0.1 and drives each API URL with wrk; prints req/s, p50 and p99, and
   the ratio to hello's req/s in the same run, with and without a matching If-None-Match.
3. Runs `flask engage open-data` in a child process and reports its wall time and peak memory
   (that child's own maximum resident set); `--export-scale 0.1` repeats the export on a second,
   smaller database, so the two peaks show whether memory grows with the data.

Writes bench/results/api.{json,md}. Loopback only; every wrk run is bounded in time.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench.harness import LOAD_ENV, Client, Server, flask, fresh_database  # noqa: E402
from bench.run import machine, wrk  # noqa: E402

RESULTS = ROOT / "bench" / "results"


def _ids(database_url: str) -> dict:
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        proposal = conn.execute(
            sa.text(
                "SELECT id FROM proposal WHERE status != 'draft' "
                "ORDER BY comment_count DESC, id LIMIT 1"
            )
        ).scalar()
        counts = {
            name: conn.execute(sa.text(f"SELECT count(*) FROM {name}")).scalar()  # noqa: S608
            for name in ("proposal", "comment", "vote", "survey_response")
        }
    engine.dispose()
    return {"proposal": proposal, "counts": counts}


def _export(database_url: str, out: Path) -> dict:
    env = {
        **LOAD_ENV,
        "FLASK_APP": "wsgi.py",
        "DATABASE_URL": database_url,
        "ENGAGE_ENV": "development",
        "PATH": "/usr/bin:/bin",
    }
    log = out.with_name(out.name + ".log")
    started = time.perf_counter()
    with log.open("w") as output:
        child = subprocess.Popen(
            [sys.executable, "-m", "flask", "engage", "open-data", "--out", str(out)],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            text=True,
        )
        # wait4 gives this child's own peak, not the largest of every child so far (generate).
        _pid, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    text = log.read_text()
    if child.returncode != 0:
        raise RuntimeError(text[-3000:])
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    return {
        "seconds": round(seconds, 1),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "bytes": size,
        "tables": text.strip().splitlines(),
    }


def _database(folder: Path, scale: float) -> str:
    """A database at this scale in `folder`: generated once, then only migrated on later runs."""
    folder = folder.resolve()  # Flask-SQLAlchemy reads a relative path from instance/
    name = f"engage-api-bench-{scale:g}"
    ready = folder / f"{name}.generated"
    if ready.exists():
        database_url = f"sqlite:///{folder / name}.db"
        flask(database_url, "db", "upgrade", "heads")
        print(f"using {database_url} (generated before)", flush=True)
        return database_url
    database_url = fresh_database(folder, name)
    started = time.perf_counter()
    flask(database_url, "engage", "generate", "--json", "--yes", f"--scale={scale}")
    ready.write_text(f"{scale}\n")
    print(f"generated scale {scale:g} in {time.perf_counter() - started:.0f} s", flush=True)
    return database_url


def main() -> None:
    """Measure and write bench/results/api.{json,md}."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=0.1, help="Data size (1 = a town).")
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--data", type=Path, help="Keep the databases here and use them again.")
    parser.add_argument(
        "--export-scale", type=float, help="Also time the export on a database of this scale."
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder = args.data or tmp
        folder.mkdir(parents=True, exist_ok=True)
        database_url = _database(folder, args.scale)
        ids = _ids(database_url)
        print(ids, flush=True)

        # Other work on the machine skews every figure: say how busy it was.
        load_before = os.getloadavg()[0]
        hello = Server(LOAD_ENV, tmp / "hello.log", app="bench.hello:app")
        hello.start()
        try:
            reference = wrk(hello.port, "/", args)
        finally:
            hello.close()
        print(f"hello: {reference['rps']} req/s", flush=True)

        p = ids["proposal"]
        paths = [
            ("proposals list (20)", "/api/v1/proposals"),
            ("proposals list (100)", "/api/v1/proposals?per_page=100&page=2"),
            ("proposal detail", f"/api/v1/proposals/{p}"),
            ("comments of a proposal (100)", f"/api/v1/proposals/{p}/comments?per_page=100"),
            ("comments list (20)", "/api/v1/comments"),
            ("surveys list (20)", "/api/v1/surveys"),
        ]
        server = Server({**LOAD_ENV, "DATABASE_URL": database_url}, tmp / "engage.log")
        server.start()
        scenarios = []
        try:
            for name, path in paths:
                status, headers, _body = Client(server.port).get(path)
                assert status == 200, (path, status)
                etag = headers.get("ETag")
                for label, extra in (("200", None), ("304", {"If-None-Match": etag})):
                    figures = wrk(server.port, path, args, headers=extra)
                    figures["ratio_to_hello"] = round(figures["rps"] / reference["rps"], 3)
                    scenarios.append({"name": name, "path": path, "answer": label, **figures})
                    print(
                        f"{name:32} {label}: {figures['rps']:8.1f} req/s  "
                        f"p50 {figures['p50_ms']} ms  p99 {figures['p99_ms']} ms  "
                        f"x{figures['ratio_to_hello']}",
                        flush=True,
                    )
        finally:
            server.close()
        load_after = os.getloadavg()[0]
        export = _export(database_url, tmp / "open-data")
        print(f"open data export: {export['seconds']} s, peak {export['peak_rss_mb']} MB")
        smaller = None
        if args.export_scale:
            smaller = _export(_database(folder, args.export_scale), tmp / "open-data-small")
            smaller["scale"] = args.export_scale
            print(
                f"open data export at scale {args.export_scale:g}: {smaller['seconds']} s, "
                f"peak {smaller['peak_rss_mb']} MB"
            )

    report = {
        "machine": machine(),
        "scale": args.scale,
        "counts": ids["counts"],
        "reference_rps": reference["rps"],
        "load_average": [load_before, load_after],
        "scenarios": scenarios,
        "export": export,
        "export_smaller": smaller,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "api.json").write_text(json.dumps(report, indent=2))
    lines = [
        "# Public API and open data export",
        "",
        f"Scale {args.scale} ({ids['counts']}); bare Flask hello: {reference['rps']} req/s.",
        "",
        f"Load average (1 minute) before and after the HTTP runs: {load_before:.1f} and "
        f"{load_after:.1f} on {os.cpu_count()} cores.",
        "",
        "| URL | answer | req/s | p50 ms | p99 ms | ratio to hello |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {s['name']} | {s['answer']} | {s['rps']} | {s['p50_ms']} | {s['p99_ms']} "
        f"| {s['ratio_to_hello']} |"
        for s in scenarios
    ]
    lines += [
        "",
        f"Open data export: {export['seconds']} s, peak memory {export['peak_rss_mb']} MB, "
        f"{export['bytes']:,} bytes written.",
    ]
    if smaller:
        lines.append(
            f"At scale {smaller['scale']:g}: {smaller['seconds']} s, peak memory "
            f"{smaller['peak_rss_mb']} MB, {smaller['bytes']:,} bytes written "
            f"(peak ratio {export['peak_rss_mb'] / smaller['peak_rss_mb']:.2f} for "
            f"{args.scale / smaller['scale']:g} times the data)."
        )
    (RESULTS / "api.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
