"""The automatic checks run before new words are written, never under a write lock.

On SQLite a transaction's first write takes the database's one write lock until the commit: with
the checks (the largest part of posting a comment) run after the INSERT, every other writer
waited for them, and a comment POST's throughput fell by a third (bench/run.py, December 2026).
Each test records, when the checks start, which writes the transaction holding them has sent.
"""

import pytest
from sqlalchemy import event, select

from engage.comments import service as comments
from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.ideas import service as ideas
from engage.moderation import checks
from engage.moderation.service import find_case
from engage.permissions import Role
from engage.surveys.models import Answer
from tests.factories import make_priority, make_proposal, make_user
from tests.ideas.helpers import make_idea
from tests.moderation.helpers import RISK_TEXT
from tests.surveys.helpers import answer_standard, make_survey

_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


@pytest.fixture
def writes_seen_by_checks(monkeypatch):
    """The writes each connection had sent in its open transaction when each check started."""
    pending: dict[int, list[str]] = {}
    seen: list[list[str]] = []

    def before(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(_WRITES):
            pending.setdefault(id(conn.connection.dbapi_connection), []).append(statement)

    def ended(conn):
        pending.pop(id(conn.connection.dbapi_connection), None)

    engine = db.engine
    event.listen(engine, "before_cursor_execute", before)
    event.listen(engine, "commit", ended)
    event.listen(engine, "rollback", ended)
    real = checks.check_text

    def watched(text):
        connection = db.session.connection().connection.dbapi_connection
        seen.append(list(pending.get(id(connection), [])))
        return real(text)

    monkeypatch.setattr(checks, "check_text", watched)
    yield seen
    event.remove(engine, "before_cursor_execute", before)
    event.remove(engine, "commit", ended)
    event.remove(engine, "rollback", ended)


def test_a_comment_is_checked_before_it_is_written(writes_seen_by_checks):
    author, proposal = make_user(), make_proposal()
    db.session.commit()
    comment = comments.submit_comment(author, proposal, RISK_TEXT)
    db.session.commit()
    assert writes_seen_by_checks == [[]]
    # The flags found before the write still hold it, for the safeguarding lead.
    assert comment.status == CommentStatus.HELD
    assert find_case("comment", comment.id).safeguarding


def test_an_edited_comment_is_checked_before_its_new_words_are_written(writes_seen_by_checks):
    author, proposal = make_user(), make_proposal()
    comment = comments.submit_comment(author, proposal, "More bins on Park Street, please.")
    db.session.commit()
    writes_seen_by_checks.clear()
    comments.edit_comment(author, comment, RISK_TEXT)
    db.session.commit()
    assert writes_seen_by_checks == [[]]
    assert comment.status == CommentStatus.HELD


def test_a_comment_released_by_an_email_confirmation_is_checked_before_it_is_written(
    writes_seen_by_checks,
):
    author, proposal = make_user(verified=False), make_proposal()
    waiting = comments.submit_comment(author, proposal, RISK_TEXT)
    db.session.commit()
    assert writes_seen_by_checks == []  # it waits unseen, for its author's confirmation
    comments.publish_confirmed_comments(author)
    db.session.commit()
    assert writes_seen_by_checks == [[]]
    assert waiting.status == CommentStatus.HELD and find_case("comment", waiting.id).safeguarding


def test_a_comment_posted_through_the_form_is_checked_before_it_is_written(
    login_as, writes_seen_by_checks
):
    proposal = make_proposal()
    client = login_as(make_user())
    posted = client.submit(f"/proposals/{proposal.id}/comments", {"body": RISK_TEXT})
    assert posted.status_code == 302
    assert writes_seen_by_checks == [[]]
    held = db.session.scalar(select(Comment).where(Comment.body == RISK_TEXT))
    assert held.status == CommentStatus.HELD


def test_ideas_and_their_comments_are_checked_before_they_are_written(writes_seen_by_checks):
    author, priority = make_user(Role.RESIDENT), make_priority()
    idea = make_idea(priority=priority)
    db.session.commit()
    suggested = ideas.suggest_idea(author, priority, "Help at home", RISK_TEXT, None)
    db.session.commit()
    commented = ideas.comment_on_idea(author, idea, RISK_TEXT)
    db.session.commit()
    assert writes_seen_by_checks == [[], []]
    assert find_case("idea", suggested.id).safeguarding
    assert find_case("idea_comment", commented.id).safeguarding


def test_survey_answers_are_checked_before_they_are_written(login_as, writes_seen_by_checks):
    survey = make_survey()
    client = login_as(make_user(Role.YOUNG_PERSON))
    answer_standard(client, survey, q7={"answer": RISK_TEXT})
    # Two typed answers: the short one ("Home") and the long one.
    assert writes_seen_by_checks == [[], []]
    answer = db.session.scalar(select(Answer).where(Answer.text == RISK_TEXT))
    assert find_case("survey_answer", answer.id).safeguarding
