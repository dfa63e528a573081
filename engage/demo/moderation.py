"""Demo moderation activity: a queue with something in it, past decisions, a report and a
safeguarding case, all made through the real services so the audit record is genuine."""

from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from engage.clock import utcnow
from engage.comments.service import submit_comment
from engage.extensions import db
from engage.moderation import service
from engage.proposals.models import Proposal

# Each example sits under the open proposal it is about (matched by the start of its title).
_YOUTH_HUB = "Wardown Park youth hub"
_BUS = "Free bus travel to college"
_TREES = "Tree planting along Dunstable Road"
_WAGE = "Paying the Real Living Wage"
_SMOKE_FREE = "Smoke-free and vape-free zones"
_SHOP_FRONTS = "Shop-front improvement grants"
_GRANTS_VOTE = "Your area, your choice"

# (proposal, author key, words, hours ago, decision): decision None leaves the item waiting.
# Only clean, on-topic words are ever approved: the examples of what moderators catch (abuse,
# personal details, spam, a safeguarding disclosure) stay in the queues and the audit record.
_ITEMS = [
    (
        _YOUTH_HUB,
        "young",
        "Could the youth hub stay open until 9 in summer? We have nowhere else to go.",
        30,
        None,
    ),
    (
        _BUS,
        "young2",
        "Could the free buses run at weekends too please? My mum can't drive me to college.",
        3,
        None,
    ),
    (
        _YOUTH_HUB,
        "young3",
        "I want to help plan the youth hub. Message me on 07700 900456.",
        1,
        None,
    ),
    (_WAGE, "resident2", "Whoever came up with this can piss off.", 5, None),
    (_YOUTH_HUB, "young2", "I don't want to go home after school, my dad hits me.", 0.5, None),
    (
        _BUS,
        "young",
        "A free bus pass would mean I could get to college on time every day.",
        52,
        ("approve", 4),
    ),
    (
        _TREES,
        "young3",
        "I'd like to help choose the trees. My email is sam.k@example.com.",
        70,
        ("redact", 9),
    ),
    (_SMOKE_FREE, "young2", "Follow my page for free phone giveaways!!!", 100, ("reject", 20)),
    (
        _SHOP_FRONTS,
        "resident3",
        "This consultation is a fucking joke, but I do support the grants.",
        40,
        ("reject", 2),
    ),
    (
        _TREES,
        "young",
        "Please plant more trees near the schools on Dunstable Road.",
        200,
        ("approve", 30),
    ),
]

_REDACTED = "I'd like to help choose the trees. My email is [removed]."
_REJECT_REASONS = {
    "Follow my page for free phone giveaways!!!": ("spam", "Advertising is not allowed."),
}


def load_moderation_demo(users: dict) -> None:
    """Post demo comments through the comment service, then decide some as a moderator would."""
    # The services word things for a reader and build links, so they run as in a request.
    with current_app.test_request_context():
        _load(users)


def _load(users: dict) -> None:
    proposals = {
        p.title: p
        for p in db.session.scalars(select(Proposal).order_by(Proposal.id))
        if p.is_accepting_input()
    }

    def about(start: str) -> Proposal | None:
        return next((p for title, p in proposals.items() if title.startswith(start)), None)

    moderator = users["moderator"]
    now = utcnow()
    for where, author, words, hours, decision in _ITEMS:
        proposal = about(where)
        if proposal is None:
            continue
        comment = submit_comment(users[author], proposal, words)
        case = service.find_case("comment", comment.id)
        if case is None:
            continue
        comment.created_at = now - timedelta(hours=hours)
        case.held_at = comment.created_at
        if decision is None:
            continue
        action, waited = decision
        case.held_at = now - timedelta(hours=waited)  # how long it waited before the decision
        if action == "approve":
            service.approve_item(moderator, case)
        elif action == "redact":
            service.approve_redacted(moderator, case, _REDACTED)
        else:
            reason, note = _REJECT_REASONS.get(
                words, ("abusive", "Swearing is not allowed. You can post your point again.")
            )
            service.reject_item(moderator, case, reason, note)
    # A published adult comment that three people reported, now hidden and waiting.
    grants = about(_GRANTS_VOTE)
    if grants is not None:
        target = submit_comment(
            users["resident4"], grants, "Only people who own their homes should get a say."
        )
        for reporter in ("resident", "resident2", "resident3"):
            service.report_item(users[reporter], "comment", target, "off_topic")
    db.session.flush()
