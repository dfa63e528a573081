"""Officers' pages: writing, opening, closing and deciding proposals; renaming priorities."""

import re
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from engage.clock import utcnow
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import Priority, Proposal, ProposalStatus
from tests.accounts.helpers import input_value, page, radio_checked
from tests.factories import make_plan, make_priority, make_proposal, make_user

NEXT_YEAR = utcnow().year + 1


def d(day: int, month: int, year: int = NEXT_YEAR) -> list[str]:
    """A GOV.UK date input's three boxes, as a browser posts them."""
    return [str(day), str(month), str(year)]


def proposal_form(priority, **overrides) -> dict:
    """A complete, valid proposal form."""
    data = {
        "title": "Longer library hours",
        "summary": "Open Central Library until 8pm on weekdays.",
        "youth_summary": "The library would stay open later so you can study.",
        "body": "## Why\n\nPeople asked for it.",
        "priority_id": str(priority.id),
        "plan_id": "0",
        "who_decides": "The Executive",
        "opens_on": d(1, 3),
        "closes_on": d(30, 4),
        "decision_due": d(1, 6),
        "status": "draft",
        "documents-0-title": "Cost report",
        "documents-0-url": "https://www.luton.gov.uk/costs.pdf",
        "documents-1-title": "",
        "documents-1-url": "",
        "documents-2-title": "",
        "documents-2-url": "",
    }
    data.update(overrides)
    return data


def date_values(html: str, name: str) -> list[str]:
    """The day, month and year a GOV.UK date input shows."""
    return [_value_by_id(html, f"{name}-{part}") for part in ("day", "month", "year")]


def _value_by_id(html: str, element_id: str) -> str:
    tag = re.search(rf'<input[^>]*id="{element_id}"[^>]*>', html).group(0)
    value = re.search(r'value="([^"]*)"', tag)
    return value.group(1) if value else ""


@pytest.fixture
def officer(login_as):
    return login_as(make_user(Role.OFFICER))


def reload(proposal) -> Proposal:
    db.session.expire_all()
    return db.session.get(Proposal, proposal.id)


# Writing a proposal ----------------------------------------------------------------------------


def test_officer_creates_a_draft_that_the_public_cannot_see(officer, client):
    priority = make_priority()
    plan = make_plan()

    response = officer.submit(
        "/manage/proposals/new", proposal_form(priority, plan_id=str(plan.id))
    )

    assert response.status_code == 302
    proposal = db.session.scalar(select(Proposal))
    assert response.headers["Location"].endswith(f"/manage/proposals/{proposal.id}")
    assert proposal.status == ProposalStatus.DRAFT
    assert proposal.title == "Longer library hours"
    assert proposal.plan_id == plan.id
    assert proposal.opens_at == datetime(NEXT_YEAR, 3, 1)
    assert proposal.closes_at == datetime(NEXT_YEAR, 4, 30, 23, 59, 59)
    assert proposal.decision_due == date(NEXT_YEAR, 6, 1)
    assert [(doc.title, doc.url) for doc in proposal.documents] == [
        ("Cost report", "https://www.luton.gov.uk/costs.pdf")
    ]
    assert client.get(f"/proposals/{proposal.id}").status_code == 404
    assert "Longer library hours" not in page(client.get(f"/priorities/{priority.slug}"))


def test_new_proposal_form_starts_as_a_draft(officer):
    make_priority()

    html = page(officer.get("/manage/proposals/new"))

    assert radio_checked(html, "status", "draft")


def test_edit_page_shows_the_saved_proposal(officer):
    proposal = make_proposal(
        ProposalStatus.DRAFT,
        title="Bus shelters",
        opens_at=datetime(NEXT_YEAR, 3, 1),
        closes_at=datetime(NEXT_YEAR, 4, 30, 23, 59, 59),
    )

    html = page(officer.get(f"/manage/proposals/{proposal.id}"))

    assert input_value(html, "title") == "Bus shelters"
    assert date_values(html, "closes_on") == ["30", "04", str(NEXT_YEAR)]
    assert radio_checked(html, "status", "draft")


