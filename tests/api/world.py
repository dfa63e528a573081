"""A public record with something private of every kind beside it, for the API, export and embeds.

Every private thing holds a word starting SECRET; the privacy tests look for that word (and for
email addresses and names) in every answer.
"""

from types import SimpleNamespace

from engage.clock import utcnow
from engage.comments.models import CommentStatus
from engage.extensions import db
from engage.moderation.models import CaseReason, CaseState, ModerationCase
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from engage.surveys.models import Answer, AnswerModeration, SurveyStatus
from engage.votes.models import VoteChoice
from tests.factories import (
    make_comment,
    make_plan,
    make_priority,
    make_proposal,
    make_user,
    make_vote,
)
from tests.moderation.helpers import RISK_TEXT, post
from tests.surveys.helpers import add_responses, make_survey

SECRET = "SECRET"


def _safeguarded(source: str, item_id: int) -> None:
    db.session.add(
        ModerationCase(
            source=source,
            item_id=item_id,
            state=CaseState.HANDLED,
            reason=CaseReason.AUTOMATIC_CHECK,
            safeguarding=True,
        )
    )
    db.session.commit()


def build_public_record() -> SimpleNamespace:
    """Priorities, proposals in every state, comments in every state, votes and surveys."""
    w = SimpleNamespace()
    w.resident = make_user(Role.RESIDENT, display_name="Ada SECRET Lovelace")
    w.young = make_user(Role.YOUNG_PERSON)
    w.unverified = make_user(Role.RESIDENT, verified=False)
    w.priority = make_priority(slug="green-town", title="Green town")
    w.other_priority = make_priority(slug="safe-town", title="Safe town")
    w.plan = make_plan(name="Climate plan")
    w.open = make_proposal(priority=w.priority, plan_id=w.plan.id, title="More trees")
    w.closed = make_proposal(ProposalStatus.CLOSED, priority=w.other_priority, title="Bus lanes")
    w.decided = make_proposal(
        ProposalStatus.DECIDED,
        priority=w.priority,
        title="Cycle paths",
        outcome_you_said="You wanted safer cycling.",
        outcome_we_did="We will build two paths.",
        outcome_why="Most people agreed.",
        decided_at=utcnow(),
    )
    w.draft = make_proposal(ProposalStatus.DRAFT, priority=w.priority, title="SECRET draft")

    w.comment = make_comment(w.open, w.resident, body="Plant oaks please.")
    w.reply = make_comment(w.open, w.young, body="And birches.", parent_id=w.comment.id)
    w.held = make_comment(w.open, w.young, body="SECRET held words", status=CommentStatus.HELD)
    w.rejected = make_comment(
        w.open, w.resident, body="SECRET rejected", status=CommentStatus.REJECTED
    )
    w.hidden = make_comment(w.open, w.resident, body="SECRET hidden", status=CommentStatus.HIDDEN)
    w.orphan = make_comment(
        w.open, w.resident, body="SECRET reply to hidden", parent_id=w.hidden.id
    )
    w.deleted = make_comment(
        w.open, w.resident, body="SECRET deleted", status=CommentStatus.DELETED
    )
    w.on_draft = make_comment(w.draft, w.resident, body="SECRET on a draft")
    # Published, yet once in safeguarding: never out of the site's own pages.
    w.safeguarded = make_comment(w.open, w.resident, body="SECRET safeguarded")
    _safeguarded("comment", w.safeguarded.id)
    # Through the real service: the risk check sends it to the safeguarding lead, held.
    w.risk = post(make_user(Role.RESIDENT), w.open, f"{RISK_TEXT} SECRET")

    make_vote(w.open, w.resident, VoteChoice.AGREE)
    make_vote(w.open, w.young, VoteChoice.DISAGREE)
    make_vote(w.open, w.unverified, VoteChoice.UNSURE)  # not counted until confirmed
    make_vote(w.decided, w.resident, VoteChoice.AGREE)

    w.survey = make_survey(
        priority=w.priority,
        title="Parks survey",
        questions=[
            {"kind": "yes_no", "text": "Do you go to a park?"},
            {"kind": "short_text", "text": "One word", "required": False},
        ],
        results_published=True,
        status=SurveyStatus.CLOSED,
    )
    add_responses(w.survey, 7, values=["yes"])
    add_responses(w.survey, 2, values=["no"])  # under 5: suppressed, and so the next smallest
    w.text_survey = make_survey(
        priority=w.priority,
        title="Words survey",
        questions=[{"kind": "short_text", "text": "One word for Luton"}],
        results_published=True,
    )
    add_responses(w.text_survey, 5, text="Friendly", moderation=AnswerModeration.PUBLISHED)
    add_responses(w.text_survey, 1, text="SECRET waiting", moderation=AnswerModeration.HELD)
    add_responses(w.text_survey, 1, text="SECRET refused", moderation=AnswerModeration.REJECTED)
    add_responses(
        w.text_survey, 1, text="SECRET safeguarded answer", moderation=AnswerModeration.PUBLISHED
    )
    answer = db.session.scalars(
        db.select(Answer).where(Answer.text == "SECRET safeguarded answer")
    ).one()
    _safeguarded("survey_answer", answer.id)
    w.unpublished = make_survey(priority=w.priority, title="Results not out")
    add_responses(w.unpublished, 6, values=["yes"])
    w.draft_survey = make_survey(
        status=SurveyStatus.DRAFT, priority=w.other_priority, title="SECRET draft survey"
    )
    return w
