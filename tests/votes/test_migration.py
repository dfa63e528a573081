"""Migration 0023 fills the vote counters from the votes already cast, with the totals' own rule."""

import sqlalchemy as sa
from flask_migrate import upgrade
from sqlalchemy.engine import make_url

from engage import create_app
from engage.extensions import db
from engage.permissions import Role
from engage.votes.models import Vote, VoteChoice
from engage.votes.service import vote_totals_for
from tests.conftest import empty_postgresql_database
from tests.factories import make_proposal, make_user
from tests.votes.test_counters import kept_counters, recounted


def _empty_database(app, tmp_path) -> str:
    """A database of this test's own, beside the suite's (SQLite file or PostgreSQL database)."""
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() != "postgresql":
        return f"sqlite:///{tmp_path / 'before-0023.db'}"
    return empty_postgresql_database(url, f"{url.database}_m0023")


def test_the_counters_start_equal_to_the_votes_that_count(app, tmp_path):
    old = create_app(
        {
            **{k: v for k, v in app.config.items() if k.isupper()},
            "SQLALCHEMY_DATABASE_URI": _empty_database(app, tmp_path),
        }
    )
    with old.app_context():
        upgrade(revision="0022")  # the schema just before the counters
        busy, quiet = make_proposal(), make_proposal()
        people = [
            (make_user(), busy, VoteChoice.AGREE),
            (make_user(), busy, VoteChoice.AGREE),
            (make_user(), busy, VoteChoice.DISAGREE),
            (make_user(verified=False), busy, VoteChoice.UNSURE),  # not counted
            (make_user(Role.YOUNG_PERSON), busy, VoteChoice.AGREE),
            (make_user(Role.YOUNG_PERSON), quiet, VoteChoice.UNSURE),
        ]
        db.session.execute(
            sa.insert(Vote),
            [
                {
                    "proposal_id": p.id,
                    "user_id": u.id,
                    "choice": c,
                    "by_young_person": u.role == Role.YOUNG_PERSON,
                }
                for u, p, c in people
            ],
        )
        db.session.commit()

        upgrade(revision="heads")

        assert kept_counters() == recounted() != {}
        totals = vote_totals_for([busy.id, quiet.id])
        assert totals[busy.id].adults == {
            VoteChoice.AGREE: 2,
            VoteChoice.DISAGREE: 1,
            VoteChoice.UNSURE: 0,
        }
        assert totals[busy.id].young[VoteChoice.AGREE] == 1
        assert totals[quiet.id].total == 1
        db.session.remove()
        db.engine.dispose()
