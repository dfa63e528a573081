"""Object rules for moderation: who may see a case, report a comment, appeal or be sanctioned."""

from engage.permissions import can, object_rule


@object_rule("moderation.review")
def _review(user, case) -> bool:
    # Safeguarding items are for the safeguarding lead and admins only.
    return not getattr(case, "safeguarding", False) or can("safeguarding.review", user=user)


@object_rule("comment.report")
def _report(user, comment) -> bool:
    # Suspended or banned people, and addresses nobody has confirmed, cannot report.
    return (
        comment.status.value == "published"
        and comment.author_id != user.id
        and not user.is_blocked
        and not user.email_unverified
    )


@object_rule("moderation.appeal")
def _appeal(user, notification) -> bool:
    from engage.moderation.reports import appealable_case

    return notification.user_id == user.id and appealable_case(notification) is not None


@object_rule("moderation.sanction")
def _sanction(user, person) -> bool:
    return person.id != user.id and not person.is_staff


@object_rule("notification.view")
def _view_notification(user, notification) -> bool:
    return notification.user_id == user.id
