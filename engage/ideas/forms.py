"""Forms for suggesting, backing, discussing and answering ideas."""

from flask import current_app
from wtforms import HiddenField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from engage.forms import (
    BaseForm,
    GovCharacterCount,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
    choice_id,
    clip,
    issue_submit_token,
    strip_filter,
)
from engage.i18n import _l
from engage.ideas.models import IdeaAnswer
from engage.ideas.service import DESCRIPTION_MAX, REASON_MAX, TITLE_MAX, areas

ANSWER_LABELS = {
    IdeaAnswer.UNDER_CONSIDERATION: _l("Under consideration"),
    IdeaAnswer.NOT_TAKEN_FORWARD: _l("Not taken forward"),
    IdeaAnswer.MERGED: _l("Merged with another idea"),
    IdeaAnswer.PROPOSAL: _l("Turned into a proposal"),
}


def answer_label(answer) -> str:
    """The public words for an answer, or "Waiting for an answer"."""
    if not answer:
        return str(_l("Waiting for an answer"))
    return str(ANSWER_LABELS[IdeaAnswer(answer)])


class IdeaForm(BaseForm):
    title = StringField(
        _l("Title of your idea"),
        widget=GovTextInput(),
        filters=[strip_filter, clip(TITLE_MAX + 1)],
        validators=[
            InputRequired(message=_l("Give your idea a title")),
            Length(
                max=TITLE_MAX,
                message=_l("The title must be %(limit)d characters or fewer", limit=TITLE_MAX),
            ),
        ],
    )
    description = TextAreaField(
        _l("Describe your idea"),
        widget=GovCharacterCount(),
        filters=[strip_filter, clip(DESCRIPTION_MAX + 1)],
        validators=[
            InputRequired(message=_l("Describe your idea")),
            Length(
                max=DESCRIPTION_MAX,
                message=_l(
                    "The description must be %(limit)d characters or fewer", limit=DESCRIPTION_MAX
                ),
            ),
        ],
    )
    area = SelectField(
        _l("Which part of Luton is it about? (optional)"),
        widget=GovSelect(),
        validators=[Optional()],
        validate_choice=False,
    )
    # Single use, as the comment box's (engage.forms.issue_submit_token).
    token = HiddenField(validators=[Optional()])
    submit = SubmitField(_l("Suggest this idea"), widget=GovSubmitInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        issue_submit_token(self)
        self.max_length = DESCRIPTION_MAX
        self.area.choices = [("", _l("All of Luton"))] + [(a, a) for a in areas()]


class BackForm(BaseForm):
    submit = SubmitField(_l("Back this idea"), widget=GovSubmitInput())


class IdeaCommentForm(BaseForm):
    body = TextAreaField(
        _l("Your comment"),
        widget=GovCharacterCount(),
        filters=[strip_filter],
        validators=[InputRequired(message=_l("Write your comment"))],
    )
    token = HiddenField(validators=[Optional()])
    submit = SubmitField(_l("Post comment"), widget=GovSubmitInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        issue_submit_token(self)
        limit = current_app.config["COMMENT_MAX_LENGTH"]
        self.max_length = limit
        self.body.validators = [
            *self.body.validators,
            Length(
                max=limit,
                message=_l("Your comment must be %(limit)d characters or fewer", limit=limit),
            ),
        ]


class DeleteForm(BaseForm):
    submit = SubmitField(_l("Yes, delete my comment"), widget=GovSubmitInput())


class AnswerForm(BaseForm):
    answer = RadioField(
        _l("Your answer"),
        widget=GovRadioInput(),
        choices=[(a.value, label) for a, label in ANSWER_LABELS.items()],
        validators=[InputRequired(message=_l("Choose an answer"))],
    )
    reason = TextAreaField(
        _l("The reason, as people will read it"),
        widget=GovCharacterCount(),
        filters=[strip_filter, clip(REASON_MAX + 1)],
        validators=[
            InputRequired(message=_l("Give the reason people will read")),
            Length(
                max=REASON_MAX,
                message=_l("The reason must be %(limit)d characters or fewer", limit=REASON_MAX),
            ),
        ],
    )
    merged_into = SelectField(
        _l("Merged with (if merged)"), widget=GovSelect(), coerce=choice_id, validate_choice=False
    )
    proposal = SelectField(
        _l("The proposal it became (if turned into a proposal)"),
        widget=GovSelect(),
        coerce=choice_id,
        validate_choice=False,
    )
    submit = SubmitField(_l("Publish the answer"), widget=GovSubmitInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_length = REASON_MAX
