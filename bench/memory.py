"""Memory per gunicorn worker, for `bench/run.py`: RSS, PSS and private memory (from /proc) after
warm-up, after the load, and after a crawl that requests every kind of page, every proposal and
every priority once per reader (which is what fills the bounded per-process caches)."""

import contextlib
import re
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from bench.harness import Client, Server

TARGET_MB = 150  # issue 19: per worker, after warm-up and after the load
# Pages not worth a crawl: static files, probes, forms that only redirect, exports.
_SKIP = re.compile(r"^/(static|healthz|manage|api|embed|downloads|open-data)|sign-out|\.(csv|xlsx)")


def _rollup(pid: int) -> dict[str, float]:
    """RSS, PSS and private memory of a process, in MB (/proc/<pid>/smaps_rollup)."""
    text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    kb = {k: int(v) for k, v in re.findall(r"^(\w+):\s+(\d+) kB", text, re.MULTILINE)}
    private = kb.get("Private_Clean", 0) + kb.get("Private_Dirty", 0)
    return {
        "rss": round(kb.get("Rss", 0) / 1024, 1),
        "pss": round(kb.get("Pss", 0) / 1024, 1),
        "private": round(private / 1024, 1),
    }


def workers(server: Server) -> list[dict[str, float]]:
    """Each worker's memory in MB: RSS (what `ps` and the issue's bound count, pages shared with
    the preloaded master included), PSS (shared pages split between their sharers) and private
    (what this worker alone holds: what one more worker costs)."""
    found = []
    for status in sorted(Path("/proc").glob("[0-9]*/status")):
        try:
            ppid = re.search(r"^PPid:\s+(\d+)", status.read_text(), re.MULTILINE)
            if ppid and int(ppid.group(1)) == server.proc.pid:
                found.append(_rollup(int(status.parent.name)))
        except OSError:
            continue  # a process that ended while we looked
    return found


def record(results: dict, variant: str, stage: str, servers, pages: int | None = None) -> None:
    """Note every worker's memory now, for the results table."""
    sizes = [size for server in servers for size in workers(server)]
    row = {"variant": variant, "stage": stage, "workers": sizes, "pages": pages}
    results.setdefault("memory", []).append(row)
    shown = ", ".join(f"{w['rss']:.0f}/{w['pss']:.0f}/{w['private']:.0f}" for w in sizes)
    print(f"  memory {variant}, {stage}: RSS/PSS/private {shown} MB per worker", flush=True)


def crawl_urls(database_url: str, t: dict) -> list[str]:
    """Every kind of page: the fixed ones, every proposal (and its last page), every priority."""
    from engage import create_app

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": {},
            "ENGAGE_ENV": "development",
            "REQUEST_LOG": False,
        }
    )
    fixed = sorted(
        rule.rule
        for rule in app.url_map.iter_rules()
        if "GET" in rule.methods and not rule.arguments and not _SKIP.search(rule.rule)
    )
    engine = sa.create_engine(database_url)
    now = datetime.now(UTC).replace(tzinfo=None)
    with engine.connect() as conn:
        proposals = conn.execute(
            sa.text("SELECT id, comment_count FROM proposal WHERE status != 'draft' ORDER BY id")
        ).all()
        slugs = conn.scalars(sa.text("SELECT slug FROM priority ORDER BY slug")).all()
        tables = sa.inspect(conn).get_table_names()
        ideas = surveys = []
        if "idea" in tables:
            ideas = conn.scalars(sa.text("SELECT id FROM idea ORDER BY id LIMIT 200")).all()
        if "survey" in tables:
            surveys = conn.scalars(
                sa.text("SELECT id FROM survey WHERE opens_at <= :now ORDER BY id"), {"now": now}
            ).all()
    engine.dispose()
    urls = list(fixed)
    urls += [f"/priorities/{slug}" for slug in slugs]
    for pid, comments in proposals:
        urls.append(f"/proposals/{pid}")
        if comments > 60:
            urls.append(f"/proposals/{pid}?page=2")
    urls += [f"/ideas/{i}" for i in ideas]
    urls += [f"/surveys/{s}" for s in surveys]
    if t.get("survey"):
        urls.append(f"/surveys/{t['survey']}/q/1")
    return urls


def crawl(port: int, urls: list[str], cookies: list[str | None], seconds: float) -> int:
    """Request each URL once per reader (a cookie header, or None), four at a time, for at most
    `seconds`; return how many requests were made."""
    jobs = [(url, cookie) for cookie in cookies for url in urls]
    lock = threading.Lock()
    done = [0]
    deadline = time.monotonic() + seconds

    def work():
        while time.monotonic() < deadline:
            with lock:
                if done[0] >= len(jobs):
                    return
                url, cookie = jobs[done[0]]
                done[0] += 1
            client = Client(port, timeout=60)
            for part in (cookie or "").split("; "):
                name, _, value = part.partition("=")
                if name:
                    client.cookies[name] = value
            # A slow page past the client's timeout: the crawl goes on.
            with contextlib.suppress(OSError):
                client.get(url)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return min(done[0], len(jobs))


def memory_lines(db: dict) -> list[str]:
    """The results' table of memory per worker, with issue 19's bound."""
    rows = db.get("memory") or []
    if not rows:
        return []
    lines = [
        "Memory per gunicorn worker, MB, one figure per worker: RSS (pages shared with the",
        "preloaded master counted in every worker), PSS (shared pages split between sharers) and",
        "private (what the worker alone holds, so what one more worker costs):",
        "",
        "| set-up | stage | RSS | PSS | private |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in rows:
        stage = r["stage"] + (f" ({r['pages']:,} requests)" if r.get("pages") else "")
        each = {
            k: ", ".join(f"{w[k]:.0f}" for w in r["workers"]) for k in ("rss", "pss", "private")
        }
        lines.append(
            f"| {r['variant']} | {stage} | {each['rss']} | {each['pss']} | {each['private']} |"
        )
    bounded = [r for r in rows if r["stage"] in ("after warm-up", "after the load")]
    worst = max((w["rss"] for r in bounded for w in r["workers"]), default=0)
    met = "meets" if worst < TARGET_MB else "misses"
    lines += [
        "",
        f"- Memory after warm-up and load: **{met}** < {TARGET_MB} MB RSS per worker "
        f"(largest {worst:.0f} MB).",
        "",
    ]
    return lines
