"""Shared page shells with per-reader holes (engage/ops/shells.py): each reader sees only their own
vote, held comments, CSRF token and notification count, and a page composed from a shared shell
is exactly the page rendered for that reader alone."""

import re
import uuid
from contextlib import contextmanager

import pytest

from engage import create_app
from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.moderation.models import Notification
from engage.notifications.models import Follow
from engage.permissions import Role
from tests.conftest import CSRF_RE, Client, login
from tests.factories import make_comment, make_proposal, make_user, make_vote

CHOICES = {
    "agree": "You voted: Agree",
    "disagree": "You voted: Disagree",
    "unsure": "You voted: Not sure",
}
# What differs between two renders of the same page for the same person: the CSP nonce, the
# CSRF token (signed with the time) and the comment box's single-use token.
VOLATILE = [
    (re.compile(r'nonce="[^"]+"'), 'nonce="N"'),
    (re.compile(r'(name="csrf_token"[^>]*value=")[^"]+"'), r'\1T"'),
    (re.compile(r'(name="token"[^>]*value=")[^"]+"'), r'\1T"'),
    (re.compile(r'(value=")[^"]+("[^>]*name="token")'), r"\1T\2"),
]


@contextmanager
def cached_app(app, **config):
    """A second app on the test database with the page cache (and so shared shells) on."""
    cached = create_app(
        {
            **{k: v for k, v in app.config.items() if k.isupper()},
            "PAGE_CACHE_IN_TESTS": True,
            "PAGE_CACHE_SECONDS": 60,
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


def _notify(user, count):
    for n in range(count):
        db.session.add(Notification(user_id=user.id, kind="comment_published", params={"n": n}))
    db.session.commit()


def _normalised(html: str) -> str:
    for pattern, replacement in VOLATILE:
        html = pattern.sub(replacement, html)
    return html


@pytest.fixture
def town():
    """An open proposal read by three residents and two young people, each with their own."""
    proposal = make_proposal(title="Bus lanes on Dunstable Road")
    other = make_user()
    make_comment(proposal, other, body="Published words everyone can read.")
    people = {
        "alice": make_user(),  # her own held comment is on the page: rendered for her alone
        "bob": make_user(),
        "dora": make_user(),
        "yan": make_user(Role.YOUNG_PERSON),
        "zoe": make_user(Role.YOUNG_PERSON),  # her own held comment is on the page
    }
    votes = {"alice": "agree", "bob": "disagree", "dora": "unsure", "yan": "agree", "zoe": "unsure"}
    for n, (name, person) in enumerate(people.items(), start=1):
        make_vote(proposal, person, votes[name])
        _notify(person, n)
    # Bob follows the proposal: his page says so, nobody else's does.
    db.session.add(Follow(user_id=people["bob"].id, proposal_id=proposal.id))
    db.session.commit()
    held = {
        "alice": make_comment(
            proposal, people["alice"], body="Alice held words", status=CommentStatus.HELD
        ),
        "zoe": make_comment(
            proposal, people["zoe"], body="Zoe held words", status=CommentStatus.HELD
        ),
    }
    return proposal, people, votes, held


def test_each_reader_sees_only_their_own_on_shared_and_composed_pages(app, town):
    proposal, people, votes, held = town
    counts = {name: n for n, name in enumerate(people, start=1)}
    with cached_app(app) as cached:
        clients = {name: login(cached.test_client(), person) for name, person in people.items()}
        url = f"/proposals/{proposal.id}"
        seen = {name: [] for name in people}
        # Twice round, so later readers of each audience are served a shell others made.
        for _round in range(2):
            for name, client in clients.items():
                response = client.get(url)
                assert response.status_code == 200
                seen[name].append(response)
        pages = {name: [r.get_data(as_text=True) for r in rs] for name, rs in seen.items()}
        tokens = {name: {CSRF_RE.search(p).group(1) for p in ps} for name, ps in pages.items()}
        for name, own_pages in pages.items():
            for page in own_pages:
                assert CHOICES[votes[name]] in page
                for choice, text in CHOICES.items():
                    if choice != votes[name]:
                        assert text not in page
                assert f"Notifications ({counts[name]})" in page
                for other, count in counts.items():
                    if other != name:
                        assert f"Notifications ({count})" not in page
                        assert not tokens[other] & set(CSRF_RE.findall(page))
                for author, comment in held.items():
                    assert (comment.body in page) == (author == name)
                assert "Published words everyone can read." in page
                assert ("Stop following" in page) == (name == "bob")
        # Readers without comments here share their audience's shell; the others never do.
        assert seen["dora"][0].headers["X-Shell-Cache"] == "hit"  # made for bob
        assert seen["bob"][1].headers["X-Shell-Cache"] == "hit"
        assert seen["yan"][1].headers["X-Shell-Cache"] == "hit"
        for name in ("alice", "zoe"):
            assert all("X-Shell-Cache" not in r.headers for r in seen[name])
        # The same pages rendered for each reader alone (no shell kept) are the same pages.
        for name, person in people.items():
            alone = login(app.test_client(), person).get(url).get_data(as_text=True)
            assert _normalised(pages[name][1]) == _normalised(alone), name
        # The token on each page is the reader's own: it works for them.
        token = CSRF_RE.search(pages["dora"][1]).group(1)
        cast = clients["dora"].post(
            f"/proposals/{proposal.id}/vote", data={"choice": "agree", "csrf_token": token}
        )
        assert cast.status_code == 302


@pytest.mark.parametrize("path", ["/", "/priorities/{slug}"])
def test_priority_and_home_pages_compose_to_the_page_rendered_alone(app, path):
    proposal = make_proposal(title="Library hours")
    resident, young = make_user(), make_user(Role.YOUNG_PERSON)
    _notify(resident, 2)
    _notify(young, 3)
    url = path.format(slug=proposal.priority.slug)
    with cached_app(app) as cached:
        for person, count in ((resident, 2), (young, 3)):
            first = login(cached.test_client(), make_user(person.role)).get(url)
            client = login(cached.test_client(), person)
            shared = client.get(url)
            assert first.headers["X-Shell-Cache"] == "miss"
            assert shared.headers["X-Shell-Cache"] == "hit"
            page = shared.get_data(as_text=True)
            assert f"Notifications ({count})" in page
            assert "Notifications (" not in first.get_data(as_text=True)
            alone = login(app.test_client(), person).get(url).get_data(as_text=True)
            assert _normalised(page) == _normalised(alone)


def test_a_young_reader_gets_the_young_peoples_shell(app):
    proposal = make_proposal(
        summary="The summary for adults.", youth_summary="What it means for you, in short."
    )
    with cached_app(app) as cached:
        adult = login(cached.test_client(), make_user()).get(f"/proposals/{proposal.id}")
        young = login(cached.test_client(), make_user(Role.YOUNG_PERSON))
        page = young.get(f"/proposals/{proposal.id}")
    assert page.headers["X-Shell-Cache"] == "miss"  # not the adults' shell
    assert "Need to talk to someone?" in page.get_data(as_text=True)
    assert "Need to talk to someone?" not in adult.get_data(as_text=True)


def test_staff_and_blocked_readers_get_pages_of_their_own(app):
    from datetime import timedelta

    from engage.clock import utcnow

    proposal = make_proposal()
    suspended = make_user(suspended_until=utcnow() + timedelta(days=3))
    with cached_app(app) as cached:
        login(cached.test_client(), make_user()).get(f"/proposals/{proposal.id}")
        page = login(cached.test_client(), suspended).get(f"/proposals/{proposal.id}")
        officer = login(cached.test_client(), make_user(Role.OFFICER)).get(
            f"/proposals/{proposal.id}"
        )
    assert "X-Shell-Cache" not in page.headers
    assert "Your account cannot vote or comment at the moment." in page.get_data(as_text=True)
    assert "X-Shell-Cache" not in officer.headers
    assert "Manage proposals" in officer.get_data(as_text=True)


def test_a_new_comment_makes_a_new_shell(app, town):
    proposal, people, _votes, _held = town
    with cached_app(app) as cached:
        bob = login(cached.test_client(), people["bob"])
        assert bob.get(f"/proposals/{proposal.id}").headers["X-Shell-Cache"] == "miss"
        assert bob.get(f"/proposals/{proposal.id}").headers["X-Shell-Cache"] == "hit"
        writer = login(cached.test_client(), make_user())
        posted = writer.submit(
            f"/proposals/{proposal.id}/comments", {"body": "A brand new published comment."}
        )
        assert posted.status_code == 302
        fresh = bob.get(f"/proposals/{proposal.id}")
    assert fresh.headers["X-Shell-Cache"] == "miss"
    assert "A brand new published comment." in fresh.get_data(as_text=True)


def test_signed_out_pages_set_no_session_cookie(client):
    proposal = make_proposal()
    for url in ("/", f"/priorities/{proposal.priority.slug}", f"/proposals/{proposal.id}"):
        response = client.get(url)
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers, url


def test_a_voter_sees_their_vote_counted_at_once(app):
    proposal = make_proposal()
    voter = make_user()
    with cached_app(app) as cached:
        client = login(cached.test_client(), voter)
        before = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
        assert "0 votes so far" in before
        cast = client.submit(f"/proposals/{proposal.id}/vote", {"choice": "agree"})
        assert cast.status_code == 302
        after = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert "1 vote so far" in after
    assert "You voted: Agree" in after


def test_signed_in_pages_work_while_the_shared_cache_is_down(app):
    proposal = make_proposal()
    make_vote(proposal, make_user())
    # Port 9 on loopback has nothing listening: every cache call is refused.
    with cached_app(app, REDIS_URL="redis://127.0.0.1:9/0") as broken:
        client = login(broken.test_client(), make_user())
        page = client.get(f"/proposals/{proposal.id}")
        voted = client.submit(f"/proposals/{proposal.id}/vote", {"choice": "agree"})
    assert page.status_code == 200
    assert "1 vote so far" in page.get_data(as_text=True)
    assert voted.status_code == 302


def test_kept_parts_carry_each_readers_own_tokens(app):
    # The comment box and the vote form are kept per reader state (engage/ops/shells.py,
    # render_fragment_kept): the CSRF token in them is the reader's, and the comment box's
    # single-use token is new on every page, so two comments from two page loads are both kept.
    proposal = make_proposal()
    ann, ben = make_user(), make_user()
    token_re = re.compile(r'name="token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="token"')
    with cached_app(app) as cached:
        clients = {"ann": login(cached.test_client(), ann), "ben": login(cached.test_client(), ben)}
        url = f"/proposals/{proposal.id}"
        pages = [
            (name, clients[name].get(url).get_data(as_text=True)) for name in ("ann", "ben") * 2
        ]
        submit_tokens = ["".join(token_re.search(page).groups("")) for _name, page in pages]
        assert len(set(submit_tokens)) == 4
        assert all(re.fullmatch(r"[0-9a-f]{32}", t) for t in submit_tokens)
        csrf = {name: set(CSRF_RE.findall(page)) for name, page in pages}
        assert not csrf["ann"] & csrf["ben"]
        for n, (name, page) in enumerate(pages[2:]):
            response = clients[name].post(
                f"{url}/comments",
                data={
                    "body": f"Comment number {n} from {name}.",
                    "token": submit_tokens[2 + n],
                    "csrf_token": CSRF_RE.search(page).group(1),
                },
            )
            assert response.status_code == 302
        again = clients["ann"].get(url).get_data(as_text=True)
        second = clients["ann"].post(
            f"{url}/comments",
            data={
                "body": "A second comment from the same reader.",
                "token": "".join(token_re.search(again).groups("")),
                "csrf_token": CSRF_RE.search(again).group(1),
            },
        )
        assert second.status_code == 302
    bodies = {c.body for c in db.session.scalars(db.select(Comment))}
    assert {"Comment number 0 from ann.", "Comment number 1 from ben."} <= bodies
    assert "A second comment from the same reader." in bodies


def test_a_kept_shell_gets_each_responses_own_nonce(app):
    proposal = make_proposal()
    with cached_app(app) as cached:
        reader = login(cached.test_client(), make_user())
        first, second = (reader.get(f"/proposals/{proposal.id}") for _ in range(2))
    assert second.headers["X-Shell-Cache"] == "hit"
    nonces = []
    for response in (first, second):
        used = set(re.findall(r'nonce="([^"]+)"', response.get_data(as_text=True)))
        assert len(used) == 1  # every script on the page carries the same one
        nonces.append(used.pop())
        assert f"'nonce-{nonces[-1]}'" in response.headers["Content-Security-Policy"]
    assert nonces[0] != nonces[1]
