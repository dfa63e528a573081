"""The public pages: the priorities, a priority's proposals and a proposal."""

import html as htmllib
import re
from datetime import date, timedelta

import pytest

from engage.clock import utcnow
from engage.permissions import Role
from engage.proposals.models import ProposalDocument, ProposalStatus
from tests.accounts.helpers import page
from tests.factories import make_comment, make_plan, make_priority, make_proposal, make_user

DAY = timedelta(days=1)


def titles_in_order(html: str) -> list[str]:
    """Proposal titles in the order a priority page lists them."""
    return re.findall(
        r'<h3 class="govuk-heading-m"><a class="govuk-link" href="/proposals/\d+">([^<]+)</a>', html
    )


# Home ------------------------------------------------------------------------------------------


def test_home_lists_the_five_priorities_in_order_with_open_counts_and_closing_soon(client):
    now = utcnow()
    titles = ["Inclusive economy", "Wellbeing", "Child-friendly town", "Net zero", "Community"]
    priorities = [make_priority(title=t, position=i) for i, t in reversed(list(enumerate(titles)))]
    priorities.reverse()
    economy, wellbeing, children, _net_zero, _community = priorities
    make_proposal(priority=economy, title="Market stalls")
    make_proposal(priority=economy, title="Town centre wifi", closes_at=now + 3 * DAY)
    make_proposal(priority=economy, title="Later one", closes_at=now + 5 * DAY)
    make_proposal(ProposalStatus.CLOSED, priority=economy)
    make_proposal(ProposalStatus.DECIDED, priority=economy)
    make_proposal(ProposalStatus.DRAFT, priority=economy, title="Secret draft")
    make_proposal(priority=economy, title="Not yet", opens_at=now + 2 * DAY)
    make_proposal(priority=wellbeing, title="Park gyms")
    make_proposal(ProposalStatus.DRAFT, priority=children)

    response = client.get("/")

    html = page(response)
    assert response.status_code == 200
    positions = [html.index(f">{t}</a>") for t in titles]
    assert positions == sorted(positions)
    cards = html.split('class="engage-priority-card"')[1:]
    assert "3 proposals open for comments" in cards[0]
    assert "Closing soon:" in cards[0] and "Town centre wifi" in cards[0]
    assert "1 proposal open for comments" in cards[1]
    assert "Closing soon" not in cards[1]  # closes in 30 days
    for card in cards[2:]:
        assert "0 proposals open for comments" in card
    assert "Secret draft" not in html


def test_home_links_each_priority_by_its_stable_slug(client):
    make_priority(slug="net-zero-town", title="Net zero")

    html = page(client.get("/"))

    assert 'href="/priorities/net-zero-town"' in html


# A priority's proposals ------------------------------------------------------------------------


def test_priority_page_shows_ten_proposals_a_page(client):
    priority = make_priority(slug="economy")
    now = utcnow()
    for n in range(12):
        make_proposal(priority=priority, title=f"Proposal number {n:02d}", opens_at=now - n * DAY)

    first = page(client.get("/priorities/economy"))
    second = page(client.get("/priorities/economy?page=2"))

    assert titles_in_order(first) == [f"Proposal number {n:02d}" for n in range(10)]
    assert titles_in_order(second) == ["Proposal number 10", "Proposal number 11"]
    # The Next link carries a cursor (the last proposal shown); old `?page=2` links still work.
    following = re.search(r'href="(/priorities/economy\?after=[^"]+)" rel="next"', first)
    assert following and "sort=newest" in following[1]
    by_cursor = page(client.get(htmllib.unescape(following[1])))
    assert titles_in_order(by_cursor) == titles_in_order(second)
    assert client.get("/priorities/economy?page=9").status_code == 200


def test_priority_page_never_lists_drafts(client):
    priority = make_priority(slug="economy")
    make_proposal(priority=priority, title="Public one")
    make_proposal(ProposalStatus.DRAFT, priority=priority, title="Draft one")

    html = page(client.get("/priorities/economy"))

    assert titles_in_order(html) == ["Public one"]


def test_priority_page_sorts_by_newest_by_default(client):
    priority = make_priority(slug="economy")
    now = utcnow()
    make_proposal(priority=priority, title="Middle", opens_at=now - 5 * DAY)
    make_proposal(priority=priority, title="Newest", opens_at=now - 1 * DAY)
    make_proposal(ProposalStatus.CLOSED, priority=priority, title="Oldest", opens_at=now - 60 * DAY)

    assert titles_in_order(page(client.get("/priorities/economy"))) == [
        "Newest",
        "Middle",
        "Oldest",
    ]
    assert titles_in_order(page(client.get("/priorities/economy?sort=nonsense"))) == [
        "Newest",
        "Middle",
        "Oldest",
    ]


def test_priority_page_sorts_by_most_discussed(client):
    priority = make_priority(slug="economy")
    author = make_user()
    quiet = make_proposal(priority=priority, title="Quiet")
    busy = make_proposal(priority=priority, title="Busy")
    some = make_proposal(ProposalStatus.CLOSED, priority=priority, title="Some")
    for _ in range(3):
        make_comment(busy, author)
    make_comment(some, author)
    assert quiet.comment_count == 0

    html = page(client.get("/priorities/economy?sort=most-discussed"))

    assert titles_in_order(html) == ["Busy", "Some", "Quiet"]
    assert "3 comments" in html


def test_priority_page_sorts_by_closing_soon_with_open_ones_first(client):
    priority = make_priority(slug="economy")
    now = utcnow()
    make_proposal(priority=priority, title="In a month", closes_at=now + 30 * DAY)
    make_proposal(ProposalStatus.CLOSED, priority=priority, title="Closed", closes_at=now - DAY)
    make_proposal(priority=priority, title="Tomorrow", closes_at=now + DAY)
    make_proposal(priority=priority, title="Next week", closes_at=now + 7 * DAY)

    html = page(client.get("/priorities/economy?sort=closing-soon"))

    assert titles_in_order(html) == ["Tomorrow", "Next week", "In a month", "Closed"]
    assert '<strong aria-current="true">Closing soon</strong>' in html


