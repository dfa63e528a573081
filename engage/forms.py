"""Shared form pieces: GOV.UK widgets with translated labels, and common validators."""

import re
import secrets

from flask import request
from flask_wtf import FlaskForm
from flask_wtf.csrf import _FlaskFormCSRF
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount as _GovCharacterCount,
)
from govuk_frontend_wtf.wtforms_widgets import (
    GovDateInput,
    GovRadioInput,
    GovSelect,
    GovTextArea,
    GovTextInput,
)
from govuk_frontend_wtf.wtforms_widgets import (
    GovPasswordInput as _GovPasswordInput,
)
from govuk_frontend_wtf.wtforms_widgets import (
    GovSubmitInput as _GovSubmitInput,
)
from wtforms import DateField, Form, ValidationError

from engage.extensions import csrf_token
from engage.i18n import _
from engage.urls import as_id

__all__ = [
    "BaseForm",
    "SubForm",
    "GovCharacterCount",
    "GovPasswordInput",
    "GovRadioInput",
    "GovSelect",
    "GovSubmitInput",
    "GovTextArea",
    "GovTextInput",
    "LocalDateInput",
    "PostcodeDistrict",
    "choice_id",
    "clip",
    "issue_submit_token",
    "show_error",
    "strip_filter",
]


class _TranslatedMeta:
    @staticmethod
    def get_translations(form):
        from engage.i18n import wtforms_translations

        return wtforms_translations


class _KeptTokenCSRF(_FlaskFormCSRF):
    """flask-wtf's CSRF for forms, its token the one pages show (signed once a second)."""

    def generate_csrf_token(self, csrf_token_field):
        """The request's token (engage.extensions.csrf_token), made when a form is built, even
        one that is only checked: a vote sent built it afresh, a twentieth of its time."""
        return csrf_token()


class BaseForm(FlaskForm):
    """Every form: CSRF on, and WTForms' own messages in the reader's language."""

    class Meta(_TranslatedMeta):
        csrf_class = _KeptTokenCSRF

        def wrap_formdata(self, form, formdata):
            """The form's fields as sent, as text: never a file or JSON (no form here takes one)."""
            wrapped = super().wrap_formdata(form, formdata)
            # Flask-WTF adds the request's files to its fields, and reads a JSON body as fields,
            # so a file part named like a text field, or a JSON object or list where text is
            # asked for (requests anyone can send), reached the validators as something else.
            if wrapped is not None and wrapped is not formdata:
                return request.form
            return wrapped

    def validate(self, extra_validators=None):
        """Validate; a CSRF failure (a page left open too long) is one clear error atop the form."""
        valid = super().validate(extra_validators)
        token = self._fields.get("csrf_token")
        if token is not None and token.errors:
            token.errors = []
            self.form_errors.append(
                _(
                    "This page was open for too long, so what you entered was not sent. "
                    "Check it and send it again."
                )
            )
        return valid


class SubForm(Form):
    """A form nested in another with FormField: the outer form carries CSRF; messages translated."""

    class Meta(_TranslatedMeta):
        pass


_SUBMIT_TOKEN = re.compile(r"[0-9a-f]{32}")


def issue_submit_token(form) -> None:
    """Make `form.token` (a HiddenField) single use: `form.sent_token` is the token a post came
    with (None: nothing can have been posted from this box before), and a box shown without
    one gets a fresh token, so a second post of the same box (Back, then Send again, or a
    double tap on a slow phone) finds what the first made instead of making a copy."""
    sent = form.token.data or ""
    form.sent_token = sent if _SUBMIT_TOKEN.fullmatch(sent) else None
    if form.sent_token is None:
        form.token.data = secrets.token_hex(16)


def choice_id(value) -> int:
    """`coerce` for a select of ids (0: none chosen): an id a column can hold, else ValueError,
    which WTForms shows as an invalid choice. `int` took "٣٤" and 25-digit numbers, which
    reached the database and failed there where a select does not check its choices."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    if text == "0":
        return 0
    number = as_id(text)
    if number is None:
        raise ValueError(value)
    return number


def show_error(form, err, prefix: str = "") -> None:
    """Put a service's RuleError on the field it names, or atop the form, so the page shows it."""
    # Forms that share a page may name their fields "<prefix>_<field>" to keep every id unique.
    field = None
    if err.field:
        field = getattr(form, f"{prefix}_{err.field}", None) if prefix else None
        field = field or getattr(form, err.field, None)
    if field is not None:
        field.errors = [*field.errors, str(err)]
    else:
        form.form_errors.append(str(err))


