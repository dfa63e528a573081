"""Erasing ideas, backings and comments on ideas: on withdrawal, and when a person is erased.

The same rules as engage/privacy/erasure.py: the rows stay (merged ideas and proposals point at
them) without their words; the audit record keeps its events with the words blanked, except for
items kept for safeguarding; reports and notices about the items go.
"""

import sqlalchemy as sa
from sqlalchemy import select

from engage import events
from engage.extensions import db
from engage.ideas.models import Idea, IdeaBacking, IdeaComment, IdeaStatus
from engage.moderation.models import (
    CaseState,
    ModerationCase,
    ModerationEvent,
    Notification,
    Report,
)
from engage.privacy.erasure import erase_audit_text, not_safeguarding


def _about(model, source: str, ids):
    return sa.and_(model.source == source, model.item_id.in_(ids))


def _erase_moderation(source: str, ids, person_id: int | None, why: str) -> None:
    erase_audit_text(sa.and_(_about(ModerationEvent, source, ids), not_safeguarding()), why)
    db.session.execute(
        sa.update(ModerationCase)
        .where(_about(ModerationCase, source, ids), ModerationCase.safeguarding.is_(False))
        .values(
            appeal_note=None,
            state=sa.case(
                (ModerationCase.state == CaseState.WAITING, CaseState.WITHDRAWN.value),
                else_=ModerationCase.state,
            ),
        )
        .execution_options(synchronize_session=False)
    )
    db.session.execute(
        sa.delete(Report)
        .where(_about(Report, source, ids))
        .execution_options(synchronize_session=False)
    )
    if person_id is not None:
        erased = {int(i) for i in db.session.scalars(ids)}
        rows = db.session.execute(
            select(Notification.id, Notification.params).where(Notification.user_id == person_id)
        )
        gone = [
            nid
            for nid, params in rows
            if (params or {}).get("source") == source
            and params.get("item_id") is not None
            and int(params["item_id"]) in erased
        ]
        if gone:
            db.session.execute(
                sa.delete(Notification)
                .where(Notification.id.in_(gone))
                .execution_options(synchronize_session=False)
            )


def erase_ideas(ids, person_id: int | None = None, why: str = "deleted") -> int:
    """Erase these ideas (a SELECT of ids) everywhere; return how many lost their words."""
    db.session.flush()
    item_ids = list(db.session.scalars(ids))
    if not item_ids:
        return 0
    _erase_moderation("idea", ids, person_id, why)
    result = db.session.execute(
        sa.update(Idea)
        .where(Idea.id.in_(item_ids), Idea.status != IdeaStatus.DELETED)
        .values(title="", description="", area=None, status=IdeaStatus.DELETED)
        .execution_options(synchronize_session=False)
    )
    db.session.expire_all()
    db.session.info["engage_content_changed"] = True
    # One signal for them all: indexes drop the lot in one statement, not one per idea.
    events.items_erased.send("idea", ids=select(Idea.id).where(Idea.id.in_(item_ids)))
    return result.rowcount or 0


def erase_idea_comments(ids, person_id: int | None = None, why: str = "deleted") -> int:
    """Erase these comments on ideas (a SELECT of ids) everywhere and recount their ideas."""
    from engage.ideas.service import refresh_comment_counts

    db.session.flush()
    rows = db.session.execute(
        select(IdeaComment.id, IdeaComment.idea_id).where(IdeaComment.id.in_(ids))
    ).all()
    if not rows:
        return 0
    _erase_moderation("idea_comment", ids, person_id, why)
    item_ids = [r.id for r in rows]
    result = db.session.execute(
        sa.update(IdeaComment)
        .where(IdeaComment.id.in_(item_ids), IdeaComment.status != IdeaStatus.DELETED)
        .values(body="", status=IdeaStatus.DELETED)
        .execution_options(synchronize_session=False)
    )
    refresh_comment_counts(sorted({r.idea_id for r in rows}))
    db.session.expire_all()
    db.session.info["engage_content_changed"] = True
    events.items_erased.send(
        "idea_comment", ids=select(IdeaComment.id).where(IdeaComment.id.in_(item_ids))
    )
    return result.rowcount or 0


def erase_backings(user_id: int) -> int:
    """Delete a person's backings and recount the ideas they backed."""
    from engage.ideas.service import refresh_backers_of

    idea_ids = list(
        db.session.scalars(select(IdeaBacking.idea_id).where(IdeaBacking.user_id == user_id))
    )
    if not idea_ids:
        return 0
    db.session.execute(
        sa.delete(IdeaBacking)
        .where(IdeaBacking.user_id == user_id)
        .execution_options(synchronize_session=False)
    )
    refresh_backers_of(sorted(idea_ids))
    return len(idea_ids)


def erase_person(user_id, **_kwargs) -> None:
    """Listener of person_erased: the person's ideas, comments on ideas and backings go too."""
    erase_ideas(select(Idea.id).where(Idea.author_id == user_id), user_id)
    erase_idea_comments(select(IdeaComment.id).where(IdeaComment.author_id == user_id), user_id)
    erase_backings(user_id)


events.person_erased.connect(erase_person)
