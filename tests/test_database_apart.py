"""A read run apart from the session's transaction (engage/database.py `first_row_apart`) sees
what the session would, and begins no transaction when none is open; `run_core` runs in it.
Run on the driver's own cursor it gives what SQLAlchemy's own execution gives, value for value,
and falls back to that execution when the driver fails or SQLAlchemy's events must see it."""

from datetime import timedelta

import sqlalchemy as sa

from engage import database
from engage.accounts.models import AccessState, Role, User
from engage.clock import utcnow
from engage.database import first_row_apart, run_core
from engage.extensions import db
from engage.ops.reader_facts import _with_facts
from engage.surveys.drafts import _READ_DRAFT
from tests.factories import make_user
from tests.sql import counting, watching_transactions
from tests.surveys.helpers import make_survey

_LOCALE = sa.select(User.__table__.c.locale).where(User.__table__.c.id == sa.bindparam("id"))


def test_with_no_transaction_open_the_read_begins_none(app):
    reader_id = make_user().id
    db.session.commit()
    db.session.remove()
    with watching_transactions() as (statements, begun):
        row = first_row_apart(_LOCALE, {"id": reader_id})
    assert row is not None
    assert [open_ for _s, open_ in statements] == [False], statements
    assert begun == [] and not db.session().in_transaction()


def test_with_a_transaction_open_the_read_sees_what_it_wrote(app):
    reader_id = make_user().id
    db.session.commit()
    db.session.get(User, reader_id).locale = "pl"
    db.session.flush()  # written, not committed: only the session's transaction sees it
    with watching_transactions() as (statements, _begun):
        row = first_row_apart(_LOCALE, {"id": reader_id})
    assert row.locale == "pl"
    assert [open_ for _s, open_ in statements] == [True], statements
    db.session.rollback()
    db.session.remove()
    assert first_row_apart(_LOCALE, {"id": reader_id}).locale != "pl"


def test_a_read_that_finds_nothing_is_none(app):
    assert first_row_apart(_LOCALE, {"id": 10**9}) is None


def test_run_core_runs_in_the_sessions_transaction_and_fires_no_session_event(app):
    """`run_core` writes in the session's transaction (a rollback undoes it) without the ORM's
    per-statement work: no `do_orm_execute`, so its callers drop what listeners there would."""
    reader_id = make_user().id
    db.session.commit()
    seen = []

    def note(state):
        seen.append(state)

    session = db.session()
    sa.event.listen(session, "do_orm_execute", note)
    try:
        changed = sa.update(User.__table__).where(User.__table__.c.id == sa.bindparam("who"))
        run_core(changed.values(locale="pl"), {"who": reader_id})
        assert db.session.execute(_LOCALE, {"id": reader_id}).scalar() == "pl"
        assert len(seen) == 1  # the session's own read above, not run_core's write
    finally:
        sa.event.remove(session, "do_orm_execute", note)
    db.session.rollback()
    assert run_core(_LOCALE, {"id": reader_id}).scalar() != "pl"
    db.session.rollback()


# The account with the reader's facts, as every signed-in page reads it: text, enums, dates,
# booleans, big integers and NULLs, with a counted subquery.
_ACCOUNT = sa.select(User).where(User.id == sa.bindparam("id"))


def _account_read():
    return _with_facts(_ACCOUNT, "reader")[0]


def _both_ways(statement, params):
    """(read directly, read through SQLAlchemy): a listener on the engine's statements sends
    the read the second way."""
    direct = first_row_apart(statement, params)
    with counting() as seen:
        through = first_row_apart(statement, params)
    assert len(seen) == 1
    return direct, through


def test_a_direct_read_gives_what_sqlalchemy_gives_for_every_kind_of_column(app):
    person = make_user(
        Role.MODERATOR,
        display_name="Zoë ﷺ",
        postcode_district="LU2",
        locale="ur",
        suspended_until=utcnow() + timedelta(days=3),
        totp_last_step=2**40,
        access=AccessState.SUSPENDED,
    )
    bare = make_user(Role.YOUNG_PERSON)  # no email, no dates but its creation: NULLs
    ids = (person.id, bare.id)
    db.session.remove()
    for user_id in ids:
        params = {"id": user_id, "user_id": user_id, "subject_id": None}
        direct, through = _both_ways(_account_read(), params)
        assert type(direct).__name__ == "DirectRow" and type(through).__name__ == "Row"
        assert tuple(direct) == tuple(through)
        assert [type(v) for v in direct] == [type(v) for v in through]
        assert direct._mapping == dict(through._mapping)
        assert direct.role == through.role and direct.created_at == through.created_at
    assert first_row_apart(_account_read(), {"id": 10**9, "user_id": 0, "subject_id": None}) is None


def test_a_direct_read_decodes_json_as_sqlalchemy_does(app):
    from engage.surveys.drafts import save_draft

    survey = make_survey()
    row = save_draft(None, survey, {"age": "13-15", "answers": {"1": {"values": ["ا", "b"]}}})
    db.session.commit()
    draft_id = row.id
    db.session.remove()
    direct, through = _both_ways(_READ_DRAFT, {"draft_id": draft_id})
    assert direct.data == through.data == {"age": "13-15", "answers": {"1": {"values": ["ا", "b"]}}}
    assert tuple(direct) == tuple(through)


def test_a_direct_read_leaves_the_connection_as_it_found_it(app):
    """No transaction begun for it, and on PostgreSQL the connection back out of autocommit:
    the session's next write is in a transaction a rollback undoes."""
    reader_id = make_user(locale="en").id
    db.session.commit()
    db.session.remove()
    assert first_row_apart(_LOCALE, {"id": reader_id}).locale == "en"
    assert not db.session().in_transaction()
    run_core(
        sa.update(User.__table__).values(locale="pl").where(User.__table__.c.id == reader_id), {}
    )
    db.session.rollback()
    assert first_row_apart(_LOCALE, {"id": reader_id}).locale == "en"


def test_a_driver_error_falls_back_to_sqlalchemys_own_read(app, monkeypatch):
    reader_id = make_user(locale="cy").id
    db.session.commit()
    db.session.remove()
    direct = database._direct_read(db.engine, _LOCALE)
    assert direct is not None
    monkeypatch.setattr(direct, "sql", "SELEC nothing")  # the driver refuses it
    invalidated = []

    def note(*args):
        invalidated.append(args)

    sa.event.listen(db.engine, "invalidate", note)
    try:
        assert first_row_apart(_LOCALE, {"id": reader_id}).locale == "cy"
    finally:
        sa.event.remove(db.engine, "invalidate", note)
    assert len(invalidated) == 1  # the connection that failed is not used again


def test_only_plain_statements_are_read_directly(app):
    named = sa.select(User.__table__.c.id.label("_private")).where(User.__table__.c.id == 1)
    listed = sa.select(User.__table__.c.id).where(User.__table__.c.id.in_([1, 2]))
    written = sa.text("SELECT locale FROM user WHERE id = :id")
    assert database._direct_read(db.engine, named) is None
    assert database._direct_read(db.engine, listed) is None
    assert database._direct_read(db.engine, written) is None
    assert database._direct_read(db.engine, _LOCALE) is not None
