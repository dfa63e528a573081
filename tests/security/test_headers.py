"""No browser or proxy keeps a copy of a personal or staff page or an export; HSTS with HTTPS."""

import pytest

from engage import create_app
from engage.permissions import Role
from tests.conftest import Client
from tests.factories import make_comment, make_proposal, make_user
from tests.scale.test_production_path import cached_app

STAFF_PAGES = (
    "/manage/safeguarding",
    "/manage/moderation",
    "/manage/moderation/audit",
    "/manage/moderation/audit.csv",
    "/manage/proposals",
    "/manage/surveys",
)
PERSONAL_PAGES = ("/account/", "/me/contributions", "/me/contributions.csv", "/notifications")


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_staff_pages_and_exports_are_never_stored(login_as, url):
    response = login_as(make_user(Role.ADMIN)).get(url)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("url", PERSONAL_PAGES)
def test_personal_pages_and_downloads_are_never_stored(login_as, url):
    user = make_user()
    make_comment(make_proposal(), user)
    response = login_as(user).get(url)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"


def test_public_pages_seen_signed_in_are_never_stored(login_as):
    proposal = make_proposal()
    client = login_as(make_user())
    for url in ("/", f"/proposals/{proposal.id}", "/surveys"):
        assert client.get(url).headers["Cache-Control"] == "no-store"


def test_the_sign_in_page_and_its_redirects_are_never_stored(client):
    assert client.get("/account/sign-in").headers["Cache-Control"] == "no-store"
    assert client.get("/manage/moderation").headers["Cache-Control"] == "no-store"


def test_anonymous_public_pages_stay_cacheable(app):
    proposal = make_proposal()
    with cached_app(app) as cached:
        first = cached.test_client().get(f"/proposals/{proposal.id}")
        second = cached.test_client().get(f"/proposals/{proposal.id}")
    assert second.headers["X-Page-Cache"] == "hit"
    for response in (first, second):
        assert "no-store" not in response.headers.get("Cache-Control", "")


def test_static_files_keep_their_long_cache_for_signed_in_readers(app, login_as):
    client = login_as(make_user())
    page = client.get("/help").get_data(as_text=True)
    css = page.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    response = client.get(css)
    assert response.status_code == 200
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_hsts_is_sent_whenever_https_is_forced(app):
    forced = create_app(
        {**{k: v for k, v in app.config.items() if k.isupper()}, "FORCE_HTTPS": True}
    )
    forced.test_client_class = Client
    client = forced.test_client()
    plain = client.get("/help")
    assert plain.status_code in (301, 302)
    assert plain.headers["Location"].startswith("https://")
    secure = client.get("/help", base_url="https://localhost")
    assert secure.status_code == 200
    hsts = secure.headers["Strict-Transport-Security"]
    max_age = int(hsts.split("max-age=", 1)[1].split(";", 1)[0])
    assert max_age >= 365 * 24 * 3600 and "includeSubDomains" in hsts


def test_every_page_forbids_sniffing_framing_and_cross_site_referrers(client):
    response = client.get("/help")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"


def test_the_session_cookie_is_http_only_and_same_site(client):
    client.get("/account/sign-in")
    cookie = client.get_cookie("session")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"


SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "Referrer-Policy",
    "X-Frame-Options",
    "X-Content-Type-Options",
)


def _nonce(response) -> str:
    return response.headers["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]


def test_headers_kept_per_view_are_talismans_own_with_each_requests_nonce(app, client, monkeypatch):
    from flask_talisman import Talisman

    from engage.ops import http_safety

    proposal = make_proposal()
    urls = ("/", f"/proposals/{proposal.id}", "/no-such-page", f"/embed/proposals/{proposal.id}")
    kept = {url: [client.get(url) for _ in range(2)] for url in urls}
    # The same app with Talisman as it comes, working every header out on every response.
    monkeypatch.setattr(http_safety, "KeptHeadersTalisman", Talisman)
    config = {"TESTING": True, "RATELIMIT_ENABLED": False, "SQLALCHEMY_ENGINE_OPTIONS": {}}
    stock = create_app({**config, "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"]})
    stock_client = stock.test_client()
    for url, (first, second) in kept.items():
        assert _nonce(first) != _nonce(second), url  # a new nonce on every response
        if url.startswith("/proposals"):
            assert f'nonce="{_nonce(second)}"' in second.get_data(as_text=True)
        plain = stock_client.get(url)
        assert plain.status_code == second.status_code
        for name in SECURITY_HEADERS:
            got = second.headers.get(name)
            if name == "Content-Security-Policy":
                got = got.replace(_nonce(second), _nonce(plain))
            assert got == plain.headers.get(name), (url, name)
