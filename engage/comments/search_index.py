"""Published comments and replies as findable items, kept in step by listening to events.

Only published comments on public proposals are indexed; anything ever held for safeguarding
never is. Held, rejected, hidden, deleted and erased comments leave the index in the same
transaction as the change.
"""

import sqlalchemy as sa
from flask import url_for
from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage import events
from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.i18n import _l, translated, translated_lang
from engage.moderation.models import ModerationCase
from engage.proposals.models import Proposal, ProposalStatus
from engage.search import service as search
from engage.search.registry import Document, Indexer, Piece, Place, Result, register_index

KIND = "comment"


def _findable():
    """SQL: the comment is published, on a public proposal, and never held for safeguarding."""
    safeguarded = (
        select(ModerationCase.id)
        .where(
            ModerationCase.source == KIND,
            ModerationCase.item_id == Comment.id,
            ModerationCase.safeguarding.is_(True),
        )
        .exists()
    )
    return sa.and_(
        Comment.status == CommentStatus.PUBLISHED,
        Proposal.status != ProposalStatus.DRAFT,
        ~safeguarded,
    )


# The findable comments' id, body and language; and those with the ids given as `ids`, in order:
# built once, as putting a statement together costs about what running it does.
_DOCUMENTS = (
    select(Comment.id, Comment.body, Comment.language)
    .join(Proposal, Proposal.id == Comment.proposal_id)
    .where(_findable())
)
_DOCUMENTS_OF = _DOCUMENTS.where(Comment.id.in_(sa.bindparam("ids", expanding=True))).order_by(
    Comment.id
)


def _document(comment_id: int, body: str, language: str | None) -> Document:
    return Document(comment_id, title=[], body=[Piece(body, language)])


class CommentIndexer(Indexer):
    """Comments and replies on proposals."""

    kind = KIND
    label = _l("Comment")

    def documents(self, ids=None):
        """Findable comments' words, in the language they were written in."""
        if ids is not None:
            rows = db.session.execute(_DOCUMENTS_OF, {"ids": list(ids)})
        else:
            query = _DOCUMENTS.order_by(Comment.id).execution_options(yield_per=2000)
            rows = db.session.execute(query)
        for comment_id, body, language in rows:
            yield _document(comment_id, body, language)

    def results(self, ids, user):
        """The comments, under their proposal's title, if still findable."""
        rows = db.session.scalars(
            select(Comment)
            .join(Proposal, Proposal.id == Comment.proposal_id)
            .options(selectinload(Comment.proposal).selectinload(Proposal.priority))
            .where(Comment.id.in_(ids), _findable())
        )
        found = {}
        for c in rows:
            proposal, priority = c.proposal, c.proposal.priority
            lang = Markup(' lang="%s"') % c.language if c.language else Markup("")
            found[c.id] = Result(
                url=url_for("proposals.proposal", proposal_id=proposal.id, _anchor=f"c{c.id}"),
                title=translated(proposal, "title"),
                title_attrs=translated_lang(proposal, "title"),
                text=c.body,
                text_attrs=lang + Markup(' dir="auto"'),
                where=[
                    Place(
                        translated(priority, "title"),
                        url_for("proposals.priority", slug=priority.slug),
                        translated_lang(priority, "title"),
                    )
                ],
                own_words=True,
                mark_title=False,
            )
        return found


register_index(CommentIndexer())


def _sync_comment(comment, new=False, **_):
    if new:
        # Just posted and published: findable (published, on a public proposal, never held) and
        # never indexed, with its words at hand. Reading them back and deleting an entry that
        # cannot exist were two of a comment's nine round trips to PostgreSQL.
        search.add(KIND, [_document(comment.id, comment.body, comment.language)])
        return
    search.sync(KIND, [comment.id])


def _decided(source, item=None, **_):
    if source == KIND and item is not None:
        search.sync(KIND, [item.id])


def _erased(source, item_id=None, **_):
    if source == KIND:
        search.drop(KIND, [item_id])


def _erased_in_bulk(sender, comments=None, **_):
    if comments is not None:
        search.drop_where(KIND, comments)


def _person_erased(user_id, **_):
    search.drop_where(KIND, select(Comment.id).where(Comment.author_id == user_id))


def _safeguarding(case, **_):
    if case.source == KIND:
        search.drop(KIND, [case.item_id])


def _proposal_saved(proposal, **_):
    # A proposal sent back to draft takes its comments out of search; published again, it
    # brings them back (only then: counting is cheaper than re-reading every comment).
    of_proposal = select(Comment.id).where(Comment.proposal_id == proposal.id)
    if proposal.status == ProposalStatus.DRAFT:
        search.drop_where(KIND, of_proposal)
        return
    published = of_proposal.where(Comment.status == CommentStatus.PUBLISHED)
    if search.count_indexed(KIND, of_proposal) != db.session.scalar(
        select(sa.func.count()).select_from(published.subquery())
    ):
        search.sync(KIND, db.session.scalars(published))


events.comment_published.connect(_sync_comment)
events.comment_changed.connect(_sync_comment)
events.item_decided.connect(_decided)
events.item_erased.connect(_erased)
events.comments_erased.connect(_erased_in_bulk)
events.person_erased.connect(_person_erased)
events.safeguarding_raised.connect(_safeguarding)
events.proposal_saved.connect(_proposal_saved)
