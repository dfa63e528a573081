"""Moderation cases, the append-only audit record, reports and people's notifications."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from engage.clock import utcnow
from engage.extensions import db, db_enum


def day_only(moment: datetime) -> datetime:
    """Midnight of the day: what is kept instead of a time that could identify someone."""
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


class ItemState(enum.StrEnum):
    """The states every moderated source maps its own statuses onto."""

    HELD = "held"
    PUBLISHED = "published"
    REJECTED = "rejected"
    HIDDEN = "hidden"
    DELETED = "deleted"


class CaseState(enum.StrEnum):
    WAITING = "waiting"  # in the moderators' queue
    SAFEGUARDING = "safeguarding"  # in the safeguarding queue; can never be published
    HANDLED = "handled"  # a safeguarding lead has acted; still never published
    DECIDED = "decided"
    WITHDRAWN = "withdrawn"  # the author deleted it before a decision


class CaseReason(enum.StrEnum):
    """Why an item is (or was last) waiting."""

    YOUNG_PERSON = "young_person"
    AUTOMATIC_CHECK = "automatic_check"
    REPORTS = "reports"
    APPEAL = "appeal"
    ESCALATED = "escalated"


class Action(enum.StrEnum):
    HOLD = "hold"
    APPROVE = "approve"
    APPROVE_REDACTED = "approve_redacted"
    REJECT = "reject"
    ESCALATE = "escalate"
    HANDLE = "handle"
    OPEN = "safeguarding_open"  # a safeguarding lead opened the item
    SUPPORT = "support_message"  # a lead sent the young person a message with support links
    OVERDUE = "overdue_notice"  # the leads were emailed that the item waits unopened
    REPORT = "report"
    HIDE = "hide"
    APPEAL = "appeal"
    UNDO = "undo"
    SUSPEND = "suspend"
    BAN = "ban"
    LIFT = "lift_sanction"


# Decisions on an item: what "time to decision" measures and what a moderator may undo.
DECISIONS = frozenset({Action.APPROVE, Action.APPROVE_REDACTED, Action.REJECT, Action.ESCALATE})
UNDOABLE = frozenset(
    {Action.APPROVE, Action.APPROVE_REDACTED, Action.REJECT, Action.HIDE, Action.HANDLE}
)


class RejectReason(enum.StrEnum):
    PERSONAL_DETAILS = "personal_details"
    ABUSIVE = "abusive"
    SPAM = "spam"
    OFF_TOPIC = "off_topic"
    MISLEADING = "misleading"
    OTHER = "other"


class ReportReason(enum.StrEnum):
    PERSONAL_DETAILS = "personal_details"
    ABUSIVE = "abusive"
    SPAM = "spam"
    OFF_TOPIC = "off_topic"
    OTHER = "other"


class ModerationCase(db.Model):
    """One moderated item's standing in the queues; reopened whenever it needs a person again."""

    __tablename__ = "moderation_case"
    __table_args__ = (
        sa.UniqueConstraint("source", "item_id"),
        sa.Index("ix_moderation_case_state_held", "state", "held_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(sa.String(20))
    item_id: Mapped[int] = mapped_column()
    state: Mapped[CaseState] = mapped_column(db_enum(CaseState))
    reason: Mapped[CaseReason] = mapped_column(db_enum(CaseReason))
    held_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Copied from the item when it enters the queue, so the queue filters without joining sources.
    author_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )
    priority_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("priority.id", ondelete="SET NULL")
    )
    language: Mapped[str | None] = mapped_column(sa.String(8))
    by_young_person: Mapped[bool] = mapped_column(default=False)
    flag_personal: Mapped[bool] = mapped_column(default=False)
    flag_abuse: Mapped[bool] = mapped_column(default=False)
    flag_risk: Mapped[bool] = mapped_column(default=False)
    flags: Mapped[list] = mapped_column(sa.JSON, default=list)
    # Once a case touches safeguarding it stays there: nothing can publish it afterwards.
    safeguarding: Mapped[bool] = mapped_column(default=False)
    # Anonymous survey answers: every time about them is kept as the day only (midnight), so
    # nobody can match an answer to the child who just finished.
    date_only: Mapped[bool] = mapped_column(default=False)
    appeal_used: Mapped[bool] = mapped_column(default=False)
    appeal_note: Mapped[str | None] = mapped_column(sa.Text)
    # The moderator whose rejection is under appeal: someone else decides where possible.
    appeal_against_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime | None] = mapped_column()
    decided_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("user.id", ondelete="SET NULL"))
    # When a safeguarding lead first opened the item since it entered the safeguarding queue:
    # an item not opened within SAFEGUARDING_TARGET_HOURS is overdue and every lead is told.
    opened_at: Mapped[datetime | None] = mapped_column()

    author = relationship("User", foreign_keys=[author_id])
    decided_by = relationship("User", foreign_keys=[decided_by_id])

    @property
    def categories(self) -> list[str]:
        """The automatic check categories that matched, for display and filtering."""
        found = []
        if self.flag_personal:
            found.append("personal_details")
        if self.flag_abuse:
            found.append("abuse")
        if self.flag_risk:
            found.append("risk")
        return found

    @property
    def is_open(self) -> bool:
        return self.state in {CaseState.WAITING, CaseState.SAFEGUARDING}

    def stamp(self) -> datetime:
        """Now, as this case may record it: the day only for anonymous answers."""
        now = utcnow()
        return day_only(now) if self.date_only else now

    def can_publish(self) -> bool:
        """A safeguarding case is never published, by anyone."""
        return not self.safeguarding


