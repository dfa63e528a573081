"""Officers' forms for surveys, questions and join codes; respondents' pages are per question."""

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovCheckboxInput
from wtforms import (
    BooleanField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Email, InputRequired, Length, Optional, Regexp

from engage.accounts.forms import age_band_label
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
    choice_id,
    strip_filter,
)
from engage.i18n import _l
from engage.surveys.models import AGE_ORDER, Audience, QuestionKind, RatingScale, SurveyStatus


def _date(label, description=None):
    return RealDateField(
        label,
        widget=LocalDateInput(),
        format="%d %m %Y",
        description=description,
        validators=[Optional()],
    )


_BAND_CHOICES = [("", _l("Choose an age group"))] + [
    (b.value, age_band_label(b)) for b in AGE_ORDER
]


class SurveyForm(BaseForm):
    title = StringField(
        _l("Title"),
        widget=GovTextInput(),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Enter a title")), Length(max=160)],
    )
    introduction = TextAreaField(
        _l("Introduction"),
        widget=GovTextArea(),
        description=_l(
            "What the survey is about, why it matters and how long it takes. Plain words."
        ),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Write an introduction")), Length(max=5000)],
    )
    audience = RadioField(
        _l("Who is it for?"),
        widget=GovRadioInput(),
        choices=[
            (Audience.EVERYONE.value, _l("Everyone")),
            (Audience.YOUNG_PEOPLE.value, _l("Young people (aged 24 and under)")),
            (Audience.AGE_RANGE.value, _l("An age range")),
        ],
        validators=[InputRequired(message=_l("Choose who the survey is for"))],
    )
    # A choice left empty is optional; one of only spaces is no choice offered (Optional() would
    # take it as empty and drop the "Not a valid choice" error, passing the spaces on).
    min_age_band = SelectField(
        _l("Youngest age group (for an age range)"),
        widget=GovSelect(),
        choices=_BAND_CHOICES,
        validators=[Optional(strip_whitespace=False)],
    )
    max_age_band = SelectField(
        _l("Oldest age group (for an age range)"),
        widget=GovSelect(),
        choices=_BAND_CHOICES,
        validators=[Optional(strip_whitespace=False)],
    )
    anonymous = RadioField(
        _l("Is it anonymous?"),
        widget=GovRadioInput(),
        description=_l(
            "Anonymous surveys need no account and store nothing that identifies anyone. "
            "Under-13s can only take anonymous surveys."
        ),
        choices=[
            ("yes", _l("Yes, anonymous (recommended for young people)")),
            ("no", _l("No, people sign in and answer once")),
        ],
        validators=[InputRequired(message=_l("Choose whether the survey is anonymous"))],
    )
    priority_id = SelectField(
        _l("Priority"),
        widget=GovSelect(),
        coerce=choice_id,
        validators=[InputRequired(message=_l("Choose a priority"))],
    )
    proposal_id = SelectField(
        _l("Proposal (optional)"), widget=GovSelect(), coerce=choice_id, validators=[Optional()]
    )
    opens_on = _date(_l("Opens (optional)"), description=_l("For example, 27 3 2026"))
    closes_on = _date(_l("Closes (needed before it goes live)"), _l("For example, 27 4 2026"))
    results_due = _date(
        _l("Results shown by (optional)"),
        description=_l("People are told this date when they finish the survey."),
    )
    what_next = TextAreaField(
        _l("What happens next (optional)"),
        widget=GovTextArea(),
        description=_l("Shown when people finish: who reads the answers and what they decide."),
        filters=[strip_filter],
        validators=[Optional(), Length(max=2000)],
    )
    status = RadioField(
        _l("Status"),
        widget=GovRadioInput(),
        choices=[
            (SurveyStatus.DRAFT.value, _l("Draft: only staff can see it")),
            (SurveyStatus.LIVE.value, _l("Live: people can answer it")),
            (SurveyStatus.CLOSED.value, _l("Closed: no more answers")),
        ],
        validators=[InputRequired(message=_l("Choose a status"))],
    )
    submit = SubmitField(_l("Save survey"), widget=GovSubmitInput())


KIND_CHOICES = [
    (QuestionKind.SINGLE.value, _l("Single choice: pick one option")),
    (QuestionKind.MULTIPLE.value, _l("Multiple choice: pick any options")),
    (QuestionKind.RATING.value, _l("Rating scale: 1 to 5 with words")),
    (QuestionKind.YES_NO.value, _l("Yes, no or not sure")),
    (QuestionKind.SHORT_TEXT.value, _l("Short text answer")),
    (QuestionKind.LONG_TEXT.value, _l("Long text answer")),
    (QuestionKind.RANKING.value, _l("Ranking: put options in order")),
]


