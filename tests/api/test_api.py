"""The public read API through real HTTP: resources, filters, paging, ETags, CORS and errors."""

import re

import pytest

from tests.api.world import build_public_record


@pytest.fixture
def w():
    return build_public_record()


def test_priorities_in_order_with_links(client, w):
    body = client.get("/api/v1/priorities").get_json()
    assert [p["slug"] for p in body["items"]] == ["green-town", "safe-town"]
    first = body["items"][0]
    assert first["links"]["self"].endswith("/api/v1/priorities/green-town")
    assert first["links"]["html"].endswith("/priorities/green-town")
    assert client.get(first["links"]["self"]).get_json()["title"] == "Green town"


def test_proposals_never_drafts_and_filter(client, w):
    body = client.get("/api/v1/proposals").get_json()
    assert {p["id"] for p in body["items"]} == {w.open.id, w.closed.id, w.decided.id}
    assert body["total"] == 3
    green = client.get("/api/v1/proposals?priority=green-town").get_json()
    assert {p["id"] for p in green["items"]} == {w.open.id, w.decided.id}
    decided = client.get("/api/v1/proposals?status=decided").get_json()["items"]
    assert [p["id"] for p in decided] == [w.decided.id]
    assert decided[0]["outcome"]["we_did"] == "We will build two paths."
    by_plan = client.get(f"/api/v1/proposals?plan={w.plan.id}").get_json()["items"]
    assert [p["id"] for p in by_plan] == [w.open.id]
    assert client.get(f"/api/v1/proposals/{w.draft.id}").status_code == 404


def test_new_votes_show_within_the_page_cache_time(client, app, w):
    from tests.factories import make_user, make_vote

    url = f"/api/v1/proposals/{w.open.id}/votes"
    assert client.get(url).get_json()["total"] == 2
    make_vote(w.open, make_user())
    assert client.get(url).get_json()["total"] == 2  # counted again after PAGE_CACHE_SECONDS
    cached, app.config["PAGE_CACHE_SECONDS"] = app.config["PAGE_CACHE_SECONDS"], 0
    try:
        assert client.get(url).get_json()["total"] == 3
    finally:
        app.config["PAGE_CACHE_SECONDS"] = cached


def test_proposal_votes_adults_and_young_apart(client, w):
    votes = client.get(f"/api/v1/proposals/{w.open.id}/votes").get_json()
    # The unconfirmed address's vote does not count yet, as on the proposal page.
    assert votes == {
        "adults": {"agree": 1, "disagree": 0, "unsure": 0},
        "young_people": {"agree": 0, "disagree": 1, "unsure": 0},
        "total": 2,
    }
    detail = client.get(f"/api/v1/proposals/{w.open.id}").get_json()
    assert detail["votes"] == votes
    assert detail["outcome"] is None
    assert detail["priority"] == "green-town"


def test_comments_published_only_with_pseudonymous_keys(client, w):
    body = client.get(f"/api/v1/proposals/{w.open.id}/comments").get_json()
    assert [c["id"] for c in body["items"]] == [w.comment.id, w.reply.id]
    first, reply = body["items"]
    assert reply["parent_id"] == w.comment.id
    assert first["author_key"] != reply["author_key"]
    assert len(first["author_key"]) == 20
    assert set(first["author_key"]) <= set("0123456789abcdef")
    again = client.get(f"/api/v1/comments/{w.comment.id}").get_json()
    assert again["author_key"] == first["author_key"]
    assert again["links"]["html"].endswith(f"/proposals/{w.open.id}#c{w.comment.id}")
    for private in (w.held, w.rejected, w.hidden, w.orphan, w.on_draft, w.safeguarded, w.risk):
        assert client.get(f"/api/v1/comments/{private.id}").status_code == 404
    everything = client.get("/api/v1/comments?per_page=100").get_json()
    assert [c["id"] for c in everything["items"]] == [w.comment.id, w.reply.id]


def test_paging_links_keep_filters(client, w):
    page1 = client.get("/api/v1/proposals?per_page=2&priority=green-town").get_json()
    assert (page1["page"], page1["per_page"], page1["total"], page1["pages"]) == (1, 2, 2, 1)
    page = client.get("/api/v1/proposals?per_page=1").get_json()
    assert page["pages"] == 3 and page["links"]["prev"] is None
    following = page["links"]["next"]
    assert "page=2" in following and "per_page=1" in following
    second = client.get(following).get_json()
    assert second["page"] == 2 and second["items"][0]["id"] != page["items"][0]["id"]
    beyond = client.get("/api/v1/proposals?page=99").get_json()
    assert beyond["items"] == [] and beyond["links"]["next"] is None


def test_bad_arguments_are_422_json(client, w):
    for query in ("per_page=0", "per_page=101", "page=0", "status=draft", "plan=abc"):
        response = client.get(f"/api/v1/proposals?{query}")
        assert response.status_code == 422, query
        assert response.get_json()["code"] == 422


