"""A signed-in page reads what it knows about its reader in one statement
(engage/ops/reader_facts.py), and what it reads is this reader's, now."""

import pytest
from flask import g

from engage.extensions import db
from engage.moderation.models import Notification
from engage.notifications.models import Follow
from engage.ops import reader_facts as facts
from engage.votes import service as votes
from engage.votes.models import VoteChoice
from tests.conftest import login
from tests.factories import make_comment, make_priority, make_proposal, make_user, make_vote
from tests.scale.test_shells import cached_app
from tests.sql import queries

FACT_TABLES = ("notification", "follow", "vote.choice", "comment.author_id")


def _fact_statements(statements):
    return [s for s in statements if any(table in s for table in FACT_TABLES)]


def test_a_proposal_page_asks_about_its_reader_once(app):
    proposal = make_proposal()
    reader = make_user()
    make_vote(proposal, reader, "agree")
    with cached_app(app) as cached:
        client = login(cached.test_client(), reader)
        url = f"/proposals/{proposal.id}"
        client.get(url)  # keeps the shell and each part
        with cached.app_context():
            statements = queries(client, url)
    asked = _fact_statements(statements)
    # The header's count, the reader's comments, vote and follow: one statement, not four.
    assert len(asked) == 1, statements
    assert all(word in asked[0] for word in ("notification", "follow", "vote", "comment"))
    # With the shell and the proposal's plan kept, that statement is the account's own read: the
    # page's subject comes from its address, before the reader is first looked at.
    assert len(statements) == 1, statements
    assert "session_generation" in statements[0] and "AS follows_proposal" in statements[0]
    assert not any("FROM proposal" in s for s in statements), statements


def test_a_priority_page_asks_about_its_reader_once(app):
    priority = make_priority()
    make_proposal(priority=priority)
    reader = make_user()
    with cached_app(app) as cached:
        client = login(cached.test_client(), reader)
        url = f"/priorities/{priority.slug}"
        client.get(url)
        with cached.app_context():
            statements = queries(client, url)
    asked = _fact_statements(statements)
    assert len(asked) == 1, statements
    assert "notification" in asked[0] and "follow" in asked[0]
    # The priority's plan is kept too: the account with the reader's facts, no more.
    assert len(statements) == 1, statements
    assert "session_generation" in statements[0] and "AS follows_priority" in statements[0]


def test_a_page_without_a_subject_reads_the_account_with_the_header_count(app):
    """Any other signed-in page reads the reader's own facts (the header's count) with the
    account, and nothing about a proposal."""
    reader = make_user()
    db.session.add(Notification(user_id=reader.id, kind="comment_published", params={}))
    db.session.commit()
    client = login(app.test_client(), reader)
    statements = queries(client, "/help")
    accounts = [s for s in statements if "session_generation" in s]
    assert len(accounts) == 1 and "notification" in accounts[0], statements
    assert not any("vote.choice" in s or "follow" in s for s in statements), statements
    assert "Notifications (1)" in client.get("/help").get_data(as_text=True)


def test_a_refused_session_keeps_none_of_its_accounts_answers(app):
    """An ended session's account is read with its facts; they are dropped with the account."""
    from engage.accounts.sessions import load_user

    proposal = make_proposal()
    reader = make_user()
    make_vote(proposal, reader, "agree")
    with app.test_request_context(f"/proposals/{proposal.id}"):
        assert load_user(f"{reader.id}:{reader.session_generation}") is not None
        assert g.reader_facts[0] == (reader.id, "proposal", proposal.id)
        assert g.reader_facts[1]["vote_choice"] == VoteChoice.AGREE
    with app.test_request_context(f"/proposals/{proposal.id}"):
        assert load_user(f"{reader.id}:{reader.session_generation + 1}") is None
        assert g.get("reader_facts") is None


def test_an_address_naming_no_subject_reads_the_readers_facts_alone(app):
    """A proposal page for an id that does not exist, or a priority's unknown address, still
    reads the account (with the reader's own facts), and the page is a 404."""
    reader = make_user()
    client = login(app.test_client(), reader)
    assert client.get("/priorities/no-such-place").status_code == 404
    assert client.get("/proposals/999999").status_code == 404


