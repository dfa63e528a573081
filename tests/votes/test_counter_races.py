"""Votes at the same instant, each in its own transaction: the counters lose nothing.

The first transaction changes the counters and then holds its commit until the second is waiting
for its lock (PostgreSQL: a row lock; SQLite: the database's one write lock). A counter read,
added to and written back would lose one of the two; a vote changed from a choice read before
the other committed would take one away twice.
"""

import threading

from engage.accounts import service as accounts
from engage.accounts.models import User
from engage.extensions import db
from engage.mail import outbox
from engage.proposals.models import Proposal
from engage.votes import service
from engage.votes.models import VoteChoice
from tests.factories import make_proposal, make_user
from tests.races import hold_until_another_waits
from tests.votes.test_counters import kept_counters, recounted


def _at_once(app, first, second) -> None:
    """Run first(), hold its transaction until second() waits for it, commit; second commits."""
    started = threading.Event()
    errors = []

    def run(work, hold: bool) -> None:
        try:
            with app.app_context():
                work()
                if hold:
                    started.set()
                    hold_until_another_waits()
                db.session.commit()
        except Exception as err:  # noqa: BLE001 - reported by the test
            errors.append(err)
            started.set()

    one = threading.Thread(target=run, args=(first, True))
    one.start()
    assert started.wait(10)
    two = threading.Thread(target=run, args=(second, False))
    two.start()
    one.join(30)
    two.join(30)
    assert not errors, errors
    db.session.expire_all()


def _vote(user_id: int, proposal_id: int, choice: VoteChoice):
    def work():
        service.cast_vote(
            db.session.get(User, user_id), db.session.get(Proposal, proposal_id), choice
        )

    return work


def test_two_people_voting_at_once_are_both_counted(app):
    proposal = make_proposal()
    first, second = make_user(), make_user()
    pid = proposal.id

    _at_once(app, _vote(first.id, pid, VoteChoice.AGREE), _vote(second.id, pid, VoteChoice.AGREE))

    assert kept_counters() == {(pid, VoteChoice.AGREE, False): 2} == recounted()


def test_two_changes_of_one_vote_at_once_leave_one_vote_counted(app):
    proposal, user = make_proposal(), make_user()
    service.cast_vote(user, proposal, VoteChoice.AGREE)
    db.session.commit()
    pid, uid = proposal.id, user.id

    _at_once(app, _vote(uid, pid, VoteChoice.DISAGREE), _vote(uid, pid, VoteChoice.UNSURE))

    assert kept_counters() == {(pid, VoteChoice.UNSURE, False): 1} == recounted()


def test_a_vote_cast_while_its_voter_confirms_their_address_counts_once(app):
    proposal, user = make_proposal(), make_user(verified=False)
    service.cast_vote(user, proposal, VoteChoice.AGREE)
    accounts.send_verification(user)
    db.session.commit()
    secret = outbox()[-1].get_content().split("/account/verify/", 1)[1].split()[0]
    pid, uid = proposal.id, user.id
    other = make_proposal().id

    _at_once(app, lambda: accounts.verify_email(secret), _vote(uid, other, VoteChoice.DISAGREE))

    assert (
        kept_counters()
        == {(pid, VoteChoice.AGREE, False): 1, (other, VoteChoice.DISAGREE, False): 1}
        == recounted()
    )
