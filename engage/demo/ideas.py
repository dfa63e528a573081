"""Demo ideas from demo residents and young people: invented examples, no council facts.

Like the demo comments, they are shown as already checked (young people's as approved by a
moderator), so the demo moderation figures stay those of engage/demo/moderation.py. Backing
and answers go through the real service.
"""

from datetime import timedelta

from sqlalchemy import select

from engage.clock import utcnow
from engage.extensions import db
from engage.ideas import service
from engage.ideas.models import Idea, IdeaAnswer, IdeaBacking, IdeaStatus
from engage.proposals.models import Proposal

# (priority slug, author key, title, description, area, days ago, answer or None)
IDEAS = [
    (
        "net-zero-town",
        "resident2",
        "Drinking water fountains in the parks",
        "Refill points in Wardown Park and Stockwood Park would cut plastic bottles, and help "
        "on hot days.",
        "LU2",
        40,
        None,
    ),
    (
        "child-friendly-town",
        "young",
        "A quiet room to revise in the library after school",
        "Somewhere warm and quiet to do homework until 7pm, with the wifi working.",
        None,
        20,
        (IdeaAnswer.UNDER_CONSIDERATION, "The library team is looking at opening times."),
    ),
    (
        "empowered-community",
        "resident3",
        "Street parties without the paperwork",
        "One simple form for a residents' street party, free of charge, answered within two weeks.",
        "Biscot",
        12,
        None,
    ),
    (
        "child-friendly-town",
        "young2",
        "Later opening for the youth hub in summer",
        "In the summer holidays we have nowhere to go in the evening. Keep the hub open later.",
        None,
        8,
        ("proposal", "Wardown Park youth hub"),
    ),
    (
        "improving-wellbeing",
        "resident4",
        "Walking groups for people who live alone",
        "A weekly walk from each community centre, led by volunteers, so nobody is stuck "
        "indoors on their own.",
        "Farley",
        3,
        None,
    ),
]
BACKERS = ["resident", "resident2", "resident3", "young", "young3"]


def load_ideas(users: dict, priorities: dict) -> None:
    """Add the demo ideas, their backing and the council's answers."""
    officer = users["officer"]
    for slug, author, title, description, area, days, answer in IDEAS:
        person = users[author]
        when = utcnow() - timedelta(days=days)
        idea = Idea(
            priority_id=priorities[slug].id,
            author_id=person.id,
            title=title,
            description=description,
            area=area,
            language="en",
            status=IdeaStatus.PUBLISHED,
            by_young_person=person.is_young,
            created_at=when,
            published_at=when,
        )
        db.session.add(idea)
        db.session.flush()
        for key in BACKERS:
            if users[key].id != person.id:
                db.session.add(
                    IdeaBacking(
                        idea_id=idea.id, user_id=users[key].id, by_young_person=users[key].is_young
                    )
                )
        db.session.flush()
        service.refresh_backers(idea.id)
        if answer is None:
            continue
        idea = db.session.get(Idea, idea.id)
        kind, words = answer
        if kind == "proposal":
            proposal = db.session.scalar(select(Proposal).where(Proposal.title.startswith(words)))
            if proposal is not None:
                service.answer_idea(
                    officer,
                    idea,
                    IdeaAnswer.PROPOSAL,
                    "We are consulting on this now: see the proposal.",
                    proposal=proposal,
                )
        else:
            service.answer_idea(officer, idea, kind, words)
    db.session.flush()
