"""Subject access: everything held about one person, for them ("your data") or for a staff request.

Included: the account, comments, votes, named survey answers, reports they made, their appeals,
sanctions and moderators' notes about them, notices sent to them, and the audit record's entries
about them and their items.

Left out or redacted, as a data protection officer would (docs/records-of-processing.md):
- other people: who reported the person's words and what those reporters wrote (only the
  reason is given); the moderators' identities (shown as their role, "moderator" or "system");
- safeguarding handling: the lead's notes on a safeguarding case are withheld (DPA 2018 Sch. 3
  Part 2 para 5 (serious harm) and Sch. 2 para 2 (crime) may apply; the DPO decides case by case
  whether to release them, outside this tool);
- anonymous survey answers, which are linked to nobody and cannot be found.
"""

from collections.abc import Callable

from flask import url_for
from sqlalchemy import or_, select

from engage.accounts.models import AgeBand, Connection, User
from engage.clock import utcnow
from engage.comments.models import Comment
from engage.extensions import db
from engage.moderation.models import (
    Action,
    ModerationCase,
    ModerationEvent,
    Notification,
    Report,
)
from engage.ops.security_log import log_security_event
from engage.privacy.models import SubjectAccessLog
from engage.surveys.models import Answer, SurveyResponse

# Features with contributions of their own add them at app set-up (see register_contributions).
_SECTIONS: dict[str, Callable] = {}
_OWN_ITEMS: dict[str, Callable] = {}


def register_section(name: str, section: Callable) -> None:
    """Add a feature's part of the copy: `section(user)` -> a list of dicts, under `name`."""
    _SECTIONS[name] = section


def register_own_items(source: str, own_items: Callable) -> None:
    """Say which items of a moderated source are the person's: `own_items(user)` -> ids SELECT."""
    _OWN_ITEMS[source] = own_items


# Events whose note was written by a safeguarding lead about a safeguarding case.
_SAFEGUARDING_NOTES = {Action.HANDLE, Action.ESCALATE}
_SANCTIONS = {Action.SUSPEND, Action.BAN, Action.LIFT}
WITHHELD = "[withheld: safeguarding]"


def _when(value):
    return value.isoformat(timespec="seconds") + "Z" if value else None


def _account(user) -> dict:
    return {
        "account_number": user.id,
        "signs_in_with": user.login_name,
        "others_see_you_as": user.public_name,
        "name": user.display_name,
        "age_group": AgeBand(user.age_band).value,
        "connection_to_luton": Connection(user.connection).value,
        "postcode_district": user.postcode_district,
        "language": user.locale,
        "role": user.role.value,
        "created_at": _when(user.created_at),
        "suspended_until": _when(user.suspended_until),
        "banned": user.banned,
    }


def _reports(user) -> list[dict]:
    rows = db.session.scalars(
        select(Report).where(Report.reporter_id == user.id).order_by(Report.id)
    )
    return [
        {
            "about": f"{r.source} {r.item_id}",
            "reason": r.reason.value,
            "note": r.note,
            "reported_at": _when(r.created_at),
            "resolved": r.resolved,
        }
        for r in rows
    ]


def _my_items(user):
    """SQL: events or cases about the person's comments or named survey answers."""
    comments = select(Comment.id).where(Comment.author_id == user.id)
    answers = (
        select(Answer.id)
        .join(SurveyResponse, SurveyResponse.id == Answer.response_id)
        .where(SurveyResponse.user_id == user.id)
    )

    def about(model):
        return or_(
            (model.source == "comment") & model.item_id.in_(comments),
            (model.source == "survey_answer") & model.item_id.in_(answers),
            *(
                (model.source == source) & model.item_id.in_(own(user))
                for source, own in _OWN_ITEMS.items()
            ),
        )

    return about


def _appeals(user, about) -> list[dict]:
    rows = db.session.scalars(
        select(ModerationCase)
        .where(about(ModerationCase), ModerationCase.appeal_used.is_(True))
        .order_by(ModerationCase.id)
    )
    return [
        {
            "about": f"{c.source} {c.item_id}",
            "note": c.appeal_note,
            "state": c.state.value,
        }
        for c in rows
    ]


