"""Object rules for comments: open consultations, own comments, the edit window."""

from flask import current_app

from engage.comments.models import CommentStatus
from engage.permissions import object_rule


@object_rule("comment.create")
def _create(user, proposal) -> bool:
    return proposal.is_accepting_input()


@object_rule("comment.reply")
def _reply(user, parent) -> bool:
    return parent.status == CommentStatus.PUBLISHED and parent.proposal.is_accepting_input()


@object_rule("comment.edit")
def _edit(user, comment) -> bool:
    return (
        comment.author_id == user.id
        and comment.edit_window_open(current_app.config["COMMENT_EDIT_MINUTES"])
        and comment.proposal.is_accepting_input()
    )


@object_rule("comment.delete")
def _delete(user, comment) -> bool:
    return comment.author_id == user.id and comment.status != CommentStatus.DELETED
