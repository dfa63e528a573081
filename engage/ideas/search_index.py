"""Published ideas as findable items, kept in step by listening to events.

Only published ideas are indexed, and never one that was ever held for safeguarding; held,
rejected, hidden, withdrawn and erased ideas leave the index in the same transaction.
"""

import sqlalchemy as sa
from flask import url_for
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage import events
from engage.extensions import db
from engage.i18n import _l, translated, translated_lang
from engage.ideas.models import Idea, IdeaStatus
from engage.moderation.models import ModerationCase
from engage.search import service as search
from engage.search.registry import Document, Indexer, Piece, Place, Result, register_index

KIND = "idea"


def _findable():
    """SQL: the idea is published and was never held for safeguarding."""
    safeguarded = (
        select(ModerationCase.id)
        .where(
            ModerationCase.source == KIND,
            ModerationCase.item_id == Idea.id,
            ModerationCase.safeguarding.is_(True),
        )
        .exists()
    )
    return sa.and_(Idea.status == IdeaStatus.PUBLISHED, ~safeguarded)


class IdeaIndexer(Indexer):
    """Ideas residents and young people put forward under a priority."""

    kind = KIND
    label = _l("Idea")

    def documents(self, ids=None):
        """Findable ideas' titles and descriptions, in the language they were written in."""
        query = (
            select(Idea.id, Idea.title, Idea.description, Idea.language)
            .where(_findable())
            .order_by(Idea.id)
        )
        if ids is not None:
            query = query.where(Idea.id.in_(list(ids)))
        for idea_id, title, description, language in db.session.execute(
            query.execution_options(yield_per=2000)
        ):
            yield Document(
                idea_id, title=[Piece(title, language)], body=[Piece(description, language)]
            )

    def results(self, ids, user):
        """The ideas, under their priority, if still findable."""
        rows = db.session.scalars(
            select(Idea).options(selectinload(Idea.priority)).where(Idea.id.in_(ids), _findable())
        )
        found = {}
        for idea in rows:
            priority = idea.priority
            lang = Markup(' lang="%s"') % idea.language if idea.language else Markup("")
            found[idea.id] = Result(
                url=url_for("ideas.idea", idea_id=idea.id),
                title=idea.title,
                title_attrs=lang + Markup(' dir="auto"'),
                text=idea.description,
                text_attrs=lang + Markup(' dir="auto"'),
                where=[
                    Place(
                        translated(priority, "title"),
                        url_for("proposals.priority", slug=priority.slug),
                        translated_lang(priority, "title"),
                    )
                ],
                own_words=True,
            )
        return found


register_index(IdeaIndexer())


def _sync_idea(idea, **_):
    search.sync(KIND, [idea.id])


def _decided(source, item=None, **_):
    if source == KIND and item is not None:
        search.sync(KIND, [item.id])


def _erased(source, item_id=None, **_):
    if source == KIND:
        search.drop(KIND, [item_id])


def _erased_in_bulk(source, ids=None, **_):
    if source == KIND and ids is not None:
        search.drop_where(KIND, ids)


def _safeguarding(case, **_):
    if case.source == KIND:
        search.drop(KIND, [case.item_id])


events.idea_published.connect(_sync_idea)
events.idea_answered.connect(_sync_idea)
events.item_decided.connect(_decided)
events.item_erased.connect(_erased)
events.items_erased.connect(_erased_in_bulk)
events.safeguarding_raised.connect(_safeguarding)
