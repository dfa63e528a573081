"""Lists at town scale: a page's cost does not grow with the table, and paging still finds all.

A page runs the same statements however many rows there are (votes for the page in one grouped
query, a count that stops at COUNT_LIMIT); past that limit `total` is null and `next` pages by
`after`, so walking a long list costs the same on its last page as on its first.
"""

import pytest

from engage.api import service
from engage.proposals.models import ProposalStatus
from engage.votes.models import VoteChoice
from tests.api.world import build_public_record
from tests.factories import make_comment, make_proposal, make_user, make_vote
from tests.sql import queries


@pytest.fixture
def w():
    return build_public_record()


def _grow(w, proposals: int, comments: int) -> None:
    people = [make_user() for _ in range(3)]
    for n in range(proposals):
        item = make_proposal(priority=w.priority, title=f"Grown {n}")
        for person in people:
            make_vote(item, person, VoteChoice.DISAGREE)
    for n in range(comments):
        make_comment(w.open, people[n % 3], body=f"More words {n}")


LISTS = [
    "/api/v1/proposals",
    "/api/v1/proposals?per_page=100",
    "/api/v1/comments",
    "/api/v1/surveys",
]


@pytest.fixture
def uncached(app):
    # Every request counts its votes afresh, as the benchmark's server does.
    app.config["PAGE_CACHE_SECONDS"], cached = 0, app.config["PAGE_CACHE_SECONDS"]
    yield
    app.config["PAGE_CACHE_SECONDS"] = cached


def test_a_page_runs_the_same_statements_however_many_rows(client, w, uncached):
    urls = [*LISTS, f"/api/v1/proposals/{w.open.id}/comments", f"/api/v1/proposals/{w.open.id}"]
    before = {url: len(queries(client, url)) for url in urls}
    _grow(w, proposals=25, comments=30)
    after = {url: len(queries(client, url)) for url in urls}
    assert after == before
    # The page's vote totals are one grouped query, not one per proposal.
    statements = queries(client, "/api/v1/proposals?per_page=100")
    assert sum("FROM vote" in s for s in statements) == 1


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(service, "COUNT_LIMIT", 4)


def _walk(client, url: str) -> list[dict]:
    pages = []
    while url:
        body = client.get(url).get_json()
        pages.append(body)
        url = body["links"]["next"]
    return pages


def test_past_the_count_limit_next_pages_by_after_and_finds_everything(client, w, small_limit):
    _grow(w, proposals=6, comments=5)
    everything = client.get("/api/v1/comments?per_page=100")
    assert everything.status_code == 200
    body = everything.get_json()
    assert body["total"] is None and body["pages"] is None
    assert body["links"]["last"] is None and len(body["items"]) == 7
    pages = _walk(client, "/api/v1/comments?per_page=2")
    ids = [c["id"] for page in pages for c in page["items"]]
    assert ids == sorted(ids) and len(ids) == len(set(ids)) == 7  # 2 of the record, 5 grown
    assert "page=2" in pages[0]["links"]["next"]
    assert "after=" in pages[1]["links"]["next"] and pages[2]["page"] is None
    assert pages[-1]["links"]["next"] is None

    # Newest first for proposals: after= gives the older ones.
    pages = _walk(client, "/api/v1/proposals?per_page=3&priority=green-town")
    ids = [p["id"] for page in pages for p in page["items"]]
    assert ids == sorted(ids, reverse=True) and len(ids) == len(set(ids)) == 8
    older = client.get(f"/api/v1/proposals?after={ids[2]}&per_page=2").get_json()
    assert [p["id"] for p in older["items"]] == ids[3:5]


def test_page_numbers_stop_at_the_limit_when_the_total_is_unknown(client, w, small_limit):
    _grow(w, proposals=6, comments=0)
    response = client.get("/api/v1/proposals?per_page=2&page=3")
    assert response.status_code == 422
    assert "after" in response.get_json()["message"]
    # A known total still pages by number to its end and beyond (empty), as before.
    assert client.get("/api/v1/priorities?per_page=1&page=9").get_json()["items"] == []


def test_after_never_reaches_private_things(client, w, small_limit):
    replies = client.get(f"/api/v1/comments?after={w.comment.id}").get_json()["items"]
    assert [c["id"] for c in replies] == [w.reply.id]
    for url in (
        f"/api/v1/comments?after={w.comment.id}&per_page=100",
        f"/api/v1/proposals/{w.open.id}/comments?after=1&per_page=100",
        f"/api/v1/proposals?after={w.draft.id + 1}&per_page=100",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"SECRET" not in response.data


def test_list_etags_change_with_a_new_comment_and_a_new_vote(client, w, uncached):
    comments = client.get("/api/v1/comments").headers["ETag"]
    make_comment(w.open, w.resident, body="One more thought.")
    answer = client.get("/api/v1/comments", headers={"If-None-Match": comments})
    assert answer.status_code == 200 and answer.headers["ETag"] != comments
    # A vote changes nothing but the totals: still a new tag.
    proposals = client.get("/api/v1/proposals").headers["ETag"]
    make_vote(w.closed, make_user(), VoteChoice.AGREE)
    answer = client.get("/api/v1/proposals", headers={"If-None-Match": proposals})
    assert answer.status_code == 200 and answer.headers["ETag"] != proposals
    same = client.get("/api/v1/proposals", headers={"If-None-Match": answer.headers["ETag"]})
    assert same.status_code == 304


def test_decided_proposals_page_with_outcomes(client, w, small_limit):
    for n in range(5):
        make_proposal(ProposalStatus.DECIDED, priority=w.priority, title=f"Done {n}")
    pages = _walk(client, "/api/v1/proposals?status=decided&per_page=2")
    assert sum(len(p["items"]) for p in pages) == 6
    assert [p["outcome"] for p in pages[-1]["items"]][-1]["we_did"] == "We will build two paths."
