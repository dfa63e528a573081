"""The vote counters stay equal to a recount of the votes, whatever people do, in any order.

A seeded random sequence of what changes votes or whether they count: votes cast and changed
(through the vote form over HTTP, and through the service), young people's votes, addresses
confirmed and changed through their emailed links, contributions and accounts deleted through
their forms, proposals decided and their votes turned into tallies by retention. After every
step the counters must equal a fresh recount from the rows, and every proposal's totals must
equal those of a model of the same steps kept in plain Python.
"""

import random
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select

from engage.clock import utcnow
from engage.extensions import db
from engage.mail import outbox
from engage.permissions import Role
from engage.privacy.retention import apply_retention
from engage.proposals.models import Proposal, ProposalStatus
from engage.votes import counters, service
from engage.votes.models import VoteChoice, VoteCount
from tests.conftest import PASSWORD
from tests.factories import make_proposal, make_user

CHOICES = list(VoteChoice)


def kept_counters() -> dict:
    """The counters as stored (zeros left out: a counter brought back to 0 is no vote)."""
    rows = db.session.execute(
        select(VoteCount.proposal_id, VoteCount.choice, VoteCount.by_young_person, VoteCount.n)
    )
    return {(p, VoteChoice(c), bool(y)): n for p, c, y, n in rows if n}


def recounted() -> dict:
    """The counters a recount from the votes would write."""
    rows = db.session.execute(counters.counted_votes())
    return {(p, VoteChoice(c), bool(y)): n for p, c, y, n in rows}


class Town:
    """The site driven by real requests, and a model of what its totals must be."""

    def __init__(self, login_as, client, rng: random.Random):
        self.login_as, self.client, self.rng = login_as, client, rng
        self.proposals = [make_proposal() for _ in range(3)]
        self.decided: list[int] = []
        self.people: dict[int, dict] = {}
        self.votes: dict[tuple[int, int], VoteChoice] = {}  # (person, proposal) -> choice
        self.tally: Counter = Counter()  # (proposal, choice, young) -> votes kept by retention
        self.emails = 0
        for kind in ("confirmed", "confirmed", "unconfirmed", "unconfirmed", "young"):
            self.join(kind)

    def join(self, kind: str) -> None:
        """A new person signs in: a confirmed adult, an unconfirmed one, or a young person."""
        if kind == "young":
            user = make_user(Role.YOUNG_PERSON)
        else:
            user = make_user(verified=kind == "confirmed")
        self.people[user.id] = {
            "user": user,
            "client": self.login_as(user),
            "young": kind == "young",
            "counted": kind != "unconfirmed",
        }

    # Steps -------------------------------------------------------------------------------------

    def vote_by_form(self) -> None:
        """Someone casts or changes a vote with the vote form."""
        uid, person = self.rng.choice(list(self.people.items()))
        proposal = self.rng.choice(self.proposals)
        choice = self.rng.choice(CHOICES)
        response = person["client"].submit(
            f"/proposals/{proposal.id}/vote", {"choice": choice.value}
        )
        assert response.status_code == 302, response.status_code
        self.votes[(uid, proposal.id)] = choice

    def vote_by_service(self) -> None:
        """Someone's vote changes through the service, as another feature would call it."""
        uid, person = self.rng.choice(list(self.people.items()))
        proposal = self.rng.choice(self.proposals)
        choice = self.rng.choice(CHOICES)
        service.cast_vote(db.session.get(type(person["user"]), uid), proposal, choice)
        db.session.commit()
        self.votes[(uid, proposal.id)] = choice

    def confirm(self) -> None:
        """An unconfirmed adult asks for the link again and opens it."""
        waiting = [uid for uid, p in self.people.items() if not p["counted"]]
        if not waiting:
            return self.join("unconfirmed")
        uid = self.rng.choice(waiting)
        client = self.people[uid]["client"]
        assert client.submit("/account/verify/resend").status_code == 302
        self._open_link(client)
        self.people[uid]["counted"] = True

    def change_email(self) -> None:
        """An adult changes their address and confirms the new one (so it counts from then)."""
        adults = [uid for uid, p in self.people.items() if not p["young"]]
        if not adults:
            return self.join("confirmed")
        uid = self.rng.choice(adults)
        client = self.people[uid]["client"]
        self.emails += 1
        response = client.submit(
            "/account/email",
            {"email": f"moved{self.emails}@example.org", "current_password": PASSWORD},
        )
        assert response.status_code == 200, response.status_code
        self._open_link(client)
        self.people[uid]["counted"] = True

    def _open_link(self, client) -> None:
        message = outbox()[-1]
        path = message.get_content().split("localhost", 1)[1].split()[0]
        assert path.startswith("/account/verify/"), path
        assert client.submit(path).status_code == 302

    def delete_everything(self) -> None:
        """Someone deletes all their contributions (the account stays)."""
        uid = self._resident()
        client = self.people[uid]["client"]
        assert client.submit("/me/contributions/delete").status_code == 302
        self.votes = {k: c for k, c in self.votes.items() if k[0] != uid}

    def delete_account(self) -> None:
        """Someone deletes their account; a new person joins in their place."""
        uid = self._resident()
        kind = self.rng.choice(["confirmed", "unconfirmed", "young"])
        client = self.people.pop(uid)["client"]
        assert client.submit("/me/account/delete").status_code == 302
        self.votes = {k: c for k, c in self.votes.items() if k[0] != uid}
        self.join(kind)

    def _resident(self) -> int:
        return self.rng.choice(list(self.people))

    def decide_and_retain(self) -> None:
        """A proposal is decided long ago; retention turns its votes into anonymous tallies."""
        proposal = self.proposals.pop(self.rng.randrange(len(self.proposals)))
        row = db.session.get(Proposal, proposal.id)
        row.status = ProposalStatus.DECIDED
        row.outcome_we_did = "We did it."
        row.decided_at = utcnow() - timedelta(days=400)
        db.session.commit()
        apply_retention()
        db.session.commit()
        for (uid, pid), choice in list(self.votes.items()):
            if pid == proposal.id:
                person = self.people[uid]
                if person["counted"]:
                    self.tally[(pid, choice, person["young"])] += 1
                del self.votes[(uid, pid)]
        self.decided.append(proposal.id)
        self.proposals.append(make_proposal())

    # What the totals must be -------------------------------------------------------------------

    def expected(self) -> dict[int, dict]:
        """Each proposal's totals, from the model: counted people's votes plus the tallies."""
        out = {
            pid: {"adults": Counter(), "young": Counter()}
            for pid in [p.id for p in self.proposals] + self.decided
        }
        for (uid, pid), choice in self.votes.items():
            person = self.people[uid]
            if person["counted"]:
                out[pid]["young" if person["young"] else "adults"][choice] += 1
        for (pid, choice, young), n in self.tally.items():
            out[pid]["young" if young else "adults"][choice] += n
        return out

    def assert_totals(self) -> None:
        """The totals the pages show equal the model's."""
        expected = self.expected()
        totals = service.vote_totals_for(list(expected))
        for pid, want in expected.items():
            got = totals[pid]
            assert {c: got.adults[c] for c in CHOICES} == {c: want["adults"][c] for c in CHOICES}
            assert {c: got.young[c] for c in CHOICES} == {c: want["young"][c] for c in CHOICES}


