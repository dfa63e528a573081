"""Backing, comments, the council's answer, overdue ideas and the filters."""

from datetime import timedelta

import sqlalchemy as sa

from engage import events
from engage.clock import utcnow
from engage.extensions import db
from engage.ideas.models import Idea, IdeaAnswer, IdeaBacking, IdeaComment, IdeaStatus
from engage.permissions import Role
from tests.factories import make_priority, make_proposal, make_user
from tests.ideas.helpers import make_idea


def _fresh(idea) -> Idea:
    db.session.expire_all()
    return db.session.get(Idea, idea.id)


def test_one_backing_per_person_adults_and_young_people_counted_apart(login_as):
    idea = make_idea()
    adult, young = login_as(make_user()), login_as(make_user(Role.YOUNG_PERSON))
    adult.submit(f"/ideas/{idea.id}/back")
    adult.submit(f"/ideas/{idea.id}/back")
    young.submit(f"/ideas/{idea.id}/back")
    idea = _fresh(idea)
    assert (idea.adult_backers, idea.young_backers) == (1, 1)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(IdeaBacking)) == 2
    page = adult.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "1 adults and 1 young people back this idea." in page
    adult.submit(f"/ideas/{idea.id}/back", {"withdraw": "1"})
    assert _fresh(idea).adult_backers == 0


def test_nobody_backs_their_own_idea(login_as):
    author = make_user()
    idea = make_idea(author=author)
    assert login_as(author).submit(f"/ideas/{idea.id}/back").status_code == 403
    assert _fresh(idea).backers == 0


def test_comments_on_ideas_follow_the_rules_of_comments(login_as, client):
    idea = make_idea()
    login_as(make_user()).submit(f"/ideas/{idea.id}/comments", {"body": "Yes please"})
    young = make_user(Role.YOUNG_PERSON)
    login_as(young).submit(f"/ideas/{idea.id}/comments", {"body": "And by the lake"})
    rows = {c.body: c.status for c in db.session.scalars(sa.select(IdeaComment))}
    assert rows == {"Yes please": IdeaStatus.PUBLISHED, "And by the lake": IdeaStatus.HELD}
    page = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Yes please" in page and "And by the lake" not in page
    assert _fresh(idea).comment_count == 1
    response = login_as(make_user()).submit(f"/ideas/{idea.id}/comments", {"body": ""})
    assert response.status_code == 400 and "Write your comment" in response.get_data(as_text=True)


def test_deleting_ones_comment_on_an_idea_erases_it(login_as):
    idea = make_idea()
    person = make_user()
    client = login_as(person)
    client.submit(f"/ideas/{idea.id}/comments", {"body": "Remove me later"})
    comment = db.session.scalar(sa.select(IdeaComment))
    assert login_as(make_user()).get(f"/idea-comments/{comment.id}/delete").status_code == 403
    client.submit(f"/idea-comments/{comment.id}/delete")
    db.session.expire_all()
    comment = db.session.get(IdeaComment, comment.id)
    assert comment.body == "" and comment.status == IdeaStatus.DELETED
    assert _fresh(idea).comment_count == 0


def test_turned_into_a_proposal_links_both_ways_and_backers_are_told(login_as, client):
    priority = make_priority()
    idea = make_idea(priority=priority, title="Water fountains in parks")
    proposal = make_proposal(priority=priority, title="Drinking fountains in five parks")
    backer = make_user()
    login_as(backer).submit(f"/ideas/{idea.id}/back")
    told = []

    def listener(sender, **kwargs):
        told.append((sender.id, kwargs["answer"], kwargs["backer_ids"]))

    events.idea_answered.connect(listener)
    try:
        response = login_as(make_user(Role.OFFICER)).submit(
            f"/manage/ideas/{idea.id}",
            {"answer": "proposal", "reason": "We are consulting on it.", "proposal": proposal.id},
        )
    finally:
        events.idea_answered.disconnect(listener)
    assert response.status_code == 302
    assert told == [(idea.id, IdeaAnswer.PROPOSAL, [backer.id])]
    idea_page = client.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert "Drinking fountains in five parks" in idea_page
    assert "We are consulting on it." in idea_page
    proposal_page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "This proposal came from an idea:" in proposal_page
    assert f"/ideas/{idea.id}" in proposal_page
    # Gone somewhere: no more backing.
    assert login_as(make_user()).submit(f"/ideas/{idea.id}/back").status_code == 403


