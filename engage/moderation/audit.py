"""The audit record: appending events; an item's or a person's history; the audit log.

Operations take the acting user, flush and never commit.
"""

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from engage.extensions import db
from engage.moderation import confidential
from engage.moderation.models import (
    Action,
    ModerationCase,
    ModerationEvent,
)


def record(actor, action: Action, **fields) -> ModerationEvent:
    """Append one event to the audit record (the only way the application writes to it)."""
    event = ModerationEvent(
        actor_id=actor.id if actor is not None else None, action=action, **fields
    )
    db.session.add(event)
    db.session.flush()
    return event


def record_case(actor, action: Action, case: ModerationCase, **fields) -> ModerationEvent:
    """Append an event about a queued item: which item, whose words, then the given details."""
    fields.setdefault("subject_user_id", case.author_id)
    if case.date_only:
        fields.setdefault("created_at", case.stamp())
    return record(actor, action, source=case.source, item_id=case.item_id, **fields)


def item_history(viewer, source: str, item_id: int) -> list[confidential.EventView]:
    """Every event on an item, oldest first, as the viewer may see it."""
    return confidential.visible_events(
        viewer,
        db.session.scalars(
            select(ModerationEvent)
            .where(ModerationEvent.source == source, ModerationEvent.item_id == item_id)
            .order_by(ModerationEvent.id)
        ),
    )


def person_history(viewer, user_id: int) -> list[confidential.EventView]:
    """Every event about a person, newest first, as the viewer may see it."""
    return confidential.visible_events(
        viewer,
        db.session.scalars(
            select(ModerationEvent)
            .where(ModerationEvent.subject_user_id == user_id)
            .order_by(ModerationEvent.id.desc())
            .limit(200)
        ),
    )


# Audit record ---------------------------------------------------------------------------------


@dataclass
class AuditFilters:
    action: str | None = None
    source: str | None = None
    actor_id: int | None = None
    subject_user_id: int | None = None


def _audit_query(filters: AuditFilters):
    query = select(ModerationEvent)
    if filters.action in {a.value for a in Action}:
        query = query.where(ModerationEvent.action == Action(filters.action))
    if filters.source:
        query = query.where(ModerationEvent.source == filters.source)
    if filters.actor_id:
        query = query.where(ModerationEvent.actor_id == filters.actor_id)
    if filters.subject_user_id:
        query = query.where(ModerationEvent.subject_user_id == filters.subject_user_id)
    return query


def audit_page(viewer, filters: AuditFilters, page: int, per_page: int = 50):
    """A page of the audit record, newest first, and its events as the viewer may see them."""
    query = _audit_query(filters).order_by(ModerationEvent.id.desc())
    pagination = db.paginate(query, page=page, per_page=per_page, error_out=False)
    return pagination, confidential.visible_events(viewer, pagination.items)


CSV_COLUMNS = [
    "id",
    "created_at",
    "actor_id",
    "action",
    "source",
    "item_id",
    "subject_user_id",
    "reason",
    "note",
    "before_text",
    "after_text",
    "from_status",
    "to_status",
    "undoes_id",
    "waited_seconds",
    "flags",
]


def _csv_cell(value) -> str:
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, datetime) else str(value)
    # Spreadsheets run cells that start like a formula; a leading quote keeps them as text.
    if text[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        text = "'" + text
    return text


def audit_csv_rows_for(viewer_id: int, filters: AuditFilters):
    """audit_csv_rows for the account with this id, loaded as the rows are sent (a stream)."""
    from engage.accounts.models import User

    yield from audit_csv_rows(db.session.get(User, viewer_id), filters)


def audit_csv_rows(viewer, filters: AuditFilters):
    """The audit record as CSV text, a chunk of rows at a time (oldest first)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield buffer.getvalue()
    query = _audit_query(filters).order_by(ModerationEvent.id)
    withheld = str(confidential.WITHHELD)
    for chunk in db.session.scalars(query.execution_options(yield_per=500)).partitions(500):
        buffer.seek(0)
        buffer.truncate()
        for view in confidential.visible_events(viewer, chunk):
            row = [getattr(view, c) for c in CSV_COLUMNS]
            for column in ("note", "before_text", "after_text"):
                hidden = getattr(view.event, column) is not None and getattr(view, column) is None
                if hidden:
                    row[CSV_COLUMNS.index(column)] = withheld
            writer.writerow([_csv_cell(v) for v in row])
        yield buffer.getvalue()


# Dashboard ------------------------------------------------------------------------------------
