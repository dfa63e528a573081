"""Erasure that reaches every table: the item, its audit words, reports, notices and appeals.

Set-based: the same fixed number of statements whether a person wrote one comment or a thousand.
Flushes, never commits.

What erasure keeps, and why (the privacy notice says the same):
- The audit events themselves (who did what, when): their words are blanked in audit_text, with
  a dated tombstone, so the record still adds up.
- Items in the safeguarding queue: their words stay for the safeguarding lead until
  RETENTION_SAFEGUARDING_DAYS after the case was handled, because a referral may need them.
- An empty, blocked account shell with only a number, so threads and the record point somewhere.
"""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import select

from engage import events
from engage.clock import utcnow
from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.moderation.models import (
    Action,
    AuditText,
    CaseState,
    ModerationCase,
    ModerationEvent,
    Notification,
    Report,
)
from engage.proposals.models import Proposal
from engage.surveys.models import Answer, Participation, SurveyResponse
from engage.votes import counters
from engage.votes.models import Vote

# The person's own words in the record, as the actor: their report notes and appeal notes.
_OWN_WORDS = (Action.REPORT, Action.APPEAL)


@dataclass
class Erased:
    comments: int = 0
    votes: int = 0
    survey_responses: int = 0
    audit_texts: int = 0


def _items(event_or_case, comments, answers):
    """SQL: the event or case is about one of these comments or survey answers."""
    parts = []
    if comments is not None:
        parts.append(
            sa.and_(event_or_case.source == "comment", event_or_case.item_id.in_(comments))
        )
    if answers is not None:
        parts.append(
            sa.and_(event_or_case.source == "survey_answer", event_or_case.item_id.in_(answers))
        )
    return sa.or_(*parts) if parts else sa.false()


def not_safeguarding():
    """SQL: the event's item is not kept for safeguarding."""
    case = sa.orm.aliased(ModerationCase)
    return ~(
        select(case.id)
        .where(
            case.source == ModerationEvent.source,
            case.item_id == ModerationEvent.item_id,
            case.safeguarding.is_(True),
        )
        .exists()
    )


