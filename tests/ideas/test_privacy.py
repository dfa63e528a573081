"""A person's ideas, comments on ideas and backings leave with their contributions or account,
and are in their copy of their data."""

import json

import sqlalchemy as sa

from engage.extensions import db
from engage.ideas.models import Idea, IdeaBacking, IdeaComment, IdeaStatus
from engage.moderation.models import AuditText, ModerationEvent
from engage.permissions import Role
from tests.factories import make_user
from tests.ideas.helpers import make_idea, suggest


def _person_with_ideas(login_as, role=Role.YOUNG_PERSON):
    person = make_user(role)
    mine = suggest(author=person, title="Fennel beds in Stockwood Park")
    other = make_idea(title="Someone else's idea")
    client = login_as(person)
    client.submit(f"/ideas/{other.id}/back")
    client.submit(f"/ideas/{other.id}/comments", {"body": "My fennel comment"})
    return person, client, mine, other


def _audit_words(source: str) -> list[str]:
    return list(
        db.session.scalars(
            sa.select(AuditText.text)
            .join(ModerationEvent, ModerationEvent.before_id == AuditText.id)
            .where(ModerationEvent.source == source)
        )
    )


def test_your_data_holds_your_ideas_comments_and_backings(login_as):
    person, client, mine, other = _person_with_ideas(login_as)
    data = json.loads(client.get("/me/contributions.json").get_data(as_text=True))
    assert [i["title"] for i in data["ideas"]] == ["Fennel beds in Stockwood Park"]
    assert [c["comment"] for c in data["comments_on_ideas"]] == ["My fennel comment"]
    assert [b["idea"] for b in data["ideas_you_back"]] == [other.id]
    abouts = {e["about"] for e in data["moderation_record_about_you_and_your_words"]}
    assert f"idea {mine.id}" in abouts


def test_deleting_everything_erases_ideas_comments_backings_and_their_audit_words(login_as):
    person, client, mine, other = _person_with_ideas(login_as)
    assert any("Fennel beds" in (t or "") for t in _audit_words("idea"))
    response = client.submit("/me/contributions/delete")
    assert response.status_code == 302
    db.session.expire_all()
    idea = db.session.get(Idea, mine.id)
    assert (idea.title, idea.description, idea.status) == ("", "", IdeaStatus.DELETED)
    comment = db.session.scalar(sa.select(IdeaComment))
    assert comment.body == "" and comment.status == IdeaStatus.DELETED
    assert db.session.scalar(sa.select(sa.func.count()).select_from(IdeaBacking)) == 0
    assert db.session.get(Idea, other.id).backers == 0
    assert not any("Fennel" in (t or "") for t in _audit_words("idea"))
    assert not any("fennel" in (t or "") for t in _audit_words("idea_comment"))
    data = json.loads(client.get("/me/contributions.json").get_data(as_text=True))
    assert data["ideas"] == [] and data["comments_on_ideas"] == []


def test_deleting_the_account_erases_the_ideas_too(login_as):
    person, client, mine, _other = _person_with_ideas(login_as, Role.RESIDENT)
    assert client.submit("/me/account/delete").status_code == 302
    db.session.expire_all()
    idea = db.session.get(Idea, mine.id)
    assert idea.status == IdeaStatus.DELETED and idea.title == ""
