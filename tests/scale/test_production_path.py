"""The production path: the page cache (in-process and shared in Redis), request ids in logs,
/healthz with Redis, and ProxyFix trusting exactly the configured proxies."""

import json
import logging
import re
import time
import uuid
from contextlib import contextmanager

import pytest
import redis

from engage import create_app
from engage.extensions import db
from engage.ops.cache import _cached_page, page_store
from engage.ops.logs import JsonFormatter
from tests.accounts.helpers import rate_limited_app
from tests.conftest import Client, login
from tests.factories import make_comment, make_proposal, make_user

REDIS_URL = "redis://127.0.0.1:6379/0"
NONCE_RE = re.compile(r'nonce="([^"]+)"')


def _redis_running() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping())
    except redis.RedisError:
        return False


needs_redis = pytest.mark.skipif(not _redis_running(), reason="no Redis on 127.0.0.1:6379")


@contextmanager
def cached_app(app, **config):
    """A second app on the test database with the page cache on (it is off in other tests)."""
    cached = create_app(
        {
            **{k: v for k, v in app.config.items() if k.isupper()},
            "PAGE_CACHE_IN_TESTS": True,
            "PAGE_CACHE_SECONDS": 30,
            "CACHE_KEY_PREFIX": f"test-{uuid.uuid4().hex}:",
            **config,
        }
    )
    cached.test_client_class = Client
    try:
        yield cached
    finally:
        with cached.app_context():
            db.engine.dispose()


def test_readers_not_signed_in_share_a_cached_page_with_a_fresh_nonce(app):
    proposal = make_proposal(title="Bus lanes on Dunstable Road")
    with cached_app(app) as cached:
        first = cached.test_client().get(f"/proposals/{proposal.id}")
        second = cached.test_client().get(f"/proposals/{proposal.id}")
    assert first.headers["X-Page-Cache"] == "miss"
    assert second.headers["X-Page-Cache"] == "hit"
    assert "Bus lanes on Dunstable Road" in second.get_data(as_text=True)
    # Each response's script nonce is its own and matches its own CSP header.
    nonces = [NONCE_RE.search(r.get_data(as_text=True)).group(1) for r in (first, second)]
    assert nonces[0] != nonces[1]
    assert f"'nonce-{nonces[1]}'" in second.headers["Content-Security-Policy"]
    # A cached page sets no cookie: nothing of one visitor's session reaches another.
    assert "Set-Cookie" not in second.headers


def test_without_redis_pages_are_kept_in_this_process_as_they_are(app):
    """The page cache keeps text in this process without pickling it (no copy on each hit)."""
    proposal = make_proposal(title="Bus lanes on Dunstable Road")
    with cached_app(app, REDIS_URL=None) as cached:
        client = cached.test_client()
        client.get(f"/proposals/{proposal.id}")
        store = cached.extensions["engage_page_store"]
        with cached.test_request_context():
            assert page_store() is store
        [key] = [k for k in store._cache if k.startswith("page:")]
        assert store.get(key) is store.get(key)  # the kept tuple itself, not an unpickled copy
        assert "Bus lanes on Dunstable Road" in store.get(key)[1].decode()
        assert client.get(f"/proposals/{proposal.id}").headers["X-Page-Cache"] == "hit"


def test_signed_in_people_never_get_a_cached_page(app):
    proposal = make_proposal()
    person = make_user()
    with cached_app(app) as cached:
        cached.test_client().get(f"/proposals/{proposal.id}")
        client = cached.test_client()
        client.submit(
            "/account/sign-in", {"login": person.email, "password": "correct horse battery staple"}
        )
        response = client.get(f"/proposals/{proposal.id}")
    assert "X-Page-Cache" not in response.headers
    assert "Sign out" in response.get_data(as_text=True)


def test_a_new_comment_shows_at_once_to_readers_of_a_cached_page(app):
    proposal = make_proposal()
    author = make_user(display_name="Amira")
    with cached_app(app) as cached:
        reader = cached.test_client()
        reader.get(f"/proposals/{proposal.id}")
        assert reader.get(f"/proposals/{proposal.id}").headers["X-Page-Cache"] == "hit"
        writer = cached.test_client()
        writer.submit(
            "/account/sign-in", {"login": author.email, "password": "correct horse battery staple"}
        )
        posted = writer.submit(
            f"/proposals/{proposal.id}/comments", {"body": "Please add a crossing by the school."}
        )
        assert posted.status_code == 302
        after = reader.get(f"/proposals/{proposal.id}")
    assert after.headers["X-Page-Cache"] == "miss"
    assert "Please add a crossing by the school." in after.get_data(as_text=True)


def test_unknown_query_arguments_and_other_languages_are_not_mixed_up(app):
    proposal = make_proposal()
    with cached_app(app) as cached:
        reader = cached.test_client()
        reader.get(f"/proposals/{proposal.id}")
        odd = reader.get(f"/proposals/{proposal.id}?utm_source=poster")
        polish = reader.get(f"/proposals/{proposal.id}", headers={"Accept-Language": "pl"})
    assert "X-Page-Cache" not in odd.headers  # never cached: no flooding with made-up URLs
    assert polish.headers["X-Page-Cache"] == "miss"  # Polish is cached apart from English
    assert 'lang="pl"' in polish.get_data(as_text=True)


