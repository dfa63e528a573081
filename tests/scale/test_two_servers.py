"""Two app servers sharing PostgreSQL and Redis, as a council would run the site on two machines.

Two gunicorn instances (two workers each, two ports) on one PostgreSQL database and one Redis
database (TEST_REDIS_URL, a database of the tests' own: these keys in it are emptied first), with
production's settings: page cache and shared shells on, rate limits on, PROXY_FIX_HOPS=1 so each
client's X-Forwarded-For is its address. Writes through both servers are all kept; a change made
through one shows at once through the other though it had the page cached; rate limits count
attempts made through both; a session ended through one is refused by the other; a job queued
through one is run by a worker elsewhere. PostgreSQL only: SQLite is one machine's file.
"""

import fcntl
import hashlib
import os
import re
import signal
import subprocess
import sys
import threading
import time

import pytest
import redis
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from bench.harness import LOAD_ENV, ROOT, Client, Server, drop_database, fresh_database
from engage.ops.generate import DEFAULT_PASSWORD
from tests.scale import load as loadtest
from tests.scale.test_no_lost_writes import (
    _failures,
    _votes,
    check_database,
    check_integrity,
    check_server_log,
)

pytestmark = pytest.mark.scale
DEADLINE_SECONDS = 240  # far above a quiet run (about 15 s, most of it 50 sign-ins)
VOTES, COMMENTS = 600, 150
# Low enough to reach in a test, high enough for the load's sign-ins (one per address).
LOGIN_PER_ADDRESS, LOGIN_PER_ACCOUNT = 5, 3
VOTES_RE = re.compile(r"(\d+) votes? so far")
NOTIFICATIONS_RE = re.compile(r"Notifications \((\d+)\)")
QUEUE = "engage"  # huey's queue name (JOBS_QUEUE_NAME's default)


def _postgres_and_redis() -> tuple[str, str]:
    base = os.environ.get("TEST_DATABASE_URL", "")
    if not base.startswith("postgresql"):
        pytest.skip("two servers share PostgreSQL: an SQLite file belongs to one machine")
    redis_url = os.environ.get("TEST_REDIS_URL")
    if not redis_url:
        pytest.skip("TEST_REDIS_URL not set (a Redis database for the tests alone)")
    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=1).ping()
    except redis.RedisError as err:
        pytest.skip(f"no Redis at TEST_REDIS_URL: {err}")
    return base, redis_url


def _forget_shared_state(redis_url: str) -> None:
    """The app's keys left in Redis by an earlier run: cache, rate-limit counters, job queue."""
    client = redis.Redis.from_url(redis_url)
    for pattern in ("engage:*", "LIMITS*", f"huey.*.{QUEUE}"):
        for key in client.scan_iter(pattern):
            client.delete(key)
    client.close()


class Pair:
    """The two servers, the load's people, and spare residents for the other checks."""

    def __init__(self, database_url, redis_url, load, quiet, spare, servers):
        self.database_url = database_url
        self.redis_url = redis_url
        self.load = load
        self.quiet = quiet  # an open proposal the load leaves alone, with few comments
        self.spare = spare  # (id, email) of residents the load does not use
        self.a, self.b = servers
        self._people = self._addresses = 0
        self._lock = threading.Lock()

    def person(self) -> tuple[int, str]:
        """A spare resident not used by any other check."""
        with self._lock:
            self._people += 1
            return self.spare[self._people - 1]

    def browser(self, server: Server) -> Client:
        """A client from an address of its own, on `server`."""
        with self._lock:
            self._addresses += 1
            address = f"203.0.113.{self._addresses}"
        return Client(server.port, timeout=60, headers={"X-Forwarded-For": address})

    def signed_in(self, server: Server, email: str) -> Client:
        """A resident signed in through `server`, with a CSRF token for their forms."""
        browser = self.browser(server)
        browser.sign_in(email, DEFAULT_PASSWORD)
        browser.fetch_token("/account/sign-in")
        return browser

    def query(self, sql: str, **params):
        """Rows from the shared database."""
        engine = sa.create_engine(self.database_url)
        with engine.connect() as conn:
            rows = conn.execute(sa.text(sql), params).all()
        engine.dispose()
        return rows


