"""Object rules for votes: only while the consultation is open."""

from engage.permissions import object_rule


@object_rule("vote.cast")
def _cast(user, proposal) -> bool:
    return proposal.is_accepting_input()
