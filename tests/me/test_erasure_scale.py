"""Deleting an account costs the same number of SQL statements however much the person wrote."""

from collections import Counter

from sqlalchemy import select

from engage.accounts.models import User
from engage.extensions import db
from engage.ideas import service as ideas_service
from engage.ideas.models import Idea, IdeaBacking, IdeaComment, IdeaStatus
from engage.me import service as me
from tests.factories import make_comment, make_proposal, make_user, make_vote
from tests.ideas.helpers import make_idea
from tests.me.test_erasure import counting


def _person_with(n: int) -> User:
    # Every kind of contribution, spread over several proposals and ideas so per-item or
    # per-parent loops (recounts, index drops) would show in the count.
    person = make_user()
    proposals = [make_proposal() for _ in range(3)]
    ideas = [make_idea() for _ in range(n)]
    for i in range(n):
        make_comment(proposal=proposals[i % 3], author=person, body=f"comment {i}")
        make_idea(author=person, title=f"My idea {i}")
        db.session.add(
            IdeaComment(
                idea_id=ideas[i].id,
                author_id=person.id,
                body=f"idea comment {i}",
                status=IdeaStatus.PUBLISHED,
            )
        )
        db.session.add(IdeaBacking(idea_id=ideas[i].id, user_id=person.id))
    for p in proposals:
        make_vote(p, person)
    db.session.flush()
    for idea in ideas:
        ideas_service.refresh_backers(idea.id)
        ideas_service.refresh_comment_count(idea.id)
    db.session.commit()
    assert (ideas[-1].backer_count, ideas[-1].comment_count) == (1, 1)
    person.backed = [i.id for i in ideas]  # for the recount check
    return person


def _statements(person) -> list[str]:
    db.session.expire_all()
    person = db.session.get(User, person.id)
    with counting() as statements:
        me.delete_account(person)
        db.session.commit()
    return statements


def test_deleting_an_account_with_5_or_50_of_everything_takes_the_same_statements(app):
    # Before, every idea, comment on an idea and backing cost 5 more statements (64 vs 289).
    few = _statements(_person_with(5))
    person = _person_with(50)
    many = _statements(person)
    extra = Counter(many) - Counter(few)
    assert len(few) == len(many), extra.most_common(5)
    # The set-based recounts still count: the ideas the person backed and commented on are back
    # to nothing, and the person's own ideas have lost their words.
    ideas = db.session.scalars(select(Idea).where(Idea.id.in_(person.backed))).all()
    assert len(ideas) == 50
    assert {(i.backer_count, i.adult_backers, i.comment_count) for i in ideas} == {(0, 0, 0)}
    own = db.session.scalars(select(Idea).where(Idea.author_id == person.id)).all()
    assert {(i.title, i.status) for i in own} == {("", IdeaStatus.DELETED)}


def _statements_through_the_page(login_as, person) -> int:
    client = login_as(person)
    with counting() as statements:
        response = client.submit("/me/account/delete", {})
    assert response.status_code == 302
    return len(statements)


def test_the_delete_account_page_costs_the_same_for_5_or_50_of_everything(app, login_as):
    few = _statements_through_the_page(login_as, _person_with(5))
    many = _statements_through_the_page(login_as, _person_with(50))
    assert few == many
