"""Voting agree, disagree or not sure through the proposal page."""

import re

import pytest
from sqlalchemy import select

from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from engage.votes.models import Vote, VoteChoice
from tests.accounts.helpers import page, radio_checked
from tests.factories import make_proposal, make_user, make_vote


def vote(client, proposal, choice, **kwargs):
    return client.submit(f"/proposals/{proposal.id}/vote", {"choice": choice}, **kwargs)


def votes_on(proposal) -> list[Vote]:
    db.session.expire_all()
    return list(db.session.scalars(select(Vote).where(Vote.proposal_id == proposal.id)))


def row(html: str, label: str) -> list[str]:
    """The adults / young people / all figures in the totals table row for `label`."""
    match = re.search(rf"{label}\s*<span[^>]*></span>\s*</th>(.*?)</tr>", html, re.S)
    return [c.strip() for c in re.findall(r"<td[^>]*>([^<]*)</td>", match.group(1))]


@pytest.mark.parametrize("choice", ["agree", "disagree", "unsure"])
def test_resident_votes(login_as, choice):
    proposal = make_proposal()
    user = make_user()
    client = login_as(user)

    response = vote(client, proposal, choice)

    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/proposals/{proposal.id}#vote")
    (saved,) = votes_on(proposal)
    assert saved.user_id == user.id
    assert saved.choice == VoteChoice(choice)
    assert not saved.by_young_person
    html = page(client.get(f"/proposals/{proposal.id}"))
    assert "You voted:" in html
    assert radio_checked(html, "choice", choice)


def test_young_person_votes_and_is_counted_apart(login_as):
    proposal = make_proposal()

    assert vote(login_as(make_user(Role.YOUNG_PERSON)), proposal, "agree").status_code == 302

    (saved,) = votes_on(proposal)
    assert saved.by_young_person


def test_changing_a_vote_updates_it_rather_than_adding_one(login_as):
    proposal = make_proposal()
    client = login_as(make_user())

    vote(client, proposal, "agree")
    vote(client, proposal, "disagree")

    (saved,) = votes_on(proposal)
    assert saved.choice == VoteChoice.DISAGREE


def test_a_double_submitted_vote_counts_once(login_as, client):
    proposal = make_proposal()
    voter = login_as(make_user())
    token = voter.csrf_token()

    # The same form sent twice, as a double click does.
    for _ in range(2):
        response = voter.post(
            f"/proposals/{proposal.id}/vote", data={"choice": "agree", "csrf_token": token}
        )
        assert response.status_code == 302

    assert len(votes_on(proposal)) == 1
    assert "1 vote so far" in page(client.get(f"/proposals/{proposal.id}"))


def test_totals_are_split_between_adults_and_young_people(client):
    proposal = make_proposal()
    for choice in ("agree", "agree", "disagree"):
        make_vote(proposal, make_user(), choice)
    for choice in ("agree", "unsure", "unsure"):
        make_vote(proposal, make_user(Role.YOUNG_PERSON), choice)

    html = page(client.get(f"/proposals/{proposal.id}"))

    assert "6 votes so far" in html
    assert row(html, "Agree") == ["2", "1", "3 (50%)"]
    assert row(html, "Disagree") == ["1", "0", "1 (17%)"]
    assert row(html, "Not sure") == ["0", "2", "2 (33%)"]


def test_no_votes_yet_shows_zeroes(client):
    proposal = make_proposal()

    html = page(client.get(f"/proposals/{proposal.id}"))

    assert "0 votes so far" in html
    assert row(html, "Agree") == ["0", "0", "0 (0%)"]


def test_missing_or_unknown_choice_is_refused(login_as):
    proposal = make_proposal()
    client = login_as(make_user())

    missing = vote(client, proposal, "")
    unknown = vote(client, proposal, "maybe")

    assert missing.status_code == unknown.status_code == 400
    assert "Choose agree, disagree or not sure" in page(missing)
    assert "<title>Error: " in page(missing)
    assert votes_on(proposal) == []


@pytest.mark.parametrize("status", [ProposalStatus.CLOSED, ProposalStatus.DECIDED])
def test_voting_closes_with_the_consultation(login_as, status):
    proposal = make_proposal(status)
    user = make_user()
    make_vote(proposal, user, "agree")
    client = login_as(user)

    assert vote(client, proposal, "disagree").status_code == 403

    (saved,) = votes_on(proposal)
    assert saved.choice == VoteChoice.AGREE
    html = page(client.get(f"/proposals/{proposal.id}"))
    assert "Voting has closed." in html
    assert f'action="/proposals/{proposal.id}/vote"' not in html
    assert "1 vote so far" in html


@pytest.mark.parametrize("role", [Role.MODERATOR, Role.SAFEGUARDING_LEAD, Role.OFFICER, Role.ADMIN])
def test_staff_cannot_vote(login_as, role):
    proposal = make_proposal()
    client = login_as(make_user(role))

    assert vote(client, proposal, "agree").status_code == 403
    assert votes_on(proposal) == []
    html = page(client.get(f"/proposals/{proposal.id}"))
    assert "Council staff accounts do not vote." in html
    assert f'action="/proposals/{proposal.id}/vote"' not in html


def test_anonymous_visitors_are_asked_to_sign_in_to_vote(client):
    proposal = make_proposal()

    response = vote(client, proposal, "agree")

    assert response.status_code == 302
    assert "/account/sign-in" in response.headers["Location"]
    assert votes_on(proposal) == []
    assert "to vote and comment" in page(client.get(f"/proposals/{proposal.id}"))


def test_vote_on_a_draft_is_404(login_as):
    draft = make_proposal(ProposalStatus.DRAFT)

    assert vote(login_as(make_user()), draft, "agree").status_code == 404


def test_vote_without_csrf_token_is_rejected(login_as):
    proposal = make_proposal()
    client = login_as(make_user())

    assert (
        client.post(f"/proposals/{proposal.id}/vote", data={"choice": "agree"}).status_code == 400
    )
    assert votes_on(proposal) == []
