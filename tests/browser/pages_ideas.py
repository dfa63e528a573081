"""Browser pages for ideas and the plan: every new page, in its normal and error states."""

from flask import url_for

from engage.extensions import db
from engage.ideas.models import IdeaAnswer, IdeaBacking, IdeaComment, IdeaStatus
from engage.permissions import Role
from engage.proposals.models import Plan
from tests.browser.pages import Page, click_button, submit_empty
from tests.factories import make_user
from tests.ideas.helpers import make_idea


def _ideas_world(w) -> None:
    """A public idea with a backing and a comment, a held one, an answered one, a linked plan."""
    resident, young = w.users[Role.RESIDENT], w.users[Role.YOUNG_PERSON]
    w.idea = make_idea(
        priority=w.priority,
        author=make_user(),
        title="Water fountains in Wardown Park",
        description="Free drinking water by the playground and the lake.",
        area="High Town",
        language="en",
    )
    db.session.add(IdeaBacking(idea_id=w.idea.id, user_id=young.id, by_young_person=True))
    w.idea.young_backers = w.idea.backer_count = 1
    w.idea_comment = IdeaComment(
        idea_id=w.idea.id,
        author_id=resident.id,
        body="Yes, and by the bandstand.",
        language="en",
        status=IdeaStatus.PUBLISHED,
    )
    db.session.add(w.idea_comment)
    w.idea.comment_count = 1
    make_idea(
        priority=w.priority,
        author=make_user(Role.YOUNG_PERSON),
        title="A skate park in Lewsey",
        status=IdeaStatus.HELD,
    )
    w.answered_idea = make_idea(
        priority=w.priority,
        title="Youth centres open later",
        language="en",
        answer=IdeaAnswer.PROPOSAL,
        answer_reason="We are consulting on longer opening hours.",
        proposal_id=w.proposal.id,
    )
    w.plan = db.session.get(Plan, w.proposal.plan_id)
    w.plan.priorities = [w.priority]
    w.plan.description = "How the partners improve health and wellbeing in Luton."
    db.session.commit()


WORLD_BUILDERS = [_ideas_world]

_COMMENT_FORM = "form[action$='/comments']"

PAGES = [
    Page("ideas: list", lambda w: url_for("ideas.ideas")),
    Page(
        "ideas: young people's ideas, most backed",
        lambda w: url_for("ideas.ideas", show="young", sort="most_backed"),
    ),
    Page("ideas: idea (signed out)", lambda w: url_for("ideas.idea", idea_id=w.idea.id)),
    Page(
        "ideas: idea",
        lambda w: url_for("ideas.idea", idea_id=w.idea.id),
        Role.RESIDENT,
        error=submit_empty(_COMMENT_FORM),
    ),
    Page(
        "ideas: idea (young person)",
        lambda w: url_for("ideas.idea", idea_id=w.idea.id),
        Role.YOUNG_PERSON,
        error=submit_empty(_COMMENT_FORM),
        youth=True,
    ),
    Page(
        "ideas: idea turned into a proposal",
        lambda w: url_for("ideas.idea", idea_id=w.answered_idea.id),
    ),
    Page(
        "ideas: suggest an idea",
        lambda w: url_for("ideas.suggest", slug=w.priority.slug),
        Role.RESIDENT,
        error=submit_empty(),
    ),
    Page(
        "ideas: suggest an idea (young person)",
        lambda w: url_for("ideas.suggest", slug=w.priority.slug),
        Role.YOUNG_PERSON,
        error=submit_empty(),
        youth=True,
    ),
    Page(
        "ideas: delete a comment",
        lambda w: url_for("ideas.delete_comment", comment_id=w.idea_comment.id),
        Role.RESIDENT,
    ),
    Page(
        "ideas: report an idea",
        lambda w: url_for("ideas.report", idea_id=w.idea.id),
        Role.RESIDENT,
        error=click_button(),
    ),
    Page("manage: ideas to answer", lambda w: url_for("ideas.manage_ideas"), Role.OFFICER),
    Page(
        "manage: answer an idea",
        lambda w: url_for("ideas.manage_idea", idea_id=w.idea.id),
        Role.OFFICER,
        error=submit_empty(),
    ),
    Page("plan: Luton's plan", lambda w: url_for("plan.overview")),
    Page("plan: board", lambda w: url_for("plan.board", board_id=w.plan.board_id)),
    Page("plan: plan", lambda w: url_for("plan.plan", plan_id=w.plan.id)),
    Page("manage: boards and plans", lambda w: url_for("plan.manage_plan"), Role.OFFICER),
    Page(
        "manage: board of a plan",
        lambda w: url_for("plan.manage_board", board_id=w.plan.board_id),
        Role.OFFICER,
        error=submit_empty(),
    ),
    Page(
        "manage: plan",
        lambda w: url_for("plan.manage_plan_edit", plan_id=w.plan.id),
        Role.OFFICER,
        error=submit_empty(),
    ),
]