def _actor(event, user) -> str:
    if event.actor_id is None:
        return "system"
    if event.actor_id == user.id:
        return "you"
    return "another reader" if event.action == Action.REPORT else "moderator"


def _audit(user, about) -> tuple[list[dict], list[dict]]:
    """The record's entries about the person and their items, and the sanctions among them."""
    events = list(
        db.session.scalars(
            select(ModerationEvent)
            .where(
                or_(
                    ModerationEvent.subject_user_id == user.id,
                    about(ModerationEvent),
                    ModerationEvent.actor_id == user.id,
                )
            )
            .order_by(ModerationEvent.id)
        )
    )
    safeguarding = {
        (c.source, c.item_id)
        for c in db.session.scalars(
            select(ModerationCase).where(about(ModerationCase), ModerationCase.safeguarding)
        )
    }
    entries, sanctions = [], []
    for e in events:
        kept = (e.source, e.item_id) in safeguarding
        note = e.note
        if e.action == Action.REPORT and e.actor_id != user.id:
            note = None  # another reader's words: theirs, not the person's
        elif kept and e.action in _SAFEGUARDING_NOTES and e.actor_id != user.id:
            note = WITHHELD if note else None
        entry = {
            "at": _when(e.created_at),
            "by": _actor(e, user),
            "action": e.action.value,
            "about": f"{e.source} {e.item_id}" if e.source else None,
            "reason": e.reason,
            "note": note,
            "text_before": e.before_text,
            "text_after": e.after_text,
            "from_status": e.from_status,
            "to_status": e.to_status,
            "words_erased": e.text_erased,
        }
        (sanctions if e.action in _SANCTIONS else entries).append(entry)
    return entries, sanctions


def _notifications(user) -> list[dict]:
    rows = db.session.scalars(
        select(Notification).where(Notification.user_id == user.id).order_by(Notification.id)
    )
    return [
        {
            "kind": n.kind,
            "details": n.params,
            "sent_at": _when(n.created_at),
            "read_at": _when(n.read_at),
        }
        for n in rows
    ]


def subject_access_data(user, contributions: dict) -> dict:
    """The whole copy: the contributions export plus what moderation holds about the person."""
    about = _my_items(user)
    audit, sanctions = _audit(user, about)
    return {
        "exported_at": _when(utcnow()),
        "account": _account(user),
        **contributions,
        **{name: section(user) for name, section in _SECTIONS.items()},
        "reports_you_made": _reports(user),
        "appeals": _appeals(user, about),
        "sanctions_and_notes_about_you": sanctions,
        "notices_to_you": _notifications(user),
        "moderation_record_about_you_and_your_words": audit,
        "what_is_not_included": (
            "Anonymous survey answers (linked to nobody), other people's personal data (who "
            "reported your words and what they wrote; moderators' names), and safeguarding "
            "handling notes, which the Data Protection Officer considers case by case."
        ),
        "privacy_notice": url_for("main.privacy", _external=True),
    }


def find_person(who: str) -> User | None:
    """An account by email address (any case) or username."""
    who = (who or "").strip()
    if not who:
        return None
    if "@" in who:
        return db.session.scalar(select(User).where(User.email == who.lower()))
    return db.session.scalar(select(User).where(User.username == who))


def record_request(staff, person: User | None, reference: str | None) -> SubjectAccessLog:
    """Log that a member of staff compiled (or looked for) a person's data."""
    entry = SubjectAccessLog(
        staff_id=staff.id,
        subject_user_id=person.id if person else None,
        found=person is not None,
        reference=(reference or "").strip()[:60] or None,
    )
    db.session.add(entry)
    db.session.flush()
    log_security_event(
        "subject_access.compiled" if person else "subject_access.not_found",
        user_id=staff.id,
        subject_user_id=person.id if person else None,
    )
    return entry


def recent_requests(limit: int = 50) -> list[SubjectAccessLog]:
    """The log, newest first."""
    return list(
        db.session.scalars(
            select(SubjectAccessLog).order_by(SubjectAccessLog.id.desc()).limit(limit)
        )
    )