@needs_redis
def test_with_redis_every_app_server_shares_one_page_cache(app):
    proposal = make_proposal(title="Shared between servers")
    prefix = f"test-{uuid.uuid4().hex}:"
    with (
        cached_app(app, REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=prefix) as one,
        cached_app(app, REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=prefix) as two,
    ):
        assert one.test_client().get(f"/proposals/{proposal.id}").headers["X-Page-Cache"] == "miss"
        served = two.test_client().get(f"/proposals/{proposal.id}")
        assert served.headers["X-Page-Cache"] == "hit"
        assert "Shared between servers" in served.get_data(as_text=True)
        # Each server then serves its own copy, without fetching the page from Redis again.
        assert len(two.extensions["engage_page_copies"]._cache) == 1
        assert two.test_client().get(f"/proposals/{proposal.id}").headers["X-Page-Cache"] == "hit"
        # A change committed through one server makes the other's copies stale too.
        with one.app_context():
            make_comment(db.session.get(type(proposal), proposal.id), make_user(), body="Fresh")
        assert two.test_client().get(f"/proposals/{proposal.id}").headers["X-Page-Cache"] == "miss"
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)


@needs_redis
def test_a_server_copy_of_a_shared_page_lives_no_longer_than_the_shared_page(app):
    prefix = f"test-{uuid.uuid4().hex}:"
    with (
        cached_app(app, REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=prefix, PAGE_CACHE_SECONDS=30) as one,
        one.test_request_context(),
    ):
        shared = one.extensions["engage_cache"]
        shared.set("page:old", ("text/html", "old", time.time() - 29.5), timeout=30)
        shared.set("page:new", ("text/html", "new", time.time()), timeout=30)
        assert _cached_page("page:old")[1] == "old"
        assert _cached_page("page:new")[1] == "new"
        copies = one.extensions["engage_page_copies"]
        assert copies.get("page:old") is None  # half a second left: not worth a copy
        assert copies.get("page:new")[1] == "new"
        shared.clear()


@needs_redis
def test_healthz_reports_redis_when_configured(app):
    with cached_app(app, REDIS_URL=REDIS_URL) as with_redis:
        body = with_redis.test_client().get("/healthz").get_json()
    assert body["status"] == "ok" and body["redis"] == {"ok": True}
    assert body["database"]["ok"] is True


def test_healthz_fails_when_redis_is_down(app):
    # Port 9 on loopback ("discard") has nothing listening here: the connection is refused.
    with cached_app(app, REDIS_URL="redis://127.0.0.1:9/0") as broken:
        response = broken.test_client().get("/healthz")
        # Pages still work without the cache: a cache outage never takes the site down.
        page = broken.test_client().get("/")
    assert response.status_code == 503
    assert response.get_json()["redis"]["ok"] is False
    assert page.status_code == 200


def test_every_response_carries_a_request_id(client):
    first = client.get("/healthz").headers["X-Request-ID"]
    second = client.get("/healthz").headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first) and first != second
    kept = client.get("/healthz", headers={"X-Request-ID": "nginx-4f1c2a9b7d"})
    assert kept.headers["X-Request-ID"] == "nginx-4f1c2a9b7d"
    # Anything odd from outside is replaced, never echoed or logged.
    odd = client.get("/healthz", headers={"X-Request-ID": "<script>"})
    assert odd.headers["X-Request-ID"] != "<script>"


def test_request_log_lines_are_json_with_the_request_id(client, caplog):
    with caplog.at_level(logging.INFO, logger="engage.request"):
        response = client.get(
            "/account/sign-in?next=/secret", headers={"X-Request-ID": "req-123456"}
        )
    record = next(r for r in caplog.records if r.name == "engage.request")
    record.request_id = "req-123456"  # what the handler's filter adds in production
    line = json.loads(JsonFormatter().format(record))
    assert line["request_id"] == "req-123456" == response.headers["X-Request-ID"]
    assert line["path"] == "/account/sign-in"  # no query string in logs
    assert line["status"] == 200 and line["method"] == "GET"
    assert line["endpoint"] == "accounts.sign_in" and isinstance(line["ms"], float)


def test_proxy_fix_trusts_the_configured_proxy_for_the_client_address(app):
    """Rate limits count per person behind the proxy, not per proxy (PROXY_FIX_HOPS=1)."""
    make_user(email="someone@example.org")
    form = {"login": "someone@example.org", "password": "wrong password"}
    with rate_limited_app(app, PROXY_FIX_HOPS=1, LOGIN_RATE_LIMIT="2 per minute") as limited:
        first = limited.test_client()
        statuses = [
            first.submit(
                "/account/sign-in", form, headers={"X-Forwarded-For": "192.0.2.10"}
            ).status_code
            for _ in range(3)
        ]
        other = limited.test_client().submit(
            "/account/sign-in", form, headers={"X-Forwarded-For": "198.51.100.20"}
        )
    assert statuses[-1] == 429
    assert other.status_code != 429  # another person behind the same proxy is not blocked


@needs_redis
def test_with_redis_signed_in_readers_share_shells_between_servers(app):
    """A shell rendered through one server is filled for a reader of the other (issue 19)."""
    proposal = make_proposal(title="One shell for two servers")
    alice, bob = make_user(), make_user()
    prefix = f"test-{uuid.uuid4().hex}:"
    with (
        cached_app(app, REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=prefix) as one,
        cached_app(app, REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=prefix) as two,
    ):
        first = login(one.test_client(), alice).get(f"/proposals/{proposal.id}")
        assert first.headers["X-Shell-Cache"] == "miss"
        reader = login(two.test_client(), bob)
        served = reader.get(f"/proposals/{proposal.id}")
        assert served.headers["X-Shell-Cache"] == "hit"
        assert "One shell for two servers" in served.get_data(as_text=True)
        # The second server keeps its own copy of the shell for the rest of its life.
        assert any(k.startswith("shell:") for k in two.extensions["engage_page_copies"]._cache)
        assert reader.get(f"/proposals/{proposal.id}").headers["X-Shell-Cache"] == "hit"
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)
