"""Object rules for one's own contributions: only the author may delete a comment here."""

from engage.comments.models import CommentStatus
from engage.permissions import object_rule


@object_rule("contributions.delete")
def _delete(user, comment) -> bool:
    return comment.author_id == user.id and comment.status != CommentStatus.DELETED
