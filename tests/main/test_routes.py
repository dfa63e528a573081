"""Health check, stable addresses and the information pages."""

import pytest

from tests.accounts.helpers import page
from tests.factories import make_priority, make_proposal


def test_healthz_reports_the_database_as_json(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.is_json
    report = response.get_json()
    assert report["status"] == "ok"
    assert report["database"]["ok"] is True
    assert report["database"]["dialect"] in {"sqlite", "postgresql"}


def test_stable_public_addresses(client):
    priority = make_priority(slug="net-zero-town")
    proposal = make_proposal(priority=priority)

    for url in ("/", "/priorities/net-zero-town", f"/proposals/{proposal.id}", "/healthz"):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/help", "<h1"),
        ("/house-rules", "<h1"),
        ("/privacy", "<h1"),
        ("/accessibility", "<h1"),
    ],
)
def test_information_pages_are_open_to_everyone(client, url, heading):
    response = client.get(url)

    assert response.status_code == 200
    assert heading in page(response)


def test_pages_send_a_strict_content_security_policy(client):
    response = client.get("/")

    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp


def test_unknown_address_gets_the_friendly_404_page(client):
    response = client.get("/no/such/page")

    assert response.status_code == 404
    assert "Page not found" in page(response)
