"""A person's ideas, comments on ideas and backings in their copy of their data (subject access)."""

from sqlalchemy import select

from engage.extensions import db
from engage.ideas.models import Idea, IdeaBacking, IdeaComment, IdeaStatus
from engage.privacy.subject_access import register_own_items, register_section


def _when(value):
    return value.isoformat(timespec="seconds") + "Z" if value else None


def ideas_of(user) -> list[dict]:
    """Every idea the person suggested that still has its words."""
    rows = db.session.scalars(
        select(Idea)
        .where(Idea.author_id == user.id, Idea.status != IdeaStatus.DELETED)
        .order_by(Idea.id)
    )
    return [
        {
            "idea": i.id,
            "title": i.title,
            "description": i.description,
            "area": i.area,
            "status": i.status.value,
            "suggested_at": _when(i.created_at),
            "council_answer": i.answer.value if i.answer else None,
            "answer_reason": i.answer_reason,
        }
        for i in rows
    ]


def idea_comments_of(user) -> list[dict]:
    """Every comment on an idea the person wrote that still has its words."""
    rows = db.session.scalars(
        select(IdeaComment)
        .where(IdeaComment.author_id == user.id, IdeaComment.status != IdeaStatus.DELETED)
        .order_by(IdeaComment.id)
    )
    return [
        {
            "on_idea": c.idea_id,
            "comment": c.body,
            "status": c.status.value,
            "written_at": _when(c.created_at),
        }
        for c in rows
    ]


def backings_of(user) -> list[dict]:
    """The ideas the person backs."""
    rows = db.session.scalars(
        select(IdeaBacking).where(IdeaBacking.user_id == user.id).order_by(IdeaBacking.id)
    )
    return [{"idea": b.idea_id, "backed_at": _when(b.created_at)} for b in rows]


register_section("ideas", ideas_of)
register_section("comments_on_ideas", idea_comments_of)
register_section("ideas_you_back", backings_of)
register_own_items("idea", lambda user: select(Idea.id).where(Idea.author_id == user.id))
register_own_items(
    "idea_comment", lambda user: select(IdeaComment.id).where(IdeaComment.author_id == user.id)
)