@pytest.fixture(scope="module")
def pair(tmp_path_factory, worker_id):
    """Two servers on one freshly populated PostgreSQL database and one Redis database."""
    base, redis_url = _postgres_and_redis()
    # Both servers use the app's own Redis keys: one pair at a time per Redis database, even when
    # pytest-xdist hands this module's tests to several workers.
    lock_name = hashlib.sha256(redis_url.encode()).hexdigest()[:12]
    lock = open(f"/tmp/engage-two-servers-{lock_name}.lock", "w")  # noqa: S108, SIM115
    fcntl.flock(lock, fcntl.LOCK_EX)
    tmp = tmp_path_factory.mktemp("two-servers")
    database_url = fresh_database(base, f"{make_url(base).database}_two_{worker_id}")
    servers = []
    try:
        _forget_shared_state(redis_url)
        loadtest.populate(database_url)
        everyone = loadtest.prepare(database_url)
        engine = sa.create_engine(database_url)
        with engine.connect() as conn:
            quiet = conn.execute(
                sa.text(
                    "SELECT id FROM proposal WHERE id IN :ids ORDER BY comment_count, id LIMIT 1"
                ).bindparams(sa.bindparam("ids", expanding=True)),
                {"ids": everyone.proposals},
            ).scalar()
            spare = conn.execute(
                sa.text(
                    "SELECT id, email FROM \"user\" WHERE role = 'resident' AND email IS NOT NULL "
                    "AND id NOT IN (SELECT user_id FROM vote WHERE proposal_id = :p) "
                    "AND id NOT IN :used ORDER BY id LIMIT 40"
                ).bindparams(sa.bindparam("used", expanding=True)),
                {"p": quiet, "used": [uid for uid, _e in everyone.users]},
            ).all()
        engine.dispose()
        load = loadtest.Load(everyone.users, [p for p in everyone.proposals if p != quiet])
        env = {
            **LOAD_ENV,
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "PAGE_CACHE_SECONDS": "60",  # long enough that only invalidation can explain a change
            "RATELIMIT_ENABLED": "true",
            "PROXY_FIX_HOPS": "1",
            "LOGIN_RATE_LIMIT": f"{LOGIN_PER_ADDRESS} per minute",
            "LOGIN_ACCOUNT_RATE_LIMIT": f"{LOGIN_PER_ACCOUNT} per 15 minutes",
            "POST_RATE_LIMIT": "100000 per minute",  # the load posts as fast as it can
        }
        servers = [Server(env, tmp / f"server-{name}.log") for name in "ab"]
        starting = [threading.Thread(target=server.start) for server in servers]
        for thread in starting:
            thread.start()
        for thread in starting:
            thread.join()
        for server in servers:
            assert server.proc is not None and server.proc.poll() is None, server.log()[-3000:]
        yield Pair(database_url, redis_url, load, quiet, [tuple(s) for s in spare], servers)
        for server in servers:
            check_server_log(server)
    finally:
        for server in servers:
            server.close()
        drop_database(database_url)
        _forget_shared_state(redis_url)
        lock.close()


def test_votes_and_comments_through_both_servers_are_all_kept(pair):
    load = pair.load
    before = _votes(pair.database_url, [uid for uid, _e in load.users])
    deadline = time.monotonic() + DEADLINE_SECONDS
    threads = loadtest.run(pair.a, load, deadline, VOTES, COMMENTS, also=[pair.b])
    loadtest.wait(threads, deadline)

    assert not load.errors, load.errors
    assert load.count("ack") == VOTES + COMMENTS, _failures(load)[:10]
    # Each client's writes alternated between the servers: both took their half.
    for server in (pair.a, pair.b):
        assert server.log().count('"method": "POST"') >= (VOTES + COMMENTS) // 2
    check_database(pair.database_url, load, before)
    check_integrity(pair.database_url)


