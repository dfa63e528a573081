"""Atom feeds of a priority and of outcomes, read through real HTTP and parsed as XML."""

from datetime import timedelta
from xml.etree import ElementTree as ET

import pytest

from engage.clock import utcnow
from engage.extensions import db
from engage.proposals.models import ProposalStatus
from tests.factories import make_priority, make_proposal
from tests.i18n.test_content_translations import translate

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BASE = "https://engage.example.org"


@pytest.fixture(autouse=True)
def _base_url(app, monkeypatch):
    monkeypatch.setitem(app.config, "BASE_URL", BASE)


def parse(data: bytes) -> ET.Element:
    # Our own response in a test, not untrusted input: the standard parser is the point.
    return ET.fromstring(data)  # noqa: S314  # nosec B314


def read_feed(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert "Set-Cookie" not in response.headers
    root = parse(response.data)
    assert root.tag == f"{ATOM}feed"
    return root


def entries(root):
    return {e.findtext(f"{ATOM}title"): e for e in root.findall(f"{ATOM}entry")}


def decided(priority=None, **fields):
    proposal = make_proposal(ProposalStatus.DECIDED, priority=priority, **fields)
    proposal.outcome_we_did = fields.get("title", "x") + " was done."
    proposal.decided_at = utcnow()
    db.session.commit()
    return proposal


def test_priority_feed_lists_public_proposals_and_outcomes_never_drafts(client):
    priority = make_priority(title="Net zero town", slug="net-zero")
    opened = make_proposal(priority=priority, title="Solar roofs")
    done = decided(priority, title="Tree planting")
    make_proposal(ProposalStatus.DRAFT, priority=priority, title="Secret plan")
    make_proposal(title="Another priority's proposal")

    root = read_feed(client, "/priorities/net-zero/feed.atom")
    assert root.get(XML_LANG) == "en"
    assert root.findtext(f"{ATOM}title") == "Net zero town"
    assert root.findtext(f"{ATOM}id").startswith(BASE + "/priorities/net-zero/feed.atom")
    assert root.findtext(f"{ATOM}updated")
    self_link = root.find(f"{ATOM}link[@rel='self']").get("href")
    assert self_link.startswith(BASE + "/priorities/net-zero/feed.atom")
    found = entries(root)
    assert set(found) == {"Solar roofs", "Tree planting", "You said, we did: Tree planting"}
    solar = found["Solar roofs"]
    assert solar.findtext(f"{ATOM}id") == f"{BASE}/proposals/{opened.id}"
    assert solar.find(f"{ATOM}link").get("href") == f"{BASE}/proposals/{opened.id}"
    outcome = found["You said, we did: Tree planting"]
    assert outcome.find(f"{ATOM}link").get("href") == f"{BASE}/proposals/{done.id}#outcome"
    assert outcome.findtext(f"{ATOM}summary") == "Tree planting was done."
    # The same entry keeps its id when read again.
    again = entries(read_feed(client, "/priorities/net-zero/feed.atom"))
    assert again["Solar roofs"].findtext(f"{ATOM}id") == solar.findtext(f"{ATOM}id")


def test_priority_feed_is_newest_first(client):
    priority = make_priority(slug="order")
    old = make_proposal(priority=priority, title="Old")
    make_proposal(priority=priority, title="New")
    old.updated_at = utcnow() - timedelta(days=5)
    db.session.commit()
    titles = [e.findtext(f"{ATOM}title") for e in read_feed(client, "/priorities/order/feed.atom")]
    titles = [t for t in titles if t in {"Old", "New"}]
    assert titles == ["New", "Old"]


def test_titles_are_escaped(client):
    priority = make_priority(slug="escape")
    make_proposal(priority=priority, title="Bins <script>alert(1)</script> & more")
    response = client.get("/priorities/escape/feed.atom")
    assert b"<script>" not in response.data
    assert b"&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in response.data
    assert "Bins <script>alert(1)</script> & more" in entries(parse(response.data))


def test_feed_uses_content_translation_in_the_readers_language(client):
    priority = make_priority(title="Net zero town", slug="zero")
    proposal = make_proposal(priority=priority, title="Solar roofs", summary="Panels.")
    untranslated = make_proposal(priority=priority, title="Tree planting")
    translate(proposal, "title", "pl", "Panele słoneczne")
    translate(priority, "title", "pl", "Miasto zeroemisyjne")

    root = read_feed(client, "/priorities/zero/feed.atom?lang=pl")
    assert root.get(XML_LANG) == "pl"
    assert root.findtext(f"{ATOM}title") == "Miasto zeroemisyjne"
    found = entries(root)
    assert "Panele słoneczne" in found and "Solar roofs" not in found
    assert found["Panele słoneczne"].find(f"{ATOM}title").get(XML_LANG) is None
    # Untranslated council content says it is English.
    assert found["Tree planting"].find(f"{ATOM}title").get(XML_LANG) == "en"
    assert found["Panele słoneczne"].find(f"{ATOM}summary").get(XML_LANG) == "en"
    assert untranslated.id
    # A feed reader's Accept-Language works too.
    root = read_feed(client, "/priorities/zero/feed.atom", headers={"Accept-Language": "pl"})
    assert "Panele słoneczne" in entries(root)


def test_unknown_priority_is_404(client):
    assert client.get("/priorities/no-such-thing/feed.atom").status_code == 404


def test_outcomes_feed_has_only_published_outcomes_newest_first(client):
    older = decided(title="Library hours")
    older.decided_at = utcnow() - timedelta(days=3)
    db.session.commit()
    decided(title="Park benches")
    make_proposal(ProposalStatus.CLOSED, title="Still deciding")
    make_proposal(ProposalStatus.DRAFT, title="Draft")

    root = read_feed(client, "/outcomes.atom")
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert titles == ["You said, we did: Park benches", "You said, we did: Library hours"]
    assert root.find(f"{ATOM}link[@rel='self']").get("href").startswith(BASE + "/outcomes.atom")
    assert all(
        e.find(f"{ATOM}link").get("href").startswith(BASE + "/proposals/")
        for e in root.findall(f"{ATOM}entry")
    )


def test_feed_answers_304_to_its_etag(client):
    make_priority(slug="cached")
    first = client.get("/priorities/cached/feed.atom")
    etag = first.headers["ETag"]
    again = client.get("/priorities/cached/feed.atom", headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_priority_page_links_to_its_feed(client):
    make_priority(slug="linked")
    page = client.get("/priorities/linked").get_data(as_text=True)
    head = page.split("</head>", 1)[0]
    assert '<link rel="alternate" type="application/atom+xml"' in head
    assert "/priorities/linked/feed.atom?lang=en" in head
    assert "Subscribe to updates (Atom feed)" in page.split("<main", 1)[1]
