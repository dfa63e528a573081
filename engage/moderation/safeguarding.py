"""The safeguarding lead's workflow: opening items, support messages, overdue alerts.

Operations take the acting user, flush and never commit. Every step is in the audit record.
The leads see where an item came from (a join code's group and its responsible adult), never
who the child is; a signed-in young person can be sent a fixed, translated support message.
"""

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import exists, func, select

from engage.clock import utcnow
from engage.extensions import db
from engage.i18n import _, in_locale, ngettext
from engage.mail import send_email
from engage.moderation.audit import record_case
from engage.moderation.cases import ModerationError, _clean_note
from engage.moderation.models import (
    Action,
    CaseState,
    ModerationCase,
    ModerationEvent,
    Notification,
    SafeguardingAlert,
)
from engage.permissions import Role, can
from engage.urls import external_url

SUPPORT_KIND = "support"


def _cutoff(now: datetime | None = None) -> datetime:
    hours = current_app.config["SAFEGUARDING_TARGET_HOURS"]
    return (now or utcnow()) - timedelta(hours=hours)


def _overdue_query(now: datetime | None = None):
    return select(ModerationCase).where(
        ModerationCase.state == CaseState.SAFEGUARDING,
        ModerationCase.opened_at.is_(None),
        ModerationCase.held_at < _cutoff(now),
    )


def overdue_cases(now: datetime | None = None) -> list[ModerationCase]:
    """Safeguarding items nobody has opened within the target, oldest first."""
    return list(db.session.scalars(_overdue_query(now).order_by(ModerationCase.held_at)))


def overdue_count(now: datetime | None = None) -> int:
    """How many safeguarding items wait unopened past the target: one COUNT, for the header."""
    return db.session.scalar(select(func.count()).select_from(_overdue_query(now).subquery()))


def open_item(actor, case: ModerationCase) -> ModerationEvent | None:
    """Note that a safeguarding lead opened an item (the first time since it entered the queue)."""
    if not can("safeguarding.review", user=actor):
        return None
    if case.state != CaseState.SAFEGUARDING or case.opened_at is not None:
        return None
    case.opened_at = utcnow()
    return record_case(
        actor,
        Action.OPEN,
        case,
        waited_seconds=int((case.opened_at - case.held_at).total_seconds()),
    )


def can_send_support(case: ModerationCase) -> bool:
    """Only a signed-in young person can be sent a support message (anonymous answers cannot)."""
    return case.safeguarding and case.author_id is not None and case.by_young_person


def send_support_message(actor, case: ModerationCase, note: str | None = None) -> Notification:
    """Leave the young person an in-site message with support links, and record it."""
    if not can("safeguarding.review", user=actor):
        raise ModerationError(_("Only a safeguarding lead can do this."))
    if not can_send_support(case):
        raise ModerationError(_("There is nobody to send a message to for this item."))
    note = _clean_note(note)
    message = Notification(user_id=case.author_id, kind=SUPPORT_KIND, params={"lead_note": note})
    db.session.add(message)
    record_case(actor, Action.SUPPORT, case, note=note)
    return message


def support_text() -> str:
    """The fixed wording of a support message, in the reader's language."""
    return _(
        "Our safeguarding team wanted to check you are OK, and to make sure you know who can "
        "help. If anything is worrying you, you can talk to Childline, The Mix or Shout. It is "
        "free, and you do not have to give your name."
    )


def safeguarding_leads() -> list:
    """Every safeguarding lead who can be emailed."""
    from engage.accounts.models import User

    return list(
        db.session.scalars(
            select(User)
            .where(
                User.role == Role.SAFEGUARDING_LEAD,
                User.banned.is_(False),
                User.email.is_not(None),
            )
            .order_by(User.id)
        )
    )


def notify_overdue_lead(lead, now: datetime | None = None) -> int:
    """Email one lead about overdue items they have not been told about yet; how many were new.

    The email gives a count and a link, never any words of the items.
    """
    told = exists().where(
        SafeguardingAlert.case_id == ModerationCase.id, SafeguardingAlert.lead_id == lead.id
    )
    cases = list(db.session.scalars(_overdue_query(now).where(~told).order_by(ModerationCase.id)))
    if not cases:
        return 0
    with in_locale(lead.locale):
        hours = current_app.config["SAFEGUARDING_TARGET_HOURS"]
        subject = _("Safeguarding items are waiting")
        body = "\n\n".join(
            [
                ngettext(
                    "%(num)d safeguarding item has not been opened within its time limit.",
                    "%(num)d safeguarding items have not been opened within their time limit.",
                    len(cases),
                )
                + " "
                + ngettext("Time limit: %(num)d hour.", "Time limit: %(num)d hours.", hours),
                _(
                    "Open the safeguarding queue: %(link)s",
                    link=external_url("moderation.manage_safeguarding"),
                ),
                _("You get this email once for each item because you are a safeguarding lead."),
            ]
        )
        send_email(lead.email, subject, body)
    for case in cases:
        db.session.add(SafeguardingAlert(case_id=case.id, lead_id=lead.id))
        alerted = db.session.scalar(
            select(func.count())
            .select_from(ModerationEvent)
            .where(
                ModerationEvent.action == Action.OVERDUE,
                ModerationEvent.source == case.source,
                ModerationEvent.item_id == case.item_id,
                ModerationEvent.created_at >= case.held_at,
            )
        )
        if not alerted:
            record_case(None, Action.OVERDUE, case, waited_seconds=_waited(case, now))
    db.session.flush()
    return len(cases)


def _waited(case: ModerationCase, now: datetime | None) -> int:
    return int(((now or utcnow()) - case.held_at).total_seconds())
