"""Who may reach the notification settings, follow things and see the failed jobs, for every role,
through real HTTP requests. The table is written out in full on purpose."""

import pytest

from engage.extensions import db
from engage.jobs.models import JobFailure
from engage.proposals.models import ProposalStatus
from tests.factories import make_priority, make_proposal, make_user

OK = "ok"  # 200 for a page, a redirect (not to sign-in) after a form
SIGN_IN = "sign-in"

ROLES = (
    "anonymous",
    "resident",
    "young_person",
    "moderator",
    "safeguarding_lead",
    "officer",
    "admin",
)

# action -> outcome for each role, in the order of ROLES
EXPECTED = {
    "see notification settings": (SIGN_IN, OK, OK, OK, OK, OK, OK),
    # Young people get the page back, saving nothing (tests/notifications/test_frequency.py).
    "save email choice": (SIGN_IN, OK, OK, OK, OK, OK, OK),
    "follow an open proposal": (SIGN_IN, OK, OK, OK, OK, OK, OK),
    "follow a draft proposal": (404, 404, 404, 404, 404, 403, 403),
    "follow a priority": (SIGN_IN, OK, OK, OK, OK, OK, OK),
    "see failed jobs": (SIGN_IN, 403, 403, 403, 403, 403, OK),
    "retry a failed job": (SIGN_IN, 403, 403, 403, 403, 403, OK),
}


def _request(client, action):
    if action == "see notification settings":
        return client.get("/me/notifications")
    if action == "save email choice":
        return client.submit("/me/notifications", {"frequency": "weekly"})
    if action == "follow an open proposal":
        return client.submit(f"/proposals/{make_proposal().id}/follow", {"follow": "1"})
    if action == "follow a draft proposal":
        draft = make_proposal(ProposalStatus.DRAFT)
        return client.submit(f"/proposals/{draft.id}/follow", {"follow": "1"})
    if action == "follow a priority":
        return client.submit(f"/priorities/{make_priority().slug}/follow", {"follow": "1"})
    if action == "see failed jobs":
        return client.get("/manage/jobs")
    failure = JobFailure(name="notify_outcome", args=[999999], error="Error")
    db.session.add(failure)
    db.session.commit()
    return client.submit(f"/manage/jobs/{failure.id}/retry")


def _outcome(response):
    if response.status_code == 302 and "/account/sign-in" in response.location:
        return SIGN_IN
    return OK if response.status_code in (200, 302) else response.status_code


@pytest.mark.parametrize("action", list(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_permission_grid(role, action, client, login_as):
    expected = EXPECTED[action][ROLES.index(role)]
    http = client if role == "anonymous" else login_as(make_user(role))
    response = _request(http, action)
    assert _outcome(response) == expected, (role, action, response.status_code)
