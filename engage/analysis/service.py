"""Codebooks, tagging and suggestion decisions: every change names the officer who made it."""

from sqlalchemy import delete, func, select

from engage.analysis.models import Subject, Suggestion, SuggestionState, Tag, Theme
from engage.analysis.responses import safe_item_ids
from engage.clock import utcnow
from engage.errors import RuleError
from engage.extensions import db
from engage.i18n import _
from engage.proposals.models import Proposal, ProposalStatus
from engage.surveys.models import Question, Survey, SurveyStatus

NAME_MAX = 80


class AnalysisError(RuleError):
    """A change the codebook's rules refuse, with a message for the officer."""


def load_subject(subject: Subject, subject_id: int):
    """The proposal or survey being analysed, or None (drafts have nothing to analyse)."""
    if subject is Subject.PROPOSAL:
        item = db.session.get(Proposal, subject_id)
        return item if item and item.status != ProposalStatus.DRAFT else None
    item = db.session.get(Survey, subject_id)
    return item if item and item.status != SurveyStatus.DRAFT else None


def question_of(survey: Survey, question_id: int) -> Question | None:
    """A question of this survey, or None."""
    question = db.session.get(Question, question_id)
    return question if question and question.survey_id == survey.id else None


def codebook(subject: Subject, subject_id: int) -> list[Theme]:
    """The themes of one proposal or survey, by name."""
    return list(
        db.session.scalars(
            select(Theme)
            .where(Theme.subject == subject, Theme.subject_id == subject_id)
            .order_by(func.lower(Theme.name))
        )
    )


def theme_counts(subject: Subject, subject_id: int) -> dict[int, int]:
    """How many responses carry each theme (safe ones only: a hidden comment drops out)."""
    rows = db.session.execute(
        select(Tag.theme_id, Tag.item_id)
        .join(Theme)
        .where(Theme.subject == subject, Theme.subject_id == subject_id)
    ).all()
    safe = safe_item_ids(subject.source, {r.item_id for r in rows})
    counts: dict[int, int] = {}
    for r in rows:
        if r.item_id in safe:
            counts[r.theme_id] = counts.get(r.theme_id, 0) + 1
    return counts


def _clean_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise AnalysisError(_("Enter a name for the theme"))
    if len(name) > NAME_MAX:
        raise AnalysisError(_("The theme's name must be %(max)d characters or fewer", max=NAME_MAX))
    return name


def _check_unique(subject: Subject, subject_id: int, name: str, theme_id: int | None = None):
    clash = db.session.scalar(
        select(Theme.id).where(
            Theme.subject == subject,
            Theme.subject_id == subject_id,
            func.lower(Theme.name) == name.lower(),
        )
    )
    if clash is not None and clash != theme_id:
        raise AnalysisError(_("There is already a theme called %(name)s", name=name))


def add_theme(user, subject: Subject, subject_id: int, name: str, description: str = "") -> Theme:
    """Add a theme to the codebook."""
    name = _clean_name(name)
    _check_unique(subject, subject_id, name)
    theme = Theme(
        subject=subject,
        subject_id=subject_id,
        name=name,
        description=(description or "").strip(),
        response="",
        created_by_id=user.id,
    )
    db.session.add(theme)
    db.session.flush()
    return theme


def update_theme(user, theme: Theme, name: str, description: str, response: str) -> Theme:
    """Rename a theme, describe it, and say what the council did about it."""
    name = _clean_name(name)
    _check_unique(theme.subject, theme.subject_id, name, theme.id)
    theme.name = name
    theme.description = (description or "").strip()
    theme.response = (response or "").strip()
    db.session.flush()
    return theme


def delete_theme(user, theme: Theme) -> None:
    """Remove a theme and its tags and quotes."""
    db.session.delete(theme)
    db.session.flush()


