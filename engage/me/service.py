"""One's own contributions: gather them, export them, erase them. Flushes, never commits.

What deleting keeps (see the privacy notice): nothing that identifies the person.
- A deleted comment loses its words; the row stays, empty, only so replies keep their thread.
- Votes and named survey responses are deleted outright, on open and closed consultations alike.
- Deleting the account also empties the account itself: no email, username, name, age group,
  area, password or language remain. An empty, blocked shell keeps its number so that threads and
  the moderators' audit log (which must not change) still point somewhere.
- The audit record's copies of the words, reports, appeal notes and notices go too, in a fixed
  number of statements (engage/privacy/erasure.py says what is kept for safeguarding).
"""

import csv
import io
import secrets
from dataclasses import dataclass, field

from flask import url_for
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from engage.accounts.models import AgeBand, Connection
from engage.accounts.sessions import end_sessions
from engage.accounts.tokens import forget_tokens
from engage.comments import service as comments
from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.i18n import _
from engage.privacy import erasure
from engage.proposals.models import Proposal
from engage.surveys import labels as surveys_labels
from engage.surveys.models import Answer, AnswerState, SurveyResponse
from engage.votes.models import Vote


@dataclass
class Contributions:
    comments: list = field(default_factory=list)
    votes: list = field(default_factory=list)
    survey_responses: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.comments or self.votes or self.survey_responses)


def my_contributions(user) -> Contributions:
    """Everything this person wrote or chose that is linked to them, newest first.

    Comments in every status but deleted (a deleted comment has no words left to show).
    Survey responses only from named surveys: anonymous ones are not linked to anyone.
    """
    found = Contributions()
    found.comments = list(
        db.session.scalars(
            select(Comment)
            .options(selectinload(Comment.proposal))
            .where(Comment.author_id == user.id, Comment.status != CommentStatus.DELETED)
            .order_by(Comment.created_at.desc(), Comment.id.desc())
        )
    )
    # (vote, proposal) pairs: votes have no relationship of their own to load.
    found.votes = [
        (vote, proposal)
        for vote, proposal in db.session.execute(
            select(Vote, Proposal)
            .join(Proposal, Proposal.id == Vote.proposal_id)
            .where(Vote.user_id == user.id)
            .order_by(Vote.updated_at.desc(), Vote.id.desc())
        )
    ]
    found.survey_responses = list(
        db.session.scalars(
            select(SurveyResponse)
            .options(
                selectinload(SurveyResponse.survey),
                selectinload(SurveyResponse.answers).selectinload(Answer.question),
            )
            .where(SurveyResponse.user_id == user.id)
            .order_by(SurveyResponse.submitted_on.desc())
        )
    )
    return found


def comment_status_label(status: CommentStatus) -> str:
    """How a comment's status reads to its author."""
    return {
        CommentStatus.HELD: _("Waiting for a moderator"),
        CommentStatus.PUBLISHED: _("Published"),
        CommentStatus.REJECTED: _("Not published"),
        CommentStatus.HIDDEN: _("Taken down"),
        CommentStatus.DELETED: _("Deleted"),
    }[CommentStatus(status)]


def vote_label(vote: Vote) -> str:
    """The vote's choice in the reader's language."""
    from engage.votes.forms import CHOICE_LABELS

    return str(CHOICE_LABELS[vote.choice])


def answer_text(answer) -> str:
    """One survey answer as words: the options chosen and anything typed."""
    if answer.state != AnswerState.ANSWERED:
        return surveys_labels.state_label(answer.state)
    parts = [surveys_labels.value_label(answer.question, value) for value in answer.values or []]
    if answer.text:
        parts.append(answer.text)
    return "; ".join(str(p) for p in parts)


def _survey_title(response) -> str:
    return response.survey.title


def export_data(user) -> dict:
    """Everything held about the person (subject access), ready for JSON."""
    from engage.privacy.subject_access import subject_access_data

    return subject_access_data(user, _contributions_data(user))


def _contributions_data(user) -> dict:
    found = my_contributions(user)
    return {
        "comments": [
            {
                "id": c.id,
                "proposal": c.proposal.title,
                "link": url_for("proposals.proposal", proposal_id=c.proposal_id, _external=True),
                "reply_to": c.parent_id,
                "status": c.status.value,
                "written_at": c.created_at.isoformat(timespec="seconds") + "Z",
                "edited_at": c.edited_at.isoformat(timespec="seconds") + "Z"
                if c.edited_at
                else None,
                "text": c.body,
            }
            for c in found.comments
        ],
        "votes": [
            {
                "proposal": p.title,
                "link": url_for("proposals.proposal", proposal_id=p.id, _external=True),
                "choice": v.choice.value,
                "voted_at": v.updated_at.isoformat(timespec="seconds") + "Z",
            }
            for v, p in found.votes
        ],
        "survey_responses": [
            {
                "survey": _survey_title(r),
                "submitted_on": r.submitted_on.isoformat(),
                "answers": [
                    {"question": a.question.text, "answer": answer_text(a)} for a in r.answers
                ],
            }
            for r in found.survey_responses
        ],
    }


def _cell(value) -> str:
    """A CSV cell that a spreadsheet will show as text, never run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(user) -> str:
    """The person's contributions as CSV: one row per comment, vote or survey answer."""
    data = export_data(user)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["type", "about", "status", "date", "text_or_choice", "link"])
    for c in data["comments"]:
        kind = "reply" if c["reply_to"] else "comment"
        writer.writerow(
            [
                _cell(x)
                for x in (kind, c["proposal"], c["status"], c["written_at"], c["text"], c["link"])
            ]
        )
    for v in data["votes"]:
        writer.writerow(
            [_cell(x) for x in ("vote", v["proposal"], "", v["voted_at"], v["choice"], v["link"])]
        )
    for r in data["survey_responses"]:
        for a in r["answers"]:
            about = f"{r['survey']}: {a['question']}"
            writer.writerow(
                [_cell(x) for x in ("survey answer", about, "", r["submitted_on"], a["answer"], "")]
            )
    for r in data["reports_you_made"]:
        writer.writerow(
            [_cell(x) for x in ("report", r["about"], r["reason"], r["reported_at"], r["note"], "")]
        )
    for a in data["appeals"]:
        writer.writerow([_cell(x) for x in ("appeal", a["about"], a["state"], "", a["note"], "")])
    return out.getvalue()


def delete_my_comment(user, comment: Comment) -> None:
    """Delete one of one's own comments (its words go; the row stays for any replies)."""
    comments.delete_comment(user, comment)


def delete_everything(user):
    """Erase every comment, vote, named survey response and report of this person."""
    return erasure.erase_contributions(user)


def delete_account(user):
    """Erase everything, then empty the account so nothing about the person remains."""
    done = erasure.erase_account_data(user)
    user.email = None
    user.username = None
    user.display_name = None
    user.postcode_district = None
    user.locale = None
    user.recovery_code_hash = None
    user.age_band = AgeBand.PREFER_NOT
    user.connection = Connection.OTHER
    user.pseudonym = f"deleted-{secrets.token_hex(8)}"
    # Nobody knows this password and there is no login name left: the shell can never sign in.
    user.set_password(secrets.token_urlsafe(32))
    user.banned = True
    end_sessions(user, "account_deleted")
    user.email_verified_at = None
    # An emailed link still outstanding must not put an address back on the emptied account.
    forget_tokens(user)
    user.suspended_until = None
    db.session.flush()
    return done