class ModerationEvent(db.Model):
    """The audit record: append-only, in the application and in the database (triggers)."""

    __tablename__ = "moderation_event"
    __table_args__ = (sa.Index("ix_moderation_event_item", "source", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    # People are referenced by id without a foreign key, so the record outlives any account.
    actor_id: Mapped[int | None] = mapped_column(index=True)  # None: the system
    action: Mapped[Action] = mapped_column(db_enum(Action, 30))
    source: Mapped[str | None] = mapped_column(sa.String(20))
    item_id: Mapped[int | None] = mapped_column()
    subject_user_id: Mapped[int | None] = mapped_column(index=True)
    reason: Mapped[str | None] = mapped_column(sa.String(40))
    # The words (a note, the item's text before and after) live in audit_text, so that erasing
    # them for a deleted account or item never needs to change this row.
    note_id: Mapped[int | None] = mapped_column(sa.ForeignKey("audit_text.id"))
    before_id: Mapped[int | None] = mapped_column(sa.ForeignKey("audit_text.id"))
    after_id: Mapped[int | None] = mapped_column(sa.ForeignKey("audit_text.id"))
    from_status: Mapped[str | None] = mapped_column(sa.String(20))
    to_status: Mapped[str | None] = mapped_column(sa.String(20))
    undoes_id: Mapped[int | None] = mapped_column(sa.ForeignKey("moderation_event.id"))
    # For decisions: how long the item waited, and which automatic checks had flagged it.
    waited_seconds: Mapped[int | None] = mapped_column()
    flags: Mapped[str | None] = mapped_column(sa.String(80))

    actor = relationship(
        "User", primaryjoin="foreign(ModerationEvent.actor_id) == User.id", viewonly=True
    )
    subject = relationship(
        "User", primaryjoin="foreign(ModerationEvent.subject_user_id) == User.id", viewonly=True
    )
    note_ref: Mapped["AuditText | None"] = relationship(foreign_keys=[note_id], lazy="joined")
    before_ref: Mapped["AuditText | None"] = relationship(foreign_keys=[before_id], lazy="joined")
    after_ref: Mapped["AuditText | None"] = relationship(foreign_keys=[after_id], lazy="joined")

    def __init__(self, note=None, before_text=None, after_text=None, **fields):
        super().__init__(**fields)
        self.note_ref = AuditText.of(note)
        self.before_ref = AuditText.of(before_text)
        # The same words before and after (most events) share one row.
        if after_text is not None and after_text == before_text:
            self.after_ref = self.before_ref
        else:
            self.after_ref = AuditText.of(after_text)

    @property
    def note(self) -> str | None:
        """The note's words (None when there was none or it was erased)."""
        return self.note_ref.text if self.note_ref else None

    @note.setter
    def note(self, value: str | None) -> None:
        """Only for new events: changing an existing one is refused on flush."""
        self.note_ref = AuditText.of(value)

    @property
    def before_text(self) -> str | None:
        """The item's words before the event (None when there were none or they were erased)."""
        return self.before_ref.text if self.before_ref else None

    @property
    def after_text(self) -> str | None:
        """The item's words after the event (None when there were none or they were erased)."""
        return self.after_ref.text if self.after_ref else None

    @property
    def text_erased(self) -> bool:
        """Whether any of this event's words were erased (a deleted account or item, retention)."""
        return any(r is not None and r.erased_at for r in self._refs())

    def _refs(self):
        return (self.note_ref, self.before_ref, self.after_ref)


class AuditText(db.Model):
    """Words quoted by the audit record. Erasure blanks the text and leaves a dated tombstone.

    The database allows one change only (text to NULL, with erased_at and why), and no deletion
    of a row an event points to, so the record keeps its shape while the words can go.
    """

    __tablename__ = "audit_text"

    id: Mapped[int] = mapped_column(primary_key=True)
    text: Mapped[str | None] = mapped_column(sa.Text)
    erased_at: Mapped[datetime | None] = mapped_column()
    erased_why: Mapped[str | None] = mapped_column(sa.String(20))

    @classmethod
    def of(cls, text: str | None) -> "AuditText | None":
        """A new row for these words, or None for no words."""
        return None if text is None else cls(text=text)


class AuditRecordImmutable(RuntimeError):
    """Raised when anything tries to change or delete an audit record."""


@event.listens_for(ModerationEvent, "before_update")
def _refuse_update(mapper, connection, target):
    raise AuditRecordImmutable("moderation events cannot be changed")


@event.listens_for(ModerationEvent, "before_delete")
def _refuse_delete(mapper, connection, target):
    raise AuditRecordImmutable("moderation events cannot be deleted")


class Report(db.Model):
    """A signed-in person's report of a published item; resolved when a moderator decides."""

    __tablename__ = "moderation_report"
    __table_args__ = (sa.Index("ix_moderation_report_item", "source", "item_id", "resolved"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(sa.String(20))
    item_id: Mapped[int] = mapped_column()
    reporter_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    reason: Mapped[ReportReason] = mapped_column(db_enum(ReportReason))
    note: Mapped[str | None] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved: Mapped[bool] = mapped_column(default=False)


class Notification(db.Model):
    """A message for one person, stored as a key and parameters and worded when it is read."""

    __tablename__ = "notification"
    __table_args__ = (sa.Index("ix_notification_user_read", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(sa.String(30))
    params: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column()


class SafeguardingAlert(db.Model):
    """That one safeguarding lead was emailed about one overdue item, so each is told only once."""

    __tablename__ = "safeguarding_alert"
    __table_args__ = (sa.UniqueConstraint("case_id", "lead_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        sa.ForeignKey("moderation_case.id", ondelete="CASCADE"), index=True
    )
    lead_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"))
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
