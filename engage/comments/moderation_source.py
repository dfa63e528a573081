"""Comments and replies as a moderated source, registered with moderation at app set-up."""

from flask import url_for
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from engage import events
from engage.comments.models import Comment, CommentStatus, HoldReason
from engage.comments.service import refresh_comment_count
from engage.extensions import db
from engage.i18n import _l
from engage.moderation.models import ItemState
from engage.moderation.registry import Context, Source, register_source


class CommentSource(Source):
    """Comments and replies on proposals."""

    name = "comment"
    label = _l("Comment")
    what = _l("comment")
    reportable = True

    def load(self, item_id):
        """The comment with its proposal, or None."""
        # The proposal is loaded now: moderation reads it while a new case is not yet flushed.
        return db.session.get(Comment, item_id, options=[selectinload(Comment.proposal)])

    def load_many(self, ids):
        """Comments by id with their proposal, parent and author."""
        if not ids:
            return {}
        rows = db.session.scalars(
            select(Comment)
            .options(
                selectinload(Comment.proposal),
                selectinload(Comment.parent),
                selectinload(Comment.author),
            )
            .where(Comment.id.in_(ids))
        )
        return {c.id: c for c in rows}

    def text(self, item):
        """The comment's words."""
        return item.body

    def set_text(self, item, text):
        """Replace the comment's words."""
        item.body = text

    def state(self, item):
        """The comment's status, which shares moderation's values."""
        return ItemState(item.status.value)

    def set_state(self, item, state, reason=None):
        """Set the status and recount the proposal's published comments."""
        item.status = CommentStatus(state.value)
        if reason in {r.value for r in HoldReason}:
            item.hold_reason = HoldReason(reason)
        db.session.flush()
        refresh_comment_count(item.proposal_id)
        if state == ItemState.PUBLISHED:
            events.comment_published.send(item)
        else:
            events.comment_changed.send(item)

    def author_id(self, item):
        """The comment's author."""
        return item.author_id

    def age_band(self, item):
        """The author's age band."""
        return item.author.age_band.value if item.author else None

    def by_young_person(self, item):
        """Whether the author was young when writing."""
        return item.by_young_person

    def priority_id(self, item):
        """The priority of the comment's proposal."""
        return item.proposal.priority_id

    def language(self, item):
        """The language detected when it was written."""
        return item.language

    def context(self, item):
        """The proposal, and the comment replied to."""
        return Context(
            title=item.proposal.title,
            url=url_for("proposals.proposal", proposal_id=item.proposal_id),
            parent_text=item.parent.body if item.parent is not None else None,
            parent_id=item.parent_id,
            extra={"reply": item.parent_id is not None},
        )

    def post_counts(self, author_ids):
        """Comments written by each author."""
        if not author_ids:
            return {}
        rows = db.session.execute(
            select(Comment.author_id, func.count())
            .where(Comment.author_id.in_(author_ids))
            .group_by(Comment.author_id)
        )
        return dict(rows.all())


register_source(CommentSource())
