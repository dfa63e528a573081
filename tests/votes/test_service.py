"""The vote rules and totals, called directly, and the database's own guarantee."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from engage.extensions import db
from engage.permissions import Role, can
from engage.proposals.models import ProposalStatus
from engage.votes import service
from engage.votes.models import Vote, VoteChoice
from tests.factories import make_proposal, make_user, make_vote


def test_the_database_refuses_a_second_vote_row_for_the_same_person():
    proposal = make_proposal()
    user = make_user()
    make_vote(proposal, user, VoteChoice.AGREE)

    db.session.add(Vote(proposal_id=proposal.id, user_id=user.id, choice=VoteChoice.DISAGREE))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()

    assert db.session.scalar(select(func.count()).select_from(Vote)) == 1


def test_cast_vote_creates_then_updates_one_row():
    proposal = make_proposal()
    user = make_user()

    first = service.cast_vote(user, proposal, VoteChoice.AGREE)  # the vote's id
    db.session.commit()
    second = service.cast_vote(user, proposal, VoteChoice.UNSURE)
    db.session.commit()

    assert first == second
    assert db.session.scalar(select(func.count()).select_from(Vote)) == 1
    assert service.user_vote(user, proposal).choice == VoteChoice.UNSURE


@pytest.mark.parametrize("status", [ProposalStatus.CLOSED, ProposalStatus.DECIDED])
def test_cast_vote_refuses_closed_consultations(status):
    with pytest.raises(service.VoteError):
        service.cast_vote(make_user(), make_proposal(status), VoteChoice.AGREE)


def test_totals_split_adults_and_young_people():
    proposal = make_proposal()
    make_vote(proposal, make_user(), VoteChoice.AGREE)
    make_vote(proposal, make_user(), VoteChoice.DISAGREE)
    make_vote(proposal, make_user(Role.YOUNG_PERSON), VoteChoice.AGREE)
    make_vote(make_proposal(), make_user(), VoteChoice.AGREE)  # another proposal

    totals = service.vote_totals(proposal)

    assert totals.adults == {VoteChoice.AGREE: 1, VoteChoice.DISAGREE: 1, VoteChoice.UNSURE: 0}
    assert totals.young == {VoteChoice.AGREE: 1, VoteChoice.DISAGREE: 0, VoteChoice.UNSURE: 0}
    assert totals.total == 3
    assert totals.percent(VoteChoice.AGREE) == 67
    assert totals.percent(VoteChoice.UNSURE) == 0


def test_only_residents_and_young_people_may_vote():
    proposal = make_proposal()
    allowed = {role for role in Role if can("vote.cast", proposal, user=make_user(role))}

    assert allowed == {Role.RESIDENT, Role.YOUNG_PERSON}


def test_suspended_people_cannot_vote():
    from datetime import timedelta

    from engage.clock import utcnow

    user = make_user(suspended_until=utcnow() + timedelta(days=1))

    assert not can("vote.cast", make_proposal(), user=user)
