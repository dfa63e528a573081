"""Object rules for proposals."""

from engage.permissions import can, object_rule


@object_rule("proposal.view")
def _view(user, proposal) -> bool:
    return proposal.is_public or can("proposal.view_unpublished", user=user)
