"""Surveys as findable items, in English and every language they were translated into.

Drafts are indexed for staff only. People's answers are never indexed.
"""

from flask import url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage import events
from engage.extensions import db
from engage.i18n import DEFAULT_LOCALE, _l, translated, translated_lang
from engage.permissions import can
from engage.search import service as search
from engage.search.registry import Document, Indexer, Piece, Place, Result, register_index
from engage.surveys.models import Survey, SurveyStatus
from engage.translations.search_words import current_translations

TITLE = ("title",)
TEXT = ("introduction", "what_next")


def _pieces(obj, fields, translations) -> list[Piece]:
    pieces = [Piece(getattr(obj, f) or "", DEFAULT_LOCALE) for f in fields]
    pieces += [Piece(text, locale) for f, locale, text in translations if f in fields]
    return [p for p in pieces if p.text]


class SurveyIndexer(Indexer):
    """Surveys: title, introduction and what happens next."""

    kind = "survey"
    label = _l("Survey")

    def documents(self, ids=None):
        """Every survey; drafts only for staff."""
        query = select(Survey).order_by(Survey.id)
        if ids is not None:
            query = query.where(Survey.id.in_(list(ids)))
        surveys = list(db.session.scalars(query))
        words = current_translations(surveys, TITLE + TEXT)
        for s in surveys:
            found = words.get(s.id, [])
            yield Document(
                s.id,
                title=_pieces(s, TITLE, found),
                body=_pieces(s, TEXT, found),
                public=s.status != SurveyStatus.DRAFT,
            )

    def results(self, ids, user):
        """The surveys this person may see."""
        rows = db.session.scalars(
            select(Survey).options(selectinload(Survey.priority)).where(Survey.id.in_(ids))
        )
        return {
            s.id: Result(
                url=url_for("surveys.survey", survey_id=s.id),
                title=translated(s, "title"),
                title_attrs=translated_lang(s, "title"),
                text=translated(s, "introduction"),
                text_attrs=translated_lang(s, "introduction"),
                where=[
                    Place(
                        translated(s.priority, "title"),
                        url_for("proposals.priority", slug=s.priority.slug),
                        translated_lang(s.priority, "title"),
                    )
                ],
            )
            for s in rows
            if can("survey.view", s, user=user)
        }


register_index(SurveyIndexer())


def _sync(survey, **_):
    search.sync("survey", [survey.id])


def _translated(item, **_):
    if getattr(item, "__tablename__", None) == "survey":
        _sync(item)


events.survey_saved.connect(_sync)
events.survey_results_published.connect(_sync)
events.content_translated.connect(_translated)
