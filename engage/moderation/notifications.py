"""In-site notifications to people about their items: leaving one, counting and reading them.

Operations take the acting user, flush and never commit.
"""

from sqlalchemy import bindparam, func, select

from engage.clock import utcnow
from engage.extensions import db
from engage.moderation.models import (
    Notification,
)
from engage.ops.reader_facts import READER, reader_fact


def notify(user_id: int | None, kind: str, **params) -> Notification | None:
    """Leave a message for a person, worded in their language when they read it."""
    if user_id is None:  # anonymous survey answers have nobody to tell
        return None
    note = Notification(user_id=user_id, kind=kind, params=params)
    db.session.add(note)
    return note


@reader_fact(READER, "unread_notifications")
def _unread_fact():
    """The reader's unread notifications, for the header of every signed-in page."""
    return (
        select(func.count())
        .select_from(Notification)
        .where(Notification.user_id == bindparam("user_id"), Notification.read_at.is_(None))
        .scalar_subquery()
    )


def user_notifications(user, page: int, per_page: int = 30):
    """A person's notifications, newest first."""
    query = (
        select(Notification)
        .where(Notification.user_id == user.id)
        .order_by(Notification.created_at.desc(), Notification.id.desc())
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def mark_read(user, notifications) -> None:
    """Mark the notifications a person has now seen."""
    now = utcnow()
    for note in notifications:
        if note.user_id == user.id and note.read_at is None:
            note.read_at = now
    db.session.flush()
