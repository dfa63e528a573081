"""Builders for moderation tests: content goes through the real comment service and its checks."""

from datetime import timedelta

import sqlalchemy as sa

from engage.comments.service import submit_comment
from engage.extensions import db
from engage.moderation.models import ModerationCase, ModerationEvent, Notification
from engage.moderation.service import find_case
from engage.permissions import Role
from tests.factories import make_proposal, make_user

RISK_TEXT = "my dad hits me and I want to kill myself"
PHONE_TEXT = "Great idea, text me on 07700 900123 to help"
ABUSE_TEXT = "whoever wrote this is a fucking moron"


def rule_kinds(text: str, category) -> set[str]:
    """The kinds the rules alone (not the model) flag in `text` under `category`."""
    from engage.moderation.checks import check_text

    return {f.kind for f in check_text(text) if f.category == category and f.kind != "model"}


def post(author, proposal=None, body="I would like more benches in the park.", parent=None):
    """Post through the real comment service (checks and holds included) and commit."""
    proposal = proposal or make_proposal()
    comment = submit_comment(author, proposal, body, parent)
    db.session.commit()
    return comment


def held_comment(body="I would like more benches in the park.", proposal=None, author=None):
    """A young person's comment, held for a moderator, and its case."""
    author = author or make_user(Role.YOUNG_PERSON)
    comment = post(author, proposal, body)
    return comment, find_case("comment", comment.id)


def age_case(case: ModerationCase, hours: float) -> None:
    """Pretend an item has waited this long (the clock is real; we move the start back)."""
    case.held_at = case.held_at - timedelta(hours=hours)
    db.session.commit()


def events(source="comment", item_id=None, action=None) -> list[ModerationEvent]:
    """Audit events, oldest first."""
    query = sa.select(ModerationEvent).order_by(ModerationEvent.id)
    if item_id is not None:
        query = query.where(ModerationEvent.source == source, ModerationEvent.item_id == item_id)
    if action is not None:
        query = query.where(ModerationEvent.action == action)
    return list(db.session.scalars(query))


def notifications_of(user) -> list[Notification]:
    """A person's notifications, oldest first."""
    return list(
        db.session.scalars(
            sa.select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
        )
    )


def moderator(**fields):
    return make_user(Role.MODERATOR, **fields)


def item_url(comment, action=None) -> str:
    base = f"/manage/moderation/comment/{comment.id}"
    return f"{base}/{action}" if action else base
