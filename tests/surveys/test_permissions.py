"""Permission grid: role x survey status x action, through real HTTP."""

import pytest
from flask import url_for

from engage.permissions import Role
from tests.factories import make_user
from tests.surveys.helpers import make_survey

ROLES = [None, Role.RESIDENT, Role.YOUNG_PERSON, Role.MODERATOR, Role.OFFICER, Role.ADMIN]
STATUSES = ["draft", "live", "closed"]
STAFF = {Role.OFFICER, Role.ADMIN}


def _expected(role, status, action) -> int:
    staff = role in STAFF
    if action == "intro":
        return 200 if status != "draft" or staff else 404
    if action == "take":
        if status == "live":
            return 200
        # Closed: back to the introduction. Drafts are secret, except to staff (who preview them).
        return 302 if status == "closed" or staff else 404
    # Staff pages: visitors are sent to sign in, other roles are refused.
    if role is None:
        return 302
    return (302 if action == "preview" else 200) if staff else 403


ACTIONS = {
    "intro": ("get", "surveys.survey"),
    "take": ("get", "surveys.age"),
    "manage": ("get", "surveys.manage_survey"),
    "edit": ("get", "surveys.manage_survey_edit"),
    "codes": ("get", "surveys.manage_codes"),
    "results": ("get", "surveys.manage_results"),
    "export": ("get", "surveys.manage_export"),
    "preview": ("post", "surveys.manage_survey_preview"),
}


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "visitor")
@pytest.mark.parametrize("status", STATUSES)
def test_permission_grid(role, status, client, login_as):
    survey = make_survey(status=status)
    browser = login_as(make_user(role)) if role else client
    for action, (method, endpoint) in ACTIONS.items():
        args = {"fmt": "csv"} if action == "export" else {}
        url = url_for(endpoint, survey_id=survey.id, **args)
        response = browser.submit(url) if method == "post" else browser.get(url)
        expected = _expected(role, status, action)
        assert response.status_code == expected, (action, response.status_code)
        if role is None and action in {"manage", "results", "export", "preview"}:
            assert "/account/sign-in" in response.headers["Location"]


@pytest.mark.parametrize("role", ROLES, ids=lambda r: r or "visitor")
def test_only_staff_see_manage_link_and_list(role, client, login_as):
    browser = login_as(make_user(role)) if role else client
    page = browser.get(url_for("surveys.surveys")).get_data(as_text=True)
    assert ("Manage surveys" in page) is (role in STAFF)
    assert 'href="/surveys"' in page  # the Surveys link in the navigation, for everyone
    listing = browser.get(url_for("surveys.manage_surveys"))
    assert listing.status_code == (200 if role in STAFF else 302 if role is None else 403)


def test_draft_survey_is_not_listed_publicly(client):
    draft = make_survey(status="draft", title="Secret draft")
    live = make_survey(title="Open survey")
    page = client.get(url_for("surveys.surveys")).get_data(as_text=True)
    assert live.title in page and draft.title not in page
