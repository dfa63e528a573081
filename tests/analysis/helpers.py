"""Builders for analysis tests: a proposal with comments and votes, safeguarding cases, themes."""

from engage.analysis.models import Subject, Theme
from engage.extensions import db
from engage.moderation.models import CaseReason, CaseState, ModerationCase
from engage.permissions import Role
from tests.factories import make_comment, make_user, make_vote


def person(role=Role.RESIDENT, **fields):
    """A resident (or young person) with the given age band, connection and district."""
    return make_user(role, **fields)


def comment_by(proposal, *, body, vote=None, **person_fields):
    """A published comment by a new person, who voted `vote` if given."""
    author = person(**person_fields)
    comment = make_comment(proposal, author, body=body)
    if vote:
        make_vote(proposal, author, vote)
    return comment


def safeguard(source: str, item_id: int) -> None:
    """Put an item in the safeguarding queue, as moderation does."""
    db.session.add(
        ModerationCase(
            source=source,
            item_id=item_id,
            state=CaseState.SAFEGUARDING,
            reason=CaseReason.AUTOMATIC_CHECK,
            safeguarding=True,
        )
    )
    db.session.commit()


def make_theme(subject_id: int, name: str, subject=Subject.PROPOSAL) -> Theme:
    """A theme in the codebook."""
    theme = Theme(subject=subject, subject_id=subject_id, name=name, description="", response="")
    db.session.add(theme)
    db.session.commit()
    return theme
