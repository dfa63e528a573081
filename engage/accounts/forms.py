"""Sign-up, sign-in and password forms."""

from wtforms import EmailField, PasswordField, RadioField, StringField, SubmitField
from wtforms.validators import Email, EqualTo, InputRequired, Length, Optional

from engage.accounts.class_signup import KnownClassCode
from engage.accounts.models import ACCOUNT_AGE_BANDS, YOUNG_PERSON_AGE_BANDS, AgeBand, Connection
from engage.accounts.usernames import UsernameRules
from engage.forms import (
    BaseForm,
    GovPasswordInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextInput,
    PostcodeDistrict,
    strip_filter,
)
from engage.i18n import _l

PASSWORD_MIN = 10


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


def _password_field(label=None):
    return PasswordField(
        label or _l("Password"),
        widget=GovPasswordInput(),
        description=_l(
            "At least %(count)d characters. A few words together work well.", count=PASSWORD_MIN
        ),
        validators=[
            InputRequired(message=_l("Enter a password")),
            Length(
                min=PASSWORD_MIN,
                max=200,
                message=_l(
                    "Your password must be at least %(count)d characters", count=PASSWORD_MIN
                ),
            ),
        ],
    )


def _connection_field():
    return RadioField(
        _l("What is your connection to Luton?"),
        widget=GovRadioInput(),
        choices=[(c.value, label) for c, label in CONNECTION_LABELS.items()],
        validators=[InputRequired(message=_l("Choose your connection to Luton"))],
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
    email = EmailField(
        _l("Email address"),
        widget=GovTextInput(),
        filters=[strip_filter],
        validators=[
            InputRequired(message=_l("Enter your email address")),
            Length(max=254),
            Email(
                message=_l("Enter an email address in the correct format, like name@example.com")
            ),
        ],
    )
    display_name = StringField(
        _l("Name to show on your comments (optional)"),
        widget=GovTextInput(),
        description=_l("Leave this empty to be shown by a made-up name instead."),
        filters=[strip_filter],
        validators=[
            Optional(),
            Length(max=60, message=_l("Your name must be 60 characters or fewer")),
        ],
    )
    password = _password_field()
    age_band = RadioField(
        _l("How old are you?"),
        widget=GovRadioInput(),
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
    password = _password_field()
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
        filters=[strip_filter],
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
    email = EmailField(
        _l("Email address"),
        widget=GovTextInput(),
        filters=[strip_filter],
        validators=[
            InputRequired(message=_l("Enter your email address")),
            Email(
                message=_l("Enter an email address in the correct format, like name@example.com")
            ),
        ],
    )
    submit = SubmitField(_l("Send reset link"), widget=GovSubmitInput())


class ResetPasswordForm(BaseForm):
    password = _password_field(_l("New password"))
    confirm = PasswordField(
        _l("Type your new password again"),
        widget=GovPasswordInput(),
        validators=[
            InputRequired(message=_l("Type your new password again")),
            EqualTo("password", message=_l("The passwords do not match")),
        ],
    )
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
    password = _password_field(_l("New password"))
    submit = SubmitField(_l("Reset password"), widget=GovSubmitInput())
