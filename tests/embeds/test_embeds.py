"""Embeddable views: framed only by allowed origins, small, no script, in the chosen language."""

import re

import pytest

from tests.api.world import SECRET, build_public_record


@pytest.fixture
def w():
    return build_public_record()


def _ancestors(response) -> str:
    policy = response.headers["Content-Security-Policy"]
    return re.search(r"frame-ancestors ([^;]*)", policy).group(1).strip()


def test_proposal_embed(client, w):
    response = client.get(f"/embed/proposals/{w.open.id}")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert "More trees" in html and "A short summary." in html
    assert "2 votes so far" in html
    assert f"/proposals/{w.open.id}?lang=en" in html
    assert "<script" not in html and "<form" not in html
    assert SECRET not in html


def test_priority_embed_lists_open_proposals(client, w):
    html = client.get("/embed/priorities/green-town").get_data(as_text=True)
    assert "More trees" in html
    assert "Cycle paths" not in html  # decided, not open
    assert SECRET not in html
    assert client.get("/embed/priorities/nope").status_code == 404


def test_drafts_are_not_embeddable(client, w):
    assert client.get(f"/embed/proposals/{w.draft.id}").status_code == 404


def test_framed_only_from_allowed_origins(client, app, w):
    url = f"/embed/proposals/{w.open.id}"
    assert _ancestors(client.get(url)) == "'none'"
    app.config["EMBED_ALLOWED_ORIGINS"] = [
        "https://www.luton.gov.uk",
        "https://x.example; script-src *",  # malformed: ignored, cannot rewrite the policy
    ]
    try:
        response = client.get(url)
        assert _ancestors(response) == "https://www.luton.gov.uk"
        assert "script-src *" not in response.headers["Content-Security-Policy"]
        assert "X-Frame-Options" not in response.headers
        # Every other page still refuses every frame.
        other = client.get(f"/proposals/{w.open.id}")
        assert _ancestors(other) == "'none'"
        assert other.headers["X-Frame-Options"] == "SAMEORIGIN"
    finally:
        app.config["EMBED_ALLOWED_ORIGINS"] = []


def test_under_ten_kilobytes_with_its_stylesheet(client, w):
    for url in (f"/embed/proposals/{w.open.id}", "/embed/priorities/green-town"):
        response = client.get(url)
        html = response.get_data(as_text=True)
        css_url = re.search(r'href="([^"]+embed[^"]*\.css)"', html).group(1)
        css = client.get(css_url)
        assert css.status_code == 200
        assert len(response.data) + len(css.data) < 10 * 1024, url


def test_in_the_chosen_language(client, w):
    html = client.get(f"/embed/proposals/{w.open.id}?lang=ur").get_data(as_text=True)
    assert '<html lang="ur" dir="rtl">' in html
    assert "Take part on Engage Luton" not in html
    # Council content without an Urdu translation says it is English.
    assert 'lang="en"' in html
    assert f"/proposals/{w.open.id}?lang=ur" in html


def test_oembed_discovery_names_the_address_asked_for(client, w):
    """The kept Link header is each address's own: another host or proposal gets its own."""
    links = {}
    for host in ("localhost", "engage.example.org"):
        for proposal in (w.open, w.closed):
            page = client.get(f"/proposals/{proposal.id}", base_url=f"http://{host}")
            links[host, proposal.id] = page.headers["Link"]
            assert f"url=http://{host}/proposals/{proposal.id}&" in links[host, proposal.id]
    assert len(set(links.values())) == 4
    # Asked again, the same header.
    again = client.get(f"/proposals/{w.open.id}", base_url="http://engage.example.org")
    assert again.headers["Link"] == links["engage.example.org", w.open.id]


def test_oembed_discovery_and_answer(client, w):
    page = client.get(f"/proposals/{w.open.id}")
    link = page.headers["Link"]
    assert 'type="application/json+oembed"' in link
    href = link[link.index("<") + 1 : link.index(">")]
    answer = client.get(href).get_json()
    assert answer["type"] == "rich" and answer["version"] == "1.0"
    assert f'/embed/proposals/{w.open.id}"' in answer["html"]
    assert answer["title"] == "More trees"
    small = client.get(href + "&maxwidth=300").get_json()
    assert small["width"] == 300 and 'width="300"' in small["html"]
    draft = f"http://localhost/proposals/{w.draft.id}"
    assert client.get("/api/v1/oembed", query_string={"url": draft}).status_code == 404
    elsewhere = "http://localhost/priorities/green-town"
    assert client.get("/api/v1/oembed", query_string={"url": elsewhere}).status_code == 404
