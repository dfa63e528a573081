"""The plan on the site: the vision's focus areas and figures, boards, plans and staff's screens."""

import pytest
import sqlalchemy as sa

from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import Board, Plan, ProposalStatus
from tests.factories import make_plan, make_priority, make_proposal, make_user
from tests.ideas.helpers import make_idea


def test_the_plan_page_quotes_the_council_and_gives_the_source(client):
    priority = make_priority(title="Net zero town")
    plan = make_plan(name="Economic Recovery Plan")
    page = client.get("/plan").get_data(as_text=True)
    for words in (
        "protecting the most disadvantaged residents from the worst impacts of the pandemic",
        "£1.3 billion",
        "£3.2 billion scheduled through the Luton Investment Framework",
        "Source: Luton Borough Council",
        "Net zero town",
        "Economic Recovery Plan",
    ):
        assert words in page, words
    assert f"/plans/{plan.id}" in page and f"/boards/{plan.board_id}" in page
    assert f"/priorities/{priority.slug}" in page
    assert "luton.gov.uk" not in page


def test_the_home_page_shows_the_focus_areas(client):
    page = client.get("/").get_data(as_text=True)
    assert "delivering a more inclusive economy" in page and 'href="/plan"' in page


def test_a_plan_page_shows_its_board_priorities_proposals_and_ideas(client):
    priority = make_priority(title="Improving wellbeing")
    plan = make_plan(name="Health Inequalities Action Plan")
    plan.priorities = [priority]
    plan.description = "Reducing health inequalities across the town."
    db.session.commit()
    make_proposal(priority=priority, plan_id=plan.id, title="Free health checks")
    make_proposal(ProposalStatus.DRAFT, priority=priority, plan_id=plan.id, title="Secret draft")
    make_idea(priority=priority, title="Walking groups in Farley")
    page = client.get(f"/plans/{plan.id}").get_data(as_text=True)
    for words in (
        "Reducing health inequalities",
        plan.board.name,
        "Improving wellbeing",
        "Free health checks",
        "Walking groups in Farley",
    ):
        assert words in page, words
    assert "Secret draft" not in page
    board = client.get(f"/boards/{plan.board_id}").get_data(as_text=True)
    assert "Health Inequalities Action Plan" in board and "Improving wellbeing" in board
    priority_page = client.get(f"/priorities/{priority.slug}").get_data(as_text=True)
    assert f"/plans/{plan.id}" in priority_page


def test_a_proposal_links_to_its_plan_and_board(client):
    plan = make_plan(name="Population and Wellbeing Strategy")
    proposal = make_proposal(plan_id=plan.id)
    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert f"/plans/{plan.id}" in page and f"/boards/{plan.board_id}" in page


def test_unknown_boards_and_plans_are_not_found(client):
    assert client.get("/plans/999").status_code == 404
    assert client.get("/boards/999").status_code == 404


def test_officers_create_and_edit_boards_and_plans_and_their_priorities(login_as):
    first, second = make_priority(), make_priority()
    client = login_as(make_user(Role.OFFICER))
    response = client.submit(
        "/manage/boards/new", {"name": "Inclusive Economy Board", "description": "It leads."}
    )
    assert response.status_code == 302
    board = db.session.scalar(sa.select(Board))
    response = client.submit(
        "/manage/plans/new",
        {
            "name": "Economic Recovery Plan",
            "description": "Recovery from COVID-19.",
            "board_id": board.id,
            "priority_ids": [first.id, second.id],
        },
    )
    assert response.status_code == 302
    plan = db.session.scalar(sa.select(Plan))
    assert {p.id for p in plan.priorities} == {first.id, second.id}
    response = client.submit(
        f"/manage/plans/{plan.id}",
        {"name": "Economic Recovery Plan", "description": "", "board_id": board.id,
         "priority_ids": [second.id]},
    )  # fmt: skip
    db.session.expire_all()
    assert [p.id for p in db.session.get(Plan, plan.id).priorities] == [second.id]
    response = client.submit("/manage/boards/new", {"name": "Inclusive Economy Board"})
    assert response.status_code == 400
    assert "Another one already has this name" in response.get_data(as_text=True)
    response = client.submit("/manage/plans/new", {"name": "", "board_id": board.id})
    assert response.status_code == 400 and "Enter a name" in response.get_data(as_text=True)
    assert client.get("/manage/plan").status_code == 200
    assert 'href="/manage/plan"' in client.get("/manage/proposals").get_data(as_text=True)


@pytest.mark.parametrize(
    "role, status",
    [
        (None, "sign-in"),
        (Role.RESIDENT, 403),
        (Role.YOUNG_PERSON, 403),
        (Role.MODERATOR, 403),
        (Role.SAFEGUARDING_LEAD, 403),
        (Role.OFFICER, 200),
        (Role.ADMIN, 200),
    ],
)
def test_only_officers_and_admins_manage_the_plan(app, login_as, role, status):
    plan = make_plan()
    client = app.test_client() if role is None else login_as(make_user(role))
    for url in ("/manage/plan", "/manage/boards/new", f"/manage/plans/{plan.id}"):
        response = client.get(url)
        if status == "sign-in":
            assert response.status_code == 302 and "/account/sign-in" in response.location
        else:
            assert response.status_code == status, url
    response = client.submit(f"/manage/boards/{plan.board_id}", {"name": "Renamed board"})
    db.session.expire_all()
    renamed = db.session.get(Board, plan.board_id).name == "Renamed board"
    assert renamed == (status == 200)
