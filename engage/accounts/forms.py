"""Sign-up, sign-in and password forms."""

from flask_login import current_user
from wtforms import EmailField, PasswordField, RadioField, StringField, SubmitField
from wtforms.validators import (
    Email,
    EqualTo,
    InputRequired,
    Length,
    Optional,
    StopValidation,
)

from engage.accounts.class_signup import KnownClassCode
from engage.accounts.models import ACCOUNT_AGE_BANDS, YOUNG_PERSON_AGE_BANDS, AgeBand, Connection
from engage.accounts.passwords import password_problem
from engage.accounts.usernames import UsernameRules
from engage.forms import (
    BaseForm,
    GovPasswordInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
    PostcodeDistrict,
    clip,
    strip_filter,
)
from engage.i18n import _l

PASSWORD_MIN = 10
PASSWORD_MAX = 200


def age_band_label(band: AgeBand) -> str:
    """How an age band reads in a form or a table."""
    labels = {
        AgeBand.UNDER_13: _l("Under 13"),
        AgeBand.B13_15: _l("13 to 15"),
        AgeBand.B16_17: _l("16 to 17"),
        AgeBand.B18_24: _l("18 to 24"),
        AgeBand.B25_44: _l("25 to 44"),
        AgeBand.B45_64: _l("45 to 64"),
        AgeBand.B65_PLUS: _l("65 or over"),
        AgeBand.PREFER_NOT: _l("Prefer not to say"),
    }
    return labels[AgeBand(band)]


CONNECTION_LABELS = {
    Connection.LIVE: _l("I live in Luton"),
    Connection.WORK: _l("I work in Luton"),
    Connection.STUDY: _l("I study in Luton"),
    Connection.OTHER: _l("Other"),
}


class HardToGuess:
    """Refuse guessable passwords; the person's own details in the form count as guessable.

    A form may also carry `user_inputs` (the signed-in person's or a reset link's details).
    """

    def __init__(self, *field_names: str):
        self.field_names = field_names

    def __call__(self, form, field):
        inputs = [form[name].data for name in self.field_names if name in form]
        inputs += list(getattr(form, "user_inputs", []) or [])
        if current_user and current_user.is_authenticated:
            inputs += [current_user.email, current_user.username, current_user.display_name]
        problem = password_problem(field.data or "", [str(v) for v in inputs if v])
        if problem:
            raise StopValidation(problem)


def _password_field(label=None, inputs=()):
    return PasswordField(
        label or _l("Password"),
        widget=GovPasswordInput(),
        description=_l(
            "At least %(count)d characters. A few words together work well: common passwords, "
            "patterns like a word and numbers, and your own details are refused.",
            count=PASSWORD_MIN,
        ),
        validators=[
            InputRequired(message=_l("Enter a password")),
            Length(
                min=PASSWORD_MIN,
                message=_l(
                    "Your password must be at least %(count)d characters", count=PASSWORD_MIN
                ),
            ),
            # Its own message: a password too long is not one too short.
            Length(
                max=PASSWORD_MAX,
                message=_l("Your password must be %(max)d characters or fewer", max=PASSWORD_MAX),
            ),
            HardToGuess(*inputs),
        ],
    )


def _connection_field():
    return RadioField(
        _l("What is your connection to Luton?"),
        widget=GovRadioInput(),
        choices=[(c.value, label) for c, label in CONNECTION_LABELS.items()],
        validators=[InputRequired(message=_l("Choose your connection to Luton"))],
    )


def confirm_password_field():
    """The new password typed again, which must match the `password` field."""
    return PasswordField(
        _l("Type your new password again"),
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message=_l("Type your new password again")),
            EqualTo("password", message=_l("The passwords do not match")),
        ],
    )


def email_field(label, required_message):
    """An email address field: required, at most 254 characters, in the usual format."""
    return EmailField(
        label,
        widget=GovTextInput(),
        filters=[strip_filter],
        validators=[
            InputRequired(message=required_message),
            Length(max=254),
            Email(
                message=_l("Enter an email address in the correct format, like name@example.com")
            ),
        ],
    )


def _display_name_field():
    return StringField(
        _l("Name to show on your comments (optional)"),
        widget=GovTextInput(),
        description=_l("Leave this empty to be shown by a made-up name instead."),
        filters=[strip_filter],
        validators=[
            Optional(),
            Length(max=60, message=_l("Your name must be 60 characters or fewer")),
        ],
    )


def _district_field():
    return StringField(
        _l("Postcode district (optional)"),
        widget=GovTextInput(),
        description=_l(
            "Only the first part, like LU1 or LU4. This helps us see which areas have answered."
        ),
        filters=[strip_filter],
        validators=[Optional(), Length(max=8), PostcodeDistrict()],
    )


class AdultSignUpForm(BaseForm):
    email = email_field(_l("Email address"), _l("Enter your email address"))
    display_name = _display_name_field()
    password = _password_field(inputs=("email", "display_name"))
    age_band = RadioField(
        _l("How old are you?"),
        widget=GovRadioInput(),
        description=_l(
            "If you prefer not to say, a moderator reads your comments before others see them, "
            "as for young people."
        ),
        choices=[(b.value, age_band_label(b)) for b in ACCOUNT_AGE_BANDS if not b.is_child],
        validators=[InputRequired(message=_l("Choose your age group"))],
    )
    connection = _connection_field()
    postcode_district = _district_field()
    submit = SubmitField(_l("Create account"), widget=GovSubmitInput())