def test_not_found_is_json(client, w):
    for url in ("/api/v1/proposals/99999", "/api/v1/priorities/nope", "/api/v1/nothing-here"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.get_json()["status"] == "Not Found"


def test_an_argument_that_is_only_nul_characters_matches_nothing(client, w):
    # NUL characters are taken out as the request is parsed: what the document allows ("%00" is
    # one character) is answered as the empty value it becomes, never refused as too short.
    oembed = client.get("/api/v1/oembed?url=%00")
    listed = client.get("/api/v1/proposals?priority=%00%00")
    everything = client.get("/api/v1/proposals")

    assert oembed.status_code == 404 and oembed.get_json()["status"] == "Not Found"
    assert listed.status_code == 200 and listed.get_json()["items"] == []
    assert everything.get_json()["items"]


def test_etag_and_conditional_get(client, w):
    first = client.get(f"/api/v1/proposals/{w.open.id}")
    etag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "no-cache"
    again = client.get(f"/api/v1/proposals/{w.open.id}", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == etag
    # A new comment changes the answer, so the old tag no longer matches.
    from tests.factories import make_comment

    make_comment(w.open, w.resident, body="Birches too.")
    changed = client.get(f"/api/v1/proposals/{w.open.id}", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag


def test_cors_for_reading_only(client, w):
    response = client.get("/api/v1/priorities", headers={"Origin": "https://example.com"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response.headers["Access-Control-Expose-Headers"]
    preflight = client.options(
        "/api/v1/priorities",
        headers={"Origin": "https://example.com", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, HEAD"
    assert "Access-Control-Allow-Credentials" not in preflight.headers
    for method in ("post", "put", "delete", "patch"):
        assert getattr(client, method)("/api/v1/proposals").status_code in {400, 405}


def test_no_cookies_and_no_sign_in_needed(client, w):
    response = client.get("/api/v1/proposals")
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers


def test_signed_in_staff_see_no_more(login_as, client, w):
    from engage.permissions import Role
    from tests.factories import make_user

    officer = login_as(make_user(Role.OFFICER))
    assert officer.get(f"/api/v1/proposals/{w.draft.id}").status_code == 404
    assert officer.get("/api/v1/proposals").get_json() == client.get("/api/v1/proposals").get_json()


def test_survey_results_suppressed_as_on_the_results_page(client, w):
    surveys = client.get("/api/v1/surveys").get_json()["items"]
    assert {s["title"] for s in surveys} == {"Parks survey", "Words survey", "Results not out"}
    results = client.get(f"/api/v1/surveys/{w.survey.id}/results").get_json()
    assert results["responses"] == {"count": 9, "suppressed": False}
    rows = {r["value"]: r for r in results["questions"][0]["rows"]}
    assert rows["no"]["count"] is None and rows["no"]["suppressed"] is True
    assert rows["not_sure"] == {**rows["not_sure"], "count": None, "suppressed": True}
    assert (rows["yes"]["count"], rows["yes"]["percent"]) == (7, 78)
    texts = client.get(f"/api/v1/surveys/{w.text_survey.id}/results").get_json()
    assert texts["questions"][0]["texts"] == ["Friendly"] * 5
    assert client.get(f"/api/v1/surveys/{w.unpublished.id}/results").status_code == 404
    assert client.get(f"/api/v1/surveys/{w.draft_survey.id}").status_code == 404
    live = client.get("/api/v1/surveys?status=live&results=true").get_json()["items"]
    assert [s["id"] for s in live] == [w.text_survey.id]


def test_boards_with_plans(client, w):
    boards = client.get("/api/v1/boards").get_json()["items"]
    assert [p["name"] for b in boards for p in b["plans"]] == ["Climate plan"]


def test_openapi_document_and_docs_page(client, w):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.1")
    assert "/api/v1/proposals/{proposal_id}" in spec["paths"]
    assert spec["info"]["license"]["name"] == "Open Government Licence v3.0"
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "/api/v1/proposals/{proposal_id}" in html
    # The CSP nonce is random letters: it once spelled "cdn", so it is left out of the check.
    html = re.sub(r'nonce="[^"]*"', "", html)
    assert '<script src="http' not in html and "cdn" not in html.lower()


def test_rate_limited_per_address(app, w):
    from tests.accounts.helpers import rate_limited_app

    with rate_limited_app(app, API_RATE_LIMIT="3 per minute") as limited:
        one = limited.test_client()
        codes = [one.get("/api/v1/priorities").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        # One allowance for the whole API, not one per address of it.
        refused = one.get("/api/v1/proposals")
        assert refused.status_code == 429 and refused.get_json()["code"] == 429
        assert "Retry-After" in refused.headers
        other = limited.test_client()
        elsewhere = other.get("/api/v1/priorities", environ_base={"REMOTE_ADDR": "10.0.0.9"})
        assert elsewhere.status_code == 200
