"""Moderators' action forms, the report and appeal forms, sanctions, and the labels they use."""

from wtforms import IntegerField, RadioField, SelectField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from engage.forms import (
    BaseForm,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
    strip_filter,
)
from engage.i18n import _l
from engage.moderation.models import Action, CaseReason, RejectReason, ReportReason

REJECT_REASON_LABELS = {
    RejectReason.PERSONAL_DETAILS: _l("It shares personal details"),
    RejectReason.ABUSIVE: _l("It is abusive or unkind"),
    RejectReason.SPAM: _l("It is spam or advertising"),
    RejectReason.OFF_TOPIC: _l("It is not about this proposal or question"),
    RejectReason.MISLEADING: _l("It could mislead people"),
    RejectReason.OTHER: _l("It breaks the house rules in another way"),
}
REPORT_REASON_LABELS = {
    ReportReason.PERSONAL_DETAILS: _l("It shares someone's personal details"),
    ReportReason.ABUSIVE: _l("It is abusive or unkind"),
    ReportReason.SPAM: _l("It is spam or advertising"),
    ReportReason.OFF_TOPIC: _l("It is off topic"),
    ReportReason.OTHER: _l("Something else"),
}
HOLD_REASON_LABELS = {
    CaseReason.YOUNG_PERSON: _l("Written by a young person"),
    CaseReason.AUTOMATIC_CHECK: _l("Flagged by an automatic check"),
    CaseReason.REPORTS: _l("Hidden after reports"),
    CaseReason.APPEAL: _l("Appeal against a rejection"),
    CaseReason.ESCALATED: _l("Escalated by a moderator"),
}
CATEGORY_LABELS = {
    "personal_details": _l("Personal details"),
    "abuse": _l("Abusive language"),
    "risk": _l("Safeguarding risk"),
}
ACTION_LABELS = {
    Action.HOLD: _l("Held"),
    Action.APPROVE: _l("Approved"),
    Action.APPROVE_REDACTED: _l("Approved with redaction"),
    Action.REJECT: _l("Rejected"),
    Action.ESCALATE: _l("Escalated to safeguarding"),
    Action.HANDLE: _l("Safeguarding handled"),
    Action.REPORT: _l("Reported"),
    Action.HIDE: _l("Hidden"),
    Action.APPEAL: _l("Appealed"),
    Action.UNDO: _l("Undone"),
    Action.SUSPEND: _l("Suspended"),
    Action.BAN: _l("Banned"),
    Action.LIFT: _l("Sanction lifted"),
    Action.OPEN: _l("Opened by a safeguarding lead"),
    Action.SUPPORT: _l("Support message sent"),
    Action.OVERDUE: _l("Safeguarding leads emailed: not opened in time"),
}
WAITING_LABELS = {
    "overdue": _l("Past its time limit"),
    "1h": _l("More than 1 hour"),
    "24h": _l("More than 24 hours"),
    "3d": _l("More than 3 days"),
}


def label_for(mapping: dict, key) -> str:
    """A label from one of the maps above, or the raw key when there is none."""
    if key is None:
        return ""
    for k, v in mapping.items():
        if str(k) == str(key):
            return str(v)
    return str(key)


def _note(label=None, required_message=None):
    validators = [Length(max=2000, message=_l("The note must be 2000 characters or fewer"))]
    validators.insert(
        0, InputRequired(message=required_message) if required_message else Optional()
    )
    return TextAreaField(
        label or _l("Note (optional)"),
        widget=GovTextArea(),
        filters=[strip_filter],
        validators=validators,
    )


class ApproveForm(BaseForm):
    approve_note = _note()
    submit = SubmitField(_l("Approve"), widget=GovSubmitInput())


class RedactForm(BaseForm):
    redact_text = TextAreaField(
        _l("Text to publish"),
        widget=GovTextArea(),
        description=_l(
            "Remove the personal details. The original is kept only in the audit record."
        ),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Enter the text to publish"))],
    )
    redact_note = _note()
    submit = SubmitField(_l("Approve with redaction"), widget=GovSubmitInput())


class RejectForm(BaseForm):
    reject_reason = RadioField(
        _l("Reason"),
        widget=GovRadioInput(),
        choices=[(r.value, label) for r, label in REJECT_REASON_LABELS.items()],
        validators=[InputRequired(message=_l("Choose a reason"))],
    )
    reject_note = _note(_l("Note to the author (optional)"))
    submit = SubmitField(_l("Reject"), widget=GovSubmitInput())


class EscalateForm(BaseForm):
    escalate_note = _note(_l("What worries you (optional)"))
    submit = SubmitField(_l("Escalate to safeguarding"), widget=GovSubmitInput())


class HandleForm(BaseForm):
    handle_note = _note(
        _l("What did you do?"),
        required_message=_l("Say what you did, for example who you contacted"),
    )
    submit = SubmitField(_l("Mark as handled"), widget=GovSubmitInput())


class SupportForm(BaseForm):
    support_note = _note(_l("Add a short note (optional)"))
    submit = SubmitField(_l("Send the support message"), widget=GovSubmitInput())


class UndoForm(BaseForm):
    undo_note = _note(_l("Why undo it? (optional)"))
    submit = SubmitField(_l("Undo"), widget=GovSubmitInput())


class ReportForm(BaseForm):
    reason = RadioField(
        _l("Why are you reporting this comment?"),
        widget=GovRadioInput(),
        choices=[(r.value, label) for r, label in REPORT_REASON_LABELS.items()],
        validators=[InputRequired(message=_l("Choose why you are reporting this"))],
    )
    note = _note(_l("Anything else we should know? (optional)"))
    submit = SubmitField(_l("Send report"), widget=GovSubmitInput())


class AppealForm(BaseForm):
    note = TextAreaField(
        _l("Why should the decision change?"),
        widget=GovTextArea(),
        description=_l("You can appeal once. A different moderator will read it."),
        filters=[strip_filter],
        validators=[
            InputRequired(message=_l("Tell us why the decision should change")),
            Length(max=1000, message=_l("Your note must be 1000 characters or fewer")),
        ],
    )
    submit = SubmitField(_l("Send appeal"), widget=GovSubmitInput())


def _sanction_reason():
    return SelectField(
        _l("Reason"),
        widget=GovSelect(),
        choices=[(r.value, label) for r, label in REJECT_REASON_LABELS.items()],
        validators=[InputRequired(message=_l("Choose a reason"))],
    )


class SuspendForm(BaseForm):
    suspend_days = IntegerField(
        _l("Number of days"),
        widget=GovTextInput(),
        validators=[
            InputRequired(message=_l("Enter a number of days from 1 to 365")),
            NumberRange(min=1, max=365, message=_l("Enter a number of days from 1 to 365")),
        ],
    )
    suspend_reason = _sanction_reason()
    suspend_note = _note()
    submit = SubmitField(_l("Suspend"), widget=GovSubmitInput())


class BanForm(BaseForm):
    ban_reason = _sanction_reason()
    ban_note = _note()
    submit = SubmitField(_l("Ban"), widget=GovSubmitInput())


class LiftForm(BaseForm):
    lift_note = _note()
    submit = SubmitField(_l("Lift the suspension or ban"), widget=GovSubmitInput())


class BulkForm(BaseForm):
    bulk_reason = SelectField(
        _l("Reason for rejecting"),
        widget=GovSelect(),
        choices=[("", _l("Choose a reason"))]
        + [(r.value, label) for r, label in REJECT_REASON_LABELS.items()],
        validators=[Optional()],
    )
