"""The results page: what each result is and where it sits, paging, ranking, escaping, errors."""

import sqlalchemy as sa

from engage.extensions import db
from engage.proposals.models import ProposalStatus
from engage.proposals.service import publish_outcome
from engage.search.models import SearchEntry
from tests.accounts.helpers import rate_limited_app
from tests.factories import make_priority, make_user
from tests.search.helpers import comment, marked, officer, proposal, search


def test_every_page_has_the_search_box(client):
    html = client.get("/").get_data(as_text=True)
    assert 'role="search"' in html and 'action="/search"' in html


def test_each_result_says_what_it_is_and_where_it_sits(client):
    priority = make_priority(title="A thriving town centre")
    on = proposal("Market hall benches", priority=priority)
    c = comment(on, "More benches in the market hall, please.")

    _, html = search(client, "benches")

    assert "Proposal" in html and "Comment" in html
    assert f'href="/proposals/{on.id}#c{c.id}"' in html
    assert f'href="/priorities/{priority.slug}"' in html or "A thriving town centre" in html
    assert marked(html).count("benches") == 2
    assert "Market hall <mark>benches</mark>" in html  # the title is marked too


def test_a_title_match_ranks_above_a_passing_mention(client):
    on = proposal("Allotments in Wardown Park", summary="Growing food together.")
    comment(
        proposal("Bus lanes on Dunstable Road"),
        "A long comment about buses and roads, which mentions allotments once, at the end, "
        "after a great many other words about traffic, junctions, cycling and parking.",
    )

    _, html = search(client, "allotments")

    assert html.index(f'href="/proposals/{on.id}"') < html.index("Bus lanes on Dunstable Road")


def test_results_are_paged(client):
    on = proposal("Recycling collections")
    for n in range(23):
        comment(on, f"Recycling idea number {n}: more glass banks.")

    _, first = search(client, "glass")
    _, second = search(client, "glass", page=2)

    assert len(marked(first)) == 20
    assert len(marked(second)) == 3
    assert "Results found: 23" in first


def test_an_outcome_is_found_as_you_said_we_did(client):
    staff = officer()
    item = proposal("Late night buses", by=staff)
    item.status = ProposalStatus.CLOSED
    db.session.commit()
    publish_outcome(staff, item, "You wanted later buses.", "We added a midnight service.", "Cost.")
    db.session.commit()

    _, html = search(client, "midnight")

    assert "You said, we did" in html
    assert f'href="/proposals/{item.id}#outcome"' in html


def test_markup_in_words_and_in_the_query_is_shown_as_text(client):
    comment(proposal(), 'Benches <script>alert("x")</script> <b>now</b> & <mark>later</mark>')

    status, html = search(client, "<script>benches")

    assert status == 200
    assert "<script>alert" not in html and "<script>benches" not in html
    assert "&lt;script&gt;benches" in html  # the query, echoed as text
    assert "&lt;mark&gt;later&lt;/mark&gt;" in html  # a person's own <mark> is text
    assert marked(html) == ["Benches", "script", "script"]


def test_an_empty_or_too_long_query_is_an_error_that_keeps_the_words(client):
    status, html = search(client, "   ")
    assert status == 400 and "Enter what you are looking for" in html

    long_query = "parking " * 30
    status, html = search(client, long_query)
    assert status == 400 and "200 characters or fewer" in html
    assert 'value="parking parking' in html

    status, html = search(client, "!!! ???")
    assert status == 400 and "Enter words or numbers" in html


def test_the_search_page_without_a_query_shows_the_form(client):
    response = client.get("/search")
    assert response.status_code == 200
    assert 'id="q"' in response.get_data(as_text=True)


def test_searching_is_rate_limited_per_address(app):
    proposal("Library opening hours")
    with rate_limited_app(app, SEARCH_RATE_LIMIT="3 per minute") as limited:
        first = limited.test_client()
        for _ in range(3):
            assert first.get("/search?q=library").status_code == 200
        assert first.get("/search?q=library").status_code == 429
        other = limited.test_client()
        assert (
            other.get("/search?q=library", environ_base={"REMOTE_ADDR": "10.0.0.9"}).status_code
            == 200
        )


def test_reindex_rebuilds_the_index_from_the_features_tables(app, client):
    on = proposal("Library opening hours")
    comment(on, "Open the library on Sundays, please.")
    db.session.execute(sa.delete(SearchEntry))
    db.session.commit()
    assert marked(search(client, "library")[1]) == []

    result = app.test_cli_runner().invoke(args=["engage", "reindex"])

    assert result.exit_code == 0, result.output
    assert "comment: 1 indexed" in result.output and "proposal: 1 indexed" in result.output
    html = search(client, "library")[1]
    assert f'href="/proposals/{on.id}"' in html and f'href="/proposals/{on.id}#c' in html


def test_a_young_persons_search_shows_only_published_words(login_as):
    young = make_user("young_person")
    comment(proposal(), "Benches by the skate park.")
    _, html = search(login_as(young), "skate")
    assert marked(html) == ["skate"]


def test_a_title_match_comes_first_even_among_more_matches_than_are_ranked(app, client):
    item = proposal("Glass recycling", summary="Collections.")
    on = proposal("Bins")
    for n in range(6):
        comment(on, f"More glass banks, idea {n}.")
    app.config["SEARCH_RANK_CANDIDATES"], app.config["SEARCH_MAX_RESULTS"] = 2, 2
    try:
        _, html = search(client, "glass")
    finally:
        app.config["SEARCH_RANK_CANDIDATES"], app.config["SEARCH_MAX_RESULTS"] = 1001, 1000

    first = html.index("engage-search-result")
    assert html.index(f'href="/proposals/{item.id}"', first) < html.index(
        "More <mark>glass</mark>", first
    )