STEPS = [
    ("vote_by_form", 8),
    ("vote_by_service", 4),
    ("confirm", 2),
    ("change_email", 1),
    ("delete_everything", 1),
    ("delete_account", 1),
    ("decide_and_retain", 1),
]


@pytest.mark.parametrize("seed", [19, 2040])
def test_counters_equal_a_recount_after_every_step(login_as, client, seed):
    rng = random.Random(seed)  # reproducible test steps, not secrets  # nosec B311
    town = Town(login_as, client, rng)
    names, weights = zip(*STEPS, strict=True)
    # Every kind of step at least once, the rest drawn by weight, in a random order.
    steps = [*names, *rng.choices(names, weights, k=40 - len(names))]
    rng.shuffle(steps)
    done = []
    for step in steps:
        getattr(town, step)()
        done.append(step)
        db.session.expire_all()
        assert kept_counters() == recounted(), done
        town.assert_totals()


def test_a_changed_vote_moves_one_count_and_a_repeated_one_none():
    proposal, user = make_proposal(), make_user()
    service.cast_vote(user, proposal, VoteChoice.AGREE)
    service.cast_vote(user, proposal, VoteChoice.AGREE)
    db.session.commit()
    assert kept_counters() == {(proposal.id, VoteChoice.AGREE, False): 1}
    service.cast_vote(user, proposal, VoteChoice.UNSURE)
    db.session.commit()
    assert kept_counters() == {(proposal.id, VoteChoice.UNSURE, False): 1}


def test_recount_repairs_counters_that_drifted(app):
    proposal = make_proposal()
    for choice in (VoteChoice.AGREE, VoteChoice.AGREE, VoteChoice.DISAGREE):
        service.cast_vote(make_user(), proposal, choice)
    service.cast_vote(make_user(verified=False), proposal, VoteChoice.UNSURE)
    db.session.commit()
    counters.add_vote_counts([(proposal.id, VoteChoice.AGREE, False, 5)])  # drift
    db.session.commit()
    assert service.vote_totals(proposal).adults[VoteChoice.AGREE] == 7

    result = app.test_cli_runner().invoke(args=["engage", "recount-votes"])

    assert result.exit_code == 0, result.output
    assert "Vote counters rebuilt: 2 counters." in result.output
    db.session.expire_all()
    assert kept_counters() == recounted()
    assert service.vote_totals(proposal).adults == {
        VoteChoice.AGREE: 2,
        VoteChoice.DISAGREE: 1,
        VoteChoice.UNSURE: 0,
    }
