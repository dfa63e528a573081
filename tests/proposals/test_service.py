"""Proposal rules and queries, called directly."""

from datetime import date, datetime, timedelta

import pytest

from engage.clock import utcnow
from engage.proposals import service
from engage.proposals.models import ProposalStatus
from tests.factories import make_priority, make_proposal, make_user

DAY = timedelta(days=1)


def data(priority, **overrides) -> service.ProposalData:
    fields = {
        "title": "Title",
        "summary": "Summary",
        "youth_summary": "Youth summary",
        "body": "Body",
        "priority_id": priority.id,
        "plan_id": None,
        "who_decides": "The Executive",
        "opens_on": date(2030, 3, 1),
        "closes_on": date(2030, 4, 30),
        "decision_due": None,
        "status": ProposalStatus.DRAFT,
        "documents": [],
        **overrides,
    }
    return service.ProposalData(**fields)


def test_consultations_open_at_the_start_and_close_at_the_end_of_their_days():
    proposal = service.create_proposal(make_user(), data(make_priority()))

    assert proposal.opens_at == datetime(2030, 3, 1, 0, 0, 0)
    assert proposal.closes_at == datetime(2030, 4, 30, 23, 59, 59)


@pytest.mark.parametrize(
    ("start", "allowed"),
    [
        (ProposalStatus.DRAFT, {ProposalStatus.DRAFT, ProposalStatus.OPEN}),
        (ProposalStatus.OPEN, {ProposalStatus.OPEN, ProposalStatus.CLOSED, ProposalStatus.DRAFT}),
        (ProposalStatus.CLOSED, {ProposalStatus.CLOSED, ProposalStatus.OPEN}),
        (ProposalStatus.DECIDED, {ProposalStatus.DECIDED}),
    ],
)
def test_status_changes_on_the_edit_page(start, allowed):
    for target in ProposalStatus:
        proposal = make_proposal(start)
        change = data(proposal.priority, status=target)
        if target in allowed:
            assert service.update_proposal(make_user(), proposal, change).status == target
        else:
            with pytest.raises(service.ProposalError) as err:
                service.update_proposal(make_user(), proposal, change)
            assert err.value.field == "status"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"opens_on": date(2030, 5, 1)}, "closes_on"),
        ({"status": ProposalStatus.OPEN, "closes_on": None}, "closes_on"),
        ({"decision_due": date(2030, 4, 1)}, "decision_due"),
        ({"status": ProposalStatus.CLOSED}, "status"),
        ({"status": ProposalStatus.DECIDED}, "status"),
    ],
)
def test_create_proposal_refuses_bad_dates_and_statuses(overrides, field):
    with pytest.raises(service.ProposalError) as err:
        service.create_proposal(make_user(), data(make_priority(), **overrides))

    assert err.value.field == field


def test_create_proposal_refuses_an_unknown_priority():
    with pytest.raises(service.ProposalError) as err:
        service.create_proposal(make_user(), data(make_priority(), priority_id=999999))

    assert err.value.field == "priority_id"


def test_outcome_only_after_the_consultation_has_run():
    officer = make_user()
    for status in (ProposalStatus.DRAFT, ProposalStatus.OPEN):
        with pytest.raises(service.ProposalError):
            service.publish_outcome(officer, make_proposal(status), "said", "did", "why")

    # An open proposal whose closing date has passed has run its course.
    lapsed = make_proposal(closes_at=utcnow() - DAY)
    service.publish_outcome(officer, lapsed, "said", "did", "why")
    assert lapsed.status == ProposalStatus.DECIDED
    assert lapsed.has_outcome


def test_accepting_input_only_between_the_dates_while_open():
    now = utcnow()
    proposal = make_proposal(opens_at=now - DAY, closes_at=now + DAY)

    assert proposal.is_accepting_input(now)
    assert not proposal.is_accepting_input(now - 2 * DAY)
    assert proposal.has_not_opened(now - 2 * DAY)
    assert not proposal.is_accepting_input(now + DAY)
    proposal.status = ProposalStatus.CLOSED
    assert not proposal.is_accepting_input(now)


def test_closes_within():
    now = utcnow()
    proposal = make_proposal(closes_at=now + 3 * DAY)

    assert proposal.closes_within(7, now)
    assert not proposal.closes_within(2, now)


def test_priority_cards_count_only_proposals_open_now():
    now = utcnow()
    priority = make_priority()
    make_proposal(priority=priority, closes_at=now + 2 * DAY, title="Soonest")
    make_proposal(priority=priority, closes_at=now + 6 * DAY)
    make_proposal(priority=priority, closes_at=now + 20 * DAY)
    make_proposal(priority=priority, opens_at=now + DAY)
    make_proposal(priority=priority, closes_at=now - DAY)  # lapsed, though still "open"
    make_proposal(ProposalStatus.DRAFT, priority=priority)
    make_proposal(ProposalStatus.CLOSED, priority=priority)

    (card,) = service.priority_cards()

    assert card.open_count == 3
    assert card.closing_soon.title == "Soonest"


def test_move_priority_swaps_neighbours_and_stops_at_the_ends():
    a, b, c = (make_priority(title=t, position=i) for i, t in enumerate("ABC"))

    service.move_priority(make_user(), c, -1)
    assert [p.title for p in service.list_priorities()] == ["A", "C", "B"]
    service.move_priority(make_user(), a, -1)
    assert [p.title for p in service.list_priorities()] == ["A", "C", "B"]
    service.move_priority(make_user(), a, +1)
    assert [p.title for p in service.list_priorities()] == ["C", "A", "B"]
    assert b.position == 2


def test_a_proposal_for_its_page_comes_with_its_documents_in_one_statement():
    from engage.extensions import db
    from engage.proposals.models import ProposalDocument
    from tests.factories import make_plan
    from tests.sql import counting

    proposal = make_proposal(plan=make_plan())
    # Added out of order: the page lists them oldest first.
    proposal.documents = [
        ProposalDocument(title=title, url=f"https://www.luton.gov.uk/{title}.pdf")
        for title in ("first", "second", "third")
    ]
    db.session.commit()
    proposal_id = proposal.id
    db.session.expire_all()

    with counting() as statements:
        loaded = service.get_proposal(proposal_id)
        shown = (
            loaded.priority.title,
            loaded.plan.board.name,
            [document.title for document in loaded.documents],
        )
    assert shown[2] == ["first", "second", "third"]
    assert len(statements) == 1, statements
    assert service.get_proposal(proposal_id + 1000) is None