def test_officer_edits_and_opens_then_closes_a_proposal(officer, client):
    now = utcnow()
    proposal = make_proposal(ProposalStatus.DRAFT, title="Old title")
    priority = proposal.priority
    url = f"/manage/proposals/{proposal.id}"
    opens = d(now.day, now.month, now.year)
    closes = now.date() + timedelta(days=20)

    edited = officer.submit(
        url,
        proposal_form(
            priority,
            title="New title",
            opens_on=opens,
            closes_on=d(closes.day, closes.month, closes.year),
            decision_due="",
        ),
    )
    assert edited.status_code == 302
    assert reload(proposal).title == "New title"
    assert reload(proposal).status == ProposalStatus.DRAFT

    opened = officer.submit(
        url,
        proposal_form(
            priority,
            title="New title",
            opens_on=opens,
            closes_on=d(closes.day, closes.month, closes.year),
            decision_due=["", "", ""],
            status="open",
        ),
    )
    assert opened.status_code == 302
    assert reload(proposal).status == ProposalStatus.OPEN
    assert reload(proposal).is_accepting_input()
    assert "New title" in page(client.get(f"/proposals/{proposal.id}"))

    closed = officer.submit(
        url,
        proposal_form(
            priority,
            title="New title",
            opens_on=opens,
            closes_on=d(closes.day, closes.month, closes.year),
            decision_due=["", "", ""],
            status="closed",
        ),
    )
    assert closed.status_code == 302
    assert reload(proposal).status == ProposalStatus.CLOSED
    assert "Comments have closed." in page(client.get(f"/proposals/{proposal.id}"))


@pytest.mark.parametrize(
    ("overrides", "message", "field"),
    [
        ({"title": ""}, "Enter a title", "title"),
        ({"title": "x" * 161}, "The title must be 160 characters or fewer", "title"),
        (
            {"opens_on": d(10, 4), "closes_on": d(1, 4)},
            "The closing date must be on or after the opening date.",
            "closes_on",
        ),
        (
            {"status": "open", "closes_on": ["", "", ""], "decision_due": ["", "", ""]},
            "An open consultation needs a closing date",
            "closes_on",
        ),
        (
            {"documents-0-url": "not a web address"},
            "Enter a full web address, starting https://",
            "documents-0-url",
        ),
        (
            {"documents-0-url": ""},
            "Give both a title and a link, or leave both empty",
            "documents-0-url",
        ),
        (
            {"documents-0-title": ""},
            "Give both a title and a link, or leave both empty",
            "documents-0-title",
        ),
        (
            {"decision_due": d(1, 4)},
            "The decision cannot be due before the consultation closes.",
            "decision_due",
        ),
        (
            {"closes_on": ["31", "2", str(NEXT_YEAR)]},
            "Enter a real date, for example 27 3 2026",
            "closes_on",
        ),
    ],
)
def test_invalid_proposal_is_refused_clearly_and_keeps_what_was_typed(
    officer, overrides, message, field
):
    priority = make_priority()
    data = proposal_form(priority, summary="A summary I typed carefully.", **overrides)

    response = officer.submit("/manage/proposals/new", data)

    html = page(response)
    assert response.status_code == 400
    assert "<title>Error: " in html
    assert "There is a problem" in html
    assert message in html
    assert "Not a valid date value." not in html  # WTForms' own words name no fix
    assert f'href="#{field}' in html  # the error summary links to the field
    assert "A summary I typed carefully." in html
    if overrides.get("title") is not None:
        assert input_value(html, "title") == overrides["title"]
    else:
        assert input_value(html, "title") == "Longer library hours"
    assert input_value(html, "who_decides") == "The Executive"
    assert db.session.scalar(select(Proposal)) is None


def test_dates_typed_are_kept_when_the_form_is_refused(officer):
    priority = make_priority()

    response = officer.submit(
        "/manage/proposals/new", proposal_form(priority, opens_on=d(10, 4), closes_on=d(1, 4))
    )

    html = page(response)
    assert date_values(html, "opens_on") == ["10", "4", str(NEXT_YEAR)]
    assert date_values(html, "closes_on") == ["1", "4", str(NEXT_YEAR)]


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (ProposalStatus.DRAFT, "closed"),
        (ProposalStatus.CLOSED, "draft"),
        (ProposalStatus.DECIDED, "open"),
        (ProposalStatus.DECIDED, "draft"),
    ],
)
def test_status_changes_that_are_not_allowed_are_refused(officer, start, target):
    proposal = make_proposal(start, title="Stays put")

    response = officer.submit(
        f"/manage/proposals/{proposal.id}",
        proposal_form(proposal.priority, title="Changed", status=target),
    )

    assert response.status_code == 400
    assert "There is a problem" in page(response)
    assert reload(proposal).status == start
    assert reload(proposal).title == "Stays put"