@pytest.mark.parametrize("cache", [True, False], ids=["page cache on", "page cache off"])
def test_each_reader_gets_their_own_answers(app, cache):
    """Two residents with different votes, follows, comments and notices see only their own."""
    proposal = make_proposal()
    ann, ben = make_user(), make_user()
    make_vote(proposal, ann, "disagree")
    db.session.add(Follow(user_id=ben.id, proposal_id=proposal.id, active=True))
    db.session.add(Notification(user_id=ben.id, kind="comment_published", params={}))
    db.session.commit()
    make_comment(proposal, ann, body="Ann's own words about the bus lanes.")
    config = {} if cache else {"PAGE_CACHE_SECONDS": 0}
    with cached_app(app, **config) as cached:
        pages = {}
        for name, person in (("ann", ann), ("ben", ben)):
            client = login(cached.test_client(), person)
            client.get(f"/proposals/{proposal.id}")
            pages[name] = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "You voted: Disagree" in pages["ann"] and "You voted" not in pages["ben"]
    assert "Stop following" in pages["ben"] and "Stop following" not in pages["ann"]
    assert "Notifications (1)" in pages["ben"] and "Notifications (1)" not in pages["ann"]
    assert "Change" in pages["ann"]  # her own comment: the page is hers alone, with its links


def test_a_change_in_the_same_request_is_read_again(app):
    """A request that votes after reading the facts (a page shown again) sees its vote."""
    proposal = make_proposal()
    reader = make_user()
    with app.test_request_context(f"/proposals/{proposal.id}"):
        from flask_login import login_user

        login_user(reader)
        facts.about("proposal", proposal.id)
        assert facts.reader_facts("proposal", proposal.id)["vote_choice"] is None
        votes.cast_vote(reader, proposal, VoteChoice.AGREE)  # drops the answers it changes
        assert facts.reader_facts()["vote_choice"] == VoteChoice.AGREE
        assert g.reader_facts[0] == (reader.id, "proposal", proposal.id)
        db.session.rollback()


def test_a_shared_shell_never_gets_the_readers_answers(app):
    """While a shell renders, the stand-in for the audience asks: it gets no one's answers."""
    from flask_login import login_user

    from engage.ops.shells import Audience, _rendering_shell
    from engage.permissions import Role

    proposal = make_proposal()
    reader = make_user()
    make_vote(proposal, reader, "agree")
    db.session.add(Notification(user_id=reader.id, kind="comment_published", params={}))
    db.session.commit()
    with app.test_request_context(f"/proposals/{proposal.id}"):
        login_user(reader)
        facts.about("proposal", proposal.id)
        mine = facts.reader_facts("proposal", proposal.id)
        assert mine["vote_choice"] == VoteChoice.AGREE and mine["unread_notifications"] == 1
        with _rendering_shell(Audience(Role.RESIDENT, False)):
            nobodys = facts.reader_facts()
            assert nobodys["vote_choice"] is None and nobodys["unread_notifications"] == 0
            assert not nobodys["commented"] and not nobodys["follows_proposal"]
        assert facts.reader_facts()["vote_choice"] == VoteChoice.AGREE


def test_a_fact_registered_twice_is_refused():
    with pytest.raises(ValueError, match="twice"):
        facts.reader_fact("proposal", "vote_choice")(lambda: None)


def test_every_subject_kind_reads_the_readers_own_facts_too():
    for kind in facts.FACTS:
        names = set(facts._statement(kind).selected_columns.keys())
        assert set(facts.FACTS[facts.READER]) <= names
        assert set(facts.FACTS[kind]) <= names


def test_a_form_sent_reads_the_account_alone(app):
    """A vote sent redirects without showing a page: its account is read without the facts."""
    from tests.sql import counting

    proposal = make_proposal()
    reader = make_user()
    client = login(app.test_client(), reader)
    token = client.csrf_token()
    with counting() as statements:
        sent = client.post(
            f"/proposals/{proposal.id}/vote", data={"choice": "agree", "csrf_token": token}
        )
    assert sent.status_code == 302
    accounts = [s for s in statements if "session_generation" in s and "SELECT" in s]
    assert len(accounts) == 1, statements
    assert "notification" not in accounts[0] and "vote.choice" not in accounts[0]


def test_a_form_sents_account_is_read_apart_when_it_is_read_first(app):
    """Where a form's account is its first read (the rate limit asks who sent it before the
    view runs), it is read apart from the transaction the form's own statements begin: on
    PostgreSQL, no BEGIN for it."""
    from engage.accounts.sessions import load_user
    from tests.sql import watching_transactions

    reader = make_user()
    session_id = f"{reader.id}:{reader.session_generation}"
    db.session.remove()
    with app.test_request_context("/proposals/1/vote", method="POST"):
        with watching_transactions() as (statements, begun):
            user = load_user(session_id)
        assert user is not None and user in db.session
        assert g.get("reader_facts") is None  # the account alone
    assert [open_ for _s, open_ in statements] == [False], statements
    assert begun == []


