"""Retention: what the privacy notice promises about keeping data, done by `flask engage retention`.

Responses are kept until the decision plus the retention period (three months by default); after
that only anonymous totals remain:
- comments are deleted; the proposal keeps its stored comment count;
- votes become anonymous tallies (vote_tally), which the vote totals add in;
- named survey responses lose their link to the account, and typed answers lose their words;
  choices, ratings and age groups stay, so every results figure stays the same.
Moderation cases, resolved reports and notices go after RETENTION_MODERATION_CASE_DAYS; the audit
record's words after RETENTION_AUDIT_TEXT_DAYS (safeguarding: RETENTION_SAFEGUARDING_DAYS after the
lead handled it); backups after RETENTION_BACKUP_DAYS. Each rule is a few set-based statements.
"""

import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from flask import current_app
from sqlalchemy import func, select

from engage.clock import utcnow
from engage.comments.models import Comment
from engage.extensions import db
from engage.moderation.models import (
    CaseState,
    ModerationCase,
    ModerationEvent,
    Notification,
    Report,
)
from engage.privacy.erasure import erase_audit_text, erase_items, not_safeguarding
from engage.proposals.models import Proposal
from engage.surveys.models import Answer, Participation, Survey, SurveyResponse
from engage.votes import counters
from engage.votes.models import Vote, VoteTally

WHY = "retention"
_CLOSED = (CaseState.DECIDED, CaseState.WITHDRAWN)
BACKUP_PATTERNS = ("*.db", "*.dump", "*.sql.gz")


@dataclass
class Plan:
    """What is (or was) due to go, rule by rule."""

    comments: int = 0
    votes: int = 0
    survey_responses: int = 0
    survey_texts: int = 0
    moderation_cases: int = 0
    reports: int = 0
    notifications: int = 0
    audit_texts: int = 0
    backups: list[Path] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One line per rule, for the command's output."""
        return [
            f"comments on proposals decided long enough ago: {self.comments}",
            f"votes turned into anonymous totals: {self.votes}",
            f"named survey responses made anonymous: {self.survey_responses}",
            f"typed survey answers emptied: {self.survey_texts}",
            f"closed moderation cases: {self.moderation_cases}",
            f"resolved reports: {self.reports}",
            f"notices to people: {self.notifications}",
            f"audit record texts erased: {self.audit_texts}",
            f"backups: {len(self.backups)}" + "".join(f"\n  {path}" for path in self.backups),
        ]


def _cutoff(now: datetime, setting: str) -> datetime:
    return now - timedelta(days=current_app.config[setting])


def _decided_proposals(cutoff: datetime):
    return select(Proposal.id).where(
        Proposal.decided_at.is_not(None), Proposal.decided_at <= cutoff
    )


def _finished_surveys(cutoff: datetime):
    """Surveys whose proposal was decided (or, with no proposal, that closed) before cutoff."""
    return (
        select(Survey.id)
        .outerjoin(Proposal, Proposal.id == Survey.proposal_id)
        .where(
            sa.or_(
                sa.and_(Survey.proposal_id.is_(None), Survey.closes_at <= cutoff),
                sa.and_(Survey.proposal_id.is_not(None), Proposal.decided_at <= cutoff),
            )
        )
    )


def _count(query) -> int:
    return db.session.scalar(select(func.count()).select_from(query.subquery())) or 0


def _run(statement) -> int:
    return db.session.execute(statement.execution_options(synchronize_session=False)).rowcount or 0


def _old_cases(now: datetime):
    """Closed cases past their period: ordinary ones, and safeguarding ones the lead handled."""
    ordinary = sa.and_(
        ModerationCase.safeguarding.is_(False),
        ModerationCase.state.in_(_CLOSED),
        func.coalesce(ModerationCase.decided_at, ModerationCase.held_at)
        <= _cutoff(now, "RETENTION_MODERATION_CASE_DAYS"),
    )
    safeguarding = sa.and_(
        ModerationCase.safeguarding.is_(True),
        ModerationCase.state == CaseState.HANDLED,
        ModerationCase.decided_at <= _cutoff(now, "RETENTION_SAFEGUARDING_DAYS"),
    )
    return sa.or_(ordinary, safeguarding)


def _audit_text_due(now: datetime):
    """SQL: events whose words are past their period."""
    case = sa.orm.aliased(ModerationCase)
    handled_long_ago = (
        select(case.id)
        .where(
            case.source == ModerationEvent.source,
            case.item_id == ModerationEvent.item_id,
            case.safeguarding.is_(True),
            case.state == CaseState.HANDLED,
            case.decided_at <= _cutoff(now, "RETENTION_SAFEGUARDING_DAYS"),
        )
        .exists()
    )
    old_comments = select(Comment.id).where(
        Comment.proposal_id.in_(_decided_proposals(_cutoff(now, "RETENTION_COMMENT_DAYS")))
    )
    old_answers = _survey_texts(_finished_surveys(_cutoff(now, "RETENTION_SURVEY_ANSWER_DAYS")))
    items_gone = sa.or_(
        (ModerationEvent.source == "comment") & ModerationEvent.item_id.in_(old_comments),
        (ModerationEvent.source == "survey_answer") & ModerationEvent.item_id.in_(old_answers),
    )
    ordinary = sa.and_(
        sa.or_(ModerationEvent.created_at <= _cutoff(now, "RETENTION_AUDIT_TEXT_DAYS"), items_gone),
        not_safeguarding(),
    )
    return sa.or_(ordinary, handled_long_ago)


