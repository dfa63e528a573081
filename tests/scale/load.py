"""The write load: 50 signed-in people voting and commenting at once through gunicorn.

Every request's outcome is recorded: acknowledged (the redirect that tells the person it worked),
refused (any other answer: a failure for the tests), or unknown (the connection broke, as when
the server is killed mid-request). The tests then compare what was acknowledged with the database.
"""

import http.client
import random
import threading
import time
from dataclasses import dataclass, field

import sqlalchemy as sa

from bench.harness import Client, Server, flask, location_path
from engage.ops.generate import DEFAULT_PASSWORD

CLIENTS = 50
VOTES = 5_000
COMMENTS = 1_000
CHOICES = ("agree", "disagree", "unsure")


@dataclass
class Outcome:
    kind: str  # "vote" or "comment"
    client: int
    proposal_id: int
    value: str  # the vote's choice, or the comment's body
    seq: int  # order of sending within the client
    result: str = "pending"  # "ack", "refused" or "unknown"
    status: int | None = None
    comment_id: int | None = None
    detail: str = ""


@dataclass
class Load:
    """The people, the proposals and everything that happened."""

    users: list[tuple[int, str]]  # (id, email)
    proposals: list[int]
    outcomes: list[Outcome] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    errors: list[str] = field(default_factory=list)

    def acked(self, kind: str) -> list[Outcome]:
        """Acknowledged writes of one kind."""
        with self.lock:
            return [o for o in self.outcomes if o.kind == kind and o.result == "ack"]

    def count(self, result: str) -> int:
        """How many outcomes ended this way."""
        with self.lock:
            return sum(1 for o in self.outcomes if o.result == result)


def populate(database_url: str) -> None:
    """A small town: enough open proposals and residents for the load, made by the generator."""
    flask(
        database_url,
        "engage",
        "generate",
        "--proposals=60",
        "--accounts=200",
        "--comments=300",
        "--votes=2000",
        "--survey-responses=0",
        "--seed=7",
        "--yes",
    )


def prepare(database_url: str) -> Load:
    """Pick 50 residents and the open proposals from the generated data."""
    engine = sa.create_engine(database_url)
    with engine.connect() as conn:
        users = conn.execute(
            sa.text(
                "SELECT id, email FROM \"user\" WHERE role = 'resident' AND email IS NOT NULL "
                "ORDER BY id LIMIT :n"
            ),
            {"n": CLIENTS},
        ).all()
        proposals = conn.scalars(
            sa.text(
                "SELECT id FROM proposal WHERE status = 'open' AND opens_at <= :now "
                "AND closes_at > :now ORDER BY id"
            ),
            {"now": _now()},
        ).all()
    engine.dispose()
    assert len(users) == CLIENTS and len(proposals) >= 10, (len(users), len(proposals))
    return Load(users=[tuple(u) for u in users], proposals=list(proposals))


def _now():
    from engage.clock import utcnow

    return utcnow()


def _plan(client: int, load: Load, votes: int, comments: int) -> list[Outcome]:
    """This client's writes, in order: votes (some repeated, changing the choice) and comments."""
    rng = random.Random(client)
    writes = []
    kinds = ["vote"] * votes + ["comment"] * comments
    rng.shuffle(kinds)
    for seq, kind in enumerate(kinds):
        proposal = rng.choice(load.proposals)
        if kind == "vote":
            value = rng.choice(CHOICES)
        else:
            value = f"Load test comment {client}-{seq}: more buses to Stopsley, please."
        writes.append(Outcome(kind, client, proposal, value, seq))
    return writes


def _send(browser: Client, write: Outcome) -> None:
    try:
        if write.kind == "vote":
            status, headers, text = browser.post(
                f"/proposals/{write.proposal_id}/vote", {"choice": write.value}
            )
            ok = status == 302 and location_path(headers).endswith("#vote")
        else:
            status, headers, text = browser.post(
                f"/proposals/{write.proposal_id}/comments", {"body": write.value}
            )
            where = location_path(headers)
            ok = status == 302 and "#c" in where
            if ok:
                write.comment_id = int(where.rsplit("#c", 1)[1])
        write.status = status
        write.result = "ack" if ok else "refused"
        if not ok:
            write.detail = text[:300]
    # Reset, refused, timed out, or cut off mid-answer by the kill: the person never heard back.
    except (OSError, http.client.HTTPException) as err:
        write.result = "unknown"
        write.detail = repr(err)


def run(server: Server, load: Load, deadline: float, votes=VOTES, comments=COMMENTS, also=()):
    """Start the clients: each signs in, then all send their writes at once. Returns the threads.

    With `also` (more servers sharing the database), each client's writes go to every server in
    turn, and each client comes from an address of its own (X-Forwarded-For: only a server with
    PROXY_FIX_HOPS set reads it), as people behind a load balancer would.
    """
    ports = [server.port, *(other.port for other in also)]
    per_client_votes, per_client_comments = votes // CLIENTS, comments // CLIENTS
    plans = [_plan(i, load, per_client_votes, per_client_comments) for i in range(CLIENTS)]
    with load.lock:
        for plan in plans:
            load.outcomes.extend(plan)
    start = threading.Barrier(CLIENTS, timeout=max(1.0, deadline - time.monotonic()))

    def work(index: int) -> None:
        address = {"X-Forwarded-For": f"198.18.{index // 200}.{index % 200 + 1}"} if also else {}
        browser = Client(ports[index % len(ports)], timeout=120, headers=address)
        try:
            browser.sign_in(load.users[index][1], DEFAULT_PASSWORD)
            # Signing in starts a new session; the (light) sign-in form has its new token.
            browser.fetch_token("/account/sign-in")
        except (OSError, RuntimeError) as err:
            with load.lock:
                load.errors.append(f"client {index} could not sign in: {err}")
            start.abort()
            return
        try:
            start.wait()
        except threading.BrokenBarrierError:
            return
        for write in plans[index]:
            if time.monotonic() > deadline:
                write.result, write.detail = "unknown", "deadline passed before sending"
                continue
            browser.port = ports[(index + write.seq) % len(ports)]
            _send(browser, write)
            if write.result == "unknown":
                time.sleep(0.05)  # the server is down: do not spin

    threads = [threading.Thread(target=work, args=(i,), daemon=True) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    return threads


def wait(threads, deadline: float) -> None:
    """Wait for the clients to finish, no later than the deadline (plus a grace second)."""
    for thread in threads:
        thread.join(max(0.0, deadline - time.monotonic()) + 1)
    assert not any(t.is_alive() for t in threads), "the load did not finish in time"


def expected_votes(load: Load, before: dict[tuple[int, int], str]) -> dict:
    """(proposal, user) -> the set of choices the database may hold for each pair the load touched.

    The last acknowledged choice, or, when a later vote's outcome is unknown, that one too.
    """
    user_of = {i: uid for i, (uid, _e) in enumerate(load.users)}
    by_pair: dict[tuple[int, int], list[Outcome]] = {}
    for o in sorted(load.outcomes, key=lambda o: o.seq):
        if o.kind == "vote":
            by_pair.setdefault((o.proposal_id, user_of[o.client]), []).append(o)
    allowed = {}
    for pair, writes in by_pair.items():
        acked = [o for o in writes if o.result == "ack"]
        if acked:
            last = acked[-1]
            later = [o.value for o in writes if o.seq > last.seq and o.result == "unknown"]
            allowed[pair] = {last.value, *later}
        else:
            unknown = {o.value for o in writes if o.result == "unknown"}
            allowed[pair] = unknown | ({before[pair]} if pair in before else {None})
    return allowed
