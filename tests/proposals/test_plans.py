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


def test_a_proposal_made_a_draft_again_is_hidden_at_once(app):
    proposal = make_proposal()
    with cached_app(app) as cached:
        reader = login(cached.test_client(), make_user())
        url = f"/proposals/{proposal.id}"
        assert reader.get(url).status_code == 200
        assert reader.get(url).status_code == 200
        _change(cached, Proposal, proposal.id, status=ProposalStatus.DRAFT)
        assert reader.get(url).status_code == 404


def test_a_kept_plan_follows_the_clock(app):
    proposal = make_proposal(closes_at=utcnow() + timedelta(days=1))
    with cached_app(app) as cached, cached.test_request_context():
        assert proposal_plan(proposal.id) is not None  # the model, its plan now kept
        plan = proposal_plan(proposal.id)
        assert isinstance(plan, ProposalPlan)
        assert plan.is_accepting_input()
        assert not plan.is_accepting_input(utcnow() + timedelta(days=2))
        assert plan.is_public


def test_a_priority_renamed_in_its_address_is_found_at_its_new_one(app):
    priority = make_priority()
    with cached_app(app) as cached:
        reader = login(cached.test_client(), make_user())
        old = f"/priorities/{priority.slug}"
        assert reader.get(old).status_code == 200
        assert reader.get(old).status_code == 200
        _change(cached, Priority, priority.id, slug="a-new-address")
        assert reader.get(old).status_code == 404
        assert reader.get("/priorities/a-new-address").status_code == 200