# What a field re-shown with its error keeps of what was typed, at least: far more than any
# field allows, so a person who typed too much loses nothing, and far less than a megabyte.
TYPED_KEPT = 5000


def clip(length: int):
    """A filter cutting text to `length` or TYPED_KEPT, whichever is longer: a field re-shown
    with its error keeps what was typed, and never echoes megabytes.

    Give one more than the field's Length(max=...), so the too-long error is always shown.
    """
    limit = max(length, TYPED_KEPT)

    def _clip(value):
        return value[:limit] if isinstance(value, str) else value

    return _clip


def strip_filter(value):
    """Trim surrounding white space from text answers."""
    return value.strip() if isinstance(value, str) else value


def character_count_texts() -> dict:
    """GOV.UK character count's own words ("You have 950 characters remaining"), translated.

    The component reads them from data attributes; without them it speaks English on every page.
    """
    # The msgids are shared with the templates, where a literal % is written %%.
    return {
        "charactersUnderLimitText": {
            "other": _("You have %%{count} characters remaining") % {},
            "one": _("You have %%{count} character remaining") % {},
        },
        "charactersAtLimitText": _("You have 0 characters remaining"),
        "charactersOverLimitText": {
            "other": _("You have %%{count} characters too many") % {},
            "one": _("You have %%{count} character too many") % {},
        },
        "textareaDescriptionText": _("You can enter up to %%{count} characters") % {},
    }


def password_input_texts() -> dict:
    """GOV.UK password input's Show/Hide button and announcements, translated."""
    return {
        "showPasswordText": _("Show"),
        "hidePasswordText": _("Hide"),
        "showPasswordAriaLabelText": _("Show password"),
        "hidePasswordAriaLabelText": _("Hide password"),
        "passwordShownAnnouncementText": _("Your password is visible"),
        "passwordHiddenAnnouncementText": _("Your password is hidden"),
    }


class GovCharacterCount(_GovCharacterCount):
    """GOV.UK character count whose counter speaks the reader's language."""

    def map_gov_params(self, field, **kwargs):
        """The usual parameters, with translated counter texts unless a template gave its own."""
        return {**character_count_texts(), **super().map_gov_params(field, **kwargs)}


class GovSubmitInput(_GovSubmitInput):
    """Every form's button: a second tap within a second is ignored where JavaScript runs (GOV.UK
    Frontend's Button), so a double tap on a slow phone sends the form once. Where it does not
    run, forms that make something carry a single-use token (issue_submit_token)."""

    def map_gov_params(self, field, **kwargs):
        """GOV.UK's button parameters, with preventDoubleClick on unless a page says otherwise."""
        params = super().map_gov_params(field, **kwargs)
        params.setdefault("preventDoubleClick", True)
        return params


class GovPasswordInput(_GovPasswordInput):
    """GOV.UK password input whose Show/Hide button speaks the reader's language."""

    def map_gov_params(self, field, **kwargs):
        """The usual parameters, with translated button texts."""
        return {**password_input_texts(), **super().map_gov_params(field, **kwargs)}


class LocalDateInput(GovDateInput):
    """GOV.UK date input whose Day/Month/Year labels are translated."""

    def map_gov_params(self, field, **kwargs):
        # A hand-made POST may send fewer or more than three parts; show what fits, never fail.
        if field.raw_data is not None and len(field.raw_data) != 3:
            field.raw_data = ([*field.raw_data, "", "", ""])[:3]
        params = super().map_gov_params(field, **kwargs)
        for item, label in zip(params["items"], (_("Day"), _("Month"), _("Year")), strict=True):
            item["label"] = label
        return params


class RealDateField(DateField):
    """A day, month and year that say, in plain words, when they are not a real date.

    WTForms' own message ("Not a valid date value.") names no field and no fix.
    """

    def process_formdata(self, valuelist):
        """Read the three boxes; a date that does not exist gets a plain message."""
        try:
            super().process_formdata(valuelist)
        except ValueError as err:
            raise ValueError(_("Enter a real date, for example 27 3 2026")) from err


_DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?$")
_FULL_POSTCODE = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?\s*[0-9][A-Z]{2}$")


class PostcodeDistrict:
    """Accept only the first half of a postcode (e.g. LU1): enough for the council, not a home."""

    def __call__(self, form, field):
        value = (field.data or "").strip().upper()
        field.data = value or None
        if not value:
            return
        if _FULL_POSTCODE.match(value):
            raise ValidationError(
                _("Enter only the first part of your postcode, like LU1. We do not need the rest.")
            )
        if not _DISTRICT.match(value):
            raise ValidationError(_("Enter the first part of a postcode, like LU1 or LU4."))