def test_a_new_proposal_cannot_start_closed(officer):
    response = officer.submit(
        "/manage/proposals/new", proposal_form(make_priority(), status="closed")
    )

    assert response.status_code == 400
    assert "A new proposal can only be a draft or open." in page(response)


# Outcomes --------------------------------------------------------------------------------------


OUTCOME = {
    "you_said": "312 people answered; 70% wanted longer hours.",
    "we_did": "The library now opens until 8pm on weekdays.",
    "why": "Most people asked for it and the cost is covered.",
}


def test_officer_publishes_you_said_we_did(officer, client):
    proposal = make_proposal(ProposalStatus.CLOSED, title="Library hours")
    url = f"/manage/proposals/{proposal.id}/outcome"

    assert officer.get(url).status_code == 200
    response = officer.submit(url, OUTCOME)

    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/proposals/{proposal.id}")
    saved = reload(proposal)
    assert saved.status == ProposalStatus.DECIDED
    assert saved.decided_at is not None
    proposal_page = page(client.get(f"/proposals/{proposal.id}"))
    assert "What happened: you said, we did" in proposal_page
    for text in (
        "312 people answered; 70% wanted longer hours.",
        OUTCOME["we_did"],
        OUTCOME["why"],
    ):
        assert text in proposal_page
    priority_page = page(client.get(f"/priorities/{proposal.priority.slug}"))
    assert "You said, we did" in priority_page
    assert OUTCOME["we_did"] in priority_page


def test_outcome_can_be_corrected_after_publishing(officer):
    proposal = make_proposal(ProposalStatus.CLOSED)
    url = f"/manage/proposals/{proposal.id}/outcome"
    officer.submit(url, OUTCOME)
    decided_at = reload(proposal).decided_at

    officer.submit(url, {**OUTCOME, "we_did": "Corrected wording."})

    assert reload(proposal).outcome_we_did == "Corrected wording."
    assert reload(proposal).decided_at == decided_at


@pytest.mark.parametrize("status", [ProposalStatus.DRAFT, ProposalStatus.OPEN])
def test_outcome_is_refused_before_the_consultation_has_run(officer, status):
    proposal = make_proposal(status)

    response = officer.submit(f"/manage/proposals/{proposal.id}/outcome", OUTCOME)

    html = page(response)
    assert response.status_code == 400
    assert "There is a problem" in html
    assert OUTCOME["we_did"] in html
    assert reload(proposal).status == status


def test_outcome_needs_all_three_parts(officer):
    proposal = make_proposal(ProposalStatus.CLOSED)

    response = officer.submit(f"/manage/proposals/{proposal.id}/outcome", {**OUTCOME, "why": ""})

    assert response.status_code == 400
    assert "Give the reasons for the decision" in page(response)
    assert OUTCOME["you_said"] in page(response)
    assert reload(proposal).status == ProposalStatus.CLOSED


# Who may use the manage pages ------------------------------------------------------------------


def manage_urls(proposal, priority) -> list[tuple[str, str]]:
    return [
        ("GET", "/manage/proposals"),
        ("GET", "/manage/proposals/new"),
        ("POST", "/manage/proposals/new"),
        ("GET", f"/manage/proposals/{proposal.id}"),
        ("POST", f"/manage/proposals/{proposal.id}"),
        ("GET", f"/manage/proposals/{proposal.id}/outcome"),
        ("POST", f"/manage/proposals/{proposal.id}/outcome"),
        ("GET", "/manage/priorities"),
        ("GET", f"/manage/priorities/{priority.id}"),
        ("POST", f"/manage/priorities/{priority.id}"),
        ("POST", f"/manage/priorities/{priority.id}/move"),
    ]


@pytest.mark.parametrize(
    "role", [Role.RESIDENT, Role.YOUNG_PERSON, Role.MODERATOR, Role.SAFEGUARDING_LEAD]
)
def test_non_officers_get_403_on_every_manage_page(login_as, role):
    proposal = make_proposal(ProposalStatus.CLOSED, title="Untouched")
    client = login_as(make_user(role))

    for method, url in manage_urls(proposal, proposal.priority):
        if method == "GET":
            response = client.get(url)
        else:
            response = client.submit(url, {**OUTCOME, "title": "Hacked", "direction": "up"})
        assert response.status_code == 403, (method, url)
    assert reload(proposal).status == ProposalStatus.CLOSED
    assert reload(proposal).title == "Untouched"