def test_an_answer_needs_a_reason_and_a_merge_needs_the_other_idea(login_as):
    idea = make_idea()
    officer = login_as(make_user(Role.OFFICER))
    response = officer.submit(f"/manage/ideas/{idea.id}", {"answer": "not_taken_forward"})
    assert response.status_code == 400
    assert "Give the reason people will read" in response.get_data(as_text=True)
    response = officer.submit(
        f"/manage/ideas/{idea.id}", {"answer": "merged", "reason": "Same as another."}
    )
    assert response.status_code == 400
    assert "Choose the published idea it was merged with" in response.get_data(as_text=True)
    other = make_idea(priority=idea.priority, title="The other one")
    response = officer.submit(
        f"/manage/ideas/{idea.id}",
        {"answer": "merged", "reason": "Same as another.", "merged_into": other.id},
    )
    assert response.status_code == 302
    assert _fresh(idea).merged_into_id == other.id
    page = officer.get(f"/ideas/{other.id}").get_data(as_text=True)
    assert "Ideas merged into this one" in page


def test_an_unanswered_idea_becomes_overdue_on_the_officers_dashboard(app, login_as):
    days = app.config["IDEA_ANSWER_DAYS"]
    make_idea(title="Fresh idea")
    make_idea(title="Old idea", published_at=utcnow() - timedelta(days=days + 1))
    make_idea(
        title="Old but answered",
        published_at=utcnow() - timedelta(days=days + 5),
        answer=IdeaAnswer.UNDER_CONSIDERATION,
        answer_reason="Looking at it.",
    )
    page = login_as(make_user(Role.OFFICER)).get("/manage/ideas").get_data(as_text=True)
    assert "1 idea is overdue for an answer." in page
    assert "Ideas to answer (1 overdue)" in page
    assert page.count(">Overdue<") == 1


def test_filters_and_sorting(client):
    parks, buses = make_priority(slug="parks"), make_priority(slug="buses")
    popular = make_idea(priority=parks, title="Popular idea", area="LU2", adult_backers=5)
    young = make_idea(
        priority=parks, author=make_user(Role.YOUNG_PERSON), title="Young idea", young_backers=1
    )
    answered = make_idea(priority=buses, title="Answered idea", answer=IdeaAnswer.NOT_TAKEN_FORWARD)
    make_idea(priority=parks, title="Hidden idea", status=IdeaStatus.HIDDEN)

    def titles(query):
        page = client.get(f"/ideas?{query}").get_data(as_text=True)
        found = [i.title for i in (popular, young, answered) if i.title in page]
        assert "Hidden idea" not in page
        return found

    assert titles("priority=parks") == ["Popular idea", "Young idea"]
    assert titles("area=LU2") == ["Popular idea"]
    assert titles("show=young") == ["Young idea"]
    assert titles("status=not_taken_forward") == ["Answered idea"]
    assert titles("status=waiting") == ["Popular idea", "Young idea"]
    page = client.get("/ideas?sort=most_backed").get_data(as_text=True)
    assert page.index("Popular idea") < page.index("Young idea") < page.index("Answered idea")
    assert client.get("/ideas?sort=nonsense&show=x&status=y&area=z").status_code == 200


def test_reports_take_an_idea_down_until_a_moderator_decides(app, login_as, client):
    idea = make_idea(title="Reported idea")
    comment = IdeaComment(
        idea_id=idea.id, author_id=make_user().id, body="Rude words", status=IdeaStatus.PUBLISHED
    )
    db.session.add(comment)
    db.session.commit()
    reporter = login_as(make_user())
    page = reporter.get(f"/ideas/{idea.id}").get_data(as_text=True)
    assert f"/ideas/{idea.id}/report" in page and f"/idea-comments/{comment.id}/report" in page
    response = reporter.submit(f"/idea-comments/{comment.id}/report", {"reason": "abusive"})
    assert response.status_code == 302
    response = reporter.submit(f"/ideas/{idea.id}/report", {})
    assert response.status_code == 400
    for _ in range(app.config["REPORT_HIDE_THRESHOLD"]):
        login_as(make_user()).submit(f"/ideas/{idea.id}/report", {"reason": "spam"})
    assert _fresh(idea).status == IdeaStatus.HIDDEN
    assert client.get(f"/ideas/{idea.id}").status_code == 404
