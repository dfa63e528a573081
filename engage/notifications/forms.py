"""How often to be emailed; following and unfollowing; stopping emails from a link."""

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput
from wtforms import BooleanField, HiddenField, RadioField, SubmitField
from wtforms.validators import AnyOf, InputRequired

from engage.forms import BaseForm, GovRadioInput, GovSubmitInput
from engage.i18n import _l
from engage.notifications.models import Frequency

FREQUENCY_CHOICES = [
    (Frequency.NOW.value, _l("At once")),
    (Frequency.DAILY.value, _l("Once a day")),
    (Frequency.WEEKLY.value, _l("Once a week")),
    (Frequency.NEVER.value, _l("Never")),
]


class SettingsForm(BaseForm):
    """How often to be emailed (adults only: the route drops it for others) and following."""

    frequency = RadioField(
        _l("How often should we email you?"),
        widget=GovRadioInput(),
        description=_l("We email you about replies, decisions and what you follow."),
        choices=FREQUENCY_CHOICES,
        validators=[InputRequired(message=_l("Choose how often we should email you"))],
    )
    follow_when_commenting = BooleanField(
        _l("Follow a proposal when I comment on it"),
        widget=GovCheckboxInput(),
        description=_l(
            "You then hear about replies and the council's decision. "
            "You can stop following any proposal below."
        ),
    )
    # A browser sends nothing for an unticked box: this says the box was on the page, so a
    # form without it (an older page, a script) leaves the choice as it was.
    follow_shown = HiddenField()
    submit = SubmitField(_l("Save"), widget=GovSubmitInput())


class FollowForm(BaseForm):
    """Follow (1) or stop following (0) a proposal or a priority."""

    follow = HiddenField(validators=[AnyOf(["0", "1"])])


class UnsubscribeForm(BaseForm):
    """Stop every notification email, from the link in one."""

    submit = SubmitField(_l("Stop these emails"), widget=GovSubmitInput())