def test_an_address_that_names_nothing_looks_nothing_up(app, login_as):
    """A NUL in a priority's address is a 404 (engage/ops/http_safety.py); its error page reads
    the reader's own facts without looking the address up (PostgreSQL refuses the text)."""
    from tests.sql import counting

    priority = make_priority()
    with app.test_request_context("/priorities/a%00b"), counting() as statements:
        assert facts._request_subject() == (facts.READER, None)
    assert statements == []
    with app.test_request_context(f"/priorities/{priority.slug}"):
        assert facts._request_subject() == ("priority", priority.id)
    client = login_as(make_user())
    assert client.get("/priorities/a%00b").status_code == 404
    assert client.get(f"/priorities/{priority.slug}").status_code == 200


def test_a_kept_page_reads_its_reader_outside_a_transaction(app):
    """On PostgreSQL a transaction for the one read of a kept page would cost a BEGIN and a
    ROLLBACK, two round trips more than the read: the account is read in autocommit."""
    from tests.sql import watching_transactions

    proposal = make_proposal()
    reader = make_user()
    with cached_app(app) as cached:
        client = login(cached.test_client(), reader)
        url = f"/proposals/{proposal.id}"
        assert client.get(url).status_code == 200
        with cached.app_context(), watching_transactions() as (statements, begun):
            assert client.get(url).status_code == 200
    assert [in_transaction for _s, in_transaction in statements] == [False], statements
    assert "session_generation" in statements[0][0]
    assert begun == []  # the session began nothing it had to roll back


def test_the_account_read_for_a_page_is_the_sessions_own(app):
    """The account read apart is the session's: the same instance a lookup gives, unchanged,
    and a change to it is saved like any other."""
    from engage.accounts.models import User
    from engage.accounts.sessions import load_user

    reader = make_user()
    reader_id, generation, email = reader.id, reader.session_generation, reader.email
    db.session.remove()  # nothing in the session: the account is made from the row
    with app.test_request_context("/help"):
        user = load_user(f"{reader_id}:{generation}")
        assert user is not reader
        assert user in db.session and not db.session.dirty and not db.session.new
        assert db.session.get(User, reader_id) is user
        assert user.email == email and user.session_generation == generation
        user.locale = "ur"
        db.session.commit()
    db.session.remove()
    with app.test_request_context("/help"):
        assert db.session.get(User, reader_id).locale == "ur"
        # One already in the session is the one given back.
        known = db.session.get(User, reader_id)
        assert load_user(f"{reader_id}:{generation}") is known


def _matched_columns(fact) -> set[str]:
    # The columns a fact's subquery compares with the reader's or the subject's id.
    from sqlalchemy.sql import visitors
    from sqlalchemy.sql.elements import BinaryExpression, BindParameter

    return {
        node.left.name
        for node in visitors.iterate(fact)
        if isinstance(node, BinaryExpression) and isinstance(node.right, BindParameter)
    }


def _plan(fact) -> str:
    # The database's plan for the fact alone, its ids written in; PostgreSQL is told to avoid
    # reading whole tables, which it would rightly prefer for the few rows a test makes.
    import sqlalchemy as sa

    statement = sa.select(fact).params(user_id=1, subject_id=1)
    sql = str(statement.compile(db.engine, compile_kwargs={"literal_binds": True}))
    if db.engine.dialect.name == "sqlite":
        rows = db.session.execute(sa.text(f"EXPLAIN QUERY PLAN {sql}"))
        return "\n".join(row[-1] for row in rows)
    db.session.execute(sa.text("SET LOCAL enable_seqscan = off"))
    rows = db.session.execute(sa.text(f"EXPLAIN {sql}"))
    # What the index finds, not what is filtered out of the rows it gives.
    return "\n".join(row[0] for row in rows if "Index Cond" in row[0])


def test_every_fact_is_found_by_an_index_on_all_it_matches(app):
    """Each question is answered from an index on every column it matches, so its cost does
    not grow with the reader's history: by author alone, whether a reader with a thousand
    comments had commented on this proposal read all thousand."""
    import re

    for kind, built in facts.FACTS.items():
        for name, build in built.items():
            fact = build()
            plan = _plan(fact)
            for column in _matched_columns(fact):
                # SQLite: "SEARCH comment USING INDEX ix (author_id=? AND proposal_id=?)";
                # PostgreSQL: "Index Cond: ((author_id = 1) AND (proposal_id = 1))".
                pattern = rf"\b{column}=\?|\b{column} = "
                assert re.search(pattern, plan), (kind, name, column, plan)
    db.session.rollback()