class YoungSignUpForm(BaseForm):
    username = StringField(
        _l("Choose a username"),
        widget=GovTextInput(),
        description=_l("You use this to sign in. Nobody else sees it. Do not use your real name."),
        filters=[strip_filter],
        validators=[
            InputRequired(message=_l("Choose a username")),
            Length(min=3, max=30, message=_l("Your username must be 3 to 30 characters")),
            # Letters of any one script (Urdu, Bengali...), not only A to Z.
            UsernameRules(),
        ],
    )
    password = _password_field(inputs=("username",))
    # A class signing up together types its join code: its sign-ups count against the code's own
    # allowance, not the school's one internet address (engage/accounts/class_signup.py).
    class_code = StringField(
        _l("Class code (optional)"),
        widget=GovTextInput(),
        description=_l("If your teacher or youth worker gave your group a code, type it here."),
        filters=[strip_filter],
        validators=[Optional(), Length(max=12), KnownClassCode()],
    )
    age_band = RadioField(
        _l("How old are you?"),
        widget=GovRadioInput(),
        choices=[(b.value, age_band_label(b)) for b in YOUNG_PERSON_AGE_BANDS],
        validators=[InputRequired(message=_l("Choose your age group"))],
    )
    connection = _connection_field()
    postcode_district = _district_field()
    submit = SubmitField(_l("Create account"), widget=GovSubmitInput())


class SignInForm(BaseForm):
    login = StringField(
        _l("Email address or username"),
        widget=GovTextInput(),
        filters=[clip(255), strip_filter],
        validators=[
            InputRequired(message=_l("Enter your email address or username")),
            Length(max=254),
        ],
    )
    password = PasswordField(
        _l("Password"),
        widget=GovPasswordInput(),
        validators=[InputRequired(message=_l("Enter your password")), Length(max=200)],
    )
    submit = SubmitField(_l("Sign in"), widget=GovSubmitInput())


class ChangePasswordForm(BaseForm):
    current_password = PasswordField(
        _l("Current password"),
        widget=GovPasswordInput(),
        validators=[InputRequired(message=_l("Enter your current password"))],
    )
    password = _password_field(_l("New password"))
    submit = SubmitField(_l("Change password"), widget=GovSubmitInput())


class ForgotPasswordForm(BaseForm):
    email = email_field(_l("Email address"), _l("Enter your email address"))
    submit = SubmitField(_l("Send reset link"), widget=GovSubmitInput())


class ResetPasswordForm(BaseForm):
    password = _password_field(_l("New password"))
    confirm = confirm_password_field()
    submit = SubmitField(_l("Save new password"), widget=GovSubmitInput())


class RecoverForm(BaseForm):
    username = StringField(
        _l("Username"),
        widget=GovTextInput(),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Enter your username")), Length(max=40)],
    )
    code = StringField(
        _l("Recovery code"),
        widget=GovTextInput(),
        description=_l("The code you were given when you made your account, like 1A2B-3C4D-5E6F."),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Enter your recovery code")), Length(max=40)],
    )
    password = _password_field(_l("New password"), inputs=("username",))
    submit = SubmitField(_l("Reset password"), widget=GovSubmitInput())


class SecondFactorForm(BaseForm):
    code = StringField(
        _l("Code"),
        widget=GovTextInput(),
        description=_l(
            "The 6-digit code from your authenticator app, or one of your recovery codes."
        ),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Enter the code")), Length(max=20)],
    )
    submit = SubmitField(_l("Continue"), widget=GovSubmitInput())


class EnrolForm(BaseForm):
    code = StringField(
        _l("Code from your authenticator app"),
        widget=GovTextInput(),
        description=_l("6 digits, like 123456."),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Enter the code")), Length(max=20)],
    )
    submit = SubmitField(_l("Turn on two-step sign-in"), widget=GovSubmitInput())


class DetailsForm(BaseForm):
    """Correcting one's own details; young people's version drops the name (see routes)."""

    display_name = _display_name_field()
    age_band = RadioField(
        _l("How old are you?"),
        widget=GovRadioInput(),
        validators=[InputRequired(message=_l("Choose your age group"))],
    )
    postcode_district = _district_field()
    submit = SubmitField(_l("Save your details"), widget=GovSubmitInput())

    def offer_bands(self, young: bool) -> None:
        """Young people choose between their two bands; adults among the adult ones."""
        bands = (
            YOUNG_PERSON_AGE_BANDS if young else [b for b in ACCOUNT_AGE_BANDS if not b.is_child]
        )
        self.age_band.choices = [(b.value, age_band_label(b)) for b in bands]
        if young:
            del self.display_name


class ChangeEmailForm(BaseForm):
    email = email_field(_l("New email address"), _l("Enter your new email address"))
    current_password = PasswordField(
        _l("Current password"),
        widget=GovPasswordInput(),
        validators=[InputRequired(message=_l("Enter your current password"))],
    )
    submit = SubmitField(_l("Send a confirmation link"), widget=GovSubmitInput())


class ConfirmEmailForm(BaseForm):
    submit = SubmitField(_l("Confirm my email address"), widget=GovSubmitInput())


class ResendVerificationForm(BaseForm):
    submit = SubmitField(_l("Send the link again"), widget=GovSubmitInput())
