"""A town's worth of generated activity, bulk-loaded for benchmarks and load tests.

Rows are written straight to the tables (sqlite-utils batches on SQLite, COPY on PostgreSQL) with
values converted by the same SQLAlchemy column types the app reads them with, so the app sees
exactly what it would have written itself. Every generated account shares one password (one argon2
hash, because hashing 50,000 passwords would take most of an hour): never run this on a live site.
"""

import json
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy import func, select

from engage.accounts.models import AgeBand, Connection, User, _hasher
from engage.clock import utcnow
from engage.comments.models import Comment, CommentStatus, HoldReason
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import (
    Board,
    Plan,
    Priority,
    Proposal,
    ProposalDocument,
    ProposalStatus,
)
from engage.votes.models import Vote, VoteChoice

DEFAULT_PASSWORD = "generated town password"  # noqa: S105 - test data, documented  # nosec B105
_VOTER_ROLES = {Role.RESIDENT, Role.YOUNG_PERSON}
# The benchmark's proposal page: the first generated proposal is open and has exactly this many
# published top-level comments, so one page (COMMENTS_PER_PAGE is 60) shows all of them.
BENCH_PROPOSAL_COMMENTS = 60


@dataclass
class Sizes:
    """How much to generate; the defaults are the town-scale figures of the benchmark."""

    proposals: int = 2_000
    comments: int = 200_000
    votes: int = 1_000_000
    accounts: int = 50_000
    survey_responses: int = 100_000

    def scaled(self, factor: float) -> "Sizes":
        """The same mix, `factor` times the size (at least one proposal and a few accounts)."""
        return Sizes(
            proposals=max(1, round(self.proposals * factor)),
            comments=round(self.comments * factor),
            votes=round(self.votes * factor),
            accounts=max(10, round(self.accounts * factor)),
            survey_responses=round(self.survey_responses * factor),
        )


@dataclass
class Report:
    """What was generated and how long each table took."""

    sizes: dict
    dialect: str
    counts: dict = field(default_factory=dict)
    seconds: dict = field(default_factory=dict)
    total_seconds: float = 0.0
    bench_proposal_id: int | None = None
    notes: list[str] = field(default_factory=list)


class BulkWriter:
    """Appends rows to tables as fast as the database allows, in the app's own value formats."""

    def __init__(self, engine: sa.Engine):
        self.engine = engine
        self.dialect = engine.dialect
        self.raw = engine.raw_connection()
        self.conn = self.raw.driver_connection
        if self.dialect.name == "sqlite":
            import sqlite_utils

            self.lite = sqlite_utils.Database(self.conn)
            # A large page cache keeps index updates in memory; generated data can be made again,
            # so this connection does not wait for the disk at each batch.
            self.conn.execute("PRAGMA cache_size=-262144")
            self.conn.execute("PRAGMA synchronous=OFF")

    def _processors(self, table: sa.Table, columns: list[str]) -> list[Callable | None]:
        procs = []
        for name in columns:
            kind = table.c[name].type
            if self.dialect.name == "postgresql" and isinstance(kind, sa.JSON):
                # psycopg adapts JSON itself when binding; COPY wants the text.
                procs.append(json.dumps)
            else:
                procs.append(kind.bind_processor(self.dialect))
        return procs

    def _converted(self, table, columns, rows: Iterable[tuple]) -> Iterator[tuple]:
        procs = self._processors(table, columns)
        active = [(i, p) for i, p in enumerate(procs) if p is not None]
        if not active:
            yield from rows
            return
        for row in rows:
            row = list(row)
            for i, proc in active:
                if row[i] is not None:
                    row[i] = proc(row[i])
            yield row

    def insert(self, table: sa.Table, columns: list[str], rows: Iterable[tuple]) -> int:
        """Write the rows (tuples in `columns` order); return how many were written."""
        columns, rows = _with_defaults(table, columns, rows)
        count = 0

        def counted(source):
            nonlocal count
            for row in source:
                count += 1
                yield row

        converted = counted(self._converted(table, columns, rows))
        if self.dialect.name == "postgresql":
            names = ", ".join(f'"{c}"' for c in columns)
            statement = f'COPY "{table.name}" ({names}) FROM STDIN'
            with self.conn.cursor() as cur, cur.copy(statement) as copy:
                for row in converted:
                    copy.write_row(row)
            self.conn.commit()
        elif self.dialect.name == "sqlite":
            self.lite[table.name].insert_all(
                (dict(zip(columns, row, strict=True)) for row in converted),
                batch_size=2_000,
            )
            self.conn.commit()
        else:  # any other database: plain executemany through SQLAlchemy
            batch: list[dict] = []
            with self.engine.begin() as conn:
                for row in counted(rows):
                    batch.append(dict(zip(columns, row, strict=True)))
                    if len(batch) == 5_000:
                        conn.execute(table.insert(), batch)
                        batch = []
                if batch:
                    conn.execute(table.insert(), batch)
        return count

    def finish(self, tables: list[sa.Table]) -> None:
        """Move id sequences past the rows written (PostgreSQL) and refresh planner statistics."""
        if self.dialect.name == "postgresql":
            with self.conn.cursor() as cur:
                for table in tables:
                    if "id" in table.c and isinstance(table.c.id.type, sa.Integer):
                        # Table names come from our own metadata, never from input.
                        cur.execute(
                            f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "  # noqa: S608  # table names from metadata  # nosec B608
                            f'(SELECT COALESCE(MAX(id), 0) + 1 FROM "{table.name}"), false)'
                        )
                cur.execute("ANALYZE")
            self.conn.commit()
        elif self.dialect.name == "sqlite":
            self.conn.execute("ANALYZE")
            self.conn.commit()
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.execute("PRAGMA synchronous=NORMAL")
        self.raw.close()


