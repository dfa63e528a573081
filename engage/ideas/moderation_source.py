"""Ideas and comments on ideas as moderated sources, registered with moderation at app set-up."""

from flask import url_for
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from engage.extensions import db
from engage.i18n import _l
from engage.ideas.models import Idea, IdeaComment, IdeaStatus
from engage.moderation.models import ItemState
from engage.moderation.registry import Context, Source, register_source

# The title and the description are moderated as one text, the title first.
_SEPARATOR = "\n\n"


class IdeaSource(Source):
    """Ideas people put forward under a priority."""

    name = "idea"
    label = _l("Idea")
    what = _l("idea")
    reportable = True

    def load(self, item_id):
        """The idea with its priority, or None."""
        return db.session.get(Idea, item_id, options=[selectinload(Idea.priority)])

    def load_many(self, ids):
        """Ideas by id with their priority and author."""
        if not ids:
            return {}
        rows = db.session.scalars(
            select(Idea)
            .options(selectinload(Idea.priority), selectinload(Idea.author))
            .where(Idea.id.in_(ids))
        )
        return {i.id: i for i in rows}

    def text(self, item):
        """The title, a blank line, then the description."""
        return f"{item.title}{_SEPARATOR}{item.description}"

    def set_text(self, item, text):
        """A redacted text: up to the first blank line is the title."""
        title, _sep, description = text.partition(_SEPARATOR)
        item.title = title.strip()[:120]
        item.description = description.strip()

    def state(self, item):
        """The idea's status, which shares moderation's values."""
        return ItemState(item.status.value)

    def set_state(self, item, state, reason=None):
        """Set the status; an idea going public for the first time is announced."""
        from engage.ideas.service import mark_published

        item.status = IdeaStatus(state.value)
        if reason:
            item.hold_reason = reason[:30]
        db.session.flush()
        if state == ItemState.PUBLISHED:
            mark_published(item)

    def author_id(self, item):
        """The idea's author."""
        return item.author_id

    def age_band(self, item):
        """The author's age band."""
        return item.author.age_band.value if item.author else None

    def by_young_person(self, item):
        """Whether the author was young when writing."""
        return item.by_young_person

    def priority_id(self, item):
        """The priority the idea is under."""
        return item.priority_id

    def language(self, item):
        """The language detected when it was written."""
        return item.language

    def context(self, item):
        """The idea's own page, under its priority."""
        return Context(title=item.title, url=url_for("ideas.idea", idea_id=item.id))

    def post_counts(self, author_ids):
        """Ideas suggested by each author."""
        if not author_ids:
            return {}
        rows = db.session.execute(
            select(Idea.author_id, func.count())
            .where(Idea.author_id.in_(author_ids))
            .group_by(Idea.author_id)
        )
        return dict(rows.all())


class IdeaCommentSource(Source):
    """Comments on ideas."""

    name = "idea_comment"
    label = _l("Comment on an idea")
    what = _l("comment")
    reportable = True

    def load(self, item_id):
        """The comment with its idea, or None."""
        return db.session.get(IdeaComment, item_id, options=[selectinload(IdeaComment.idea)])

    def load_many(self, ids):
        """Comments by id with their idea and author."""
        if not ids:
            return {}
        rows = db.session.scalars(
            select(IdeaComment)
            .options(selectinload(IdeaComment.idea), selectinload(IdeaComment.author))
            .where(IdeaComment.id.in_(ids))
        )
        return {c.id: c for c in rows}

    def text(self, item):
        """The comment's words."""
        return item.body

    def set_text(self, item, text):
        """Replace the comment's words."""
        item.body = text

    def state(self, item):
        """The comment's status."""
        return ItemState(item.status.value)

    def set_state(self, item, state, reason=None):
        """Set the status and recount the idea's published comments."""
        from engage.ideas.service import refresh_comment_count

        item.status = IdeaStatus(state.value)
        if reason:
            item.hold_reason = reason[:30]
        db.session.flush()
        refresh_comment_count(item.idea_id)

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
        """The priority of the idea."""
        return item.idea.priority_id

    def language(self, item):
        """The language detected when it was written."""
        return item.language

    def context(self, item):
        """The idea, and its words, as what the comment answers."""
        return Context(
            title=item.idea.title,
            url=url_for("ideas.idea", idea_id=item.idea_id),
            parent_text=item.idea.description,
        )

    def post_counts(self, author_ids):
        """Comments on ideas written by each author."""
        if not author_ids:
            return {}
        rows = db.session.execute(
            select(IdeaComment.author_id, func.count())
            .where(IdeaComment.author_id.in_(author_ids))
            .group_by(IdeaComment.author_id)
        )
        return dict(rows.all())


register_source(IdeaSource())
register_source(IdeaCommentSource())
