"""With Redis, a kept signed-in proposal page asks it one thing: the content generation and the
shared vote totals in one MGET (engage/ops/cache.py `fetch_with_generation`), and what it shows
is as current as two separate reads would give."""

import os

import pytest

from tests.conftest import login
from tests.factories import make_proposal, make_user, make_vote
from tests.scale.test_shells import cached_app

REDIS = os.environ.get("TEST_REDIS_URL", "")
pytestmark = pytest.mark.skipif(not REDIS, reason="TEST_REDIS_URL names no Redis for the tests")


def _commands(cached, monkeypatch) -> list[str]:
    client = cached.extensions["engage_cache"]._read_client
    sent: list[str] = []
    original = client.execute_command

    def recording(*args, **options):
        sent.append(str(args[0]).upper())
        return original(*args, **options)

    monkeypatch.setattr(client, "execute_command", recording)
    return sent


def test_a_kept_proposal_page_asks_redis_once(app, monkeypatch):
    proposal = make_proposal()
    reader = make_user()
    with cached_app(app, REDIS_URL=REDIS) as cached:
        client = login(cached.test_client(), reader)
        url = f"/proposals/{proposal.id}"
        assert client.get(url).status_code == 200
        assert client.get(url).headers["X-Shell-Cache"] == "hit"
        sent = _commands(cached, monkeypatch)
        page = client.get(url)
        assert page.headers["X-Shell-Cache"] == "hit"
    assert sent == ["MGET"], sent


def test_a_vote_shows_at_once_in_the_totals_fetched_with_the_generation(app):
    proposal = make_proposal()
    voter = make_user()
    make_vote(proposal, make_user(), "disagree")
    with cached_app(app, REDIS_URL=REDIS) as cached:
        reader = login(cached.test_client(), voter)
        url = f"/proposals/{proposal.id}"
        for _ in range(2):  # the second from the kept shell, the totals fetched with it
            assert "1 vote so far" in reader.get(url).get_data(as_text=True)
        token = reader.csrf_token()
        sent = reader.post(f"{url}/vote", data={"choice": "agree", "csrf_token": token})
        assert sent.status_code == 302
        after = reader.get(url).get_data(as_text=True)
    assert "2 votes so far" in after