def _with_defaults(table: sa.Table, columns: list[str], rows: Iterable[tuple]):
    """Add the model's Python-side defaults for columns the caller left out (as the ORM would)."""
    extra = [
        c
        for c in table.columns
        if c.name not in columns and not c.primary_key and c.default is not None
    ]
    if not extra:
        return columns, rows
    makers = []
    for column in extra:
        if column.default.is_scalar:
            makers.append(lambda value=column.default.arg: value)
        else:
            makers.append(lambda fn=column.default.arg: fn(None))

    def filled():
        for row in rows:
            yield (*row, *(make() for make in makers))

    return [*columns, *(c.name for c in extra)], filled()


_SENTENCES = [
    "I walk this way every day with my children and it does not feel safe after dark.",
    "More trees and benches would make a real difference to the town centre.",
    "Please think about people who use wheelchairs and buggies when you plan this.",
    "The buses from Marsh Farm are often late, so any improvement is welcome.",
    "I support this, but the money should go to the parts of Luton that need it most.",
    "Young people need somewhere to go in the evenings that does not cost anything.",
    "Parking near the hospital is already very hard for visitors.",
    "Could the council publish how much this will cost and who pays for it?",
    "Local businesses on Bury Park Road should be asked before anything changes.",
    "This is a good idea as long as it is looked after once it is built.",
    "The cycle lanes stop and start, which is worse than having none at all.",
    "My mum does not read English well; please share this in other languages too.",
    "I disagree: the consultation period is too short for people to hear about it.",
    "Cleaner streets and fewer potholes are what most people I know care about.",
    "Lighting in the underpasses near the station would help a lot.",
    "Please keep the library open on Saturdays, it is where my kids do homework.",
    "Air quality near the airport road is a worry for families living there.",
    "Jobs for young people should be part of every big project in the town.",
    "Thank you for asking. I hope the results are shared with everyone who answered.",
    "Wardown Park is the best thing about Luton and it needs protecting.",
]
_TOPICS = [
    "Safer walking routes",
    "Cleaner air",
    "Youth spaces",
    "Town centre renewal",
    "Affordable homes",
    "Cycling network",
    "Parks and green spaces",
    "Bus services",
    "Skills and jobs",
    "Community safety",
    "Library opening hours",
    "Street lighting",
]
_PLACES = [
    "Bury Park",
    "Marsh Farm",
    "Stopsley",
    "Lewsey",
    "Farley Hill",
    "Leagrave",
    "High Town",
    "Dallow",
    "Wigmore",
    "Sundon Park",
    "Round Green",
    "Biscot",
]
_ADJ = ["Amber", "Brave", "Bright", "Calm", "Clever", "Daring", "Eager", "Gentle", "Golden", "Kind"]
_ANIMALS = ["Badger", "Falcon", "Fox", "Hare", "Heron", "Otter", "Owl", "Robin", "Swan", "Wren"]


def _text(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(low, high)))