def test_unknown_priority_is_404(client):
    assert client.get("/priorities/no-such-thing").status_code == 404


# A proposal ------------------------------------------------------------------------------------


def test_proposal_page_shows_everything_people_need(client):
    priority = make_priority(title="Net zero")
    plan = make_plan(name="Climate Action Plan")
    proposal = make_proposal(
        priority=priority,
        plan_id=plan.id,
        title="Cycle lanes on Dunstable Road",
        summary="Protected lanes from the town centre to Bury Park.",
        youth_summary="Safer bike lanes so you can ride to school.",
        body="## Background\n\nThe road is **busy**.\n\n- Option one\n- Option two",
        who_decides="The Executive of Luton Borough Council",
        opens_at=utcnow().replace(year=2026, month=3, day=2),
        closes_at=utcnow().replace(year=2099, month=4, day=27),
        decision_due=date(2099, 6, 10),
    )
    proposal.documents = [
        ProposalDocument(title="Cost report", url="https://www.luton.gov.uk/cost-report.pdf")
    ]
    from engage.extensions import db

    db.session.commit()

    response = client.get(f"/proposals/{proposal.id}")

    html = page(response)
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-xl">Cycle lanes on Dunstable Road</h1>' in html
    assert "Protected lanes from the town centre to Bury Park." in html
    assert "Safer bike lanes so you can ride to school." in html
    assert '<h2 class="govuk-heading-m">Background</h2>' in html
    assert "<strong>busy</strong>" in html
    assert '<ul class="govuk-list govuk-list--bullet">' in html
    assert "The Executive of Luton Borough Council" in html
    assert "2 March 2026" in html and "27 April 2099" in html
    assert "10 June 2099" in html
    assert "Open for comments" in html
    assert "Climate Action Plan" in html
    assert 'href="https://www.luton.gov.uk/cost-report.pdf"' in html and "Cost report" in html
    assert "No decision has been made yet." in html
    assert "You said" not in html


def test_young_people_see_the_plain_words_summary_first(login_as):
    proposal = make_proposal(youth_summary="Safer bike lanes so you can ride to school.")

    html = page(login_as(make_user(Role.YOUNG_PERSON)).get(f"/proposals/{proposal.id}"))

    assert "In short" in html
    assert "Safer bike lanes so you can ride to school." in html


def test_proposal_body_markdown_is_sanitised(client):
    proposal = make_proposal(
        body=(
            "Hello <script>alert('x')</script> world\n\n"
            '[bad link](javascript:alert(1)) and <a href="javascript:alert(2)">raw</a>\n\n'
            '<img src=x onerror="alert(3)">\n\n'
            "[good link](https://www.luton.gov.uk/)"
        )
    )

    html = page(client.get(f"/proposals/{proposal.id}"))
    body = html.split('<div class="engage-prose">', 1)[1].split("</div>", 1)[0]

    assert "<script>" not in body
    assert "&lt;script&gt;" in body
    # Raw HTML shows as text; no element with a javascript: link or an event handler survives.
    assert not re.search(r"<a [^>]*javascript", body, re.I)
    assert "<img" not in body
    assert "&lt;a href=" in body
    good = re.search(
        r'<a class="govuk-link" href="https://www.luton.gov.uk/"([^>]*)>good link</a>', body
    )
    assert good and 'rel="nofollow noopener noreferrer ugc"' in good.group(1)


def test_closed_proposal_says_the_outcome_is_coming(client):
    proposal = make_proposal(ProposalStatus.CLOSED)

    html = page(client.get(f"/proposals/{proposal.id}"))

    assert "Closed, decision pending" in html
    assert "This consultation has closed." in html


def test_decided_proposal_shows_you_said_we_did(client):
    proposal = make_proposal(
        ProposalStatus.DECIDED,
        outcome_you_said="Most of the 120 people who answered wanted longer hours.",
        outcome_we_did="The library opens until 8pm on weekdays.",
        outcome_why="It costs less than we feared.",
        decided_at=utcnow(),
    )

    html = page(client.get(f"/proposals/{proposal.id}"))

    assert "What happened: you said, we did" in html
    assert "Most of the 120 people who answered wanted longer hours." in html
    assert "The library opens until 8pm on weekdays." in html
    assert "It costs less than we feared." in html
    assert "Decided on " in html


def test_draft_is_404_to_the_public_and_to_non_staff(client, login_as):
    draft = make_proposal(ProposalStatus.DRAFT, title="Secret plans")
    url = f"/proposals/{draft.id}"

    assert client.get(url).status_code == 404
    for role in (Role.RESIDENT, Role.YOUNG_PERSON, Role.MODERATOR, Role.SAFEGUARDING_LEAD):
        assert login_as(make_user(role)).get(url).status_code == 404, role


@pytest.mark.parametrize("role", [Role.OFFICER, Role.ADMIN])
def test_staff_can_preview_a_draft_and_find_it_on_manage_pages(login_as, role):
    draft = make_proposal(ProposalStatus.DRAFT, title="Secret plans")
    client = login_as(make_user(role))

    assert "Secret plans" in page(client.get(f"/proposals/{draft.id}"))
    listing = page(client.get("/manage/proposals?status=draft"))
    assert "Secret plans" in listing
    assert f'href="/manage/proposals/{draft.id}"' in listing


def test_unknown_proposal_is_404(client):
    assert client.get("/proposals/999999").status_code == 404
