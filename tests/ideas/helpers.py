"""Builders for idea tests: ideas go through the real service (checks and holds included)."""

from datetime import timedelta

from engage.clock import utcnow
from engage.extensions import db
from engage.ideas import service
from engage.ideas.models import Idea, IdeaStatus
from engage.permissions import Role
from tests.factories import make_priority, make_user


def suggest(author=None, priority=None, title="Water fountains in Wardown Park", **fields):
    """An idea suggested through the service and committed."""
    author = author or make_user(Role.RESIDENT)
    priority = priority or make_priority()
    idea = service.suggest_idea(
        author,
        priority,
        title,
        fields.pop("description", "Free drinking water by the playground and the lake."),
        fields.pop("area", None),
    )
    db.session.commit()
    return idea


def make_idea(priority=None, author=None, status=IdeaStatus.PUBLISHED, **fields) -> Idea:
    """An idea row as it stands after moderation (no checks run): for lists and permission grids."""
    author = author or make_user(Role.RESIDENT)
    priority = priority or make_priority()
    published = status == IdeaStatus.PUBLISHED
    fields.setdefault(
        "backer_count", fields.get("adult_backers", 0) + fields.get("young_backers", 0)
    )
    idea = Idea(
        priority_id=priority.id,
        author_id=author.id,
        title=fields.pop("title", "More benches on the Hat Factory quarter"),
        description=fields.pop("description", "Somewhere to sit near the bus stops."),
        status=status,
        by_young_person=author.is_young,
        published_at=fields.pop(
            "published_at", utcnow() - timedelta(days=1) if published else None
        ),
        **fields,
    )
    db.session.add(idea)
    db.session.commit()
    return idea