class QuestionForm(BaseForm):
    kind = RadioField(
        _l("Kind of question"),
        widget=GovRadioInput(),
        choices=KIND_CHOICES,
        validators=[InputRequired(message=_l("Choose the kind of question"))],
    )
    text = StringField(
        _l("Question"),
        widget=GovTextInput(),
        filters=[strip_filter],
        validators=[
            InputRequired(message=_l("Enter the question")),
            Length(max=300, message=_l("The question must be 300 characters or fewer")),
        ],
    )
    hint = StringField(
        _l("Hint (optional)"),
        widget=GovTextInput(),
        filters=[strip_filter],
        validators=[Optional(), Length(max=500)],
    )
    options = TextAreaField(
        _l("Options (for choice and ranking questions)"),
        widget=GovTextArea(),
        description=_l("One option on each line."),
        validators=[Optional(), Length(max=3000)],
    )
    required = RadioField(
        _l("Must people answer it?"),
        widget=GovRadioInput(),
        choices=[
            ("yes", _l("Yes, it is required")),
            ("no", _l("No, it is optional and people can skip it")),
        ],
        default="yes",
        validators=[InputRequired(message=_l("Choose whether the question is required"))],
    )
    personal = BooleanField(
        _l("It asks about something personal (offer “Prefer not to say”)"),
        widget=GovCheckboxInput(),
    )
    allow_other = BooleanField(
        _l("Multiple choice: add an “Other” option with a text box"), widget=GovCheckboxInput()
    )
    scale = RadioField(
        _l("Rating scale: the words from 1 to 5"),
        widget=GovRadioInput(),
        choices=[
            (RatingScale.QUALITY.value, _l("Quality: Very bad to Very good")),
            (
                RatingScale.IMPORTANCE.value,
                _l("Importance: Not at all important to Very important"),
            ),
            (RatingScale.AGREEMENT.value, _l("Agreement: Strongly disagree to Strongly agree")),
            (
                RatingScale.SATISFACTION.value,
                _l("Satisfaction: Very dissatisfied to Very satisfied"),
            ),
        ],
        default=RatingScale.QUALITY.value,
        validators=[Optional(strip_whitespace=False)],
    )
    faces = BooleanField(_l("Rating scale: show faces beside the words"), widget=GovCheckboxInput())
    condition = SelectMultipleField(
        _l("Only ask this question when (optional)"),
        widget=GovCheckboxesInput(),
        description=_l("Leave all unticked to ask everyone. Tick answers to one earlier question."),
        choices=[],
        validate_choice=False,
    )
    submit = SubmitField(_l("Save question"), widget=GovSubmitInput())


class JoinCodeForm(BaseForm):
    label = StringField(
        _l("Group name"),
        widget=GovTextInput(),
        description=_l("For example: Year 8, Challney High School. Only staff see it."),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Name the group")), Length(max=80)],
    )
    expires_on = _date(_l("Code stops working after (optional)"), _l("For example, 27 4 2026"))
    # Whom the council's safeguarding lead contacts if an answer suggests a child may be at risk.
    adult_name = StringField(
        _l("Responsible adult's name"),
        widget=GovTextInput(),
        description=_l(
            "For a school, its designated safeguarding lead. Only safeguarding leads see this."
        ),
        filters=[strip_filter],
        validators=[
            InputRequired(message=_l("Enter the name of the group's responsible adult")),
            Length(max=120),
        ],
    )
    adult_role = StringField(
        _l("Their role (optional)"),
        widget=GovTextInput(),
        description=_l("For example: Designated safeguarding lead, Challney High School"),
        filters=[strip_filter],
        validators=[Optional(), Length(max=120)],
    )
    adult_email = StringField(
        _l("Their email address"),
        widget=GovTextInput(),
        description=_l("Give an email address, a phone number or both."),
        filters=[strip_filter],
        validators=[
            Optional(),
            Length(max=254),
            Email(
                message=_l("Enter an email address in the correct format, like name@example.com")
            ),
        ],
    )
    adult_phone = StringField(
        _l("Their phone number"),
        widget=GovTextInput(),
        filters=[strip_filter],
        validators=[
            Optional(),
            Length(max=40),
            Regexp(
                r"^\+?[0-9 ()-]{6,40}$",
                message=_l("Enter a phone number, like 01582 546000"),
            ),
        ],
    )
    submit = SubmitField(_l("Make a join code"), widget=GovSubmitInput())


class CodeEntryForm(BaseForm):
    """The short code a youth worker gives a group."""

    class Meta:
        csrf = False  # a GET form that only looks a code up

    code = StringField(
        _l("Enter your code"),
        widget=GovTextInput(),
        description=_l("Your teacher or youth worker gave you a short code, like K7P2."),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Enter the code you were given")), Length(max=12)],
    )


class ButtonForm(BaseForm):
    """A POST button: only the CSRF token."""


__all__ = [
    "ButtonForm",
    "CodeEntryForm",
    "GovCharacterCount",
    "JoinCodeForm",
    "QuestionForm",
    "SurveyForm",
]