def _audit_texts_due_count(now: datetime) -> int:
    from engage.moderation.models import AuditText

    condition = _audit_text_due(now)
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
    return _count(
        select(AuditText.id).where(
            AuditText.erased_at.is_(None), AuditText.id.in_(select(refs.c[0]))
        )
    )


def old_backups(now: datetime) -> list[Path]:
    """Backup files older than RETENTION_BACKUP_DAYS in BACKUP_DIR."""
    folder = Path(current_app.config["BACKUP_DIR"])
    if not folder.is_dir():
        return []
    limit = time.time() - current_app.config["RETENTION_BACKUP_DAYS"] * 86400
    limit -= (utcnow() - now).total_seconds()
    found = {p for pattern in BACKUP_PATTERNS for p in folder.glob(pattern)}
    return sorted(p for p in found if p.is_file() and p.stat().st_mtime < limit)


def plan_retention(now: datetime | None = None) -> Plan:
    """Count what would go now, changing nothing (the --dry-run)."""
    now = now or utcnow()
    comments = _decided_proposals(_cutoff(now, "RETENTION_COMMENT_DAYS"))
    votes = _decided_proposals(_cutoff(now, "RETENTION_VOTE_DAYS"))
    surveys = _finished_surveys(_cutoff(now, "RETENTION_SURVEY_ANSWER_DAYS"))
    case_cutoff = _cutoff(now, "RETENTION_MODERATION_CASE_DAYS")
    return Plan(
        comments=_count(select(Comment.id).where(Comment.proposal_id.in_(comments))),
        votes=_count(select(Vote.id).where(Vote.proposal_id.in_(votes))),
        survey_responses=_count(
            select(SurveyResponse.id).where(
                SurveyResponse.survey_id.in_(surveys), SurveyResponse.user_id.is_not(None)
            )
        ),
        survey_texts=_count(_survey_texts(surveys)),
        moderation_cases=_count(select(ModerationCase.id).where(_old_cases(now))),
        reports=_count(
            select(Report.id).where(Report.resolved.is_(True), Report.created_at <= case_cutoff)
        ),
        notifications=_count(select(Notification.id).where(Notification.created_at <= case_cutoff)),
        audit_texts=_audit_texts_due_count(now),
        backups=old_backups(now),
    )


def _survey_texts(surveys):
    return select(Answer.id).where(
        Answer.text.is_not(None),
        Answer.response_id.in_(
            select(SurveyResponse.id).where(SurveyResponse.survey_id.in_(surveys))
        ),
    )


def apply_retention(now: datetime | None = None) -> Plan:
    """Remove what is past its retention period, keeping anonymous totals. Flushes, no commit."""
    now = now or utcnow()
    db.session.flush()
    done = Plan()
    # The audit words go first: later rules remove the cases that say what is safeguarding.
    done.audit_texts = erase_audit_text(_audit_text_due(now), WHY, now)

    proposals = _decided_proposals(_cutoff(now, "RETENTION_COMMENT_DAYS"))
    surveys = _finished_surveys(_cutoff(now, "RETENTION_SURVEY_ANSWER_DAYS"))
    # What the items leave elsewhere goes with them: audit words, reports, appeal notes.
    old_comments = select(Comment.id).where(Comment.proposal_id.in_(proposals))
    erased = erase_items(
        old_comments, _survey_texts(surveys), why=WHY, recount=False, remove_answers=False
    )
    done.audit_texts += erased.audit_texts
    # The stored comment_count is the total that survives; nothing recounts a decided proposal.
    # Counted first: replies removed by the foreign key's cascade are not in the rowcount.
    done.comments = _count(old_comments)
    _run(sa.delete(Comment).where(Comment.proposal_id.in_(proposals)))

    proposals = _decided_proposals(_cutoff(now, "RETENTION_VOTE_DAYS"))
    # The tally is the votes that counted (an address never confirmed stays uncounted), so the
    # totals are the same before and after; the counters go with the votes.
    db.session.execute(
        sa.insert(VoteTally).from_select(
            ["proposal_id", "choice", "by_young_person", "count"],
            counters.counted_votes(Vote.proposal_id.in_(proposals)),
        )
    )
    done.votes = _run(sa.delete(Vote).where(Vote.proposal_id.in_(proposals)))
    counters.forget_vote_counts(proposals)

    done.survey_texts = _run(
        sa.update(Answer)
        .where(Answer.id.in_(_survey_texts(surveys)))
        .values(text=None, moderation=None, moderated_at=None)
    )
    done.survey_responses = _run(
        sa.update(SurveyResponse)
        .where(SurveyResponse.survey_id.in_(surveys), SurveyResponse.user_id.is_not(None))
        .values(user_id=None)
    )
    _run(sa.delete(Participation).where(Participation.survey_id.in_(surveys)))

    case_cutoff = _cutoff(now, "RETENTION_MODERATION_CASE_DAYS")
    done.moderation_cases = _run(sa.delete(ModerationCase).where(_old_cases(now)))
    done.reports = _run(
        sa.delete(Report).where(Report.resolved.is_(True), Report.created_at <= case_cutoff)
    )
    done.notifications = _run(sa.delete(Notification).where(Notification.created_at <= case_cutoff))
    done.backups = old_backups(now)
    db.session.expire_all()
    db.session.info["engage_content_changed"] = True
    return done


def remove_backups(paths: list[Path]) -> None:
    """Delete old backup files (after the database work has committed)."""
    for path in paths:
        path.unlink(missing_ok=True)
