"""Proposals and their outcomes ("You said, we did") as findable items, in every language.

Each is indexed in English and in every language staff translated it into, so a Bengali reader
finds a proposal by its Bengali title. Drafts are indexed for staff only.
"""

from flask import url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage import events
from engage.extensions import db
from engage.i18n import DEFAULT_LOCALE, _l, translated, translated_lang
from engage.permissions import can
from engage.proposals.models import Proposal, ProposalStatus
from engage.search import service as search
from engage.search.registry import Document, Indexer, Piece, Place, Result, register_index
from engage.translations.search_words import current_translations

TITLE = ("title",)
PROPOSAL_TEXT = ("summary", "youth_summary", "body", "who_decides")
OUTCOME_TEXT = ("outcome_you_said", "outcome_we_did", "outcome_why")


def _pieces(obj, fields, translations) -> list[Piece]:
    pieces = [Piece(getattr(obj, f) or "", DEFAULT_LOCALE) for f in fields]
    pieces += [Piece(text, locale) for f, locale, text in translations if f in fields]
    return [p for p in pieces if p.text]


def _proposals(ids):
    query = select(Proposal).order_by(Proposal.id)
    if ids is not None:
        query = query.where(Proposal.id.in_(list(ids)))
    proposals = list(db.session.scalars(query))
    words = current_translations(proposals, TITLE + PROPOSAL_TEXT + OUTCOME_TEXT)
    return [(p, words.get(p.id, [])) for p in proposals]


def _place(proposal) -> list[Place]:
    priority = proposal.priority
    return [
        Place(
            translated(priority, "title"),
            url_for("proposals.priority", slug=priority.slug),
            translated_lang(priority, "title"),
        )
    ]


def _load(ids):
    return db.session.scalars(
        select(Proposal).options(selectinload(Proposal.priority)).where(Proposal.id.in_(ids))
    )


class ProposalIndexer(Indexer):
    """Proposals: title, summaries, the full text and who decides."""

    kind = "proposal"
    label = _l("Proposal")

    def documents(self, ids=None):
        """Every proposal; drafts only for staff."""
        for p, words in _proposals(ids):
            yield Document(
                p.id,
                title=_pieces(p, TITLE, words),
                body=_pieces(p, PROPOSAL_TEXT, words),
                public=p.status != ProposalStatus.DRAFT,
            )

    def results(self, ids, user):
        """The proposals this person may see."""
        return {
            p.id: Result(
                url=url_for("proposals.proposal", proposal_id=p.id),
                title=translated(p, "title"),
                title_attrs=translated_lang(p, "title"),
                text=translated(p, "summary"),
                text_attrs=translated_lang(p, "summary"),
                where=_place(p),
            )
            for p in _load(ids)
            if can("proposal.view", p, user=user)
        }


class OutcomeIndexer(Indexer):
    """What people said, what the council did, and why, on decided proposals."""

    kind = "outcome"
    label = _l("You said, we did")

    def documents(self, ids=None):
        """Published outcomes."""
        for p, words in _proposals(ids):
            if p.has_outcome:
                yield Document(
                    p.id, title=_pieces(p, TITLE, words), body=_pieces(p, OUTCOME_TEXT, words)
                )

    def results(self, ids, user):
        """The outcomes still published."""
        return {
            p.id: Result(
                url=url_for("proposals.proposal", proposal_id=p.id, _anchor="outcome"),
                title=translated(p, "title"),
                title_attrs=translated_lang(p, "title"),
                text=translated(p, "outcome_we_did"),
                text_attrs=translated_lang(p, "outcome_we_did"),
                where=_place(p),
            )
            for p in _load(ids)
            if p.has_outcome
        }


register_index(ProposalIndexer())
register_index(OutcomeIndexer())


def _sync(proposal, **_):
    search.sync("proposal", [proposal.id])
    search.sync("outcome", [proposal.id])


def _translated(item, **_):
    if getattr(item, "__tablename__", None) == "proposal":
        _sync(item)


events.proposal_saved.connect(_sync)
events.proposal_published.connect(_sync)
events.proposal_changed.connect(_sync)
events.outcome_published.connect(_sync)
events.content_translated.connect(_translated)