def _page(browser: Client, proposal: int) -> tuple[str, str, int]:
    """The proposal page: its text, whether a cache served it, and the votes it counts."""
    status, headers, text = browser.get(f"/proposals/{proposal}")
    assert status == 200, text[:300]
    cache = headers.get("X-Page-Cache") or headers.get("X-Shell-Cache") or "none"
    return text, cache, int(VOTES_RE.search(text).group(1))


def test_a_change_through_one_server_shows_at_once_through_the_other(pair):
    proposal = pair.quiet
    (_w, writer_email), (_r, reader_email) = pair.person(), pair.person()
    reporters = [pair.person() for _ in range(3)]
    writer = pair.signed_in(pair.a, writer_email)
    anonymous = pair.browser(pair.b)
    reader = pair.signed_in(pair.b, reader_email)
    # Server B has the page cached, for readers not signed in and as residents' shared shell.
    for browser in (anonymous, reader):
        _page(browser, proposal)
        assert all(_page(browser, proposal)[1] == "hit" for _ in range(4))
    votes = _page(reader, proposal)[2]

    body = "Through both servers: more buses to Stopsley, please."
    status, headers, _t = writer.post(f"/proposals/{proposal}/comments", {"body": body})
    assert status == 302, _t[:300]
    comment_id = int(headers["Location"].rsplit("#c", 1)[1])
    assert pair.query("SELECT status FROM comment WHERE id = :c", c=comment_id) == [("published",)]
    for browser in (anonymous, reader):
        text, cache, _v = _page(browser, proposal)
        assert body in text and cache == "miss"  # not the copy B had: a new page, kept anew
        assert body in _page(browser, proposal)[0]

    status, _h, _t = writer.post(f"/proposals/{proposal}/vote", {"choice": "agree"})
    assert status == 302, _t[:300]
    # Readers who are signed in see vote totals at once; the page cached for readers who are not
    # shows them up to PAGE_CACHE_SECONDS late, through one server or two (engage/ops/cache.py).
    assert [_page(reader, proposal)[2] for _ in range(3)] == [votes + 1] * 3

    edited = "Through both servers: more buses to Stopsley on Sundays, please."
    status, _h, _t = writer.post(f"/comments/{comment_id}/edit", {"body": edited})
    assert status == 302, _t[:300]
    for browser in (anonymous, reader):
        text = _page(browser, proposal)[0]
        assert edited in text and body not in text  # no fragment of the old words is reused

    # Three residents' reports hide a comment: the third makes it disappear everywhere.
    for n, (_id, email) in enumerate(reporters):
        browser = pair.signed_in(pair.a if n % 2 == 0 else pair.b, email)
        status, _h, _t = browser.post(
            f"/comments/{comment_id}/report", {"reason": "spam", "note": ""}
        )
        assert status == 302, _t[:300]
    for browser in (anonymous, reader, anonymous, reader):
        assert edited not in _page(browser, proposal)[0]


def _sign_in_attempt(server: Server, login: str, address: str) -> int:
    browser = Client(server.port, timeout=60, headers={"X-Forwarded-For": address})
    browser.fetch_token("/account/sign-in")
    status, _h, _t = browser.post("/account/sign-in", {"login": login, "password": "not it"})
    return status