def _allocate(total: int, buckets: int, cap: int, rng: random.Random, skew: float = 0.7):
    """Split `total` over `buckets` with a long tail (a few busy proposals), none over `cap`."""
    if buckets == 0 or total == 0:
        return [0] * buckets
    weights = [1 / (i + 1) ** skew for i in range(buckets)]
    rng.shuffle(weights)
    scale = total / sum(weights)
    counts = [min(cap, int(w * scale)) for w in weights]
    short = total - sum(counts)
    order = list(range(buckets))
    while short > 0:
        rng.shuffle(order)
        moved = False
        for i in order:
            if short == 0:
                break
            if counts[i] < cap:
                counts[i] += 1
                short -= 1
                moved = True
        if not moved:
            break  # every bucket full: the caller asked for more than fits
    return counts


def _between(rng: random.Random, start: datetime, end: datetime) -> datetime:
    if end <= start:
        return start
    span = (end - start).total_seconds()
    return start + timedelta(seconds=rng.random() * span)


def _max_id(model) -> int:
    return db.session.scalar(select(func.coalesce(func.max(model.id), 0)))


def generate(
    sizes: Sizes,
    seed: int = 2040,
    password: str = DEFAULT_PASSWORD,
    progress: Callable[[str], None] | None = None,
) -> Report:
    """Fill the database with generated activity of the given sizes; return what was done."""
    say = progress or (lambda message: None)
    rng = random.Random(seed)  # reproducible test data, not secrets  # nosec B311
    now = utcnow().replace(microsecond=0)
    started = time.perf_counter()
    report = Report(sizes=asdict(sizes), dialect=db.engine.dialect.name)
    writer = BulkWriter(db.engine)

    def timed(name: str, table: sa.Table, columns: list[str], rows: Iterable[tuple]) -> None:
        t0 = time.perf_counter()
        report.counts[name] = report.counts.get(name, 0) + writer.insert(table, columns, rows)
        report.seconds[name] = round(report.seconds.get(name, 0) + time.perf_counter() - t0, 2)
        say(f"{name}: {report.counts[name]:,} rows in {report.seconds[name]:.1f} s")

    priority_ids = _priorities(timed, now)
    plan_ids = _plans(timed)
    db.session.commit()

    # Accounts ---------------------------------------------------------------------------------
    user_base = _max_id(User)
    password_hash = _hasher.hash(password)
    adult_bands = [AgeBand.B18_24, AgeBand.B25_44, AgeBand.B45_64, AgeBand.B65_PLUS]
    young_bands = [AgeBand.B13_15, AgeBand.B16_17]
    districts = ["LU1", "LU2", "LU3", "LU4", None]
    accounts = []  # (id, young, role)
    for i in range(sizes.accounts):
        uid = user_base + i + 1
        if i % 1000 == 999:
            role = Role.OFFICER if i % 2000 == 999 else Role.MODERATOR
        elif i % 9 == 4:
            role = Role.YOUNG_PERSON
        else:
            role = Role.RESIDENT
        accounts.append((uid, role == Role.YOUNG_PERSON, role))

    def user_rows():
        for uid, young, role in accounts:
            yield (
                uid,
                role,
                None if young else f"{role.value.replace('_', '-')}{uid}@town.example",
                f"young{uid}" if young else None,
                f"young{uid}" if young else None,  # username_key: already NFKC and casefolded
                password_hash,
                None if young or uid % 3 else f"Resident {uid}",
                # Five or more digits: never the same as an app-made name (three digits).
                f"{_ADJ[uid % 10]} {_ANIMALS[uid // 10 % 10]} {10000 + uid}",
                rng.choice(young_bands) if young else rng.choice(adult_bands),
                Connection.LIVE if uid % 5 else Connection.WORK,
                rng.choice(districts),
                None,
                now - timedelta(days=rng.randint(0, 700)),
                False,
                None if young else now,  # generated addresses count as confirmed
            )

    timed(
        "accounts",
        User.__table__,
        [
            "id",
            "role",
            "email",
            "username",
            "username_key",
            "password_hash",
            "display_name",
            "pseudonym",
            "age_band",
            "connection",
            "postcode_district",
            "locale",
            "created_at",
            "banned",
            "email_verified_at",
        ],
        user_rows(),
    )
    # Only residents and young people vote (staff may not), so only they appear as voters.
    voters = [(uid, young) for uid, young, role in accounts if role in _VOTER_ROLES]
    adults = [uid for uid, young in voters if not young]
    officer_ids = [uid for uid, _young, role in accounts if role == Role.OFFICER] or [None]

    # Proposals --------------------------------------------------------------------------------
    proposal_base = _max_id(Proposal)
    proposals = []  # (id, status, opens_at, closes_at)

    def proposal_rows():
        for i in range(sizes.proposals):
            pid = proposal_base + i + 1
            roll = rng.random()
            if i == 0 or roll < 0.40:
                status = ProposalStatus.OPEN
                opens = now - timedelta(days=rng.randint(1, 60))
                closes = now + timedelta(days=60 if i == 0 else rng.randint(2, 90))
            elif roll < 0.44:
                status = ProposalStatus.DRAFT
                opens = now + timedelta(days=rng.randint(5, 30))
                closes = opens + timedelta(days=42)
            elif roll < 0.64:
                status = ProposalStatus.CLOSED
                closes = now - timedelta(days=rng.randint(1, 30))
                opens = closes - timedelta(days=rng.randint(28, 84))
            else:
                status = ProposalStatus.DECIDED
                closes = now - timedelta(days=rng.randint(60, 700))
                opens = closes - timedelta(days=rng.randint(28, 84))
            decided = status == ProposalStatus.DECIDED
            proposals.append((pid, status, opens, closes))
            topic, place = rng.choice(_TOPICS), rng.choice(_PLACES)
            yield (
                pid,
                priority_ids[i % len(priority_ids)],
                rng.choice(plan_ids) if plan_ids and i % 3 == 0 else None,
                f"{topic} in {place} ({pid})",
                f"A proposal for {topic.lower()} in {place}. {rng.choice(_SENTENCES)}",
                f"We want to make {place} better. What do you think?",
                "## Why\n\n" + _text(rng, 3, 6) + "\n\n## What would change\n\n" + _text(rng, 2, 5),
                "The Executive" if i % 2 else "Full Council",
                status,
                opens,
                closes,
                (closes + timedelta(days=45)).date(),
                _text(rng, 2, 3) if decided else "",
                _text(rng, 2, 3) if decided else "",
                _text(rng, 1, 2) if decided else "",
                closes + timedelta(days=30) if decided else None,
                0,
                rng.choice(officer_ids),
                opens - timedelta(days=7),
                opens - timedelta(days=7),
            )

    timed(
        "proposals",
        Proposal.__table__,
        [
            "id",
            "priority_id",
            "plan_id",
            "title",
            "summary",
            "youth_summary",
            "body",
            "who_decides",
            "status",
            "opens_at",
            "closes_at",
            "decision_due",
            "outcome_you_said",
            "outcome_we_did",
            "outcome_why",
            "decided_at",
            "comment_count",
            "created_by_id",
            "created_at",
            "updated_at",
        ],
        proposal_rows(),
    )
    report.bench_proposal_id = proposals[0][0] if proposals else None
    timed(
        "proposal documents",
        ProposalDocument.__table__,
        ["proposal_id", "title", "url"],
        (
            (pid, "Evidence and options report", f"https://www.luton.gov.uk/consultations/{pid}")
            for pid, status, _o, _c in proposals
            if pid % 2 == 0
        ),
    )

    public = [p for p in proposals if p[1] != ProposalStatus.DRAFT]

    # Comments ---------------------------------------------------------------------------------
    comment_base = _max_id(Comment)
    published_count: dict[int, int] = {}
    bench_comments = min(BENCH_PROPOSAL_COMMENTS, sizes.comments) if public else 0
    per_proposal = (
        _allocate(sizes.comments - bench_comments, len(public) - 1, 20_000, rng)
        if len(public) > 1
        else []
    )
    comment_plan = list(zip(public, [bench_comments, *per_proposal], strict=False))

    def comment_rows():
        cid = comment_base
        for (pid, _status, opens, closes), count in comment_plan:
            end = min(closes, now)
            times = sorted(_between(rng, opens, end) for _ in range(count))
            tops: list[int] = []  # published top-level comments so far, for replies
            published = 0
            bench = pid == report.bench_proposal_id
            for when in times:
                cid += 1
                uid, young = rng.choice(voters) if not bench else (rng.choice(adults), False)
                parent = rng.choice(tops) if tops and not bench and rng.random() < 0.25 else None
                roll = rng.random()
                reason = None
                if bench:
                    status = CommentStatus.PUBLISHED
                elif young:
                    status = (
                        CommentStatus.PUBLISHED
                        if roll < 0.7
                        else CommentStatus.HELD
                        if roll < 0.95
                        else CommentStatus.REJECTED
                    )
                    reason = HoldReason.YOUNG_PERSON if status != CommentStatus.PUBLISHED else None
                else:
                    status = (
                        CommentStatus.PUBLISHED
                        if roll < 0.95
                        else CommentStatus.HIDDEN
                        if roll < 0.97
                        else CommentStatus.DELETED
                        if roll < 0.99
                        else CommentStatus.HELD
                    )
                    if status in {CommentStatus.HIDDEN, CommentStatus.HELD}:
                        reason = (
                            HoldReason.REPORTS
                            if status == CommentStatus.HIDDEN
                            else HoldReason.AUTOMATIC_CHECK
                        )
                if status == CommentStatus.PUBLISHED:
                    published += 1
                    if parent is None:
                        tops.append(cid)
                body = "" if status == CommentStatus.DELETED else _text(rng, 1, 4)
                yield (
                    cid,
                    pid,
                    parent,
                    uid,
                    body,
                    "en",
                    status,
                    reason,
                    young,
                    when,
                    None,
                )
            published_count[pid] = published

    timed(
        "comments",
        Comment.__table__,
        [
            "id",
            "proposal_id",
            "parent_id",
            "author_id",
            "body",
            "language",
            "status",
            "hold_reason",
            "by_young_person",
            "created_at",
            "edited_at",
        ],
        comment_rows(),
    )
    _store_comment_counts(published_count)

    # Votes ------------------------------------------------------------------------------------
    vote_counts = _allocate(sizes.votes, len(public), len(voters), rng)
    choices = [VoteChoice.AGREE, VoteChoice.DISAGREE, VoteChoice.UNSURE]

    def vote_rows():
        for (pid, _status, opens, closes), count in zip(public, vote_counts, strict=True):
            end = min(closes, now)
            lean = rng.choice([(6, 3, 1), (3, 6, 1), (4, 4, 2)])
            for uid, young in rng.sample(voters, count):
                when = _between(rng, opens, end)
                yield (pid, uid, rng.choices(choices, lean)[0], young, when, when)

    timed(
        "votes",
        Vote.__table__,
        ["proposal_id", "user_id", "choice", "by_young_person", "created_at", "updated_at"],
        vote_rows(),
    )
    from engage.votes.counters import recount_votes

    recount_votes()  # the totals' counters, from the votes just written, in one statement
    db.session.commit()

    # Survey responses -------------------------------------------------------------------------
    from engage.ops import generate_surveys

    generate_surveys.generate(sizes, rng, now, priority_ids, voters, timed, report)

    say("analysing tables")
    writer.finish(list(db.metadata.sorted_tables))
    db.session.expire_all()
    report.total_seconds = round(time.perf_counter() - started, 1)
    return report