def tag_items(user, theme: Theme, item_ids) -> int:
    """Tag responses with a theme (only safe ones of this subject); returns how many were new."""
    ids = _own_items(theme, item_ids)
    existing = set(
        db.session.scalars(
            select(Tag.item_id).where(
                Tag.theme_id == theme.id,
                Tag.source == theme.subject.source,
                Tag.item_id.in_(ids),
            )
        )
    )
    now = utcnow()
    new = [i for i in sorted(ids) if i not in existing]
    db.session.add_all(
        Tag(
            theme_id=theme.id,
            source=theme.subject.source,
            item_id=i,
            tagged_by_id=user.id,
            tagged_at=now,
        )
        for i in new
    )
    db.session.flush()
    return len(new)


def untag_items(user, theme: Theme, item_ids) -> int:
    """Take a theme off responses; returns how many lost it."""
    ids = {int(i) for i in item_ids}
    if not ids:
        return 0
    result = db.session.execute(delete(Tag).where(Tag.theme_id == theme.id, Tag.item_id.in_(ids)))
    db.session.flush()
    return result.rowcount or 0


def _own_items(theme: Theme, item_ids) -> set[int]:
    """Only responses that belong to the theme's proposal or survey, and that are safe."""
    from engage.comments.models import Comment
    from engage.surveys.models import Answer

    ids = {int(i) for i in item_ids}
    if not ids:
        return set()
    if theme.subject is Subject.PROPOSAL:
        own = select(Comment.id).where(Comment.id.in_(ids), Comment.proposal_id == theme.subject_id)
    else:
        own = (
            select(Answer.id)
            .join(Question, Question.id == Answer.question_id)
            .where(Answer.id.in_(ids), Question.survey_id == theme.subject_id)
        )
    return safe_item_ids(theme.subject.source, set(db.session.scalars(own)))


def tags_record(theme: Theme) -> list[Tag]:
    """Who tagged what with this theme and when, newest first."""
    return list(
        db.session.scalars(
            select(Tag).where(Tag.theme_id == theme.id).order_by(Tag.tagged_at.desc(), Tag.id)
        )
    )


# Suggestions: the site proposes, a person decides ------------------------------------------


def open_suggestions(subject: Subject, subject_id: int) -> list[Suggestion]:
    """Suggestions nobody has decided on yet, biggest first."""
    rows = db.session.scalars(
        select(Suggestion).where(
            Suggestion.subject == subject,
            Suggestion.subject_id == subject_id,
            Suggestion.state == SuggestionState.OPEN,
        )
    )
    return sorted(rows, key=lambda s: (-len(s.item_ids), s.id))


def _decide(user, suggestion: Suggestion, state: SuggestionState, theme: Theme | None) -> None:
    if suggestion.state != SuggestionState.OPEN:
        raise AnalysisError(_("Someone has already decided on this suggestion"))
    suggestion.state = state
    suggestion.theme_id = theme.id if theme else None
    suggestion.decided_by_id = user.id
    suggestion.decided_at = utcnow()


def accept_suggestion(user, suggestion: Suggestion, name: str, tag: bool) -> Theme:
    """Make a suggestion a theme (under the officer's name for it); tag its responses if asked."""
    theme = add_theme(
        user,
        suggestion.subject,
        suggestion.subject_id,
        name or suggestion.label,
        ", ".join(suggestion.phrases),
    )
    _decide(user, suggestion, SuggestionState.ACCEPTED, theme)
    if tag:
        tag_items(user, theme, suggestion.item_ids)
    db.session.flush()
    return theme


def merge_suggestion(user, suggestion: Suggestion, theme: Theme, tag: bool) -> Theme:
    """Fold a suggestion into an existing theme; tag its responses with it if asked."""
    if (theme.subject, theme.subject_id) != (suggestion.subject, suggestion.subject_id):
        raise AnalysisError(_("Choose a theme of this consultation"))
    _decide(user, suggestion, SuggestionState.MERGED, theme)
    if tag:
        tag_items(user, theme, suggestion.item_ids)
    db.session.flush()
    return theme


def discard_suggestion(user, suggestion: Suggestion) -> None:
    """Set a suggestion aside."""
    _decide(user, suggestion, SuggestionState.DISCARDED, None)
    db.session.flush()
