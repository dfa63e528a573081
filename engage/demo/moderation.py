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

# (author key, words, hours ago, decision): decision None leaves the item waiting.
_ITEMS = [
    (
        "young",
        "Could the skate park stay open until 9 in summer? We have nowhere else to go.",
        30,
        None,
    ),
    (
        "young2",
        "More buses to the sports centre at weekends please, my mum can't drive me.",
        3,
        None,
    ),
    ("young3", "I want to help plan the youth club. Message me on 07700 900456.", 1, None),
    ("resident2", "Whoever came up with this can piss off.", 5, None),
    ("young2", "I don't want to go home after school, my dad hits me.", 0.5, None),
    ("young", "Bike lanes would make it safer to ride to college.", 52, ("approve", 4)),
    ("young3", "My email is sam.k@example.com if the council wants ideas.", 70, ("redact", 9)),
    ("young2", "Follow my page for free phone giveaways!!!", 100, ("reject", 20)),
    (
        "resident3",
        "This consultation is a fucking joke, but I do support the park.",
        40,
        ("approve", 2),
    ),
    ("young", "Please plant more trees on Dunstable Road.", 200, ("approve", 30)),
]


def load_moderation_demo(users: dict) -> None:
    """Post demo comments through the comment service, then decide some as a moderator would."""
    # The services word things for a reader and build links, so they run as in a request.
    with current_app.test_request_context():
        _load(users)


def _load(users: dict) -> None:
    proposals = [
        p
        for p in db.session.scalars(select(Proposal).order_by(Proposal.id))
        if p.is_accepting_input()
    ]
    if not proposals:
        return
    moderator = users["moderator"]
    now = utcnow()
    for i, (author, words, hours, decision) in enumerate(_ITEMS):
        proposal = proposals[i % len(proposals)]
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
            service.approve_redacted(
                moderator, case, "My email is [removed] if the council wants ideas."
            )
        else:
            service.reject_item(moderator, case, "spam", "Advertising is not allowed.")
    # A published adult comment that three people reported, now hidden and waiting.
    target = submit_comment(
        users["resident4"], proposals[0], "Only people who drive should get a say."
    )
    for reporter in ("resident", "resident2", "resident3"):
        service.report_item(users[reporter], "comment", target, "off_topic")
    db.session.flush()