def test_anonymous_visitors_are_sent_to_sign_in_from_manage_pages(client):
    proposal = make_proposal()

    # A form is sent from its page: a button that only POSTs comes back to that page.
    came_from = {"Referer": "http://localhost/manage/priorities"}
    for method, url in manage_urls(proposal, proposal.priority):
        response = client.get(url) if method == "GET" else client.submit(url, {}, headers=came_from)
        assert response.status_code == 302, (method, url)
        assert "/account/sign-in?next=" in response.headers["Location"], url


def test_admins_may_use_the_manage_pages(login_as):
    proposal = make_proposal()
    client = login_as(make_user(Role.ADMIN))

    assert client.get(f"/manage/proposals/{proposal.id}").status_code == 200
    assert client.get("/manage/priorities").status_code == 200


def test_manage_pages_404_for_unknown_ids(officer):
    assert officer.get("/manage/proposals/999999").status_code == 404
    assert officer.get("/manage/proposals/999999/outcome").status_code == 404
    assert officer.get("/manage/priorities/999999").status_code == 404


# Priorities ------------------------------------------------------------------------------------


def priority_titles() -> list[str]:
    db.session.expire_all()
    return list(db.session.scalars(select(Priority.title).order_by(Priority.position, Priority.id)))


def test_officer_renames_a_priority(officer, client):
    priority = make_priority(slug="economy", title="Economy")

    response = officer.submit(
        f"/manage/priorities/{priority.id}",
        {
            "title": "An inclusive economy",
            "description": "Good jobs for everyone.",
            "youth_description": "Jobs and training for you.",
        },
    )

    assert response.status_code == 302
    assert "An inclusive economy" in page(client.get("/"))
    assert "Good jobs for everyone." in page(client.get("/priorities/economy"))


def test_renaming_a_priority_needs_a_name(officer):
    priority = make_priority(title="Economy")

    response = officer.submit(
        f"/manage/priorities/{priority.id}",
        {"title": "", "description": "Kept text.", "youth_description": "Also kept."},
    )

    assert response.status_code == 400
    assert "Enter a name" in page(response)
    assert "Kept text." in page(response)
    assert priority_titles() == ["Economy"]


def test_officer_reorders_priorities(officer, client):
    first = make_priority(title="First", position=0)
    second = make_priority(title="Second", position=1)
    make_priority(title="Third", position=2)

    assert (
        officer.submit(f"/manage/priorities/{second.id}/move", {"direction": "up"}).status_code
        == 302
    )
    assert priority_titles() == ["Second", "First", "Third"]

    officer.submit(f"/manage/priorities/{first.id}/move", {"direction": "down"})
    assert priority_titles() == ["Second", "Third", "First"]

    # Moving the last one further down changes nothing.
    officer.submit(f"/manage/priorities/{first.id}/move", {"direction": "down"})
    assert priority_titles() == ["Second", "Third", "First"]

    html = page(client.get("/"))
    assert html.index(">Second</a>") < html.index(">Third</a>") < html.index(">First</a>")


def test_reordering_needs_a_csrf_token(officer):
    first = make_priority(title="First", position=0)
    second = make_priority(title="Second", position=1)

    assert (
        officer.post(f"/manage/priorities/{second.id}/move", data={"direction": "up"}).status_code
        == 400
    )
    assert priority_titles() == ["First", "Second"]
    assert first.id


def test_a_date_sent_as_one_value_is_an_error_not_a_crash(login_as):
    from engage.permissions import Role
    from tests.factories import make_priority, make_user

    officer = make_user(Role.OFFICER)
    priority = make_priority()
    client = login_as(officer)
    response = client.submit(
        "/manage/proposals/new",
        {
            "title": "A title",
            "summary": "A summary",
            "youth_summary": "Plain words",
            "body": "Body",
            "priority_id": priority.id,
            "plan_id": 0,
            "who_decides": "The Executive",
            "status": "draft",
            "closes_on": "2027",
        },
    )
    assert response.status_code == 400
    assert 'value="2027"' in response.get_data(as_text=True)
