"""A busy proposal's totals cost what a quiet one's do: the same statements, the same work.

The proposal page runs the same SQL with 12 votes as with 2,400. On SQLite the work of the totals
query is measured in virtual-machine steps (a progress handler called at every instruction, a
count, not a time): reading the counters takes the same steps at both sizes, where counting the
votes themselves (as the totals did before the counters) grows with them.
"""

import pytest

from engage.extensions import db
from engage.votes import counters, service
from engage.votes.models import Vote, VoteChoice
from tests.factories import make_proposal, make_voters
from tests.sql import queries

CHOICES = list(VoteChoice)


def _steps(work) -> int:
    """SQLite virtual-machine steps `work` takes, run once before to prepare its statements."""
    work()
    conn = db.session.connection().connection.driver_connection
    steps = 0

    def tick():
        nonlocal steps
        steps += 1
        return 0

    conn.set_progress_handler(tick, 1)
    try:
        work()
    finally:
        conn.set_progress_handler(None, 1)
    return steps


def test_the_proposal_page_runs_the_same_statements_with_200_times_the_votes(client):
    proposal = make_proposal()
    make_voters(proposal, 12, batch="small")
    url = f"/proposals/{proposal.id}"
    small = queries(client, url)
    assert service.vote_totals(proposal).total == 12

    make_voters(proposal, 2388, batch="large")
    large = queries(client, url)

    assert service.vote_totals(proposal).total == 2400
    assert large == small
    assert any("FROM vote_count" in statement for statement in large)


def test_the_totals_take_the_same_work_with_200_times_the_votes():
    if db.engine.dialect.name != "sqlite":
        pytest.skip("virtual-machine steps are SQLite's; the statements are checked above")
    proposal = make_proposal()
    make_voters(proposal, 12, batch="small")
    by_rows = counters.counted_votes(Vote.proposal_id == proposal.id)
    small = _steps(lambda: service.vote_totals_for([proposal.id]))
    small_rows = _steps(lambda: db.session.execute(by_rows).all())

    make_voters(proposal, 2388, batch="large")
    large = _steps(lambda: service.vote_totals_for([proposal.id]))
    large_rows = _steps(lambda: db.session.execute(by_rows).all())

    assert service.vote_totals(proposal).total == 2400
    assert large == small
    # The measure sees growth where there is some: counting the votes themselves grows.
    assert large_rows > 50 * small_rows, (small_rows, large_rows)
