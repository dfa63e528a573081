"""Who may do what to a proposal, for every role and every stage, through real HTTP requests.

The expected table is written out in full on purpose: changing who may do something should mean
changing this table, knowingly.
"""

import pytest
from sqlalchemy import func, select

from engage.comments.models import Comment
from engage.extensions import db
from engage.proposals.models import Proposal, ProposalStatus
from engage.votes.models import Vote
from tests.accounts.helpers import asks_to_sign_in
from tests.factories import make_comment, make_proposal, make_user

OK = "ok"  # 200 for a page; 302 onwards (not to sign-in) after a form
SIGN_IN = "sign-in"  # 401: to the sign-in page, or a page with the words sent and Sign in
REFUSED = 400  # the form was shown again with the rule's error

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

# action -> role -> outcome for (draft, open, closed, decided)
EXPECTED = {
    "view proposal page": {
        "anonymous":         (404, OK, OK, OK),
        "resident":          (404, OK, OK, OK),
        "young_person":      (404, OK, OK, OK),
        "moderator":         (404, OK, OK, OK),
        "safeguarding_lead": (404, OK, OK, OK),
        "officer":           (OK, OK, OK, OK),
        "admin":             (OK, OK, OK, OK),
    },
    "comment": {
        "anonymous":         (404, SIGN_IN, SIGN_IN, SIGN_IN),
        "resident":          (404, OK, 403, 403),
        "young_person":      (404, OK, 403, 403),
        "moderator":         (404, OK, 403, 403),
        "safeguarding_lead": (404, OK, 403, 403),
        "officer":           (403, OK, 403, 403),
        "admin":             (403, OK, 403, 403),
    },
    "reply": {
        "anonymous":         (404, SIGN_IN, SIGN_IN, SIGN_IN),
        "resident":          (404, OK, 403, 403),
        "young_person":      (404, OK, 403, 403),
        "moderator":         (404, OK, 403, 403),
        "safeguarding_lead": (404, OK, 403, 403),
        "officer":           (403, OK, 403, 403),
        "admin":             (403, OK, 403, 403),
    },
    "vote": {
        "anonymous":         (404, SIGN_IN, SIGN_IN, SIGN_IN),
        "resident":          (404, OK, 403, 403),
        "young_person":      (404, OK, 403, 403),
        "moderator":         (404, 403, 403, 403),
        "safeguarding_lead": (404, 403, 403, 403),
        "officer":           (403, 403, 403, 403),
        "admin":             (403, 403, 403, 403),
    },
    "open manage edit page": {
        "anonymous":         (SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN),
        "resident":          (403, 403, 403, 403),
        "young_person":      (403, 403, 403, 403),
        "moderator":         (403, 403, 403, 403),
        "safeguarding_lead": (403, 403, 403, 403),
        "officer":           (OK, OK, OK, OK),
        "admin":             (OK, OK, OK, OK),
    },
    "publish outcome": {
        "anonymous":         (SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN),
        "resident":          (403, 403, 403, 403),
        "young_person":      (403, 403, 403, 403),
        "moderator":         (403, 403, 403, 403),
        "safeguarding_lead": (403, 403, 403, 403),
        "officer":           (REFUSED, REFUSED, OK, OK),
        "admin":             (REFUSED, REFUSED, OK, OK),
    },
}  # fmt: skip

OUTCOME = {
    "you_said": "Most people wanted it.",
    "we_did": "We are doing it.",
    "why": "Because people asked.",
}


def _count(model, proposal) -> int:
    db.session.expire_all()
    return db.session.scalar(
        select(func.count()).select_from(model).where(model.proposal_id == proposal.id)
    )


def _act(action, client, proposal, comment):
    """Do the action; return (response, was it a GET, what changed in the database)."""
    pid = proposal.id
    if action == "view proposal page":
        return client.get(f"/proposals/{pid}"), True, None
    if action == "comment":
        before = _count(Comment, proposal)
        response = client.submit(f"/proposals/{pid}/comments", {"body": "My view on this."})
        return response, False, _count(Comment, proposal) - before
    if action == "reply":
        before = _count(Comment, proposal)
        response = client.submit(
            f"/proposals/{pid}/comments", {"body": "I agree.", "parent_id": str(comment.id)}
        )
        return response, False, _count(Comment, proposal) - before
    if action == "vote":
        response = client.submit(f"/proposals/{pid}/vote", {"choice": "agree"})
        return response, False, _count(Vote, proposal)
    if action == "open manage edit page":
        return client.get(f"/manage/proposals/{pid}"), True, None
    if action == "publish outcome":
        response = client.submit(f"/manage/proposals/{pid}/outcome", OUTCOME)
        db.session.expire_all()
        saved = db.session.get(Proposal, pid)
        return response, False, int(saved.outcome_we_did == OUTCOME["we_did"])
    raise AssertionError(action)


def _outcome(response, is_get: bool):
    if asks_to_sign_in(response):
        return SIGN_IN
    if response.status_code == (200 if is_get else 302):
        return OK
    return response.status_code


@pytest.mark.parametrize("action", list(EXPECTED))
@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("role", ROLES)
def test_permission_grid(app, login_as, role, status, action):
    proposal = make_proposal(ProposalStatus(status))
    comment = make_comment(proposal, make_user()) if action == "reply" else None
    client = app.test_client() if role == "anonymous" else login_as(make_user(role))

    response, is_get, changed = _act(action, client, proposal, comment)

    expected = EXPECTED[action][role][STATUSES.index(status)]
    assert _outcome(response, is_get) == expected, response.status_code
    if changed is not None:
        # Whatever was allowed took effect; whatever was refused left no trace.
        assert changed == (1 if expected == OK else 0)


def test_the_grid_covers_every_role_and_status():
    from engage.permissions import Role

    assert set(ROLES) == {"anonymous"} | {r.value for r in Role}
    assert set(STATUSES) == {s.value for s in ProposalStatus}
    for table in EXPECTED.values():
        assert set(table) == set(ROLES)
