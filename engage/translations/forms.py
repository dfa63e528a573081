"""The translation form: one box per field of an item and its parts, built for that item."""

from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from engage.forms import BaseForm, GovSubmitInput, GovTextArea, GovTextInput, strip_filter
from engage.i18n import _l


def _max_length(state) -> int | None:
    column = state.obj.__table__.c[state.field.name]
    return getattr(column.type, "length", None)


def translation_form(states, **kwargs) -> BaseForm:
    """A form with a box for every field that has English text to translate."""

    class TranslationForm(BaseForm):
        submit = SubmitField(_l("Save translation"), widget=GovSubmitInput())

    for state in states:
        if not state.needed:
            continue
        validators = [Optional()]
        limit = _max_length(state)
        if limit:
            validators.append(
                Length(
                    max=limit,
                    message=_l("The translation must be %(max)d characters or fewer", max=limit),
                )
            )
        field_class = TextAreaField if state.field.multiline else StringField
        widget = GovTextArea() if state.field.multiline else GovTextInput()
        setattr(
            TranslationForm,
            state.key,
            field_class(
                state.field.label,
                widget=widget,
                filters=[strip_filter],
                validators=validators,
                default=state.translation.text if state.translation else "",
            ),
        )
    return TranslationForm(**kwargs)
