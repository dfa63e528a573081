"""Officers' forms for proposals, outcomes and priorities."""

from wtforms import (
    FieldList,
    FormField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
    URLField,
)
from wtforms.validators import URL, InputRequired, Length, Optional

from engage.forms import (
    BaseForm,
    GovCharacterCount,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
    LocalDateInput,
    RealDateField,
    SubForm,
    choice_id,
    strip_filter,
)
from engage.i18n import _l
from engage.proposals.models import ProposalStatus


class DocumentForm(SubForm):
    """One supporting document: a title and a link (both or neither)."""

    title = StringField(
        _l("Document title"),
        widget=GovTextInput(),
        filters=[strip_filter],
        validators=[Optional(), Length(max=200)],
    )
    url = URLField(
        _l("Link to the document"),
        widget=GovTextInput(),
        filters=[strip_filter],
        validators=[
            Optional(),
            Length(max=500),
            URL(message=_l("Enter a full web address, starting https://")),
        ],
    )

    def validate(self, extra_validators=None):
        """Check each field, then that a title and a link come together."""
        # Not an inline validate_url: Optional() stops the chain on an empty link, so a title
        # without a link would slip through and be saved as a document with no address.
        valid = super().validate(extra_validators)
        if bool(self.title.data) != bool(self.url.data):
            missing = self.url if self.title.data else self.title
            missing.errors = [
                *missing.errors,
                str(_l("Give both a title and a link, or leave both empty")),
            ]
            return False
        return valid


def _date(label, required=False, description=None):
    validators = [InputRequired(message=_l("Enter a date"))] if required else [Optional()]
    return RealDateField(
        label,
        widget=LocalDateInput(),
        format="%d %m %Y",
        description=description,
        validators=validators,
    )


class ProposalForm(BaseForm):
    title = StringField(
        _l("Title"),
        widget=GovTextInput(),
        filters=[strip_filter],
        validators=[
            InputRequired(message=_l("Enter a title")),
            Length(max=160, message=_l("The title must be 160 characters or fewer")),
        ],
    )
    summary = TextAreaField(
        _l("Summary"),
        widget=GovCharacterCount(),
        description=_l("One or two sentences shown in lists."),
        filters=[strip_filter],
        validators=[
            InputRequired(message=_l("Enter a summary")),
            Length(max=400, message=_l("The summary must be 400 characters or fewer")),
        ],
    )
    youth_summary = TextAreaField(
        _l("Summary for young people"),
        widget=GovCharacterCount(),
        description=_l("Plain words a 12-year-old understands. Young people see this first."),
        filters=[strip_filter],
        validators=[
            InputRequired(message=_l("Enter a summary for young people")),
            Length(max=400, message=_l("The summary must be 400 characters or fewer")),
        ],
    )
    body = TextAreaField(
        _l("Full proposal"),
        widget=GovTextArea(),
        description=_l("Background, the options and their costs. You can use Markdown."),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Enter the full proposal")), Length(max=20000)],
    )
    priority_id = SelectField(
        _l("Priority"),
        widget=GovSelect(),
        coerce=choice_id,
        validators=[InputRequired(message=_l("Choose a priority"))],
    )
    plan_id = SelectField(
        _l("Delivered through (optional)"),
        widget=GovSelect(),
        coerce=choice_id,
        validators=[Optional()],
    )
    who_decides = StringField(
        _l("Who decides"),
        widget=GovTextInput(),
        description=_l("For example: the Executive of Luton Borough Council."),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Say who makes the decision")), Length(max=200)],
    )
    opens_on = _date(_l("Consultation opens (optional)"), description=_l("For example, 27 3 2026"))
    closes_on = _date(
        _l("Consultation closes (optional for drafts)"), description=_l("For example, 27 4 2026")
    )
    decision_due = _date(_l("Decision due (optional)"))
    status = RadioField(
        _l("Status"),
        widget=GovRadioInput(),
        choices=[
            (ProposalStatus.DRAFT.value, _l("Draft: only staff can see it")),
            (ProposalStatus.OPEN.value, _l("Open: people can comment and vote")),
            (ProposalStatus.CLOSED.value, _l("Closed: decision pending")),
        ],
        validators=[InputRequired(message=_l("Choose a status"))],
    )
    documents = FieldList(FormField(DocumentForm), min_entries=3, max_entries=3)
    submit = SubmitField(_l("Save proposal"), widget=GovSubmitInput())


class OutcomeForm(BaseForm):
    you_said = TextAreaField(
        _l("You said"),
        widget=GovTextArea(),
        description=_l(
            "What people told us, with numbers: how many took part and what most of them said."
        ),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Say what people told us")), Length(max=5000)],
    )
    we_did = TextAreaField(
        _l("We did"),
        widget=GovTextArea(),
        description=_l("What was decided."),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Say what was decided")), Length(max=5000)],
    )
    why = TextAreaField(
        _l("Why"),
        widget=GovTextArea(),
        description=_l("The reasons, including where the decision differs from what people said."),
        filters=[strip_filter],
        validators=[
            InputRequired(message=_l("Give the reasons for the decision")),
            Length(max=5000),
        ],
    )
    submit = SubmitField(_l("Publish outcome"), widget=GovSubmitInput())


class PriorityForm(BaseForm):
    title = StringField(
        _l("Name"),
        widget=GovTextInput(),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Enter a name")), Length(max=120)],
    )
    description = TextAreaField(
        _l("Description"),
        widget=GovTextArea(),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Enter a description")), Length(max=2000)],
    )
    youth_description = TextAreaField(
        _l("Description for young people"),
        widget=GovTextArea(),
        filters=[strip_filter],
        validators=[
            InputRequired(message=_l("Enter a description for young people")),
            Length(max=1000),
        ],
    )
    submit = SubmitField(_l("Save priority"), widget=GovSubmitInput())
