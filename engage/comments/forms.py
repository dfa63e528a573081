"""The comment box."""

from flask import current_app
from wtforms import HiddenField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, Optional

from engage.forms import BaseForm, GovCharacterCount, GovSubmitInput, issue_submit_token
from engage.i18n import _l


class CommentForm(BaseForm):
    body = TextAreaField(
        _l("Your comment"),
        widget=GovCharacterCount(),
        validators=[InputRequired(message=_l("Write your comment"))],
    )
    parent_id = HiddenField(validators=[Optional()])
    # Single use: each rendered box carries a fresh token, and a second post of the same box
    # (Back, then Post again) finds the comment it already made.
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


class ReplyForm(CommentForm):
    """The reply box: the same rules, its own words when left empty."""

    body = TextAreaField(
        _l("Your reply"),
        widget=GovCharacterCount(),
        validators=[InputRequired(message=_l("Write your reply"))],
    )


class DeleteForm(BaseForm):
    submit = SubmitField(_l("Yes, delete my comment"), widget=GovSubmitInput())