def test_sign_in_attempts_are_counted_across_both_servers(pair):
    # Per address: attempts spread over both servers run out together.
    address = "192.0.2.77"
    spread = [pair.a if n % 2 == 0 else pair.b for n in range(LOGIN_PER_ADDRESS)]
    statuses = [
        _sign_in_attempt(s, f"nobody{n}@town.example", address) for n, s in enumerate(spread)
    ]
    assert statuses == [400] * LOGIN_PER_ADDRESS
    assert _sign_in_attempt(pair.b, "nobody-else@town.example", address) == 429
    assert _sign_in_attempt(pair.a, "nobody-else@town.example", address) == 429
    assert _sign_in_attempt(pair.b, "nobody-else@town.example", "192.0.2.78") == 400

    # Per account name, from a new address each time: failures through both are counted.
    _id, email = pair.person()
    statuses = [
        _sign_in_attempt(pair.a if n % 2 else pair.b, email, f"198.51.100.{n + 1}")
        for n in range(LOGIN_PER_ACCOUNT)
    ]
    assert statuses == [400] * LOGIN_PER_ACCOUNT
    assert _sign_in_attempt(pair.b, email, "198.51.100.99") == 429
    assert _sign_in_attempt(pair.a, email, "198.51.100.98") == 429


def test_signing_out_everywhere_through_one_server_ends_the_session_on_the_other(pair):
    _id, email = pair.person()
    laptop = pair.signed_in(pair.a, email)
    phone = pair.signed_in(pair.b, email)
    copied = Client(pair.b.port, timeout=60)
    copied.cookies = dict(laptop.cookies)  # the laptop's cookie, copied to another device
    # A session begun on one server is good on the other (the same SECRET_KEY).
    for browser, server in ((laptop, pair.b), (phone, pair.a), (copied, pair.b)):
        browser.port = server.port
        assert browser.get("/account/")[0] == 200
    laptop.port = pair.a.port
    status, _h, _t = laptop.post("/account/sign-out-everywhere", {})
    assert status == 302, _t[:300]
    for browser, server in ((phone, pair.b), (phone, pair.a), (copied, pair.b)):
        browser.port = server.port
        status, headers, _t = browser.get("/account/")
        assert status == 302 and "/account/sign-in" in headers["Location"]


def test_a_job_queued_through_one_server_is_run_by_a_worker_elsewhere(pair):
    from huey import RedisHuey

    proposal = pair.quiet
    (parent_author, parent_email), (_r, replier_email) = pair.person(), pair.person()
    author = pair.signed_in(pair.b, parent_email)
    status, headers, _t = author.post(
        f"/proposals/{proposal}/comments", {"body": "Could the buses run later on Sundays?"}
    )
    assert status == 302, _t[:300]
    parent_id = int(headers["Location"].rsplit("#c", 1)[1])
    unread = _unread(author)

    replier = pair.signed_in(pair.a, replier_email)
    status, headers, _t = replier.post(
        f"/proposals/{proposal}/comments",
        {"body": "Yes: the 31 used to run until midnight.", "parent_id": str(parent_id)},
    )
    assert status == 302, _t[:300]
    reply_id = int(headers["Location"].rsplit("#c", 1)[1])
    # Queued in Redis by server A, where any machine's worker (and /manage/jobs) sees it.
    queue = RedisHuey(QUEUE, url=pair.redis_url, results=False)
    assert queue.pending_count() >= 1

    worker = subprocess.Popen(  # the job worker of a third machine
        [sys.executable, "-m", "flask", "engage", "worker", "--no-periodic", "--workers=1"],
        cwd=ROOT,
        env={**pair.a.env, "FLASK_APP": "wsgi.py"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not pair.query(
            "SELECT 1 FROM notification_delivery WHERE key = :k AND user_id = :u",
            k=f"reply:{reply_id}",
            u=parent_author,
        ):
            assert worker.poll() is None and time.monotonic() < deadline, "the job did not run"
            time.sleep(0.2)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
    # The notice the worker left shows at once to its reader, through server B.
    assert _unread(author) == unread + 1


def _unread(browser: Client) -> int:
    status, _h, text = browser.get("/account/")
    assert status == 200
    found = NOTIFICATIONS_RE.search(text)
    return int(found.group(1)) if found else 0
