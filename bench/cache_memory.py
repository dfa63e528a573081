"""What each per-process cache costs a worker, measured in-process on the benchmark's data.

Reads every proposal page (and its second page of comments), every priority page and the home page
as a reader who is not signed in, a resident and a young person, in one process as one gunicorn
worker would, then reports for each cache its entries, its bound, the bytes its contents hold
(keys and values), those bytes per entry, what it would hold at its bound, and the growth of the
process's memory (VmRSS) while it filled. `--redis URL` measures the production set-up (pages
and shells in Redis, each process keeping copies of them) instead of the embedded one.

    .venv/bin/python bench/cache_memory.py --database sqlite:///instance/bench/engage-bench.db
"""

import argparse
import gc
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench.harness import bench_app, signed_in_client  # noqa: E402

PASSWORD = "generated town password"  # engage.ops.generate.DEFAULT_PASSWORD


def rss_mb() -> float:
    """This process's resident set size, in MB."""
    text = Path("/proc/self/status").read_text()
    return int(re.search(r"^VmRSS:\s+(\d+) kB", text, re.MULTILINE).group(1)) / 1024


def _size(value) -> int:
    if isinstance(value, (tuple, list)):
        return sys.getsizeof(value) + sum(_size(v) for v in value)
    if isinstance(value, dict):
        return sys.getsizeof(value) + sum(_size(k) + _size(v) for k, v in value.items())
    return sys.getsizeof(value)


def held(mapping) -> tuple[int, int]:
    """Entries and bytes (keys and values, with their containers) of a dict-like cache."""
    items = list(getattr(mapping, "_cache", mapping).items())
    return len(items), sum(_size(k) + _size(v) for k, v in items)


def main() -> None:
    """Fill each cache by reading every page, and report what each holds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", required=True, help="The benchmark's data (a URL).")
    parser.add_argument("--redis", default=None, help="Redis for pages and shells (production).")
    parser.add_argument("--limit", type=int, default=0, help="At most this many proposals.")
    args = parser.parse_args()
    config = {"PAGE_CACHE_SECONDS": 600}
    if args.redis:
        config.update(REDIS_URL=args.redis, CACHE_KEY_PREFIX=f"cache-memory-{time.time()}:")
    app = bench_app(args.database, **config)
    from engage import text
    from engage.ops.warm import warm_up
    from engage.search import text as search_text

    engine = sa.create_engine(args.database)
    with engine.connect() as conn:
        proposals = conn.execute(
            sa.text("SELECT id, comment_count FROM proposal WHERE status != 'draft' ORDER BY id")
        ).all()
        slugs = conn.scalars(sa.text("SELECT slug FROM priority")).all()
        resident = conn.scalar(
            sa.text(
                "SELECT email FROM \"user\" WHERE role = 'resident' "
                "AND email LIKE '%@town.example' ORDER BY id LIMIT 1"
            )
        )
        young = conn.scalar(
            sa.text(
                "SELECT username FROM \"user\" WHERE role = 'young_person' "
                "AND username LIKE 'young%' ORDER BY id LIMIT 1"
            )
        )
    engine.dispose()
    if args.limit:
        proposals = proposals[: args.limit]
    urls = ["/", *(f"/priorities/{s}" for s in slugs)]
    for pid, comments in proposals:
        urls.append(f"/proposals/{pid}")
        if comments > 60:
            urls.append(f"/proposals/{pid}?page=2")

    warm_up(app)
    # Outside any app context: each request then gets its own `g` (and its own CSRF token).
    readers = {
        "not signed in": app.test_client(),
        "resident": signed_in_client(app, resident, PASSWORD),
        "young person": signed_in_client(app, young, PASSWORD),
    }
    gc.collect()
    start = rss_mb()
    print(f"{len(urls)} pages; after warm-up: {start:.1f} MB", flush=True)
    steps = []
    for name, client in readers.items():
        started = time.perf_counter()
        for url in urls:
            # With Redis, a process keeps its copy of a page when it reads it again.
            for _time in range(2 if args.redis else 1):
                with app.app_context():
                    client.get(url)
        gc.collect()
        steps.append((name, rss_mb(), time.perf_counter() - started))
        print(f"  read as {name}: {steps[-1][1]:.1f} MB ({steps[-1][2]:.0f} s)", flush=True)

    shared = app.extensions["engage_cache"]
    copies = app.extensions.get("engage_page_copies")
    pages = app.extensions.get("engage_page_store")
    kept = app.extensions["engage_kept_parts"]
    fragments = app.jinja_env.fragment_cache
    rows = []
    if copies is not None:
        rows.append(("copies of Redis pages and shells", copies, copies._threshold))
    else:
        rows.append(("pages and shells (UTF-8)", pages, pages._threshold))
        rows.append(("vote totals and other shared values", shared, shared._threshold))
    rows.append(("signed-in readers' kept parts (UTF-8)", kept, kept._threshold))
    rows.append(("fragments ({% cache %})", fragments, fragments.maxsize))
    large = app.jinja_env.large_fragment_cache
    rows.append(("large fragments (a page's comment list)", large, large.maxsize))
    print()
    print("| cache | entries | bound | bytes held | per entry | at its bound |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, store, bound in rows:
        entries, size = held(store)
        each = size / max(entries, 1)
        print(
            f"| {name} | {entries:,} | {bound:,} | {size / 1e6:.1f} MB | {each / 1e3:.1f} KB | "
            f"{each * bound / 1e6:.0f} MB |"
        )
    if copies is None:
        totals = [(k, v) for k, v in shared._cache.items() if "vote-totals:" in k]
        size = sum(_size(k) + _size(v) for k, v in totals)
        print(f"| of which vote totals | {len(totals):,} | | {size / 1e3:.0f} KB | | |")
    # Comments' HTML (engage/text.py) is an lru_cache: its entries are measured by making them
    # again, the texts (keys) and their HTML (values).
    info = text._plain_html.cache_info()
    with app.app_context():
        from engage.extensions import db

        found = db.session.execute(
            sa.text("SELECT DISTINCT body FROM comment LIMIT :n"), {"n": max(info.currsize, 1)}
        )
        sample = [body for (body,) in found]
    each = sum(sys.getsizeof(b) + sys.getsizeof(text._plain_html(b)) for b in sample) / max(
        len(sample), 1
    )
    print(
        f"| comments' HTML (Markdown) | {info.currsize:,} | {info.maxsize:,} | "
        f"{each * info.currsize / 1e6:.1f} MB | {each / 1e3:.1f} KB | "
        f"{each * info.maxsize / 1e6:.0f} MB |"
    )
    fold = search_text._fold_word.cache_info()
    print(f"| search words folded | {fold.currsize:,} | {fold.maxsize:,} | | | |")
    if args.redis:
        with app.app_context():
            shared.clear()  # this run's keys only (its own prefix)
    print()
    print(
        f"RSS after warm-up {start:.1f} MB; "
        + "; ".join(f"after {n}: {m:.1f} MB" for n, m, _s in steps)
    )


if __name__ == "__main__":
    main()
