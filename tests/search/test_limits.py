"""Bounded searches: the count stops at a cap, paging stays inside it, ranking stays right."""

import re

import pytest

from tests.search.helpers import comment, marked, proposal, search

COUNT_RE = re.compile(r'id="results-count">\s*([^<]*?)\s*<')


@pytest.fixture
def small(app, monkeypatch):
    """Searches that count at most 5 results and show 2 a page."""
    monkeypatch.setitem(app.config, "SEARCH_MAX_RESULTS", 5)
    monkeypatch.setitem(app.config, "SEARCH_PER_PAGE", 2)
    monkeypatch.setitem(app.config, "SEARCH_RANK_CANDIDATES", 1)
    return app


def _result_links(html: str) -> list[str]:
    return re.findall(r'href="(/proposals/\d+#c\d+)"', html)


def _count(html: str) -> str:
    return COUNT_RE.search(html).group(1)


def test_more_results_than_the_cap_say_more_than_the_cap(small, client):
    on = proposal("Bins")
    for n in range(7):
        comment(on, f"More glass banks, idea {n}.")

    _, html = search(client, "glass")

    assert _count(html) == "More than 5 results, best matches first."


def test_exactly_the_cap_is_counted_exactly(small, client):
    on = proposal("Bins")
    for n in range(5):
        comment(on, f"More glass banks, idea {n}.")

    _, html = search(client, "glass")

    assert _count(html) == "Results found: 5, best matches first."


def test_paging_stops_at_the_cap_and_a_page_past_it_shows_the_last(small, client):
    on = proposal("Bins")
    for n in range(9):
        comment(on, f"More glass banks, idea {n}.")

    _, last = search(client, "glass", page=3)
    _, past = search(client, "glass", page=40)

    assert len(marked(last)) == 1  # results 5 of 5: the cap, not the 9 found
    assert _result_links(past) == _result_links(last)
    assert "page=4" not in last


def test_a_page_past_the_last_result_shows_the_last_page(small, client):
    on = proposal("Bins")
    for n in range(3):
        comment(on, f"More glass banks, idea {n}.")

    status, html = search(client, "glass", page=7)

    assert status == 200
    assert _count(html) == "Results found: 3, best matches first."
    assert len(marked(html)) == 1  # page 2 of 2


def test_every_result_shown_is_ranked_and_the_newest_matches_are_shown(small, client):
    on = proposal("Bins")
    made = [comment(on, f"More glass banks, idea {n}.") for n in range(8)]

    pages = [search(client, "glass", page=p)[1] for p in (1, 2, 3)]

    shown = {c.id for c in made if any(f"#c{c.id}" in html for html in pages)}
    # Only the cap's worth is shown, and it is the newest: an old passing mention of a very
    # common word is the trade-off (docs/search.md).
    assert shown == {c.id for c in made[-5:]}


def test_a_title_match_comes_first_whatever_its_age(small, client):
    item = proposal("Glass recycling", summary="Collections.")
    on = proposal("Bins")
    for n in range(8):
        comment(on, f"More glass banks, idea {n}.")

    _, html = search(client, "glass")

    first = html.index("engage-search-result")
    assert html.index(f'href="/proposals/{item.id}"', first) < html.index(
        "More <mark>glass</mark>", first
    )


def test_a_word_in_half_the_comments_and_a_rare_one_are_both_found(small, client):
    on = proposal("Bins")
    for n in range(6):
        comment(on, f"Glass banks, idea {n}.")
    rare = comment(on, "Glass and a zebracrossing by the school.")

    _, common = search(client, "glass")
    _, both = search(client, "glass zebracrossing")

    assert _count(common) == "More than 5 results, best matches first."
    assert _count(both) == "Results found: 1, best matches first."
    assert f"#c{rare.id}" in both


@pytest.mark.parametrize("matches_newest", [True, False], ids=["in-newest-rows", "only-older"])
def test_a_phrase_finds_the_same_newest_matches_wherever_they_sit(
    small, client, monkeypatch, matches_newest
):
    # PostgreSQL checks only the newest SEARCH_RECENT_ROWS entries for three words or more, and
    # asks its index for older ones when those hold too few: both ways must find the same.
    monkeypatch.setitem(small.config, "SEARCH_RECENT_ROWS", 6)
    on = proposal("Lighting")
    older = [comment(on, f"Lights in the underpass please, idea {n}.") for n in range(4)]
    for n in range(8):
        comment(on, f"Benches by the pond, idea {n}.")
    newer = [
        comment(on, f"Lights in the underpass again, {n}.")
        for n in range(7 if matches_newest else 0)
    ]

    pages = [search(client, "lights in the underpass", page=p)[1] for p in (1, 2, 3)]

    shown = {c.id for c in older + newer if any(f'#c{c.id}"' in html for html in pages)}
    expected = (older + newer)[-5:]
    assert shown == {c.id for c in expected}
    found = "More than 5 results" if matches_newest else "Results found: 4"
    assert _count(pages[0]).startswith(found)
