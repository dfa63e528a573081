"""The staff form for a subject access request."""

from wtforms import StringField, SubmitField
from wtforms.validators import InputRequired, Length, Optional

from engage.forms import BaseForm, GovSubmitInput, GovTextInput, strip_filter
from engage.i18n import _l


class SubjectAccessForm(BaseForm):
    who = StringField(
        _l("Email address or username"),
        widget=GovTextInput(),
        description=_l("Of the person who asked for their data. Check who they are first."),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Enter an email address or a username"))],
    )
    reference = StringField(
        _l("Request reference (optional)"),
        widget=GovTextInput(),
        description=_l("The council's own reference for the request, to find it in this log."),
        filters=[strip_filter],
        validators=[Optional(), Length(max=60, message=_l("Use 60 characters or fewer"))],
    )
    submit = SubmitField(_l("Download their data (JSON)"), widget=GovSubmitInput())
