"""The moderation dashboard's figures: waiting, overdue and decision times.

Operations take the acting user, flush and never commit.
"""

import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select

from engage.clock import utcnow
from engage.extensions import db
from engage.moderation.models import (
    DECISIONS,
    Action,
    CaseState,
    ModerationCase,
    ModerationEvent,
)
from engage.moderation.queue import queue_size, safeguarding_size, target_hours


@dataclass
class Dashboard:
    waiting: int
    safeguarding: int
    overdue: int
    safeguarding_overdue: int
    median_7: float | None  # hours
    median_30: float | None
    decisions_7: int
    decisions_30: int
    flagged_decisions: int
    flags_agreed: int
    by_category: dict[str, tuple[int, int]]


def _median_hours(since: datetime) -> tuple[float | None, int]:
    waits = list(
        db.session.scalars(
            select(ModerationEvent.waited_seconds).where(
                ModerationEvent.action.in_(list(DECISIONS | {Action.HANDLE})),
                ModerationEvent.waited_seconds.is_not(None),
                ModerationEvent.created_at >= since,
            )
        )
    )
    if not waits:
        return None, 0
    return round(statistics.median(waits) / 3600, 1), len(waits)


def _overdue(state: CaseState, hours: int) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(ModerationCase)
        .where(
            ModerationCase.state == state,
            ModerationCase.held_at < utcnow() - timedelta(hours=hours),
        )
    )


def dashboard(now: datetime | None = None) -> Dashboard:
    """Queue sizes, time to decision, overdue items and how often the automatic flags were right."""
    now = now or utcnow()
    median_7, n7 = _median_hours(now - timedelta(days=7))
    median_30, n30 = _median_hours(now - timedelta(days=30))
    # A flag was agreed with when the moderator did not simply approve the flagged words.
    flagged = db.session.execute(
        select(ModerationEvent.action, ModerationEvent.flags).where(
            ModerationEvent.action.in_(list(DECISIONS | {Action.HANDLE})),
            ModerationEvent.flags.is_not(None),
            ModerationEvent.created_at >= now - timedelta(days=30),
        )
    ).all()
    by_category: dict[str, list[int]] = {}
    agreed = 0
    for action, flags in flagged:
        ok = action != Action.APPROVE
        agreed += ok
        for cat in flags.split(","):
            pair = by_category.setdefault(cat, [0, 0])
            pair[0] += ok
            pair[1] += 1
    return Dashboard(
        waiting=queue_size(),
        safeguarding=safeguarding_size(),
        overdue=_overdue(CaseState.WAITING, target_hours(False)),
        safeguarding_overdue=_overdue(CaseState.SAFEGUARDING, target_hours(True)),
        median_7=median_7,
        median_30=median_30,
        decisions_7=n7,
        decisions_30=n30,
        flagged_decisions=len(flagged),
        flags_agreed=agreed,
        by_category={k: (v[0], v[1]) for k, v in sorted(by_category.items())},
    )


# Notifications --------------------------------------------------------------------------------
