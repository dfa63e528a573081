"""Load the demo content into the database through the same models the app uses."""

import random
from datetime import timedelta

from engage.accounts.models import AgeBand, Connection, User, generate_pseudonym
from engage.accounts.service import unique_pseudonym
from engage.clock import today, utcnow
from engage.comments.models import Comment, CommentStatus
from engage.comments.service import refresh_comment_count
from engage.demo import content
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import (
    Board,
    Plan,
    Priority,
    Proposal,
    ProposalDocument,
    ProposalStatus,
)
from engage.proposals.service import end_of_day, start_of_day
from engage.votes.models import Vote, VoteChoice


def DEMO_LOGINS() -> list[tuple[str, str, str, str]]:  # noqa: N802 - reads like the constant
    """(role, login, password, TOTP secret or "") for each demo account, for `make run` to print."""
    return [
        (u["role"], u.get("email") or u["username"], u["password"], u.get("totp_secret", ""))
        for u in content.DEMO_USERS.values()
    ]


def _users() -> dict[str, User]:
    users = {}
    for key, spec in content.DEMO_USERS.items():
        user = User(
            role=Role(spec["role"]),
            email=spec.get("email"),
            username=spec.get("username"),
            display_name=spec.get("display_name"),
            pseudonym=unique_pseudonym(),
            age_band=AgeBand(spec.get("age_band", "prefer_not")),
            connection=Connection(spec.get("connection", "live")),
            postcode_district=spec.get("postcode_district"),
            # Demo addresses are confirmed, so their votes and comments show straight away.
            email_verified_at=utcnow() if spec.get("email") else None,
        )
        user.set_password(spec["password"])
        if spec.get("totp_secret"):
            # Demo staff have their second factor set up already, from a secret `make run` prints.
            user.totp_secret = spec["totp_secret"]
            user.mfa_enrolled_at = utcnow()
        db.session.add(user)
        users[key] = user
    db.session.flush()
    return users


def _voters(count: int, rng: random.Random) -> list[User]:
    """Extra residents so the demo vote totals are real rows, not invented numbers."""
    voters = []
    for i in range(count):
        young = i % 4 == 0
        user = User(
            role=Role.YOUNG_PERSON if young else Role.RESIDENT,
            username=f"demo_voter_{i}" if young else None,
            email=None if young else f"voter{i}@example.org",
            pseudonym=f"{generate_pseudonym()} v{i}",
            age_band=rng.choice([AgeBand.B13_15, AgeBand.B16_17])
            if young
            else rng.choice([AgeBand.B18_24, AgeBand.B25_44, AgeBand.B45_64, AgeBand.B65_PLUS]),
            connection=Connection.LIVE,
            # Demo voters never sign in: an unusable hash, not a password.
            password_hash="!demo-voter",  # an unusable hash  # nosec B106
            email_verified_at=None if young else utcnow(),
        )
        voters.append(user)
    db.session.add_all(voters)
    db.session.flush()
    return voters