def _priorities(timed, now: datetime) -> list[int]:
    """The existing priorities, or Luton 2040's five when the database has none."""
    ids = list(db.session.scalars(select(Priority.id).order_by(Priority.position, Priority.id)))
    if ids:
        return ids
    from engage.demo.content import PRIORITIES

    rows = [
        (i + 1, spec["slug"], i, spec["title"], spec["description"], spec["youth_description"])
        for i, spec in enumerate(PRIORITIES)
    ]
    timed(
        "priorities",
        Priority.__table__,
        ["id", "slug", "position", "title", "description", "youth_description"],
        rows,
    )
    return [r[0] for r in rows]


def _plans(timed) -> list[int]:
    """The existing plans, or the demo's boards and plans when there are none."""
    ids = list(db.session.scalars(select(Plan.id)))
    if ids:
        return ids
    from engage.demo.content import BOARDS

    boards, plans = [], []
    for b, spec in enumerate(BOARDS, start=1):
        boards.append((b, spec["name"], spec["description"]))
        for name in spec["plans"]:
            plans.append((len(plans) + 1, b, name))
    timed("boards", Board.__table__, ["id", "name", "description"], boards)
    timed("plans", Plan.__table__, ["id", "board_id", "name"], plans)
    return [p[0] for p in plans]


def _store_comment_counts(counts: dict[int, int]) -> None:
    """Write each proposal's published-comment count, as the comments service keeps it."""
    if not counts:
        return
    table = Proposal.__table__
    stmt = (
        sa.update(table)
        .where(table.c.id == sa.bindparam("pid"))
        .values(comment_count=sa.bindparam("n"))
    )
    db.session.execute(stmt, [{"pid": pid, "n": n} for pid, n in counts.items()])
    db.session.commit()


def as_date(value: datetime) -> date:
    """The day of a timestamp (survey responses keep the day only)."""
    return value.date()
