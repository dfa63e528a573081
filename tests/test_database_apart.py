"""A read run apart from the session's transaction (engage/database.py `first_row_apart`) sees
what the session would, and begins no transaction when none is open; `run_core` runs in it."""

import sqlalchemy as sa

from engage.accounts.models import User
from engage.database import first_row_apart, run_core
from engage.extensions import db
from tests.factories import make_user
from tests.sql import watching_transactions

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
