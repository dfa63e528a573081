"""A vote or a comment costs a fixed, small number of SQL statements, and none after its commit.

Counted as in tests/scale/test_query_counts.py, with the commit marked: whatever the next page
needs is read before the commit, because the commit expires every object the request loaded and
reading one again after it is another query (issue #19: the vote POST ran 11 statements, the
comment POST 20).
"""

import contextlib

import sqlalchemy as sa
from sqlalchemy import func, select

from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.notifications.models import Follow
from engage.permissions import Role
from engage.proposals.models import Proposal
from engage.search.models import SearchEntry
from engage.votes.models import Vote, VoteChoice
from tests.factories import make_comment, make_proposal, make_user, make_vote
from tests.votes.test_counters import kept_counters, recounted

COMMIT = "-- commit --"


def vote_statements() -> int:
    """The proposal's plan, the account, the voter's lock (which reads whether their votes
    count), the vote read, the vote written, the counters; PostgreSQL reads the locked account
    separately."""
    return 6 if db.engine.dialect.name == "sqlite" else 7


@contextlib.contextmanager
def counting():
    """The statements run inside the block, with COMMIT where each commit happened."""
    seen: list[str] = []

    def statement(conn, cursor, text, *args):
        seen.append(text)

    def commit(conn):
        seen.append(COMMIT)

    sa.event.listen(db.engine, "before_cursor_execute", statement)
    sa.event.listen(db.engine, "commit", commit)
    try:
        yield seen
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", statement)
        sa.event.remove(db.engine, "commit", commit)


def posted(client, url: str, data: dict) -> list[str]:
    """The statements one POST runs (its CSRF token fetched first), checked to redirect."""
    data = {**data, "csrf_token": client.csrf_token()}
    with counting() as seen:
        response = client.post(url, data=data)
    assert response.status_code == 302, (url, response.status_code)
    assert seen.count(COMMIT) == 1, seen
    return seen


def after_commit(seen: list[str]) -> list[str]:
    return seen[seen.index(COMMIT) + 1 :]


def _vote_statements(login_as, others: int) -> list[list[str]]:
    """A new vote and two changes of it, on a proposal with `others` votes already."""
    proposal, voter = make_proposal(), make_user()
    for _ in range(others):
        make_vote(proposal, make_user(), VoteChoice.DISAGREE)
    client = login_as(voter)
    url = f"/proposals/{proposal.id}/vote"
    return [posted(client, url, {"choice": c}) for c in ("agree", "unsure", "unsure")]


def test_a_vote_costs_a_few_statements_whatever_the_votes_and_none_after_its_commit(login_as):
    small = _vote_statements(login_as, 1)
    large = _vote_statements(login_as, 12)
    assert [len(s) for s in small] == [len(s) for s in large], (small, large)
    for seen in small:
        assert after_commit(seen) == [], seen
        assert len(seen) - 1 <= vote_statements(), seen
        # The proposal as the vote decides on it (status and dates), not its words.
        read = [t for t in seen if t.startswith("SELECT") and "FROM proposal" in t]
        assert len(read) == 1 and "proposal.body" not in read[0], seen
    # The same choice again writes nothing: no vote changed, no counter moved.
    assert len(small[2]) < len(small[1])


def test_the_vote_posts_keep_the_counters_exact(login_as):
    proposal, voter = make_proposal(), make_user()
    make_vote(proposal, make_user(), VoteChoice.AGREE)
    client = login_as(voter)
    for choice in ("agree", "disagree", "disagree", "unsure", "agree"):
        posted(client, f"/proposals/{proposal.id}/vote", {"choice": choice})
    db.session.expire_all()
    assert kept_counters() == {(proposal.id, VoteChoice.AGREE, False): 2} == recounted()
    assert db.session.scalar(select(func.count()).select_from(Vote)) == 2


def test_the_messages_after_a_vote_are_in_the_voters_language(login_as):
    proposal = make_proposal()
    client = login_as(make_user(verified=False, locale="pl"))
    seen = posted(client, f"/proposals/{proposal.id}/vote", {"choice": "agree"})
    assert after_commit(seen) == []
    # Both messages, worded before the commit, in the language on the account.
    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "Twój głos został zapisany." in page
    assert "Twój głos zostanie policzony, gdy potwierdzisz swój adres e-mail." in page
    english = login_as(make_user(verified=False))
    posted(english, f"/proposals/{proposal.id}/vote", {"choice": "agree"})
    page = english.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "Your vote has been saved." in page
    assert "Your vote will count once you confirm your email address." in page
    assert kept_counters() == {}  # neither address is confirmed: neither vote counts yet


