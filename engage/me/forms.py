"""Confirmation forms: a button each, so deleting is a deliberate POST."""

from wtforms import SubmitField

from engage.forms import BaseForm, GovSubmitInput
from engage.i18n import _l


class DeleteCommentForm(BaseForm):
    submit = SubmitField(_l("Yes, delete this comment"), widget=GovSubmitInput())


class DeleteEverythingForm(BaseForm):
    submit = SubmitField(_l("Yes, delete everything I have written"), widget=GovSubmitInput())


class DeleteAccountForm(BaseForm):
    submit = SubmitField(_l("Yes, delete my account"), widget=GovSubmitInput())
