"""A priority's proposals page by cursor in every order the page offers."""

import re
from datetime import datetime, timedelta

import pytest

from engage import keyset
from engage.clock import utcnow
from engage.proposals.models import ProposalStatus
from engage.proposals.service import Sort
from tests.accounts.helpers import page
from tests.factories import make_priority, make_proposal
from tests.paging import link, walk_pages
from tests.sql import queries

DAY = timedelta(days=1)
PER_PAGE = 3


@pytest.fixture(autouse=True)
def _small_pages(app, monkeypatch):
    monkeypatch.setitem(app.config, "PROPOSALS_PER_PAGE", PER_PAGE)


def titles(html: str) -> list[str]:
    """Proposal titles in the order the page lists them."""
    return re.findall(
        r'<h3 class="govuk-heading-m"><a class="govuk-link" href="/proposals/\d+">([^<]+)</a>', html
    )


def walk(client, url: str, rel: str) -> tuple[list[list[str]], list[str]]:
    """The titles on each page from `url` following one link until there is none, and the URLs."""
    return walk_pages(client, url, rel, titles)


def crowded_priority():
    """Eleven public proposals and a draft, many sharing a date or a number of comments."""
    priority = make_priority(slug="economy")
    now = utcnow()
    same_day = now - 3 * DAY
    for n in range(8):
        make_proposal(
            priority=priority,
            title=f"Open {n}",
            opens_at=same_day if n % 2 else now - n * DAY,
            closes_at=now + (n % 3 + 1) * DAY,
            comment_count=n % 2,
        )
    make_proposal(ProposalStatus.CLOSED, priority=priority, title="Closed", closes_at=None)
    make_proposal(ProposalStatus.DECIDED, priority=priority, title="Decided", opens_at=same_day)
    make_proposal(priority=priority, title="Not yet open", opens_at=now + DAY)
    make_proposal(ProposalStatus.DRAFT, priority=priority, title="Draft")
    return priority


def in_one_page(client, app, monkeypatch, sort: Sort) -> list[str]:
    """The whole list on one page: the order paging must keep."""
    monkeypatch.setitem(app.config, "PROPOSALS_PER_PAGE", 100)
    everything = titles(page(client.get(f"/priorities/economy?sort={sort.value}")))
    monkeypatch.setitem(app.config, "PROPOSALS_PER_PAGE", PER_PAGE)
    return everything


@pytest.mark.parametrize("sort", list(Sort))
def test_paging_forwards_then_backwards_shows_every_proposal_once_in_order(
    client, app, monkeypatch, sort
):
    crowded_priority()
    expected = in_one_page(client, app, monkeypatch, sort)

    forwards, urls = walk(client, f"/priorities/economy?sort={sort.value}", "next")
    backwards, _ = walk(client, urls[-1], "prev")

    assert len(expected) == 11 and "Draft" not in expected
    assert [len(p) for p in forwards] == [3, 3, 3, 2]
    assert sum(forwards, []) == expected
    assert backwards == forwards[::-1]
    assert all(f"sort={sort.value}" in url for url in urls)


def test_closing_soon_puts_open_ones_first_and_no_date_last(client, app, monkeypatch):
    crowded_priority()

    order = in_one_page(client, app, monkeypatch, Sort.CLOSING_SOON)

    assert order[:8] == sorted(order[:8], key=lambda t: (int(t[-1]) % 3, int(t[-1])))
    assert order[-1] == "Closed"  # no closing date: last, on SQLite as on PostgreSQL


def test_an_old_page_number_still_works_and_its_links_are_cursors(client):
    crowded_priority()
    first = page(client.get("/priorities/economy"))
    everything = sum(walk(client, "/priorities/economy", "next")[0], [])

    second = page(client.get("/priorities/economy?page=2"))

    assert titles(second) == everything[3:6]
    assert titles(page(client.get(link(second, "prev")))) == titles(first)
    assert titles(page(client.get(link(second, "next")))) == everything[6:9]
    assert "page=" not in link(second, "prev") + link(second, "next")


@pytest.mark.parametrize(
    "query",
    [
        "after=abc",
        "after=1",  # a newest-first cursor has two parts
        "sort=closing-soon&after=1.2",  # ... and a closing-soon one three
        "sort=most-discussed&after=1.2.3",
        "before=..",
        "after=99999999999999999999.1",
        "after=1.1%00",
        "sort=most-discussed&before=2147483647.2147483647",  # before everything: nothing there
        "sort=most-discussed&after=-1.1",  # after everything
    ],
)
def test_a_bad_or_forged_cursor_shows_the_first_page(client, query):
    crowded_priority()
    sort = re.search(r"sort=([a-z-]+)", query)
    first = titles(page(client.get("/priorities/economy" + (f"?sort={sort[1]}" if sort else ""))))

    response = client.get(f"/priorities/economy?{query}")

    assert response.status_code == 200
    assert titles(page(response)) == first


@pytest.mark.parametrize("sort", list(Sort))
def test_a_deep_page_runs_the_statements_the_first_page_does(client, sort):
    crowded_priority()
    _, urls = walk(client, f"/priorities/economy?sort={sort.value}", "next")

    seen = [queries(client, url) for url in urls]
    counts = [len(statements) for statements in seen]
    old = len(queries(client, f"/priorities/economy?sort={sort.value}&page=3"))

    # On a failure, the statements of the page that differs say what ran once too often.
    assert len(set(counts)) == 1 and old == counts[0], (counts, old, seen)
    # No page counts the proposals (there are no page numbers to show).
    deep = queries(client, urls[-1])
    assert not [s for s in deep if re.search(r"count\(.*\bFROM proposal\b", s, re.S)]


def test_the_links_are_govuk_previous_and_next(client):
    crowded_priority()

    first = page(client.get("/priorities/economy"))
    second = page(client.get(link(first, "next")))

    assert 'aria-label="Pages of proposals"' in first and "govuk-pagination--block" in first
    assert link(first, "prev") is None and "Next page" in first
    assert "Previous page" in second
    assert link(first, "next").startswith("/priorities/economy?after=")
    assert link(first, "next").endswith("&sort=newest#proposals-heading")
    # A cursor is short: the last proposal's date and id.
    assert keyset.decode(re.search(r"after=([^&]+)", link(first, "next"))[1], (datetime, int))