def _comment_statements(login_as, others: int, role=Role.RESIDENT) -> list[str]:
    """One comment, posted as the comment box posts it, on a proposal with `others` comments."""
    proposal = make_proposal()
    for _ in range(others):
        make_comment(proposal, make_user())
    client = login_as(make_user(role))
    return posted(
        client, f"/proposals/{proposal.id}/comments", {"body": "More buses to Stopsley, please."}
    )


def test_a_comment_costs_a_few_statements_whatever_the_comments_and_none_after_its_commit(
    login_as,
):
    small = _comment_statements(login_as, 1)
    large = _comment_statements(login_as, 12)
    assert len(small) == len(large), (small, large)
    assert after_commit(small) == [], small
    # The proposal's plan, the account, the comment, one more on its proposal's count, its search
    # entry (its words read, the old entry removed, the new one written) and the follow: not the
    # moderation case (none for a published comment), not help links (an adult's words never get
    # them), not an earlier post (the form came without a token).
    assert len(small) - 1 <= 8, small
    # The count goes up by one: the proposal's comments are not counted again.
    counted = [t for t in small if t.startswith("UPDATE proposal")]
    assert len(counted) == 1 and "count(" not in counted[0].lower(), small


def test_a_held_comment_also_costs_a_fixed_number_and_none_after_its_commit(login_as):
    small = _comment_statements(login_as, 1, Role.YOUNG_PERSON)
    large = _comment_statements(login_as, 12, Role.YOUNG_PERSON)
    assert len(small) == len(large), (small, large)
    assert after_commit(small) == [], small


def test_a_posted_comment_is_checked_counted_indexed_and_followed(login_as):
    proposal = make_proposal()
    make_comment(proposal, make_user())
    author = make_user()
    client = login_as(author)
    url = f"/proposals/{proposal.id}/comments"
    posted(client, url, {"body": "The 27 bus is always late."})
    posted(client, url, {"body": "Call me on 07700 900123 about it."})  # held: a phone number
    db.session.expire_all()
    statuses = db.session.scalars(
        select(Comment.status).where(Comment.author_id == author.id).order_by(Comment.id)
    ).all()
    assert statuses == [CommentStatus.PUBLISHED, CommentStatus.HELD]
    assert db.session.get(Proposal, proposal.id).comment_count == 2
    follows = db.session.scalars(select(Follow).where(Follow.user_id == author.id)).all()
    assert [(f.proposal_id, f.active) for f in follows] == [(proposal.id, True)]
    ids = db.session.scalars(
        select(Comment.id).where(Comment.author_id == author.id).order_by(Comment.id)
    ).all()
    indexed = db.session.scalars(
        select(SearchEntry.item_id).where(
            SearchEntry.kind == "comment", SearchEntry.item_id.in_(ids)
        )
    ).all()
    assert indexed == ids[:1]  # the published comment is findable, the held one is not


def test_comments_posted_and_moderated_keep_the_count_exact(login_as):
    """The count kept by adding one per comment agrees with a recount through posts, a reply, a
    held comment and a moderator approving it."""
    from engage.moderation.service import approve_item, find_case

    proposal = make_proposal()
    first = make_comment(proposal, make_user())
    author = make_user()
    client = login_as(author)
    url = f"/proposals/{proposal.id}/comments"
    for body, parent in (
        ("More buses to Stopsley, please.", None),
        ("And on Sundays.", first.id),
        ("Ring me on 07700 900123.", None),  # held: a phone number
    ):
        form = {"body": body} | ({"parent_id": str(parent)} if parent else {})
        assert client.submit(url, form).status_code == 302
    db.session.expire_all()
    assert db.session.get(Proposal, proposal.id).comment_count == 3
    held = db.session.scalar(
        select(Comment).where(Comment.author_id == author.id, Comment.status == CommentStatus.HELD)
    )
    approve_item(make_user(Role.MODERATOR), find_case("comment", held.id))
    db.session.commit()
    db.session.expire_all()
    recount = db.session.scalar(
        select(func.count()).where(
            Comment.proposal_id == proposal.id, Comment.status == CommentStatus.PUBLISHED
        )
    )
    assert db.session.get(Proposal, proposal.id).comment_count == recount == 4
