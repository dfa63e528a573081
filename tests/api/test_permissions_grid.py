"""Who may read the API, the embeds and the open data, for every role and every proposal stage.

Written out in full on purpose, as in tests/test_permissions_grid.py: all of it is public, and
a draft is nobody's outside the manage pages, not even staff's, however they are signed in.
"""

import pytest

from engage.proposals.models import ProposalStatus
from tests.factories import make_comment, make_proposal, make_user

OK = 200
STATUSES = ("draft", "open", "closed", "decided")
ROLES = (
    "anonymous",
    "resident",
    "young_person",
    "moderator",
    "safeguarding_lead",
    "officer",
    "admin",
)
EVERYONE_BUT_DRAFT = dict.fromkeys(ROLES, (404, OK, OK, OK))

# action -> role -> outcome for (draft, open, closed, decided)
EXPECTED = {
    "api proposal": EVERYONE_BUT_DRAFT,
    "api votes": EVERYONE_BUT_DRAFT,
    "api comments": EVERYONE_BUT_DRAFT,
    "api comment": EVERYONE_BUT_DRAFT,
    "embed proposal": EVERYONE_BUT_DRAFT,
    "embed priority": dict.fromkeys(ROLES, (OK, OK, OK, OK)),
    "api docs": dict.fromkeys(ROLES, (OK, OK, OK, OK)),
    "open data page": dict.fromkeys(ROLES, (OK, OK, OK, OK)),
}

URLS = {
    "api proposal": lambda p, c: f"/api/v1/proposals/{p.id}",
    "api votes": lambda p, c: f"/api/v1/proposals/{p.id}/votes",
    "api comments": lambda p, c: f"/api/v1/proposals/{p.id}/comments",
    "api comment": lambda p, c: f"/api/v1/comments/{c.id}",
    "embed proposal": lambda p, c: f"/embed/proposals/{p.id}",
    "embed priority": lambda p, c: f"/embed/priorities/{p.priority.slug}",
    "api docs": lambda p, c: "/api/v1/docs",
    "open data page": lambda p, c: "/open-data",
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(EXPECTED))
def test_grid(action, role, client, login_as):
    reader = client if role == "anonymous" else login_as(make_user(role))
    author = make_user()
    for status, expected in zip(STATUSES, EXPECTED[action][role], strict=True):
        proposal = make_proposal(ProposalStatus(status))
        comment = make_comment(proposal, author)
        got = reader.get(URLS[action](proposal, comment)).status_code
        assert got == expected, (action, role, status, got)
