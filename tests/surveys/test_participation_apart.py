"""Taking an anonymous survey: who took part is never written with which response is theirs.

Both rows are needed (the person can answer once; the answers count), but if they were written in
one transaction the database itself would link them: PostgreSQL stamps each row with the id of the
transaction that wrote it (`xmin`), and a backup keeps that stamp.
"""

import pytest
import sqlalchemy as sa
from flask import url_for

from engage.extensions import db
from engage.permissions import Role
from engage.surveys.models import Participation, SurveyResponse
from tests.factories import make_user
from tests.surveys.helpers import answer_standard, make_survey

WRITES = ("insert", "update", "delete")


class Transactions:
    """The write statements the app sends, grouped by the transaction they were sent in."""

    def __init__(self, engine):
        self.engine = engine
        self.groups: list[list[str]] = [[]]

    def _statement(self, conn, cursor, statement, params, context, executemany):
        if statement.lstrip().lower().startswith(WRITES):
            self.groups[-1].append(statement.lower())

    def _end(self, conn):
        self.groups.append([])

    def __enter__(self):
        sa.event.listen(self.engine, "before_cursor_execute", self._statement)
        sa.event.listen(self.engine, "commit", self._end)
        sa.event.listen(self.engine, "rollback", self._end)
        return self

    def __exit__(self, *exc):
        sa.event.remove(self.engine, "before_cursor_execute", self._statement)
        sa.event.remove(self.engine, "commit", self._end)
        sa.event.remove(self.engine, "rollback", self._end)

    def writing(self, table: str) -> list[int]:
        """Indexes of the transactions that wrote to `table`."""
        return [
            i
            for i, group in enumerate(self.groups)
            if any(f'"{table}"' in s or f" {table} " in s or f" {table}(" in s for s in group)
        ]


def test_participation_and_the_anonymous_response_are_written_in_different_transactions(
    login_as,
):
    young = make_user(Role.YOUNG_PERSON)
    survey = make_survey(anonymous=True)
    client = login_as(young)
    with Transactions(db.engine) as seen:
        assert answer_standard(client, survey).status_code == 302
    took_part = seen.writing("survey_participation")
    answered = seen.writing("survey_response") + seen.writing("survey_answer")
    assert took_part and answered, seen.groups
    assert not set(took_part) & set(answered)
    db.session.expire_all()
    assert db.session.get(Participation, (survey.id, young.id)) is not None
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SurveyResponse)) == 1


def test_the_database_stamps_them_with_different_transactions(login_as):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("xmin, the writing transaction's id, is PostgreSQL's")
    young = make_user(Role.YOUNG_PERSON)
    survey = make_survey(anonymous=True)
    assert answer_standard(login_as(young), survey).status_code == 302
    took_part = db.session.scalar(sa.text("SELECT xmin::text FROM survey_participation"))
    response = db.session.scalar(sa.text("SELECT xmin::text FROM survey_response"))
    assert took_part and response and took_part != response


def test_a_second_response_is_refused_and_the_first_stays_alone(login_as):
    young = make_user(Role.YOUNG_PERSON)
    survey = make_survey(anonymous=True)
    client = login_as(young)
    assert answer_standard(client, survey).status_code == 302
    again = client.get(url_for("surveys.age", survey_id=survey.id), follow_redirects=True)
    assert "already answered" in again.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SurveyResponse)) == 1
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Participation)) == 1


def test_signed_out_answers_record_no_participation(client):
    survey = make_survey(anonymous=True)
    assert answer_standard(client, survey).status_code == 302
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Participation)) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SurveyResponse)) == 1
