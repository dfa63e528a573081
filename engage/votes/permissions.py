"""Object rules for votes: only while the consultation is open."""

from engage.i18n import _l
from engage.permissions import Refused, object_rule

_CLOSED = Refused(_l("Voting on this proposal has closed."))


@object_rule("vote.cast")
def _cast(user, proposal) -> bool | Refused:
    return proposal.is_accepting_input() or _CLOSED
