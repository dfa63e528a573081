"""Forms for inviting and managing staff."""

from wtforms import (
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional

from engage.accounts.forms import _password_field, confirm_password_field, email_field
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
from engage.permissions import Role

ROLE_LABELS = {
    Role.MODERATOR: _l("Moderator"),
    Role.SAFEGUARDING_LEAD: _l("Safeguarding lead"),
    Role.OFFICER: _l("Officer"),
    Role.ADMIN: _l("Administrator"),
}

ACTION_LABELS = {
    "role": _l("Change their role"),
    "suspend": _l("Suspend: they cannot sign in until reinstated"),
    "reinstate": _l("Reinstate: they can sign in again"),
    "deactivate": _l("Deactivate: they have left (this cannot be undone)"),
    "reset_mfa": _l("Reset their two-step sign-in (a lost phone)"),
}


def _reason_field():
    return TextAreaField(
        _l("Why?"),
        widget=GovTextArea(),
        description=_l("Kept in the staff record with your name and the time."),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Say why")), Length(max=500)],
    )


class InviteForm(BaseForm):
    email = email_field(_l("Their work email address"), _l("Enter their email address"))
    role = RadioField(
        _l("Role"),
        widget=GovRadioInput(),
        choices=[(r.value, label) for r, label in ROLE_LABELS.items()],
        validators=[InputRequired(message=_l("Choose a staff role"))],
    )
    reason = _reason_field()
    submit = SubmitField(_l("Send invitation"), widget=GovSubmitInput())


class StaffActionForm(BaseForm):
    action = RadioField(
        _l("What do you want to do?"),
        widget=GovRadioInput(),
        choices=list(ACTION_LABELS.items()),
        validators=[InputRequired(message=_l("Choose what to do"))],
    )
    role = SelectField(
        _l("New role (if changing their role)"),
        widget=GovSelect(),
        choices=[("", "")] + [(r.value, label) for r, label in ROLE_LABELS.items()],
        validators=[Optional()],
    )
    reason = _reason_field()
    submit = SubmitField(_l("Save"), widget=GovSubmitInput())


class JoinForm(BaseForm):
    display_name = StringField(
        _l("Your name, as shown on your replies"),
        widget=GovTextInput(),
        filters=[strip_filter],
        validators=[
            InputRequired(message=_l("Enter your name")),
            Length(max=60, message=_l("Your name must be 60 characters or fewer")),
        ],
    )
    # The same password rules as every account (engage/accounts/forms.py).
    password = _password_field()
    confirm = confirm_password_field()
    submit = SubmitField(_l("Make my account"), widget=GovSubmitInput())
