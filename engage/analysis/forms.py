"""Officers' forms: themes, tagging, suggestions and the report."""

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput
from wtforms import BooleanField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length

from engage.forms import BaseForm, GovSubmitInput, GovTextArea, GovTextInput, clip, strip_filter
from engage.i18n import _l

NAME_TOO_LONG = _l("The theme's name must be %(max)d characters or fewer", max=80)


class ButtonForm(BaseForm):
    """A POST button: only the CSRF token."""


class ThemeForm(BaseForm):
    name = StringField(
        _l("Theme"),
        widget=GovTextInput(),
        filters=[strip_filter, clip(81)],
        validators=[
            InputRequired(message=_l("Enter a name for the theme")),
            Length(max=80, message=NAME_TOO_LONG),
        ],
    )
    description = TextAreaField(
        _l("Description (optional)"),
        widget=GovTextArea(),
        description=_l("What a response must say to be tagged with this theme."),
        filters=[strip_filter, clip(2001)],
        validators=[Length(max=2000)],
    )
    submit = SubmitField(_l("Add theme"), widget=GovSubmitInput())


class ThemeEditForm(ThemeForm):
    response = TextAreaField(
        _l("What the council did about it (You said, we did)"),
        widget=GovTextArea(),
        filters=[strip_filter, clip(4001)],
        validators=[Length(max=4000)],
    )
    submit = SubmitField(_l("Save theme"), widget=GovSubmitInput())


class AcceptForm(BaseForm):
    name = StringField(
        _l("Name for the theme"),
        widget=GovTextInput(),
        filters=[strip_filter, clip(81)],
        validators=[
            InputRequired(message=_l("Enter a name for the theme")),
            Length(max=80, message=NAME_TOO_LONG),
        ],
    )
    tag = BooleanField(_l("Tag these responses with the theme"), widget=GovCheckboxInput())


class ReportForm(BaseForm):
    what_asked = TextAreaField(
        _l("What we asked"),
        widget=GovTextArea(),
        filters=[strip_filter, clip(4001)],
        validators=[InputRequired(message=_l("Say what was asked")), Length(max=4000)],
    )
    how_when = TextAreaField(
        _l("How and when we asked"),
        widget=GovTextArea(),
        filters=[strip_filter, clip(4001)],
        validators=[
            InputRequired(message=_l("Say how and when people were asked")),
            Length(max=4000),
        ],
    )
    young_views = TextAreaField(
        _l("What young people told us (optional)"),
        widget=GovTextArea(),
        filters=[strip_filter, clip(4001)],
        validators=[Length(max=4000)],
    )
    what_next = TextAreaField(
        _l("What happens next"),
        widget=GovTextArea(),
        filters=[strip_filter, clip(4001)],
        validators=[InputRequired(message=_l("Say what happens next")), Length(max=4000)],
    )
    submit = SubmitField(_l("Save the report"), widget=GovSubmitInput())
