"""Object rules for comments: open consultations, own comments, the edit window."""

from flask import current_app

from engage.comments.models import CommentStatus
from engage.i18n import _l
from engage.permissions import Refused, object_rule

# Each can change while someone types: the page they are sent to says which, with their words.
CLOSED = Refused(_l("This proposal is no longer taking comments."))
_PARENT_GONE = Refused(_l("The comment you were replying to has been removed."))
_EDIT_ENDED = Refused(_l("The time for changing this comment has run out."))


@object_rule("comment.create")
def _create(user, proposal) -> bool | Refused:
    return proposal.is_accepting_input() or CLOSED


@object_rule("comment.reply")
def _reply(user, parent) -> bool | Refused:
    if parent.status != CommentStatus.PUBLISHED:
        return _PARENT_GONE
    return parent.proposal.is_accepting_input() or CLOSED


@object_rule("comment.edit")
def _edit(user, comment) -> bool | Refused:
    if comment.author_id != user.id:
        return False
    if not comment.proposal.is_accepting_input():
        return CLOSED
    return comment.edit_window_open(current_app.config["COMMENT_EDIT_MINUTES"]) or _EDIT_ENDED


@object_rule("comment.delete")
def _delete(user, comment) -> bool:
    return comment.author_id == user.id and comment.status != CommentStatus.DELETED
