"""Who may do what: every role against every moderation action, over real HTTP."""

import pytest

from engage.permissions import Role
from tests.accounts.helpers import asks_to_sign_in
from tests.factories import make_user
from tests.moderation.helpers import RISK_TEXT, held_comment, item_url, post

MODERATORS = {Role.MODERATOR, Role.SAFEGUARDING_LEAD, Role.ADMIN}
LEADS = {Role.SAFEGUARDING_LEAD, Role.ADMIN}
EVERYONE = set(Role)


def _queue(client):
    return client.get("/manage/moderation")


def _item(client):
    comment, _ = held_comment("Grid item")
    return client.get(item_url(comment))


def _approve(client):
    comment, _ = held_comment("Grid item")
    return client.submit(item_url(comment, "approve"), {})


def _bulk(client):
    comment, _ = held_comment("Grid item")
    return client.submit(
        "/manage/moderation/bulk", {"items": [f"comment:{comment.id}"], "action": "approve"}
    )


def _safeguarding_queue(client):
    return client.get("/manage/safeguarding")


def _safeguarding_item(client):
    comment, _ = held_comment(RISK_TEXT)
    return client.get(item_url(comment))


def _handle(client):
    comment, _ = held_comment(RISK_TEXT)
    return client.submit(item_url(comment, "handle"), {"handle_note": "done"})


def _audit(client):
    return client.get("/manage/moderation/audit")


def _export(client):
    return client.get("/manage/moderation/audit.csv")


def _dashboard(client):
    return client.get("/manage/moderation/dashboard")


def _sanction(client):
    person = make_user()
    return client.submit(f"/manage/people/{person.id}/ban", {"ban_reason": "spam"})


def _report(client):
    comment = post(make_user())
    return client.submit(f"/comments/{comment.id}/report", {"reason": "spam"})


def _notifications(client):
    return client.get("/notifications")


GRID = {
    _queue: MODERATORS,
    _item: MODERATORS,
    _approve: MODERATORS,
    _bulk: MODERATORS,
    _safeguarding_queue: LEADS,
    _safeguarding_item: LEADS,
    _handle: LEADS,
    _audit: MODERATORS,
    _export: {Role.ADMIN},
    _dashboard: MODERATORS,
    _sanction: MODERATORS,
    _report: EVERYONE,
    _notifications: EVERYONE,
}


@pytest.mark.parametrize("role", list(Role), ids=str)
@pytest.mark.parametrize("action", list(GRID), ids=lambda f: f.__name__.strip("_"))
def test_role_action_grid(login_as, role, action):
    response = action(login_as(make_user(role)))
    if role in GRID[action]:
        assert response.status_code in {200, 302}, response.get_data(as_text=True)[:300]
        if response.status_code == 302:
            assert "/account/sign-in" not in response.headers["Location"]
    else:
        assert response.status_code == 403


@pytest.mark.parametrize("action", list(GRID), ids=lambda f: f.__name__.strip("_"))
def test_signed_out_visitors_are_sent_to_sign_in(client, action):
    assert asks_to_sign_in(action(client))