def erase_audit_text(condition, why: str, now=None) -> int:
    """Blank the words of every event matching `condition` (one UPDATE); return rows erased."""
    refs = sa.union(
        *(
            select(column).where(condition, column.is_not(None))
            for column in (
                ModerationEvent.note_id,
                ModerationEvent.before_id,
                ModerationEvent.after_id,
            )
        )
    ).subquery()
    result = db.session.execute(
        sa.update(AuditText)
        .where(AuditText.erased_at.is_(None), AuditText.id.in_(select(refs.c[0])))
        .values(text=None, erased_at=now or utcnow(), erased_why=why)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount or 0


def erase_items(
    comments,
    answers,
    *,
    person_id=None,
    whole_account=False,
    why="deleted",
    recount=True,
    remove_answers=True,
) -> Erased:
    """Erase these items (and, for a person, their own words in the record) everywhere.

    `comments` and `answers` are SELECTs of ids (or None). The retention job passes
    recount=False (the stored comment count is the total it keeps) and remove_answers=False
    (survey answers stay, without their words, for the results).
    """
    db.session.flush()
    done = Erased()
    about = _items(ModerationEvent, comments, answers)
    if person_id is not None:
        about = sa.or_(
            about,
            sa.and_(ModerationEvent.actor_id == person_id, ModerationEvent.action.in_(_OWN_WORDS)),
        )
        if whole_account:  # sanctions and moderators' notes about the person go too
            about = sa.or_(about, ModerationEvent.subject_user_id == person_id)
    done.audit_texts = erase_audit_text(sa.and_(about, not_safeguarding()), why)
    # Cases stay (dates and categories count in the dashboard); the appeal's words go.
    db.session.execute(
        sa.update(ModerationCase)
        .where(_items(ModerationCase, comments, answers), ModerationCase.safeguarding.is_(False))
        .values(
            appeal_note=None,
            state=sa.case(
                (ModerationCase.state == CaseState.WAITING, CaseState.WITHDRAWN.value),
                else_=ModerationCase.state,
            ),
        )
        .execution_options(synchronize_session=False)
    )
    reports = _items(Report, comments, answers)
    if person_id is not None:
        reports = sa.or_(reports, Report.reporter_id == person_id)
    db.session.execute(
        sa.delete(Report).where(reports).execution_options(synchronize_session=False)
    )
    if comments is not None:
        result = db.session.execute(
            sa.update(Comment)
            .where(Comment.id.in_(comments), Comment.status != CommentStatus.DELETED)
            .values(body="", status=CommentStatus.DELETED, edited_at=None)
            .execution_options(synchronize_session=False)
        )
        done.comments = result.rowcount or 0
        events.comments_erased.send(None, comments=comments)
    if comments is not None and recount:
        published = (
            select(sa.func.count())
            .where(Comment.proposal_id == Proposal.id, Comment.status == CommentStatus.PUBLISHED)
            .scalar_subquery()
        )
        db.session.execute(
            sa.update(Proposal)
            .where(Proposal.id.in_(select(Comment.proposal_id).where(Comment.id.in_(comments))))
            .values(comment_count=published)
            .execution_options(synchronize_session=False)
        )
    if answers is not None and remove_answers:
        db.session.execute(
            sa.delete(Answer)
            .where(Answer.id.in_(answers))
            .execution_options(synchronize_session=False)
        )
    # Whatever the statements changed, the objects in this session must not show the old words.
    db.session.expire_all()
    db.session.info["engage_content_changed"] = True
    return done


def _item_notifications(user_id: int, keys: set[tuple[str, int]] | None) -> None:
    """Delete the person's notices about these items (all item notices when keys is None)."""
    rows = db.session.execute(
        select(Notification.id, Notification.params).where(Notification.user_id == user_id)
    )
    ids = [
        nid
        for nid, params in rows
        if (params or {}).get("item_id") is not None
        and (keys is None or (params.get("source"), int(params["item_id"])) in keys)
    ]
    if ids:
        db.session.execute(
            sa.delete(Notification)
            .where(Notification.id.in_(ids))
            .execution_options(synchronize_session=False)
        )


def erase_comment(comment: Comment) -> None:
    """Erase one comment everywhere: its words, their audit copies, reports and notices on it."""
    author_id = comment.author_id
    ids = select(Comment.id).where(Comment.id == comment.id)
    erase_items(ids, None)
    _item_notifications(author_id, {("comment", comment.id)})
    events.item_erased.send("comment", item_id=comment.id)


def _named_answers(user_id: int):
    return (
        select(Answer.id)
        .join(SurveyResponse, SurveyResponse.id == Answer.response_id)
        .where(SurveyResponse.user_id == user_id)
    )


def _erase_person(user, whole_account: bool) -> Erased:
    # The account row locked first: the person's votes cannot change while theirs are counted out.
    counted = counters.lock_voter(user.id)
    comments = select(Comment.id).where(Comment.author_id == user.id)
    done = erase_items(
        comments, _named_answers(user.id), person_id=user.id, whole_account=whole_account
    )
    if counted:
        counters.count_person_votes(user.id, -1)
    done.votes = (
        db.session.execute(
            sa.delete(Vote)
            .where(Vote.user_id == user.id)
            .execution_options(synchronize_session=False)
        ).rowcount
        or 0
    )
    done.survey_responses = (
        db.session.execute(
            sa.delete(SurveyResponse)
            .where(SurveyResponse.user_id == user.id)
            .execution_options(synchronize_session=False)
        ).rowcount
        or 0
    )
    events.person_erased.send(user.id)
    return done


def erase_contributions(user) -> Erased:
    """Erase every comment, vote, named survey response and report of a person (not the account)."""
    done = _erase_person(user, whole_account=False)
    _item_notifications(user.id, None)
    db.session.expire_all()
    return done


def erase_account_data(user) -> Erased:
    """Erase everything held about a person; the caller empties the account row itself."""
    done = _erase_person(user, whole_account=True)
    for table, column in (
        (Notification, Notification.user_id),
        (Participation, Participation.user_id),
    ):
        db.session.execute(
            sa.delete(table).where(column == user.id).execution_options(synchronize_session=False)
        )
    db.session.expire_all()
    return done