def load_demo(seed: int = 2040) -> None:
    """Create priorities, boards, plans, proposals, comments, votes and one account per role."""
    rng = random.Random(seed)  # reproducible demo data, not secrets  # nosec B311
    now = utcnow()
    priorities = {}
    for position, spec in enumerate(content.PRIORITIES):
        p = Priority(
            slug=spec["slug"],
            position=position,
            title=spec["title"],
            description=spec["description"],
            youth_description=spec["youth_description"],
        )
        db.session.add(p)
        priorities[spec["slug"]] = p
    plans = {}
    for spec in content.BOARDS:
        board = Board(name=spec["name"], description=spec["description"])
        db.session.add(board)
        for name in spec["plans"]:
            description, serves = spec.get("plan_details", {}).get(name, ("", []))
            plans[name] = Plan(
                name=name,
                board=board,
                description=description,
                priorities=[priorities[slug] for slug in serves],
            )
            db.session.add(plans[name])
    users = _users()
    officer = users["officer"]
    most_votes = max(sum(p["votes"].values()) for p in content.PROPOSALS)
    voters = _voters(most_votes, rng)
    for spec in content.PROPOSALS:
        proposal = Proposal(
            priority=priorities[spec["priority"]],
            plan=plans.get(spec["plan"]) if spec["plan"] else None,
            title=spec["title"],
            summary=spec["summary"],
            youth_summary=spec["youth_summary"],
            body=spec["body"],
            who_decides=spec["who_decides"],
            status=ProposalStatus(spec["status"]),
            opens_at=start_of_day(today() + timedelta(days=spec["opens_days"])),
            closes_at=end_of_day(today() + timedelta(days=spec["closes_days"])),
            decision_due=today() + timedelta(days=spec["decision_days"]),
            created_by_id=officer.id,
            created_at=now + timedelta(days=min(spec["opens_days"], 0) - 7),
        )
        proposal.documents = [ProposalDocument(title=t, url=u) for t, u in spec["documents"]]
        if spec["outcome"]:
            proposal.outcome_you_said = spec["outcome"]["you_said"]
            proposal.outcome_we_did = spec["outcome"]["we_did"]
            proposal.outcome_why = spec["outcome"]["why"]
            proposal.decided_at = now + timedelta(days=spec["decision_days"])
        db.session.add(proposal)
        db.session.flush()
        posted = proposal.opens_at or now
        for i, c in enumerate(spec["comments"]):
            parent = _comment(proposal, users[c["author"]], c["body"], posted + timedelta(hours=i))
            for j, r in enumerate(c.get("replies", [])):
                reply = _comment(
                    proposal,
                    users[r["author"]],
                    r["body"],
                    posted + timedelta(hours=i, minutes=j + 5),
                )
                reply.parent = parent
        pool = rng.sample(voters, sum(spec["votes"].values()))
        for choice, count in spec["votes"].items():
            for voter in pool[:count]:
                db.session.add(
                    Vote(
                        proposal_id=proposal.id,
                        user_id=voter.id,
                        choice=VoteChoice(choice),
                        by_young_person=voter.is_young,
                    )
                )
            pool = pool[count:]
        db.session.flush()
        refresh_comment_count(proposal.id)
    from engage.demo.surveys import load_surveys

    load_surveys(rng, officer, priorities)
    from engage.demo.moderation import load_moderation_demo

    load_moderation_demo(users)
    from engage.demo.ideas import load_ideas

    load_ideas(users, priorities)
    # The demo's rows were written directly, not through the services that index and count them.
    from engage.search.service import reindex
    from engage.votes.counters import recount_votes

    reindex()
    recount_votes()


def _comment(proposal, author, body, when) -> Comment:
    # Demo comments from young people are shown as already approved by a moderator.
    comment = Comment(
        proposal_id=proposal.id,
        author=author,
        body=body,
        status=CommentStatus.PUBLISHED,
        by_young_person=author.is_young,
        created_at=when,
    )
    db.session.add(comment)
    return comment


# Join codes ------------------------------------------------------------------------------------
# Printed by `make run` after the logins, so a class can try the survey straight away.


def DEMO_JOIN_CODES() -> list[tuple[str, str, str]]:  # noqa: N802 - reads like DEMO_LOGINS
    """(code, group, survey title) for each demo join code that still works."""
    from sqlalchemy import select

    from engage.surveys.models import JoinCode, Survey

    now = utcnow()
    rows = db.session.execute(
        select(JoinCode.code, JoinCode.label, Survey.title)
        .join(Survey, Survey.id == JoinCode.survey_id)
        .order_by(JoinCode.id)
    ).all()
    expiry = dict(db.session.execute(select(JoinCode.code, JoinCode.expires_at)).all())
    return [
        (code, label, title)
        for code, label, title in rows
        if expiry[code] is None or expiry[code] > now
    ]
