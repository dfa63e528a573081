"""Officers' forms: themes, tagging, suggestions and the report."""

import re

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput
from wtforms import BooleanField, FieldList, FormField, StringField, SubmitField, TextAreaField
from wtforms.validators import URL, InputRequired, Length, Regexp

from engage.forms import (
    BaseForm,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
    SubForm,
    clip,
    strip_filter,
)
from engage.i18n import _, _l

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


def parse_share(text: str) -> int | None:
    """A share typed as "12.5", "12,5" or "12.5%" in hundredths of a per cent; None if not one."""
    value = (text or "").strip().rstrip("%").strip().replace(",", ".")
    if not re.fullmatch(r"[0-9]{1,3}(\.[0-9]{1,2})?", value):
        return None
    whole, _dot, part = value.partition(".")
    return int(whole) * 100 + int((part + "00")[:2])


def share_text(hundredths: int) -> str:
    """A stored share as an officer would type it: 1250 as "12.5", 1200 as "12"."""
    whole, part = divmod(hundredths, 100)
    return f"{whole}.{part:02d}".rstrip("0").rstrip(".")


class ShareRow(SubForm):
    """One group and its share of Luton's population."""

    group = StringField(widget=GovTextInput(), filters=[strip_filter, clip(9)])
    share = StringField(widget=GovTextInput(), filters=[strip_filter, clip(12)])


class ReferencePopulationForm(BaseForm):
    """Luton's population for one breakdown, and the source it was copied from."""

    publisher = StringField(
        _l("Publisher"),
        widget=GovTextInput(),
        description=_l("For example: Office for National Statistics"),
        filters=[strip_filter, clip(201)],
        validators=[
            InputRequired(message=_l("Enter who published the figures")),
            Length(
                max=200, message=_l("The publisher must be %(max)d characters or fewer", max=200)
            ),
        ],
    )
    title = StringField(
        _l("Name of the data set"),
        widget=GovTextInput(),
        description=_l(
            "As the publisher names it, for example: Census 2021, age by five-year band"
        ),
        filters=[strip_filter, clip(301)],
        validators=[
            InputRequired(message=_l("Enter the name of the data set")),
            Length(max=300, message=_l("The name must be %(max)d characters or fewer", max=300)),
        ],
    )
    year = StringField(
        _l("Year of the figures"),
        widget=GovTextInput(),
        filters=[strip_filter, clip(5)],
        validators=[
            InputRequired(message=_l("Enter the year of the figures, like 2021")),
            Regexp(r"^(19|20)[0-9]{2}$", message=_l("Enter the year of the figures, like 2021")),
        ],
    )
    url = StringField(
        _l("Web address of the data set"),
        widget=GovTextInput(),
        description=_l("So that anyone can check the figures. It must start with https://"),
        filters=[strip_filter, clip(501)],
        validators=[
            InputRequired(message=_l("Enter the web address of the data set")),
            Length(max=500, message=_l("The address must be %(max)d characters or fewer", max=500)),
            URL(message=_l("Enter a web address that starts with https://")),
            Regexp(r"^https?://", message=_l("Enter a web address that starts with https://")),
        ],
    )
    shares = FieldList(FormField(ShareRow), min_entries=1, max_entries=40)
    submit = SubmitField(_l("Save the figures"), widget=GovSubmitInput())

    def __init__(self, *args, breakdown=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.breakdown = breakdown
        self.parsed: dict[str, int] = {}

    def _row_error(self, index: int, name: str, message: str) -> None:
        field = getattr(self.shares[index].form, name)
        field.errors = [*field.errors, message]

    def validate(self, extra_validators=None):
        """The source, then each row, then the total: each error beside the box to fix."""
        from engage.accounts.forms import age_band_label
        from engage.accounts.models import AgeBand
        from engage.analysis.models import PopulationBreakdown
        from engage.analysis.population import (
            AGE_GROUPS,
            FULL,
            TOLERANCE,
            format_share,
            known_group,
        )

        valid = super().validate(extra_validators)
        age = self.breakdown is PopulationBreakdown.AGE
        seen: dict[str, int] = {}
        for entry in self.shares:
            row = entry.form
            group = (row.group.data or "").strip().upper() if not age else row.group.data or ""
            row.group.data = group
            share_text = row.share.data or ""
            if not age and not group and not share_text:
                continue  # a spare blank row
            if not age and not group:
                row.group.errors = [*row.group.errors, _("Enter the postcode district, like LU1")]
                valid = False
                continue
            if not known_group(self.breakdown, group):
                message = (
                    _("This is not one of the site's age groups")
                    if age
                    else _("Enter a postcode district, like LU1 or LU4")
                )
                row.group.errors = [*row.group.errors, message]
                valid = False
                continue
            if group in seen:
                row.group.errors = [*row.group.errors, _("%(group)s is entered twice", group=group)]
                valid = False
                continue
            name = str(age_band_label(AgeBand(group))) if age else group
            value = parse_share(share_text)
            if not share_text:
                row.share.errors = [
                    *row.share.errors,
                    _("Enter the share for %(group)s", group=name),
                ]
                valid = False
            elif value is None or value > FULL:
                row.share.errors = [
                    *row.share.errors,
                    _("Enter a share between 0 and 100 for %(group)s, like 12.5", group=name),
                ]
                valid = False
            seen[group] = value if value is not None else 0
        rows_valid = not any(e.form.errors for e in self.shares)
        if not seen and rows_valid:
            self._row_error(0, "group", _("Enter at least one district and its share"))
        elif age and rows_valid and set(seen) != set(AGE_GROUPS):
            self._row_error(0, "share", _("Enter a share for every age group"))
        elif rows_valid and abs(sum(seen.values()) - FULL) > TOLERANCE:
            message = _(
                "The shares add up to %(total)s; they must add up to 100%% (give or take 1)",
                total=format_share(sum(seen.values())),
            )
            self._row_error(0, "share", message)
        # FieldList keeps the errors it saw while validating; show the ones added since.
        self.shares.errors = [e.errors for e in self.shares.entries]
        if not any(self.shares.errors):
            self.shares.errors = []
        if not valid or self.shares.errors:
            return False
        self.parsed = seen
        return True
