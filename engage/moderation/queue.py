"""The moderation and safeguarding queues: targets, filters, rows and pages.

Operations take the acting user, flush and never commit.
"""

from collections import Counter
from dataclasses import dataclass, replace
from datetime import timedelta

from flask import current_app
from sqlalchemy import func, select

from engage.clock import utcnow
from engage.extensions import db
from engage.moderation import confidential
from engage.moderation.models import (
    Action,
    AuditText,
    CaseState,
    ModerationCase,
    ModerationEvent,
)
from engage.moderation.registry import SOURCES, Context, Source, get_source
from engage.moderation.reports import report_counts


def target_hours(safeguarding: bool = False) -> int:
    """The time limit of a queue, in hours."""
    key = "SAFEGUARDING_TARGET_HOURS" if safeguarding else "MODERATION_TARGET_HOURS"
    return current_app.config[key]


WAITING_CHOICES = {"overdue": None, "1h": 1, "24h": 24, "3d": 72}


@dataclass
class QueueFilters:
    source: str | None = None
    priority_id: int | None = None
    language: str | None = None
    flag: str | None = None
    waiting: str | None = None


def _filtered(query, filters: QueueFilters, safeguarding: bool):
    now = utcnow()
    if filters.source:
        query = query.where(ModerationCase.source == filters.source)
    if filters.priority_id:
        query = query.where(ModerationCase.priority_id == filters.priority_id)
    if filters.language:
        query = query.where(ModerationCase.language == filters.language)
    flag_columns = {
        "personal_details": ModerationCase.flag_personal,
        "abuse": ModerationCase.flag_abuse,
        "risk": ModerationCase.flag_risk,
    }
    if filters.flag == "none":
        query = query.where(*[c.is_(False) for c in flag_columns.values()])
    elif filters.flag in flag_columns:
        query = query.where(flag_columns[filters.flag].is_(True))
    if filters.waiting in WAITING_CHOICES:
        hours = WAITING_CHOICES[filters.waiting] or target_hours(safeguarding)
        query = query.where(ModerationCase.held_at < now - timedelta(hours=hours))
    return query


def queue_size() -> int:
    """How many items wait in the moderators' queue: one COUNT, for the site header."""
    return db.session.scalar(
        select(func.count())
        .select_from(ModerationCase)
        .where(ModerationCase.state == CaseState.WAITING)
    )


def safeguarding_size() -> int:
    """How many items wait for the safeguarding lead."""
    return db.session.scalar(
        select(func.count())
        .select_from(ModerationCase)
        .where(ModerationCase.state == CaseState.SAFEGUARDING)
    )


@dataclass
class QueueRow:
    case: ModerationCase
    item: object
    source: Source
    text: str
    context: Context
    age_band: str | None
    past_posts: int
    rejections: int
    waited: timedelta
    overdue: bool
    reports: Counter


def build_rows(viewer, cases: list[ModerationCase], safeguarding: bool = False) -> list[QueueRow]:
    """Queue rows with their item, context and author history, in a few queries per source.

    Words held for safeguarding (the item's own, or the comment it replies to) are replaced for
    a viewer who may not read them.
    """
    by_source: dict[str, list[int]] = {}
    for case in cases:
        by_source.setdefault(case.source, []).append(case.item_id)
    items: dict[tuple[str, int], object] = {}
    posts: Counter = Counter()
    reports: dict[tuple[str, int], Counter] = {}
    authors = sorted({c.author_id for c in cases if c.author_id})
    for name, ids in by_source.items():
        src = get_source(name)
        if src is None:
            continue
        for item_id, item in src.load_many(ids).items():
            items[(name, item_id)] = item
        for item_id, counter in report_counts(name, ids).items():
            reports[(name, item_id)] = counter
    # An author's posts count across every source, not only the ones with something waiting.
    for src in SOURCES.values():
        for author, n in src.post_counts(authors).items():
            posts[author] += n
    rejections = (
        dict(
            db.session.execute(
                select(ModerationEvent.subject_user_id, func.count())
                .where(
                    ModerationEvent.action == Action.REJECT,
                    ModerationEvent.subject_user_id.in_(authors),
                )
                .group_by(ModerationEvent.subject_user_id)
            ).all()
        )
        if authors
        else {}
    )
    now = utcnow()
    limit = timedelta(hours=target_hours(safeguarding))
    reads_all = confidential.reads_safeguarding(viewer)
    contexts = {key: get_source(key[0]).context(item) for key, item in items.items()}
    parents: dict[str, set[int]] = {}
    for (name, _item_id), context in contexts.items():
        if context.parent_id is not None:
            parents.setdefault(name, set()).add(context.parent_id)
    withheld_parents = {
        (name, parent_id)
        for name, ids in parents.items()
        for parent_id in confidential.withheld_ids(viewer, name, ids)
    }
    rows = []
    for case in cases:
        item = items.get((case.source, case.item_id))
        src = get_source(case.source)
        if item is None or src is None:
            continue
        waited = now - case.held_at
        context = contexts[(case.source, case.item_id)]
        if (case.source, context.parent_id) in withheld_parents:
            context = replace(context, parent_text=str(confidential.WITHHELD))
        if case.safeguarding and not reads_all:
            text = str(confidential.WITHHELD)
        else:
            text = src.text(item) or held_text(case)
        rows.append(
            QueueRow(
                case=case,
                item=item,
                source=src,
                text=text,
                context=context,
                age_band=src.age_band(item),
                # "Past" posts: everything else this author wrote.
                past_posts=max(posts.get(case.author_id, 0) - 1, 0) if case.author_id else 0,
                rejections=rejections.get(case.author_id, 0),
                waited=waited,
                overdue=case.is_open and waited > limit,
                reports=reports.get((case.source, case.item_id), Counter()),
            )
        )
    return rows


def held_text(case: ModerationCase) -> str:
    """The words as they were when held, for a safeguarding lead if the author deleted them."""
    return (
        db.session.scalar(
            select(AuditText.text)
            .join(ModerationEvent, ModerationEvent.before_id == AuditText.id)
            .where(
                ModerationEvent.source == case.source,
                ModerationEvent.item_id == case.item_id,
                AuditText.text.is_not(None),
                AuditText.text != "",
            )
            .order_by(ModerationEvent.id.desc())
            .limit(1)
        )
        or ""
    )


def queue_page(viewer, filters: QueueFilters, page: int, per_page: int = 50):
    """A page of the moderators' queue, oldest first, and its rows."""
    query = _filtered(
        select(ModerationCase).where(ModerationCase.state == CaseState.WAITING), filters, False
    ).order_by(ModerationCase.held_at, ModerationCase.id)
    pagination = db.paginate(query, page=page, per_page=per_page, error_out=False)
    return pagination, build_rows(viewer, list(pagination.items))


def safeguarding_page(viewer, page: int, per_page: int = 50, handled: bool = False):
    """The safeguarding queue (or the handled list), oldest first."""
    state = CaseState.HANDLED if handled else CaseState.SAFEGUARDING
    query = select(ModerationCase).where(ModerationCase.state == state)
    order = (ModerationCase.decided_at.desc(),) if handled else (ModerationCase.held_at,)
    pagination = db.paginate(
        query.order_by(*order, ModerationCase.id), page=page, per_page=per_page, error_out=False
    )
    return pagination, build_rows(viewer, list(pagination.items), safeguarding=True)
