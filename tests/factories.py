"""Small builders for test data, committed so the app's own requests can see it."""

import itertools
from datetime import timedelta

from engage.accounts.models import STAFF_ROLES, AgeBand, Connection, User
from engage.clock import utcnow
from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import Board, Plan, Priority, Proposal, ProposalStatus
from engage.votes.models import Vote, VoteChoice
from tests.conftest import PASSWORD, TOTP_SECRET

_seq = itertools.count(1)


def make_user(role: Role | str = Role.RESIDENT, *, verified: bool = True, **fields) -> User:
    """An account of the given role; young people get a username and no email.

    Email accounts have a confirmed address unless `verified=False`. Staff get the known
    authenticator secret TOTP_SECRET, already confirmed (mfa=False: none).
    """
    n = next(_seq)
    role = Role(role)
    young = role == Role.YOUNG_PERSON
    if role in STAFF_ROLES and fields.pop("mfa", True):
        fields.setdefault("totp_secret", TOTP_SECRET)
        fields.setdefault("mfa_enrolled_at", utcnow())
    fields.pop("mfa", None)
    if verified and not young:
        fields.setdefault("email_verified_at", utcnow())
    user = User(
        role=role,
        email=None if young else fields.pop("email", f"person{n}@example.org"),
        username=fields.pop("username", f"young{n}") if young else fields.pop("username", None),
        pseudonym=fields.pop("pseudonym", f"Test Otter {n}"),
        age_band=fields.pop("age_band", AgeBand.B13_15 if young else AgeBand.B25_44),
        connection=fields.pop("connection", Connection.LIVE),
        **fields,
    )
    user.set_password(PASSWORD)
    db.session.add(user)
    db.session.commit()
    return user


def make_priority(**fields) -> Priority:
    """A priority with a unique slug."""
    n = next(_seq)
    priority = Priority(
        slug=fields.pop("slug", f"priority-{n}"),
        title=fields.pop("title", f"Priority {n}"),
        description=fields.pop("description", "What the council wants to achieve."),
        youth_description=fields.pop("youth_description", "What this means for you."),
        position=fields.pop("position", n),
        **fields,
    )
    db.session.add(priority)
    db.session.commit()
    return priority


def make_plan(**fields) -> Plan:
    """A plan delivered by a board."""
    n = next(_seq)
    board = Board(name=f"Board {n}", description="A partnership board.")
    plan = Plan(name=fields.pop("name", f"Plan {n}"), board=board)
    db.session.add_all([board, plan])
    db.session.commit()
    return plan


def make_proposal(status: ProposalStatus | str = ProposalStatus.OPEN, **fields) -> Proposal:
    """A proposal; open ones opened yesterday and close in 30 days unless told otherwise."""
    n = next(_seq)
    now = utcnow()
    status = ProposalStatus(status)
    priority = fields.pop("priority", None) or make_priority()
    closes = now + timedelta(days=30) if status == ProposalStatus.OPEN else now - timedelta(days=1)
    proposal = Proposal(
        priority_id=priority.id,
        title=fields.pop("title", f"Proposal {n}"),
        summary=fields.pop("summary", "A short summary."),
        youth_summary=fields.pop("youth_summary", "What it means, in plain words."),
        body=fields.pop("body", "The full proposal."),
        who_decides=fields.pop("who_decides", "The Executive"),
        status=status,
        opens_at=fields.pop("opens_at", now - timedelta(days=10)),
        closes_at=fields.pop("closes_at", closes),
        **fields,
    )
    db.session.add(proposal)
    db.session.commit()
    return proposal


def make_comment(proposal: Proposal, author: User, **fields) -> Comment:
    """A comment, published unless told otherwise; keeps the proposal's count right."""
    from engage.comments.service import refresh_comment_count

    comment = Comment(
        proposal_id=proposal.id,
        author_id=author.id,
        body=fields.pop("body", "I think this is a good idea."),
        status=fields.pop("status", CommentStatus.PUBLISHED),
        by_young_person=author.is_young,
        **fields,
    )
    db.session.add(comment)
    db.session.flush()
    refresh_comment_count(proposal.id)
    db.session.commit()
    return comment


def make_vote(proposal: Proposal, user: User, choice: VoteChoice | str = VoteChoice.AGREE) -> Vote:
    """A vote (on any proposal, open or not), counted in the totals as cast_vote counts it."""
    from engage.votes.counters import add_vote_counts, counts_votes

    vote = Vote(
        proposal_id=proposal.id,
        user_id=user.id,
        choice=VoteChoice(choice),
        by_young_person=user.is_young,
    )
    db.session.add(vote)
    if counts_votes(user):
        db.session.flush()
        add_vote_counts([(proposal.id, vote.choice, vote.by_young_person, 1)])
    db.session.commit()
    return vote


def make_voters(proposal: Proposal, n: int, *, batch: str = "", unconfirmed_every: int = 0) -> None:
    """n people who voted on the proposal, written in bulk and counted with one recount: every
    fourth a young person, and with `unconfirmed_every` an adult in that many with an address
    nobody confirmed (their votes do not count). Name each `batch` on the same proposal."""
    import sqlalchemy as sa

    from engage.votes.counters import recount_votes

    tag = f"Voter {proposal.id}{batch}"
    now = utcnow()
    young = [i % 4 == 0 for i in range(n)]
    db.session.execute(
        sa.insert(User),
        [
            {
                "role": Role.YOUNG_PERSON if young[i] else Role.RESIDENT,
                "email": None if young[i] else f"p{proposal.id}{batch}v{i}@example.org",
                "username": f"p{proposal.id}{batch}v{i}" if young[i] else None,
                "pseudonym": f"{tag} Otter {i}",
                "age_band": AgeBand.B13_15 if young[i] else AgeBand.B25_44,
                "password_hash": "!",
                "email_verified_at": None
                if young[i] or (unconfirmed_every and i % unconfirmed_every == 1)
                else now,
            }
            for i in range(n)
        ],
    )
    people = db.session.execute(
        sa.select(User.id, User.role).where(User.pseudonym.like(f"{tag} %"))
    ).all()
    choices = list(VoteChoice)
    db.session.execute(
        sa.insert(Vote),
        [
            {
                "proposal_id": proposal.id,
                "user_id": uid,
                "choice": choices[k % 3],
                "by_young_person": role == Role.YOUNG_PERSON,
            }
            for k, (uid, role) in enumerate(people)
        ],
    )
    recount_votes([proposal.id])
    db.session.commit()
