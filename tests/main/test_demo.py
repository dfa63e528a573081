"""`flask engage seed-demo`: the Luton demo data, loaded once."""

import re

from sqlalchemy import func, select

from engage.accounts.models import STAFF_ROLES, User
from engage.comments.models import Comment
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import Board, Plan, Priority, Proposal, ProposalStatus
from engage.votes.models import Vote
from tests.conftest import totp_code

SLUGS = [
    "inclusive-economy",
    "improving-wellbeing",
    "child-friendly-town",
    "net-zero-town",
    "empowered-community",
]


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def snapshot() -> dict:
    db.session.expire_all()
    return {m.__name__: count(m) for m in (Priority, Board, Plan, Proposal, Comment, Vote, User)}


def test_seed_demo_loads_the_demo_once(app, client):
    from engage.demo.seed import DEMO_LOGINS

    runner = app.test_cli_runner()

    first = runner.invoke(args=["engage", "seed-demo", "--quiet"])
    assert first.exit_code == 0, first.output
    assert "Loaded the Luton demo data." in first.output
    loaded = snapshot()

    second = runner.invoke(args=["engage", "seed-demo"])
    assert second.exit_code == 0, second.output
    assert "nothing added" in second.output
    assert snapshot() == loaded
    # Without --quiet it prints the demo logins, one per role, and they work.
    logins = DEMO_LOGINS()
    assert {role for role, _login, _password, _totp in logins} == {r.value for r in Role}
    assert all(login in second.output for _role, login, _password, _totp in logins)
    # Staff logins carry their authenticator key (base32) as a fourth column; residents none.
    for role, login, _password, totp in logins:
        assert bool(totp) == (Role(role) in STAFF_ROLES)
        if totp:
            assert re.search(rf"{re.escape(login)}\s+\S+\s+{totp}", second.output)
    # ...and the join codes a class can use at once.
    assert "Demo join codes" in second.output
    for code in ("K7P2", "M4RF", "S6TH"):
        assert code in second.output
    # The addresses it prints are real pages: where to type a code, and each code's own.
    typed_at = re.search(r"type one at (/\S+?),", second.output).group(1)
    assert client.get(typed_at).status_code == 200
    opened = re.search(r"K7P2\s+(/\S+)", second.output).group(1)
    joined = client.get(opened)
    assert joined.status_code == 302 and "/surveys/" in joined.location
    assert "Demo join codes" not in first.output  # --quiet prints neither
    _role, login, password, totp = next(item for item in logins if item[0] == "officer")
    signed_in = client.submit("/account/sign-in", {"login": login, "password": password})
    assert signed_in.location.endswith("/account/two-factor")
    coded = client.submit("/account/two-factor", {"code": totp_code(totp)})
    assert coded.status_code == 302
    assert client.get("/manage/proposals").status_code == 200

    priorities = list(db.session.scalars(select(Priority).order_by(Priority.position)))
    assert [p.slug for p in priorities] == SLUGS
    assert loaded["Board"] == 2
    assert loaded["Plan"] == 4
    assert loaded["Comment"] > 0
    assert loaded["Vote"] > 0

    for priority in priorities:
        statuses = set(
            db.session.scalars(select(Proposal.status).where(Proposal.priority_id == priority.id))
        )
        total = count_where(Proposal.priority_id == priority.id)
        assert total >= 3, priority.slug
        assert {ProposalStatus.OPEN, ProposalStatus.CLOSED, ProposalStatus.DECIDED} <= statuses

    roles = set(db.session.scalars(select(User.role).where(User.password_hash != "!demo-voter")))
    assert roles == set(Role)
    decided = db.session.scalars(select(Proposal).where(Proposal.status == ProposalStatus.DECIDED))
    assert all(p.outcome_we_did for p in decided)
    home = client.get("/").get_data(as_text=True)
    assert all(f'href="/priorities/{slug}"' in home for slug in SLUGS)


def count_where(condition) -> int:
    return db.session.scalar(select(func.count()).select_from(Proposal).where(condition))
