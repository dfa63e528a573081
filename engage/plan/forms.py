"""Staff's forms for boards and plans."""

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput
from wtforms import SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length

from engage.forms import (
    BaseForm,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
    choice_id,
    clip,
    strip_filter,
)
from engage.i18n import _l
from engage.plan.service import DESCRIPTION_MAX, NAME_MAX


def _name():
    return StringField(
        _l("Name"),
        widget=GovTextInput(),
        filters=[strip_filter, clip(NAME_MAX + 1)],
        validators=[
            InputRequired(message=_l("Enter a name")),
            Length(
                max=NAME_MAX,
                message=_l("The name must be %(limit)d characters or fewer", limit=NAME_MAX),
            ),
        ],
    )


def _description():
    return TextAreaField(
        _l("What it is"),
        widget=GovTextArea(),
        filters=[strip_filter, clip(DESCRIPTION_MAX + 1)],
        validators=[
            Length(
                max=DESCRIPTION_MAX,
                message=_l(
                    "The description must be %(limit)d characters or fewer", limit=DESCRIPTION_MAX
                ),
            )
        ],
    )


class BoardForm(BaseForm):
    name = _name()
    description = _description()
    submit = SubmitField(_l("Save"), widget=GovSubmitInput())


class PlanForm(BaseForm):
    name = _name()
    description = _description()
    board_id = SelectField(
        _l("Board that delivers it"),
        widget=GovSelect(),
        coerce=choice_id,
        validators=[InputRequired(message=_l("Choose the board that delivers it"))],
    )
    priority_ids = SelectMultipleField(
        _l("Priorities it serves"), widget=GovCheckboxesInput(), coerce=choice_id
    )
    submit = SubmitField(_l("Save"), widget=GovSubmitInput())
