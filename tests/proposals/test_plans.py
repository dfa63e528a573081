"""A kept proposal or priority plan (engage/proposals/plans.py) answers as the model would: a
change shows on the next page, and whether a proposal is open follows the clock."""

from datetime import timedelta

from engage.clock import utcnow
from engage.extensions import db
from engage.proposals.models import Priority, Proposal, ProposalStatus
from engage.proposals.plans import ProposalPlan, proposal_plan
from tests.conftest import login
from tests.factories import make_priority, make_proposal, make_user
from tests.scale.test_shells import cached_app

VOTE_BUTTON = 'name="choice"'


def _change(cached, model, item_id, **values) -> None:
    # Through the cached app, as an officer's edit would be: its commit moves that app's
    # content generation on.
    with cached.app_context():
        item = db.session.get(model, item_id)
        for name, value in values.items():
            setattr(item, name, value)
        db.session.commit()


def test_closing_a_proposal_takes_its_vote_form_away_at_once(app):
    proposal = make_proposal()
    with cached_app(app) as cached:
        reader = login(cached.test_client(), make_user())
        url = f"/proposals/{proposal.id}"
        assert VOTE_BUTTON in reader.get(url).get_data(as_text=True)
        assert VOTE_BUTTON in reader.get(url).get_data(as_text=True)  # from the kept plan
        _change(cached, Proposal, proposal.id, status=ProposalStatus.CLOSED)
        assert VOTE_BUTTON not in reader.get(url).get_data(as_text=True)


def _statuses_around_a_change(app, url: str, model, item_id, **values) -> list[int]:
    # A resident reads the page twice (the second time from the kept plan), then after the change.
    with cached_app(app) as cached:
        reader = login(cached.test_client(), make_user())
        before = [reader.get(url).status_code for _ in range(2)]
        _change(cached, model, item_id, **values)
        return [*before, reader.get(url).status_code]


def test_a_proposal_made_a_draft_again_is_hidden_at_once(app):
    proposal = make_proposal()
    url = f"/proposals/{proposal.id}"
    statuses = _statuses_around_a_change(
        app, url, Proposal, proposal.id, status=ProposalStatus.DRAFT
    )
    assert statuses == [200, 200, 404]


def test_a_kept_plan_follows_the_clock(app):
    proposal = make_proposal(closes_at=utcnow() + timedelta(days=1))
    with cached_app(app) as cached, cached.test_request_context():
        assert proposal_plan(proposal.id) is not None  # the model, its plan now kept
        plan = proposal_plan(proposal.id)
        assert isinstance(plan, ProposalPlan)
        assert plan.is_accepting_input()
        assert not plan.is_accepting_input(utcnow() + timedelta(days=2))
        assert plan.is_public


def test_a_priority_given_a_new_address_is_gone_from_its_old_one(app):
    priority = make_priority()
    url = f"/priorities/{priority.slug}"
    statuses = _statuses_around_a_change(app, url, Priority, priority.id, slug="a-new-address")
    assert statuses == [200, 200, 404]
    assert login(app.test_client(), make_user()).get("/priorities/a-new-address").status_code == 200
