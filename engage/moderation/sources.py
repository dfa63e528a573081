"""Adapters: each kind of moderated item (comments, survey answers) seen through one interface.

The queue, actions and audit record only talk to a `Source`. A new kind of content joins the queue
by writing an adapter and calling `register_source`.
"""

from dataclasses import dataclass, field
from importlib.util import find_spec

from flask import url_for
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from engage.extensions import db
from engage.i18n import _l
from engage.moderation.models import ItemState


@dataclass
class Context:
    """What a moderator needs to judge an item: where it was written and in reply to what."""

    title: str
    url: str | None = None
    question: str | None = None
    parent_text: str | None = None
    parent_id: int | None = None  # the item replied to, in the same source
    extra: dict = field(default_factory=dict)


class Source:
    """The interface every moderated source implements."""

    name: str = ""
    label = _l("Item")
    reportable = False

    def load(self, item_id: int):
        """The item, or None."""
        raise NotImplementedError

    def load_many(self, ids: list[int]) -> dict[int, object]:
        """Items by id, with what their context needs loaded in few queries."""
        raise NotImplementedError

    def text(self, item) -> str:
        raise NotImplementedError

    def set_text(self, item, text: str) -> None:
        raise NotImplementedError

    def state(self, item) -> ItemState:
        raise NotImplementedError

    def set_state(self, item, state: ItemState, reason: str | None = None) -> None:
        """Move the item to a state; `reason` says why it is held, where the source records it."""
        raise NotImplementedError

    def author_id(self, item) -> int | None:
        raise NotImplementedError

    def age_band(self, item) -> str | None:
        raise NotImplementedError

    def date_only(self, item) -> bool:
        """True when times about this item must be kept as the day only (anonymous answers)."""
        return False

    def by_young_person(self, item) -> bool:
        raise NotImplementedError

    def priority_id(self, item) -> int | None:
        raise NotImplementedError

    def language(self, item) -> str | None:
        raise NotImplementedError

    def context(self, item) -> Context:
        raise NotImplementedError

    def post_counts(self, author_ids: list[int]) -> dict[int, int]:
        """How many items of this source each author has written."""
        raise NotImplementedError


SOURCES: dict[str, Source] = {}


def register_source(source: Source) -> Source:
    """Make a source known to the queue."""
    SOURCES[source.name] = source
    return source


def get_source(name: str) -> Source | None:
    """The adapter for a source name, or None."""
    return SOURCES.get(name)


class CommentSource(Source):
    """Comments and replies on proposals."""

    name = "comment"
    label = _l("Comment")
    reportable = True

    def load(self, item_id):
        from engage.comments.models import Comment

        return db.session.get(Comment, item_id)

    def load_many(self, ids):
        from engage.comments.models import Comment

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
        return item.body

    def set_text(self, item, text):
        item.body = text

    def state(self, item):
        return ItemState(item.status.value)

    def set_state(self, item, state, reason=None):
        from engage.comments.models import CommentStatus, HoldReason
        from engage.comments.service import refresh_comment_count

        item.status = CommentStatus(state.value)
        if reason in {r.value for r in HoldReason}:
            item.hold_reason = HoldReason(reason)
        db.session.flush()
        refresh_comment_count(item.proposal_id)

    def author_id(self, item):
        return item.author_id

    def age_band(self, item):
        return item.author.age_band.value if item.author else None

    def by_young_person(self, item):
        return item.by_young_person

    def priority_id(self, item):
        return item.proposal.priority_id

    def language(self, item):
        return item.language

    def context(self, item):
        return Context(
            title=item.proposal.title,
            url=url_for("proposals.proposal", proposal_id=item.proposal_id),
            parent_text=item.parent.body if item.parent is not None else None,
            parent_id=item.parent_id,
            extra={"reply": item.parent_id is not None},
        )

    def post_counts(self, author_ids):
        from engage.comments.models import Comment

        if not author_ids:
            return {}
        rows = db.session.execute(
            select(Comment.author_id, func.count())
            .where(Comment.author_id.in_(author_ids))
            .group_by(Comment.author_id)
        )
        return dict(rows.all())


register_source(CommentSource())


class SurveyAnswerSource(Source):
    """Free-text answers to survey questions (anonymous responses have no author)."""

    name = "survey_answer"
    label = _l("Survey answer")

    def load(self, item_id):
        from engage.surveys.models import Answer

        return db.session.get(Answer, item_id)

    def load_many(self, ids):
        from engage.surveys.models import Answer, Question, SurveyResponse

        if not ids:
            return {}
        rows = db.session.scalars(
            select(Answer)
            .options(
                selectinload(Answer.question).selectinload(Question.survey),
                selectinload(Answer.response).selectinload(SurveyResponse.survey),
            )
            .where(Answer.id.in_(ids))
        )
        return {a.id: a for a in rows}

    def text(self, item):
        return item.text or ""

    def set_text(self, item, text):
        item.text = text

    def state(self, item):
        return ItemState(item.moderation.value) if item.moderation else ItemState.PUBLISHED

    def set_state(self, item, state, reason=None):
        from engage.clock import utcnow
        from engage.moderation.models import day_only
        from engage.surveys.models import AnswerModeration

        # Answers have no "hidden": anything taken down waits as held.
        value = ItemState.HELD if state == ItemState.HIDDEN else state
        if value == ItemState.DELETED:
            value = ItemState.REJECTED
        item.moderation = AnswerModeration(value.value)
        item.moderated_at = day_only(utcnow()) if self.date_only(item) else utcnow()
        db.session.flush()

    def author_id(self, item):
        return item.response.user_id

    def date_only(self, item):
        return item.response.user_id is None

    def age_band(self, item):
        return item.response.age_band.value if item.response.age_band else None

    def by_young_person(self, item):
        from engage.accounts.models import AgeBand

        return AgeBand(item.response.age_band).is_child

    def priority_id(self, item):
        return item.question.survey.priority_id

    def language(self, item):
        return getattr(item, "language", None)

    def context(self, item):
        survey = item.question.survey
        return Context(title=survey.title, question=item.question.text)

    def post_counts(self, author_ids):
        from engage.surveys.models import Answer, SurveyResponse

        if not author_ids:
            return {}
        rows = db.session.execute(
            select(SurveyResponse.user_id, func.count(Answer.id))
            .join(Answer, Answer.response_id == SurveyResponse.id)
            .where(SurveyResponse.user_id.in_(author_ids), Answer.text.is_not(None))
            .group_by(SurveyResponse.user_id)
        )
        return dict(rows.all())


# Survey answers join the queue when the surveys feature is installed.
if find_spec("engage.surveys.models") is not None:
    register_source(SurveyAnswerSource())
