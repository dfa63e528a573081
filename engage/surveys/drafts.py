"""In-progress survey answers, kept on the server under a random id held in the session.

The session cookie is signed, not encrypted: anything in it can be read by whoever has the
browser (a shared school tablet). So the cookie holds only the draft's id, and the answers stay
here until they are sent, the survey closes or the draft expires.
"""

import copy
from datetime import datetime, timedelta

import sqlalchemy as sa

from engage.clock import utcnow
from engage.database import first_row_apart
from engage.extensions import db
from engage.surveys.models import Survey, SurveyDraft, SurveyStatus

# Long enough to finish a survey in one sitting with breaks; the session cookie ends sooner
# when the browser closes, after which nobody can reach the draft anyway.
DRAFT_LIFETIME = timedelta(hours=12)


_DRAFT = SurveyDraft.__table__
# Read as a row, not an ORM object, and built once: each question page reads its draft, and
# loading it through the ORM cost a third of the page. The JSON is decoded afresh for each read,
# so the answers returned are the caller's own copy.
_READ_DRAFT = sa.select(_DRAFT.c.survey_id, _DRAFT.c.data, _DRAFT.c.preview, _DRAFT.c.expires_at)
_READ_DRAFT = _READ_DRAFT.where(_DRAFT.c.id == sa.bindparam("draft_id"))


def load_draft(draft_id: str | None, survey: Survey) -> dict | None:
    """A copy of the answers so far for this survey, or None when there are none (or no longer)."""
    if not draft_id:
        return None
    # A question page reads nothing else: outside a transaction, one round trip on PostgreSQL.
    row = first_row_apart(_READ_DRAFT, {"draft_id": draft_id})
    if row is None or row.survey_id != survey.id or row.expires_at <= utcnow():
        return None
    if not row.preview and not survey.is_accepting_responses():
        return None
    return row.data


def save_draft(draft_id: str | None, survey: Survey, data: dict) -> SurveyDraft:
    """Keep the answers so far (a new draft if the id is unknown); each save extends its life."""
    row = db.session.get(SurveyDraft, draft_id) if draft_id else None
    if row is None or row.survey_id != survey.id:
        row = SurveyDraft(survey_id=survey.id)
        db.session.add(row)
    row.data = copy.deepcopy(data)
    row.preview = bool(data.get("preview"))
    row.expires_at = utcnow() + DRAFT_LIFETIME
    db.session.flush()
    return row


def discard_draft(draft_id: str | None) -> None:
    """Delete a draft: its answers were sent, or the person started again."""
    if draft_id:
        db.session.execute(sa.delete(SurveyDraft).where(SurveyDraft.id == draft_id))


def clear_drafts(survey: Survey | None = None, now: datetime | None = None) -> int:
    """Delete expired drafts and those of surveys that no longer take answers; returns how many.

    Staff previews of a survey not yet live are kept until they expire.
    """
    now = now or utcnow()
    closed = sa.select(Survey.id).where(
        sa.or_(
            Survey.status != SurveyStatus.LIVE,
            sa.and_(Survey.closes_at.is_not(None), Survey.closes_at <= now),
        )
    )
    query = sa.delete(SurveyDraft).where(
        sa.or_(
            SurveyDraft.expires_at <= now,
            sa.and_(SurveyDraft.preview.is_(False), SurveyDraft.survey_id.in_(closed)),
        )
    )
    if survey is not None:
        query = query.where(SurveyDraft.survey_id == survey.id)
    result = db.session.execute(query.execution_options(synchronize_session=False))
    return result.rowcount or 0
