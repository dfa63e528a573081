"""Object rules for ideas: who sees an idea, and what may be done while it is open."""

from engage.i18n import _l
from engage.ideas.models import IdeaStatus
from engage.moderation import confidential
from engage.permissions import Refused, can, object_rule

_SETTLED = Refused(
    _l("This idea has been answered, so it is no longer taking comments or backing.")
)


@object_rule("idea.view")
def _view(user, idea) -> bool:
    if idea.visible_to(user):
        return True
    # Moderators may open a held or taken-down idea from the queue; safeguarding stays the leads'.
    return (
        idea.status != IdeaStatus.DELETED
        and can("idea.view_held", user=user)
        and not confidential.is_withheld(user, "idea", idea.id)
    )


@object_rule("idea.back")
def _back(user, idea) -> bool | Refused:
    if idea.author_id == user.id:
        return False
    return _open(idea)


@object_rule("idea.comment")
def _comment(user, idea) -> bool | Refused:
    return _open(idea)


def _open(idea) -> bool | Refused:
    if idea.is_open:
        return True
    # A public idea that is not open has had its final answer; one not public says nothing.
    return _SETTLED if idea.is_public else False


@object_rule("idea.comment_delete")
def _comment_delete(user, comment) -> bool:
    return comment.author_id == user.id and comment.status != IdeaStatus.DELETED


@object_rule("idea.report")
def _report(user, item) -> bool:
    # An idea or a comment on one, as comment.report: published, someone else's, a confirmed
    # address and an account that may post.
    return (
        item.status == IdeaStatus.PUBLISHED
        and item.author_id != user.id
        and not user.is_blocked
        and not user.email_unverified
    )


@object_rule("idea.answer")
def _answer(user, idea) -> bool:
    return idea.is_public
