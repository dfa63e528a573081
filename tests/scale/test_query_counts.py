"""Each public page runs a fixed number of SQL queries, however much data there is.

Every page is requested at two sizes of data and its queries counted with SQLAlchemy's
before_cursor_execute event: the counts must be equal, so no page loads rows one by one (N+1).
"""

from engage.comments.models import CommentStatus
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from engage.votes.models import VoteChoice
from tests.factories import (
    make_comment,
    make_plan,
    make_priority,
    make_proposal,
    make_user,
    make_vote,
)
from tests.sql import queries


class Town:
    """A priority with proposals, a busy proposal, comments, replies and votes that can grow."""

    def __init__(self):
        self.priority = make_priority()
        self.plan = make_plan()
        self.proposal = make_proposal(priority=self.priority, plan=self.plan)
        self.reader = make_user()
        self.people = []
        self.grow(2)

    def grow(self, n: int) -> None:
        """Add n of everything: proposals of every status, people, comments, replies, votes."""
        for i in range(n):
            make_proposal(priority=self.priority, plan=self.plan if i % 2 else None)
            make_proposal(
                ProposalStatus.DECIDED,
                priority=self.priority,
                outcome_we_did="We did it.",
                decided_at=self.proposal.created_at,
            )
            make_proposal(ProposalStatus.CLOSED, priority=self.priority)
            make_proposal(ProposalStatus.DRAFT, priority=self.priority)
            person = make_user(Role.YOUNG_PERSON if i % 2 else Role.RESIDENT)
            staff = make_user(Role.OFFICER)
            self.people.append(person)
            top = make_comment(self.proposal, person)
            make_comment(self.proposal, staff, parent_id=top.id)
            make_comment(self.proposal, self.reader, status=CommentStatus.HELD)
            gone = make_comment(self.proposal, person, status=CommentStatus.DELETED, body="")
            make_comment(self.proposal, staff, parent_id=gone.id)
            make_vote(self.proposal, person, VoteChoice.DISAGREE if i % 2 else VoteChoice.AGREE)


def _pages(town: Town) -> list[str]:
    slug = town.priority.slug
    return [
        "/",
        f"/priorities/{slug}",
        f"/priorities/{slug}?sort=most-discussed",
        f"/priorities/{slug}?sort=closing-soon",
        f"/proposals/{town.proposal.id}",
        "/healthz",
    ]


def test_public_pages_run_the_same_queries_at_two_sizes(client):
    town = Town()
    small = {url: len(queries(client, url)) for url in _pages(town)}
    town.grow(8)
    large = {url: len(queries(client, url)) for url in _pages(town)}
    assert large == small
    # A fixed number is also a small number.
    assert max(small.values()) <= 15, small


def test_pages_for_a_signed_in_voter_run_the_same_queries_at_two_sizes(login_as):
    town = Town()
    make_vote(town.proposal, town.reader)
    reader = login_as(town.reader)
    small = {url: queries(reader, url) for url in _pages(town)}
    town.grow(8)
    large = {url: queries(reader, url) for url in _pages(town)}
    for url in small:
        assert len(large[url]) == len(small[url]), (url, small[url], large[url])
    # A signed-in reader's proposal page also asks whether they follow it, and the page names the
    # ideas it came from and links the consultation report: one query each, whatever the size.
    assert max(len(q) for q in small.values()) <= 16, {
        u: q for u, q in small.items() if len(q) > 16
    }
    page = reader.get(f"/proposals/{town.proposal.id}").get_data(as_text=True)
    assert "Waiting for a moderator" in page  # the reader's own held comments were on the page


def test_survey_pages_run_the_same_queries_at_two_sizes(client):
    from tests.surveys.helpers import add_responses, make_survey

    survey = make_survey()
    client.submit(f"/surveys/{survey.id}/age", {"age": "13-15"})
    pages = ["/surveys", f"/surveys/{survey.id}", f"/surveys/{survey.id}/q/1"]
    add_responses(survey, 2, values=["yes"])
    small = {url: len(queries(client, url)) for url in pages}
    for _ in range(3):
        make_survey()
    add_responses(survey, 30, values=["yes"])
    large = {url: len(queries(client, url)) for url in pages}
    assert large == small
