"""Who may do what to an idea, for every role and every state of the idea, through real HTTP.

Written out in full on purpose: changing who may do something should mean changing this table.
"""

import pytest
import sqlalchemy as sa

from engage.extensions import db
from engage.ideas.models import Idea, IdeaAnswer, IdeaBacking, IdeaComment, IdeaStatus
from engage.moderation.models import Report
from engage.permissions import Role
from tests.accounts.helpers import asks_to_sign_in
from tests.factories import make_user
from tests.ideas.helpers import make_idea

OK = "ok"  # 200 for a page; 302 onwards (not to sign-in) after a form
SIGN_IN = "sign-in"

STATES = ("held", "published", "answered", "hidden")
ROLES = (
    "anonymous",
    "resident",
    "young_person",
    "moderator",
    "safeguarding_lead",
    "officer",
    "admin",
)

# action -> role -> outcome for (held, published, answered: not taken forward, hidden)
EXPECTED = {
    "view idea page": {
        "anonymous":         (404, OK, OK, 404),
        "resident":          (404, OK, OK, 404),
        "young_person":      (404, OK, OK, 404),
        "moderator":         (OK, OK, OK, OK),
        "safeguarding_lead": (OK, OK, OK, OK),
        "officer":           (404, OK, OK, 404),
        "admin":             (OK, OK, OK, OK),
    },
    "suggest an idea": {
        "anonymous":         (SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN),
        "resident":          (OK, OK, OK, OK),
        "young_person":      (OK, OK, OK, OK),
        "moderator":         (403, 403, 403, 403),
        "safeguarding_lead": (403, 403, 403, 403),
        "officer":           (403, 403, 403, 403),
        "admin":             (403, 403, 403, 403),
    },
    "back": {
        "anonymous":         (404, SIGN_IN, SIGN_IN, 404),
        "resident":          (404, OK, 403, 404),
        "young_person":      (404, OK, 403, 404),
        "moderator":         (403, 403, 403, 403),
        "safeguarding_lead": (403, 403, 403, 403),
        "officer":           (404, 403, 403, 404),
        "admin":             (403, 403, 403, 403),
    },
    "comment": {
        "anonymous":         (404, SIGN_IN, SIGN_IN, 404),
        "resident":          (404, OK, 403, 404),
        "young_person":      (404, OK, 403, 404),
        "moderator":         (403, OK, 403, 403),
        "safeguarding_lead": (403, OK, 403, 403),
        "officer":           (404, OK, 403, 404),
        "admin":             (403, OK, 403, 403),
    },
    "delete someone else's comment": {
        "anonymous":         (SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN),
        "resident":          (403, 403, 403, 403),
        "young_person":      (403, 403, 403, 403),
        "moderator":         (403, 403, 403, 403),
        "safeguarding_lead": (403, 403, 403, 403),
        "officer":           (403, 403, 403, 403),
        "admin":             (403, 403, 403, 403),
    },
    "report": {
        "anonymous":         (404, SIGN_IN, SIGN_IN, 404),
        "resident":          (404, OK, OK, 404),
        "young_person":      (404, OK, OK, 404),
        "moderator":         (403, OK, OK, 403),
        "safeguarding_lead": (403, OK, OK, 403),
        "officer":           (404, OK, OK, 404),
        "admin":             (403, OK, OK, 403),
    },
    "answer": {
        "anonymous":         (SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN),
        "resident":          (403, 403, 403, 403),
        "young_person":      (403, 403, 403, 403),
        "moderator":         (403, 403, 403, 403),
        "safeguarding_lead": (403, 403, 403, 403),
        "officer":           (403, OK, OK, 403),
        "admin":             (403, OK, OK, 403),
    },
    "open the officers' list": {
        "anonymous":         (SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN),
        "resident":          (403, 403, 403, 403),
        "young_person":      (403, 403, 403, 403),
        "moderator":         (403, 403, 403, 403),
        "safeguarding_lead": (403, 403, 403, 403),
        "officer":           (OK, OK, OK, OK),
        "admin":             (OK, OK, OK, OK),
    },
}  # fmt: skip


def _idea(state: str) -> Idea:
    if state == "held":
        return make_idea(author=make_user(Role.YOUNG_PERSON), status=IdeaStatus.HELD)
    if state == "hidden":
        return make_idea(status=IdeaStatus.HIDDEN)
    if state == "answered":
        return make_idea(answer=IdeaAnswer.NOT_TAKEN_FORWARD, answer_reason="Costs too much.")
    return make_idea()


def _count(model, **where) -> int:
    db.session.expire_all()
    query = sa.select(sa.func.count()).select_from(model)
    for name, value in where.items():
        query = query.where(getattr(model, name) == value)
    return db.session.scalar(query)


def _act(action, client, idea):
    """Do the action; return (response, was it a GET, did the change happen)."""
    if action == "view idea page":
        return client.get(f"/ideas/{idea.id}"), True, None
    if action == "suggest an idea":
        before = _count(Idea)
        response = client.submit(
            f"/priorities/{idea.priority.slug}/ideas/new",
            {"title": "A new idea", "description": "Its words.", "area": ""},
        )
        return response, False, _count(Idea) - before == 1
    if action == "back":
        response = client.submit(f"/ideas/{idea.id}/back")
        return response, False, _count(IdeaBacking, idea_id=idea.id) == 1
    if action == "comment":
        response = client.submit(f"/ideas/{idea.id}/comments", {"body": "Good idea."})
        return response, False, _count(IdeaComment, idea_id=idea.id) == 1
    if action == "delete someone else's comment":
        other = IdeaComment(
            idea_id=idea.id,
            author_id=make_user().id,
            body="Not yours",
            status=IdeaStatus.PUBLISHED,
        )
        db.session.add(other)
        db.session.commit()
        response = client.submit(f"/idea-comments/{other.id}/delete")
        db.session.expire_all()
        return response, False, db.session.get(IdeaComment, other.id).body == ""
    if action == "report":
        response = client.submit(f"/ideas/{idea.id}/report", {"reason": "spam"})
        return response, False, _count(Report, source="idea", item_id=idea.id) == 1
    if action == "answer":
        response = client.submit(
            f"/manage/ideas/{idea.id}",
            {"answer": "under_consideration", "reason": "We are looking at it."},
        )
        db.session.expire_all()
        saved = db.session.get(Idea, idea.id)
        return response, False, saved.answer == IdeaAnswer.UNDER_CONSIDERATION
    if action == "open the officers' list":
        return client.get("/manage/ideas"), True, None
    raise AssertionError(action)


def _outcome(response, is_get: bool):
    if asks_to_sign_in(response):
        return SIGN_IN
    if response.status_code == (200 if is_get else 302):
        return OK
    return response.status_code


@pytest.mark.parametrize("action", list(EXPECTED))
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_idea_permission_grid(app, login_as, role, state, action):
    idea = _idea(state)
    client = app.test_client() if role == "anonymous" else login_as(make_user(role))

    response, is_get, changed = _act(action, client, idea)

    expected = EXPECTED[action][role][STATES.index(state)]
    assert _outcome(response, is_get) == expected, response.status_code
    if not is_get:
        assert changed == (expected == OK)
