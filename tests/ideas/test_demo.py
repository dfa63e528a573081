"""The demo data has ideas in several states and plans linked to the priorities they serve."""

import sqlalchemy as sa

from engage.demo.seed import load_demo
from engage.extensions import db
from engage.ideas.models import Idea, IdeaAnswer
from engage.proposals.models import Plan


def test_demo_ideas_and_plans(client):
    load_demo()
    db.session.commit()
    ideas = db.session.scalars(sa.select(Idea)).all()
    assert len(ideas) >= 5 and all(i.is_public for i in ideas)
    assert any(i.by_young_person for i in ideas)
    assert all(i.backers > 0 for i in ideas)
    turned = [i for i in ideas if i.answer == IdeaAnswer.PROPOSAL]
    assert turned and turned[0].proposal_id is not None
    plans = db.session.scalars(sa.select(Plan)).all()
    assert len(plans) == 4 and all(p.priorities and p.description for p in plans)
    page = client.get("/plan").get_data(as_text=True)
    assert "Health Inequalities Action Plan" in page
    page = client.get(f"/proposals/{turned[0].proposal_id}").get_data(as_text=True)
    assert f"/ideas/{turned[0].id}" in page
