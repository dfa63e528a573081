"""The vote form."""

from wtforms import RadioField, SubmitField
from wtforms.validators import InputRequired

from engage.forms import BaseForm, GovRadioInput, GovSubmitInput
from engage.i18n import _l
from engage.votes.models import VoteChoice

CHOICE_LABELS = {
    VoteChoice.AGREE: _l("Agree"),
    VoteChoice.DISAGREE: _l("Disagree"),
    VoteChoice.UNSURE: _l("Not sure"),
}


class VoteForm(BaseForm):
    choice = RadioField(
        _l("What do you think of this proposal?"),
        widget=GovRadioInput(),
        choices=[(c.value, label) for c, label in CHOICE_LABELS.items()],
        validators=[InputRequired(message=_l("Choose agree, disagree or not sure"))],
    )
    submit = SubmitField(_l("Save my vote"), widget=GovSubmitInput())
