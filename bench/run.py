"""`make bench`: Engage Luton's pages at town scale, against a bare Flask "hello" as the reference.

1. Makes the data once (a town's worth: 2,000 proposals, 200,000 comments, 1,000,000 votes, 50,000
   accounts, 100,000 survey responses) with `flask engage generate`, on SQLite under instance/bench/
   and, with --postgres URL (or BENCH_POSTGRES_URL), on PostgreSQL.
2. Starts gunicorn (2 workers, deploy/gunicorn.conf.py) on 127.0.0.1 and drives it with wrk: the
   hello app first, then the home page, a priority page, a proposal page with 60 comments, a survey
   question page, a vote POST and a comment POST. Pages are measured twice: as production runs them
   (readers who are not signed in get the short page cache) and with the cache off, which is what
   every signed-in reader gets.
3. Prints requests per second, p50 and p99 latency, the ratio to the reference, SQL queries per
   request and response bytes, and writes them with the machine to bench/results/latest.{md,json}.
   Hello is measured again after each block of scenarios (a database with the page cache on, off,
   two instances), and each block's ratios use the mean of hello just before and just after it.
4. Reports each worker's memory (RSS) after warm-up, after the load and after a crawl of every
   page (bench/memory.py); with --two-instances, the PostgreSQL + Redis run also measures the main
   scenarios through two instances sharing the database and Redis (bench/two_instances.py).

wrk is a Debian package (`apt-get install wrk`); the benchmark stops and says so when it is missing.
Loopback only, and every wrk run is bounded in time.
"""

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bench import memory, two_instances  # noqa: E402
from bench.harness import Client, Server, flask, fresh_database  # noqa: E402

RESULTS = ROOT / "bench" / "results"
DATA = ROOT / "instance" / "bench"
SECRET = "benchmark-secret-shared-by-every-worker"
PASSWORD = "generated town password"  # engage.ops.generate.DEFAULT_PASSWORD
# The app served: wsgi:app with a route that returns "ok", for the floor rows.
FLOOR_APP = "bench.floor_app:app"
FLOOR = "route returning ok"
SIGNED_IN = 50  # residents whose sessions the POST scenarios rotate through

WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCHJSON {"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
    '"max_us": %d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max))
end
"""


def machine() -> dict:
    """What the figures were measured on."""
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        cpu = match.group(1).strip() if match else cpu
    memory = 0.0
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        match = re.search(r"^MemTotal:\s*(\d+) kB", meminfo.read_text(), re.MULTILINE)
        memory = round(int(match.group(1)) / 1024 / 1024, 1) if match else 0.0
    return {
        "cores": os.cpu_count(),
        "memory_gib": memory,
        "cpu": cpu,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def git_commit() -> str:
    """The commit measured (with +dirty when the tree has changes)."""
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        dirty = subprocess.run(
            # The results of an earlier run are not a change to what is measured.
            ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/results"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        return rev + ("+dirty" if dirty else "")
    except OSError:
        return "unknown"


# Data -------------------------------------------------------------------------------------------


def _sidecar(database_url: str) -> Path:
    name = sa.engine.make_url(database_url).database or "db"
    return DATA / f"{Path(name).name}.generation.json"


def _proposal_count(database_url: str) -> int:
    engine = sa.create_engine(database_url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT count(*) FROM proposal")).scalar()
    except sa.exc.SQLAlchemyError:
        return 0
    finally:
        engine.dispose()


def ensure_data(target: str, regenerate: bool, scale: float) -> tuple[str, dict | None]:
    """The database URL, made and filled when missing (or asked to); and how generation went."""
    DATA.mkdir(parents=True, exist_ok=True)
    database_url = f"sqlite:///{DATA / 'engage-bench.db'}" if target == "sqlite" else target
    if regenerate or _proposal_count(database_url) == 0:
        if target == "sqlite":
            database_url = fresh_database(DATA, "engage-bench")
        else:
            url = sa.engine.make_url(target)
            database_url = fresh_database(target, url.database)
        print(f"Generating a town's worth of data in {_safe(database_url)} ...", flush=True)
        started = time.perf_counter()
        out = flask(database_url, "engage", "generate", "--json", "--yes", f"--scale={scale}")
        report = json.loads(out.strip().splitlines()[-1])
        report["wall_seconds"] = round(time.perf_counter() - started, 1)
        _sidecar(database_url).write_text(json.dumps(report, indent=2))
        print(f"  generated in {report['wall_seconds']} s", flush=True)
    else:
        # Data made by an earlier commit gets the migrations made since (an index, say).
        flask(database_url, "db", "upgrade", "heads")
    sidecar = _sidecar(database_url)
    return database_url, json.loads(sidecar.read_text()) if sidecar.exists() else None


def _safe(database_url: str) -> str:
    return sa.engine.make_url(database_url).render_as_string(hide_password=True)


def targets(database_url: str) -> dict:
    """Which priority, proposal, survey and people the scenarios use, found in the data."""
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        slug = conn.execute(
            sa.text(
                "SELECT p.slug FROM priority p JOIN proposal x ON x.priority_id = p.id "
                "WHERE x.status != 'draft' GROUP BY p.slug ORDER BY count(*) DESC, p.slug LIMIT 1"
            )
        ).scalar()
        page = conn.execute(
            sa.text(
                "SELECT proposal_id FROM comment GROUP BY proposal_id "
                "HAVING count(*) = 60 AND sum(CASE WHEN status = 'published' "
                "AND parent_id IS NULL THEN 1 ELSE 0 END) = 60 ORDER BY proposal_id LIMIT 1"
            )
        ).scalar()
        now = datetime.now(UTC).replace(tzinfo=None)
        open_ids = conn.scalars(
            sa.text(
                "SELECT id FROM proposal WHERE status = 'open' AND opens_at <= :now "
                "AND closes_at > :now AND id != :page ORDER BY id"
            ),
            {"now": now, "page": page or 0},
        ).all()
        people = conn.scalars(
            sa.text(
                "SELECT email FROM \"user\" WHERE role = 'resident' "
                "AND email LIKE '%@town.example' ORDER BY id LIMIT :n"
            ),
            {"n": SIGNED_IN},
        ).all()
        young = conn.scalars(
            sa.text(
                "SELECT username FROM \"user\" WHERE role = 'young_person' "
                "AND username LIKE 'young%' ORDER BY id LIMIT 1"
            )
        ).all()
        busiest = conn.execute(
            sa.text(
                "SELECT v.proposal_id FROM vote v JOIN proposal x ON x.id = v.proposal_id "
                "WHERE x.status != 'draft' GROUP BY v.proposal_id ORDER BY count(*) DESC LIMIT 1"
            )
        ).scalar()
        survey = None
        if "survey" in sa.inspect(conn).get_table_names():
            survey = conn.execute(
                sa.text(
                    "SELECT s.id FROM survey s WHERE s.status = 'live' AND s.anonymous "
                    "AND s.audience = 'everyone' AND s.opens_at <= :now AND s.closes_at > :now "
                    "AND EXISTS (SELECT 1 FROM survey_question q WHERE q.survey_id = s.id) "
                    "ORDER BY s.id LIMIT 1"
                ),
                {"now": now},
            ).scalar()
        counts = {
            table: conn.execute(sa.text(f'SELECT count(*) FROM "{table}"')).scalar()
            for table in ("proposal", "comment", "vote", "user")
        }
        if survey is not None:
            counts["survey_response"] = conn.execute(
                sa.text("SELECT count(*) FROM survey_response")
            ).scalar()
    engine.dispose()
    if page is None:
        raise SystemExit("No proposal with exactly 60 comments: regenerate with --generate.")
    return {
        "priority": slug,
        "proposal": page,
        "open": list(open_ids),
        "people": list(people),
        "young": list(young),
        "busiest": busiest,
        "survey": survey,
        "counts": counts,
    }


# Measuring --------------------------------------------------------------------------------------


def wrk(port: int, path: str, args, lua: str = "", headers: dict | None = None) -> dict:
    """Drive one URL with wrk for args.duration seconds; return its figures."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(lua + WRK_REPORT)
    command = [
        "wrk",
        f"--threads={args.threads}",
        f"--connections={args.connections}",
        f"--duration={args.duration}s",
        "--timeout=10s",
        f"--script={script.name}",
    ]
    for name, value in (headers or {}).items():
        command += ["--header", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{port}{path}")
    done = subprocess.run(command, capture_output=True, text=True, timeout=args.duration + 60)
    os.unlink(script.name)
    line = next((x for x in done.stdout.splitlines() if x.startswith("BENCHJSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk failed: {done.stdout}\n{done.stderr}")
    raw = json.loads(line.removeprefix("BENCHJSON "))
    seconds = raw["duration_us"] / 1e6
    return {
        "rps": round(raw["requests"] / seconds, 1),
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p90_ms": round(raw["p90_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "max_ms": round(raw["max_us"] / 1000, 2),
        "requests": raw["requests"],
        "errors": raw["connect"] + raw["read"] + raw["write"] + raw["timeout"],
        "bad_status": raw["status"],
        "wire_bytes_per_request": round(raw["bytes"] / max(raw["requests"], 1)),
    }


def post_script(kind: str, sessions: list[tuple[str, str]], proposals: list[int]) -> str:
    """A wrk script POSTing votes or comments, rotating through signed-in people and proposals."""
    rows = ",\n".join(f'  {{c = "{cookie}", t = "{token}"}}' for cookie, token in sessions)
    ids = ", ".join(str(p) for p in proposals)
    return f"""
local sessions = {{
{rows}
}}
local proposals = {{ {ids} }}
local choices = {{"agree", "disagree", "unsure"}}
local kind = "{kind}"
local counter = 0
local thread_number = 0
local threads = 0

setup = function(thread)
  thread:set("thread_number", threads)
  threads = threads + 1
end

request = function()
  counter = counter + 1
  local s = sessions[(counter * 7 + thread_number * 13) % #sessions + 1]
  local p = proposals[(counter * 31 + thread_number * 17) % #proposals + 1]
  local headers = {{["Cookie"] = s.c, ["Content-Type"] = "application/x-www-form-urlencoded"}}
  local path, body
  if kind == "vote" then
    path = "/proposals/" .. p .. "/vote"
    body = "choice=" .. choices[counter % 3 + 1] .. "&csrf_token=" .. s.t
  else
    path = "/proposals/" .. p .. "/comments"
    body = "body=Benchmark+comment+" .. thread_number .. "-" .. counter ..
      "+about+buses+in+Stopsley&csrf_token=" .. s.t
  end
  return wrk.format("POST", path, headers, body)
end
"""


def sign_in_all(port: int, people: list[str]) -> list[tuple[str, str]]:
    """Sessions (cookie header, CSRF token) for residents signed in through the real form."""
    sessions = []
    for email in people:
        client = Client(port, timeout=60)
        client.sign_in(email, PASSWORD)
        token = client.fetch_token("/account/sign-in")
        cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
        sessions.append((cookie, token))
    return sessions


def fresh_session(port: int, login: str) -> str:
    """A new signed-in session's cookie header, for one scenario of signed-in pages.

    A browser keeps the cookie each response sets; wrk sends the same one for the whole run. A
    session notes when it was last seen to the minute (engage/accounts/sessions.py), so one
    signed in more than a minute before its scenario would have its cookie signed and sent again
    on every request of it, where a browser's is once a minute: each scenario signs in afresh.
    """
    return sign_in_all(port, [login])[0][0]


def survey_session(port: int, survey: int) -> str:
    """A session that has started the survey (chosen an age group), as its cookie header."""
    client = Client(port, timeout=60)
    client.fetch_token(f"/surveys/{survey}/age")
    status, headers, _text = client.post(f"/surveys/{survey}/age", {"age": "25-44"})
    if status != 302:
        raise RuntimeError(f"could not start survey {survey}: {status}")
    return "; ".join(f"{k}={v}" for k, v in client.cookies.items())


def in_process(database_url: str, t: dict, cache_seconds: int = 0) -> dict:
    """SQL queries and response bytes of one request of each scenario, counted in the app.

    With `cache_seconds`, pages come from the page cache and shared shells as in production (the
    request measured is the second, so a cache hit); without, every page is rendered.
    """
    from sqlalchemy import event

    from engage import create_app
    from engage.extensions import db

    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": {},
            "RATELIMIT_ENABLED": False,
            "PAGE_CACHE_SECONDS": cache_seconds,
            "REQUEST_LOG": False,
            "ENGAGE_ENV": "development",  # an in-process app on loopback: no public address
        }
    )
    statements: list[str] = []
    with app.app_context():
        event.listen(db.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))

    token_re = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')

    def measure(client, method, url, data=None):
        client.open(url, method=method, data=data)  # warm: first requests load catalogues etc.
        statements.clear()
        response = client.open(url, method=method, data=data)
        return {
            "queries": len(statements),
            "bytes": len(response.get_data()),
            "status": response.status_code,
        }

    def token(client, url):
        return token_re.search(client.get(url).get_data(as_text=True)).group(1)

    anonymous = app.test_client()
    found = {
        "home": measure(anonymous, "GET", "/"),
        "priority": measure(anonymous, "GET", f"/priorities/{t['priority']}"),
        "proposal": measure(anonymous, "GET", f"/proposals/{t['proposal']}"),
        "busiest proposal": measure(anonymous, "GET", f"/proposals/{t['busiest']}"),
    }
    if t["survey"]:
        taker = app.test_client()
        age = f"/surveys/{t['survey']}/age"
        taker.post(age, data={"age": "25-44", "csrf_token": token(taker, age)})
        found["survey question"] = measure(taker, "GET", f"/surveys/{t['survey']}/q/1")
    person = app.test_client()
    person.post(
        "/account/sign-in",
        data={
            "login": t["people"][-1],
            "password": PASSWORD,
            "csrf_token": token(person, "/account/sign-in"),
        },
    )
    young = app.test_client()
    if t["young"]:
        young.post(
            "/account/sign-in",
            data={
                "login": t["young"][0],
                "password": PASSWORD,
                "csrf_token": token(young, "/account/sign-in"),
            },
        )
    for name, path in (
        ("home", "/"),
        ("priority", f"/priorities/{t['priority']}"),
        ("proposal", f"/proposals/{t['proposal']}"),
        ("busiest proposal", f"/proposals/{t['busiest']}"),
    ):
        found[f"{name} signed in"] = measure(person, "GET", path)
        if t["young"]:
            found[f"{name} young person"] = measure(young, "GET", path)
    csrf = token(person, "/account/sign-in")
    target = t["open"][0]
    found["vote POST"] = measure(
        person, "POST", f"/proposals/{target}/vote", {"choice": "agree", "csrf_token": csrf}
    )
    found["comment POST"] = measure(
        person,
        "POST",
        f"/proposals/{target}/comments",
        {"body": "Measuring the queries of one comment.", "csrf_token": csrf},
    )
    with app.app_context():
        db.engine.dispose()
    return found


def run_database(target: str, args, reference: "Reference") -> dict:
    """Every scenario on one database."""
    database_url, generation = ensure_data(target, args.generate, args.scale)
    t = targets(database_url)
    dialect = sa.engine.make_url(database_url).get_backend_name()
    print(f"\n== {dialect}: {t['counts']}", flush=True)
    measured = {
        "page cache on": in_process(database_url, t, cache_seconds=15),
        "page cache off": in_process(database_url, t, cache_seconds=0),
    }
    results = {
        "dialect": dialect,
        "counts": t["counts"],
        "generation": generation,
        "scenarios": [],
    }
    env = {
        "DATABASE_URL": database_url,
        "SECRET_KEY": SECRET,
        "RATELIMIT_ENABLED": "false",
        "LOG_FORMAT": "json",
        # Production settings: the server refuses to start without its public address.
        "BASE_URL": "http://127.0.0.1",
    }
    # The embedded set-up runs alone; the production set-up is PostgreSQL with Redis.
    if args.redis and dialect == "postgresql":
        env["REDIS_URL"] = args.redis
    results["redis"] = "REDIS_URL" in env
    pages = [
        ("home", "/", None),
        ("priority", f"/priorities/{t['priority']}", None),
        ("proposal (60 comments)", f"/proposals/{t['proposal']}", None),
        ("busiest proposal", f"/proposals/{t['busiest']}", None),
    ]
    # What a signed-in reader is measured on: the pages they read most.
    read_pages = pages[1:]
    crawl = memory.crawl_urls(database_url, t) if args.crawl_seconds else []

    def measure_pages(server, scenario, label, suffix, cached, login=None):
        for name, path, headers in scenario:
            if login is not None:
                headers = {"Cookie": fresh_session(server.port, login)}
            _warm(server.port, path, headers)
            before = worker_cpu_seconds(server)
            figures = wrk(server.port, path, args, headers=headers)
            figures["cpu_ms_per_request"] = _cpu_ms(server, before, figures)
            key = name.split(" (")[0] + suffix
            counted = measured["page cache on" if cached else "page cache off"].get(key)
            _record(results, name, label, figures, counted, reference_rps)

    for cache_seconds in (15, 0):
        block = f"{dialect}, page cache {'on' if cache_seconds else 'off'}"
        with tempfile.TemporaryDirectory() as tmp, reference.block(results, block) as reference_rps:
            server = Server(
                {**env, "PAGE_CACHE_SECONDS": str(cache_seconds)},
                Path(tmp) / "server.log",
                app=FLOOR_APP,
                workers=args.workers,
            )
            try:
                server.start()
                cached = bool(cache_seconds)
                off = "" if cached else ", page cache off"
                label = "page cache on" if cached else "page cache off"
                scenario_pages = list(pages)
                if t["survey"]:
                    cookie = survey_session(server.port, t["survey"])
                    scenario_pages.append(
                        ("survey question", f"/surveys/{t['survey']}/q/1", {"Cookie": cookie})
                    )
                for _name, path, headers in scenario_pages:
                    _warm(server.port, path, headers)
                memory.record(results, label, "after warm-up", [server])
                measure_pages(server, scenario_pages, label, "", cached)
                sessions = sign_in_all(server.port, t["people"])
                # Signed-in readers get their audience's shared shell with their own parts
                # filled in (engage/ops/shells.py); with the page cache off, a page of their own.
                resident = t["people"][0]
                as_resident = [(name, path, None) for name, path, _h in read_pages]
                as_resident_label = "signed in" + off
                measure_pages(
                    server, as_resident, as_resident_label, " signed in", cached, resident
                )
                young = None
                if t["young"]:
                    young = {"Cookie": sign_in_all(server.port, t["young"][:1])[0][0]}
                    as_young = [(name, path, None) for name, path, _h in read_pages]
                    as_young_label = "young person" + off
                    measure_pages(
                        server, as_young, as_young_label, " young person", cached, t["young"][0]
                    )
                if cached:
                    # What any request costs before its page does anything (bench/floor_app.py).
                    for variant, login in (("", None), ("signed in", resident)):
                        headers = {"Cookie": fresh_session(server.port, login)} if login else None
                        _warm(server.port, "/_floor", headers)
                        before = worker_cpu_seconds(server)
                        figures = wrk(server.port, "/_floor", args, headers=headers)
                        figures["cpu_ms_per_request"] = _cpu_ms(server, before, figures)
                        _record(results, FLOOR, variant, figures, None, reference_rps)
                    _warm_posts(server.port, sessions, t["open"])
                    for kind in ("vote", "comment"):
                        before = worker_cpu_seconds(server)
                        figures = wrk(
                            server.port, "/", args, post_script(kind, sessions, t["open"])
                        )
                        figures["cpu_ms_per_request"] = _cpu_ms(server, before, figures)
                        _record(
                            results,
                            f"{kind} POST",
                            "",
                            figures,
                            measured["page cache off"].get(f"{kind} POST"),
                            reference_rps,
                        )
                memory.record(results, label, "after the load", [server])
                if crawl:
                    readers = [None, sessions[1][0], young["Cookie"] if young else None]
                    done = memory.crawl(server.port, crawl, readers, args.crawl_seconds)
                    memory.record(results, label, "after every page", [server], pages=done)
                _check_log(server)
            finally:
                server.close()
    if args.two_instances and "REDIS_URL" in env:
        bench = sys.modules[__name__]
        with reference.block(results, f"{dialect}, two instances") as reference_rps:
            two_instances.run(bench, env, t, args, measured, results, reference_rps)
    return results


def worker_cpu_seconds(server: Server) -> float:
    """CPU time (user and system) used so far by the server's master and workers."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that ended while we looked
        # After the command: state, ppid, pgrp, ... utime and stime are the 12th and 13th.
        if int(fields[2]) == server.proc.pid:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def _cpu_ms(server: Server, before: float, figures: dict) -> float:
    used = worker_cpu_seconds(server) - before
    return round(used * 1000 / max(figures["requests"], 1), 3)


def _warm(port: int, path: str, headers: dict | None) -> None:
    # Each worker compiles templates and loads catalogues on its first requests: not measured.
    for _ in range(20):
        client = Client(port, timeout=60)
        if headers and "Cookie" in headers:
            for part in headers["Cookie"].split("; "):
                name, _, value = part.partition("=")
                client.cookies[name] = value
        client.get(path)


def _warm_posts(port: int, sessions: list[tuple[str, str]], proposals: list[int]) -> None:
    # The first comment in each worker loads the moderation checks' patterns: not measured.
    for n, (cookie, token) in enumerate(sessions[:8]):
        client = Client(port, timeout=120)
        for part in cookie.split("; "):
            name, _, value = part.partition("=")
            client.cookies[name] = value
        client.token = token
        proposal = proposals[n % len(proposals)]
        client.post(f"/proposals/{proposal}/vote", {"choice": "unsure"})
        client.post(f"/proposals/{proposal}/comments", {"body": f"Warming up {n}: more buses."})


class Reference:
    """Hello, measured at the start and again after each block of scenarios.

    A shared machine's speed drifts over a run (hello fell 28 % within one run on 6 December), and
    a ratio to a hello measured minutes earlier mixes that drift into the figure. Each block's
    ratios use the mean of hello just before and just after it, so both sides of a ratio were
    measured under the same conditions, as far as a run can arrange it.
    """

    def __init__(self, args):
        self.args = args
        self.measured: list[dict] = []  # in order: {"when": "at the start", **wrk's figures}

    def measure(self, when: str) -> float:
        """Measure hello now; its requests per second."""
        figures = {"when": when, **_hello(self.args)}
        self.measured.append(figures)
        print(f"Reference hello {when}: {figures['rps']:.0f} req/s", flush=True)
        return figures["rps"]

    @property
    def latest(self) -> float:
        """The last hello measured (the ratio printed while a block runs uses it)."""
        return self.measured[-1]["rps"]

    @contextmanager
    def block(self, results: dict, name: str):
        """Rows recorded inside get the mean of hello before and after as their reference."""
        first, before = len(results["scenarios"]), self.latest
        yield before
        after = self.measure(f"after {name}")
        reference = (before + after) / 2
        for row in results["scenarios"][first:]:
            row["reference_rps"] = round(reference)
            row["ratio_to_reference"] = round(row["rps"] / reference, 3)
        print(f"  {name}: ratios against hello {before:.0f} / {after:.0f} (mean)", flush=True)


def _record(results, name, label, figures, measured, reference_rps) -> None:
    row = {
        "scenario": name,
        "variant": label,
        **figures,
        "reference_rps": round(reference_rps) if reference_rps else None,
        "ratio_to_reference": round(figures["rps"] / reference_rps, 3) if reference_rps else None,
        "cpu_ms_per_request": figures.get("cpu_ms_per_request"),
        "queries_per_request": (measured or {}).get("queries"),
        "response_bytes": (measured or {}).get("bytes"),
    }
    results["scenarios"].append(row)
    print(
        f"  {name:<24} {label:<15} {row['rps']:>8.1f} req/s  p50 {row['p50_ms']:>7.2f} ms  "
        f"p99 {row['p99_ms']:>7.2f} ms  x{row['ratio_to_reference']:<6} "
        f"cpu {row['cpu_ms_per_request']} ms  "
        f"{row['queries_per_request']} queries  {row['response_bytes']} B"
        + (f"  ({row['bad_status']} bad status)" if row["bad_status"] else ""),
        flush=True,
    )


def _check_log(server: Server) -> None:
    log = server.log()
    for marker in ("Traceback", "database is locked", '"status": 5'):
        if marker in log:
            print(f"  WARNING: the server log has {marker!r}", flush=True)


TARGET_P99_MS = 50


def target(r: dict) -> tuple[float, bool] | None:
    """Issue 19's target for a row: the least ratio to hello, and whether p99 must be < 50 ms."""
    page = r["scenario"].split(" (")[0]
    if page in ("proposal", "priority", "busiest proposal"):
        if "page cache off" in r["variant"]:
            return 0.10, False
        return 0.25, True
    if page == "survey question":
        return 0.25, False
    if page in ("vote POST", "comment POST"):
        return 0.15, False
    return None


def target_lines(scenarios: list[dict]) -> list[str]:
    """Whether each row with a target meets it."""
    lines = []
    for r in scenarios:
        wanted = target(r)
        if wanted is None:
            continue
        ratio, p99 = wanted
        met = r["ratio_to_reference"] >= ratio and (not p99 or r["p99_ms"] < TARGET_P99_MS)
        want = f"≥ ×{ratio}" + (f", p99 < {TARGET_P99_MS} ms" if p99 else "")
        lines.append(
            f"- {r['scenario']}, {r['variant'] or 'signed in'}: **{'meets' if met else 'misses'}**"
            f" {want} (×{r['ratio_to_reference']} of hello, p99 {r['p99_ms']} ms, "
            f"{r.get('cpu_ms_per_request')} ms CPU)."
        )
    return lines


def _drift(report: dict) -> str:
    """The sentences on hello measured again after each block of scenarios."""
    measured = report.get("references") or []
    if len(measured) < 2:
        return ""
    figures = "; ".join(f"{m['rps']:.0f} {m['when']}" for m in measured[1:])
    low, high = min(m["rps"] for m in measured), max(m["rps"] for m in measured)
    return (
        f" Measured again after each block of scenarios (req/s): {figures} ({low:.0f}–{high:.0f},"
        f" {100 * (high - low) / high:.0f} % apart). Each block's ratios use the mean of hello"
        " just before and just after it (the hello column), so a machine whose speed drifts"
        " during the run moves both sides of a ratio together."
    )


def write_results(report: dict) -> None:
    """bench/results/latest.json and latest.md (the README quotes the latter)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2) + "\n")
    m = report["machine"]
    s = report["settings"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {report['date']} on commit `{report['commit']}` by `make bench` (bench/run.py).",
        "",
        f"Machine: {m['cores']} cores, {m['memory_gib']} GiB, {m['cpu']}, {m['os']}, "
        f"Python {m['python']}. Load average at start {m['load_average_at_start']}, at end "
        f"{report['load_average_at_end']} (the figures are only as quiet as the machine was).",
        "",
        f"gunicorn {s['workers']} sync workers (deploy/gunicorn.conf.py) on 127.0.0.1; wrk "
        f"{s['threads']} threads, {s['connections']} connections, {s['duration']} s per scenario, "
        "on the same machine. Rate limits off for the POST scenarios.",
        "",
        f"Reference (bare Flask hello, same gunicorn settings), at the start: "
        f"**{report['reference']['rps']:.0f} req/s**, p50 {report['reference']['p50_ms']} ms, "
        f"p99 {report['reference']['p99_ms']} ms.{_drift(report)}",
        "",
    ]
    for db in report["databases"]:
        gen = db.get("generation") or {}
        cache = "Redis" if db.get("redis") else "in-process"
        lines += [f"## {db['dialect']} (page cache and rate-limit counters: {cache})", ""]
        counts = ", ".join(f"{v:,} {k}" for k, v in db["counts"].items())
        lines.append(f"Data: {counts}.")
        if gen:
            took = gen.get("wall_seconds", gen.get("total_seconds"))
            parts = ", ".join(f"{k} {v} s" for k, v in gen.get("seconds", {}).items() if v >= 1)
            lines.append(f"Generated by `flask engage generate` in {took} s ({parts}).")
        lines += [
            "",
            "| scenario | variant | req/s | p50 ms | p99 ms | hello req/s | × hello | CPU ms/req "
            "| SQL queries | bytes |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for r in db["scenarios"]:
            lines.append(
                f"| {r['scenario']} | {r['variant']} | {r['rps']:.0f} | {r['p50_ms']} | "
                f"{r['p99_ms']} | {r.get('reference_rps')} | {r['ratio_to_reference']} | "
                f"{r.get('cpu_ms_per_request')} | "
                f"{r['queries_per_request']} | "
                f"{r['response_bytes']} |"
            )
        lines += ["", *target_lines(db["scenarios"]), "", *memory.memory_lines(db)]
    lines += [
        "Targets (issue 19): proposal and priority pages, signed in or not, at least a quarter of",
        "the reference's requests per second with p99 under 50 ms at 16 connections on a 2-core",
        "machine, on the full data; the same pages with the page cache off at least 0.10; the",
        "survey question page 0.25; vote and comment POSTs 0.15. CPU ms/req is the CPU time the",
        "gunicorn master and workers used during the run (from /proc), per request served.",
        '"page cache on" is production as configured for readers who are not signed in (a copy',
        'at most PAGE_CACHE_SECONDS old); "signed in" and "young person" are a resident\'s and a',
        "young person's sessions on the same server: their audience's shared page shell with",
        "their own parts (header, vote, comment box) filled per request (engage/ops/shells.py);",
        '"page cache off" renders every request for its reader. The survey question page is',
        "its audience's shell for that question and place in the survey, with the answer form",
        "filled per respondent (their answers so far stay on the server). SQL queries and bytes",
        "are of one request (a cache hit where the cache is on), counted in the app. The",
        '"route returning ok" rows are the floor under every page: a route added to the app',
        "served (bench/floor_app.py) that only asks who is reading, so they cost what any",
        "request costs (the session cookie, the account read with the reader's facts, the",
        "security headers, Flask's set-up and tear-down) and nothing a page adds. Each signed-in",
        "scenario signs in afresh, as a browser's cookie is renewed once a minute. On a",
        "machine shared with other work (see",
        "the load average above) every figure, the reference's included, is lower than on a",
        "quiet one; compare the ratios.",
        "",
    ]
    (RESULTS / "latest.md").write_text("\n".join(lines))


def main() -> None:
    """Run the benchmark."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES_URL"))
    parser.add_argument("--no-sqlite", action="store_true", help="Only PostgreSQL.")
    parser.add_argument(
        "--redis", default=os.environ.get("BENCH_REDIS_URL"), help="Redis for the PostgreSQL run."
    )
    parser.add_argument("--generate", action="store_true", help="Make the data again.")
    parser.add_argument("--scale", type=float, default=1.0, help="Data size (1 = a town).")
    parser.add_argument("--duration", type=int, default=10, help="Seconds per scenario.")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--two-instances",
        action="store_true",
        help="Also run the main scenarios through two instances (PostgreSQL with Redis only).",
    )
    parser.add_argument(
        "--crawl-seconds",
        type=int,
        default=60,
        help="Time allowed to request every page once, for memory per worker (0: no crawl).",
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit(
            "The benchmark drives the server with wrk, which is not installed.\n"
            "On Debian or Ubuntu: apt-get install wrk"
        )
    report = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(),
        "machine": machine(),
        "settings": {
            "workers": args.workers,
            "threads": args.threads,
            "connections": args.connections,
            "duration": args.duration,
            "redis": bool(args.redis),
            "scale": args.scale,
            "two_instances": args.two_instances,
        },
        "databases": [],
    }
    print(f"Machine: {report['machine']}", flush=True)
    reference = Reference(args)
    reference.measure("at the start")
    report["reference"] = reference.measured[0]
    targets_to_run = ([] if args.no_sqlite else ["sqlite"]) + (
        [args.postgres] if args.postgres else []
    )
    for target in targets_to_run:
        report["databases"].append(run_database(target, args, reference))
    report["references"] = reference.measured
    report["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    write_results(report)
    print(f"\nWrote {RESULTS / 'latest.md'} and latest.json", flush=True)


def _hello(args) -> dict:
    """wrk's figures for the bare Flask hello under the same gunicorn settings."""
    with tempfile.TemporaryDirectory() as tmp:
        hello = Server({}, Path(tmp) / "hello.log", app="bench.hello:app", workers=args.workers)
        try:
            hello.start()
            _warm(hello.port, "/", None)
            return wrk(hello.port, "/", args)
        finally:
            hello.close()


if __name__ == "__main__":
    main()
