"""Object rules for following: only what the public can see can be followed."""

from engage.permissions import object_rule


@object_rule("notification.follow")
def _follow(user, subject) -> bool:
    return getattr(subject, "is_public", True)
