"""Whether a rejection notice has already been appealed, so a repeat gets a plain answer."""

import sqlalchemy as sa

from engage.extensions import db
from engage.moderation.models import Action, ModerationEvent, Notification


def already_appealed(notification: Notification) -> bool:
    """True when the author appealed the decision this notice told them about."""
    if notification.kind != "rejected":
        return False
    params = notification.params or {}
    appealed_at = db.session.scalar(
        sa.select(sa.func.max(ModerationEvent.created_at)).where(
            ModerationEvent.action == Action.APPEAL,
            ModerationEvent.source == params.get("source"),
            ModerationEvent.item_id == int(params.get("item_id") or 0),
            ModerationEvent.actor_id == notification.user_id,
        )
    )
    return appealed_at is not None and appealed_at >= notification.created_at
