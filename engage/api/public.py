"""The public record: what anyone may read, asked in one place by the API and the open data.

Every rule about what is public lives here, so a new way out (an endpoint, an export table)
cannot forget one: drafts are never public; only published comments whose thread is shown on
the site, and never one that has been in safeguarding; survey results only once published, with
small numbers suppressed as on the results page; no emails, names or exact answer times.
"""

import hashlib
import hmac

import sqlalchemy as sa
from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import aliased, selectinload

from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.moderation.models import ModerationCase
from engage.ops.cache import cache, generation
from engage.proposals.models import Board, Plan, Priority, Proposal, ProposalStatus
from engage.surveys import results as surveys_results
from engage.surveys.models import Question, Survey, SurveyStatus
from engage.votes.service import Totals, vote_totals_for

PUBLIC_PROPOSAL_STATUSES = (ProposalStatus.OPEN, ProposalStatus.CLOSED, ProposalStatus.DECIDED)
PUBLIC_SURVEY_STATUSES = (SurveyStatus.LIVE, SurveyStatus.CLOSED)


def author_key(user_id: int | None) -> str | None:
    """A pseudonymous, stable key for an account: a keyed hash nobody can turn back into an id.

    The key is OPEN_DATA_KEY, or one derived from SECRET_KEY, so the same person has the same key
    in the API and the download, and no one without the server's secret can link it to anything.
    """
    if user_id is None:
        return None
    secret = (
        current_app.config.get("OPEN_DATA_KEY")
        or hmac.new(
            current_app.config["SECRET_KEY"].encode(), b"engage-open-data", hashlib.sha256
        ).hexdigest()
    )
    digest = hmac.new(secret.encode(), f"user:{user_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:20]


# Priorities, boards, plans --------------------------------------------------------------------


def priorities():
    """A select of every priority in the order staff set (all priorities are public)."""
    return select(Priority).order_by(Priority.position, Priority.id)


def priority_by_slug(slug: str) -> Priority | None:
    """One priority by its slug."""
    return db.session.scalar(select(Priority).where(Priority.slug == slug))


def boards():
    """A select of every board with its plans."""
    return select(Board).options(selectinload(Board.plans)).order_by(Board.id)


def plans():
    """A select of every plan."""
    return select(Plan).order_by(Plan.id)


# Proposals and votes ---------------------------------------------------------------------------


def proposals(priority: str | None = None, status: str | None = None, plan: int | None = None):
    """A select of public proposals, newest first, filtered by priority slug, status or plan."""
    query = (
        select(Proposal)
        .options(selectinload(Proposal.priority), selectinload(Proposal.documents))
        .order_by(Proposal.id.desc())
    )
    return _public_proposals(query, priority, status, plan)


def proposal_columns(*columns, status: str | None = None):
    """A select of these columns of public proposals (bulk reads such as the export)."""
    return _public_proposals(select(*columns), status=status)


def _public_proposals(query, priority=None, status=None, plan=None):
    query = query.where(Proposal.status.in_(PUBLIC_PROPOSAL_STATUSES))
    if priority is not None:
        query = query.join(Priority, Priority.id == Proposal.priority_id).where(
            Priority.slug == priority
        )
    if status is not None:
        query = query.where(Proposal.status == ProposalStatus(status))
    if plan is not None:
        query = query.where(Proposal.plan_id == plan)
    return query


def proposal(proposal_id: int) -> Proposal | None:
    """One public proposal, or None (drafts are nobody's business outside the council)."""
    return db.session.scalar(proposals().where(Proposal.id == proposal_id))


def votes_for(items) -> dict[int, Totals]:
    """Vote totals (adults and young people apart) for these proposals, in one query.

    Kept in the shared cache for PAGE_CACHE_SECONDS (new votes may show that much later, as on
    the proposal pages for readers who are not signed in) and until any content changes, so a
    busy list does not recount the same votes on every request.
    """
    ids = [p.id for p in items]
    seconds = current_app.config["PAGE_CACHE_SECONDS"]
    if not seconds or not ids:
        return vote_totals_for(ids)
    store = cache()
    prefix = f"api-votes:{generation()}:"
    keys = [f"{prefix}{i}" for i in ids]
    found = {i: t for i, t in zip(ids, store.get_many(*keys), strict=True) if t is not None}
    missing = [i for i in ids if i not in found]
    if missing:
        counted = vote_totals_for(missing)
        store.set_many({f"{prefix}{i}": counted[i] for i in missing}, timeout=seconds)
        found.update(counted)
    return found


def public_proposal_ids():
    """A select of the ids of public proposals (for bulk queries such as the export)."""
    return select(Proposal.id).where(Proposal.status.in_(PUBLIC_PROPOSAL_STATUSES))


# Comments --------------------------------------------------------------------------------------


def _safeguarded_comment():
    return (
        select(ModerationCase.id)
        .where(
            ModerationCase.source == "comment",
            ModerationCase.item_id == Comment.id,
            ModerationCase.safeguarding.is_(True),
        )
        .exists()
    )


def comments(proposal_id: int | None = None):
    """A select of comments as the site shows them, oldest first.

    Published, on a public proposal, never in safeguarding, and a reply only under a parent the
    site shows (published, or deleted by its author and kept as a placeholder).
    """
    parent = aliased(Comment)
    shown_parent = (
        select(parent.id)
        .where(
            parent.id == Comment.parent_id,
            parent.status.in_((CommentStatus.PUBLISHED, CommentStatus.DELETED)),
        )
        .exists()
    )
    query = (
        select(Comment)
        .join(Proposal, Proposal.id == Comment.proposal_id)
        .where(
            Comment.status == CommentStatus.PUBLISHED,
            Proposal.status.in_(PUBLIC_PROPOSAL_STATUSES),
            sa.or_(func.coalesce(Comment.parent_id, 0) == 0, shown_parent),
            ~_safeguarded_comment(),
        )
        .order_by(Comment.id)
    )
    if proposal_id is not None:
        query = query.where(Comment.proposal_id == proposal_id)
    return query


def comment(comment_id: int) -> Comment | None:
    """One public comment, or None."""
    return db.session.scalar(comments().where(Comment.id == comment_id))


# Surveys ---------------------------------------------------------------------------------------


def surveys(priority: str | None = None, status: str | None = None, results: bool | None = None):
    """A select of surveys anyone can see (not drafts), newest first, with optional filters."""
    query = (
        select(Survey)
        .options(selectinload(Survey.priority))
        .where(Survey.status.in_(PUBLIC_SURVEY_STATUSES))
        .order_by(Survey.id.desc())
    )
    if priority is not None:
        query = query.join(Priority, Priority.id == Survey.priority_id).where(
            Priority.slug == priority
        )
    if status is not None:
        query = query.where(Survey.status == SurveyStatus(status))
    if results is not None:
        query = query.where(Survey.results_published.is_(results))
    return query


def survey(survey_id: int) -> Survey | None:
    """One public survey with its questions, or None."""
    return db.session.scalar(
        surveys()
        .options(selectinload(Survey.questions).selectinload(Question.options))
        .where(Survey.id == survey_id)
    )


def survey_results(item: Survey) -> surveys_results.Results | None:
    """Published results exactly as the public results page has them, or None if unpublished."""
    if not (item.is_public and item.results_published):
        return None
    return surveys_results.survey_results(item, public=True)


def results_rows(item: Survey, results: surveys_results.Results):
    """Each question's result with its (value, label, row) triples, for the API and the export."""
    for result in results.questions:
        choices = result.question.value_choices()
        rows = [
            (value, row.label, row)
            for (value, _label), row in zip(choices, result.rows, strict=False)
        ]
        yield result, rows
