"""A proposal's comments page by cursor: every comment once, in order, at any depth."""

import re
from datetime import datetime, timedelta

import pytest

from engage import keyset
from engage.clock import utcnow
from engage.comments.models import CommentStatus
from engage.permissions import Role
from tests.accounts.helpers import page
from tests.factories import make_comment, make_proposal, make_user
from tests.paging import link, walk_pages
from tests.sql import queries

PER_PAGE = 3


@pytest.fixture(autouse=True)
def _small_pages(app, monkeypatch):
    monkeypatch.setitem(app.config, "COMMENTS_PER_PAGE", PER_PAGE)


def comment_ids(html: str) -> list[int]:
    """The ids of the comments a page shows, in order."""
    return [int(n) for n in re.findall(r'<article id="c(\d+)"', html)]


def walk(client, url: str, rel: str) -> list[list[int]]:
    """The comment ids of each page from `url`, following one link until there is none."""
    return walk_pages(client, url, rel, comment_ids)[0]


def busy_proposal(n: int = 10, same_time: int = 4):
    """A proposal with n comments, `same_time` of them at a time, so only ids break the ties."""
    proposal = make_proposal()
    people = [make_user() for _ in range(3)]
    start = utcnow() - timedelta(days=1)
    made = [
        make_comment(
            proposal,
            people[i % 3],
            body=f"Comment {i}",
            created_at=start + timedelta(seconds=i // same_time),
        )
        for i in range(n)
    ]
    return proposal, sorted(made, key=lambda c: (c.created_at, c.id))


def test_paging_forwards_then_backwards_shows_every_comment_once_in_order(client):
    proposal, made = busy_proposal(10, same_time=4)
    expected = [c.id for c in made]

    forwards = walk(client, f"/proposals/{proposal.id}", "next")
    last = f"/proposals/{proposal.id}?after=" + keyset.encode((made[8].created_at, made[8].id))
    backwards = walk(client, last, "prev")

    assert [len(p) for p in forwards] == [3, 3, 3, 1]
    assert sum(forwards, []) == expected
    assert backwards == forwards[::-1]


def test_comments_at_the_same_moment_are_neither_repeated_nor_lost(client):
    proposal, made = busy_proposal(7, same_time=7)  # all seven in one second

    forwards = walk(client, f"/proposals/{proposal.id}", "next")

    assert sum(forwards, []) == [c.id for c in made]
    assert sorted(c.id for c in made) == [c.id for c in made]  # equal times: the id decides


def test_the_links_are_govuk_previous_and_next_carrying_a_cursor(client):
    proposal, made = busy_proposal(7)

    first = page(client.get(f"/proposals/{proposal.id}"))
    second = page(client.get(link(first, "next")))

    assert 'aria-label="Pages of comments"' in first
    assert "govuk-pagination--block" in first
    assert link(first, "prev") is None
    cursor = keyset.encode((made[2].created_at, made[2].id))
    assert link(first, "next") == f"/proposals/{proposal.id}?after={cursor}#comments"
    assert "Next page" in first and "Previous page" in second
    assert comment_ids(page(client.get(link(second, "prev")))) == comment_ids(first)
    assert "page=" not in link(second, "next") + link(second, "prev")


def test_an_old_page_number_still_works_and_its_links_are_cursors(client):
    proposal, made = busy_proposal(10)
    ids = [c.id for c in made]

    second = page(client.get(f"/proposals/{proposal.id}?page=2"))

    assert comment_ids(second) == ids[3:6]
    assert comment_ids(page(client.get(link(second, "next")))) == ids[6:9]
    assert comment_ids(page(client.get(link(second, "prev")))) == ids[0:3]
    assert comment_ids(page(client.get(f"/proposals/{proposal.id}?page=4"))) == ids[9:]


@pytest.mark.parametrize(
    "cursor",
    [
        "after=abc",
        "after=1.2.3",
        "after=.",
        "after=",
        "before=n.n",
        "after=99999999999999999999.1",
        "after=1.99999999999999",
        "after=-999999999999999999.1",
        "before=%D9%A1%D9%A2.%D9%A3",  # Arabic-Indic digits: isdigit() but no cursor
        "after=1.1%00",
        "after=" + "1" * 200,
        "after=253402300799000000.5",  # a well-formed cursor after every comment there is
        "before=0.1",  # and one before them all
    ],
)
def test_a_bad_or_forged_cursor_shows_the_first_page(client, cursor):
    proposal, made = busy_proposal(7)

    response = client.get(f"/proposals/{proposal.id}?{cursor}")

    assert response.status_code == 200
    assert comment_ids(page(response)) == [c.id for c in made[:3]]


def test_held_comments_never_appear_on_any_page_except_to_their_author(client, login_as):
    proposal = make_proposal()
    resident, young, author = make_user(), make_user(Role.YOUNG_PERSON), make_user()
    start = utcnow() - timedelta(days=1)
    shown, held = [], []
    for i in range(12):
        at = start + timedelta(seconds=i // 2)
        if i % 3 == 1:
            held.append(make_comment(proposal, author, status=CommentStatus.HELD, created_at=at))
        else:
            shown.append(make_comment(proposal, resident, created_at=at))
    # A cursor made from a held comment's key shows only what follows it that is public.
    after_held = keyset.encode((held[0].created_at, held[0].id))
    shown_ids, held_ids = [c.id for c in shown], {c.id for c in held}

    for reader in (client, login_as(young), login_as(make_user())):
        assert sum(walk(reader, f"/proposals/{proposal.id}", "next"), []) == shown_ids
        forged = comment_ids(page(reader.get(f"/proposals/{proposal.id}?after={after_held}")))
        assert forged and not held_ids & set(forged)
    # The author pages through their own held comments among the rest, each once.
    theirs = sum(walk(login_as(author), f"/proposals/{proposal.id}", "next"), [])
    assert sorted(theirs) == sorted(shown_ids + list(held_ids))


def test_a_deep_page_runs_the_statements_the_first_page_does(client):
    proposal, made = busy_proposal(30)
    for comment in made[::4]:
        make_comment(proposal, make_user(), parent_id=comment.id)
    base = f"/proposals/{proposal.id}"
    deep = made[-2]

    first = queries(client, base)
    by_cursor = queries(client, f"{base}?after={keyset.encode((deep.created_at, deep.id))}")
    backwards = queries(client, f"{base}?before={keyset.encode((deep.created_at, deep.id))}")
    old = queries(client, f"{base}?page=9")

    assert len(by_cursor) == len(first) == len(backwards) == len(old)
    # No page counts the comments: the heading's figure is the proposal's own count.
    assert not [s for s in by_cursor if re.search(r"count\(.*\bFROM comment\b", s, re.S)]


def test_a_cursor_reads_as_it_was_written():
    moment = datetime(2026, 12, 2, 17, 0, 0, 123456)

    assert keyset.decode(keyset.encode((moment, 42)), (datetime, int)) == (moment, 42)
    assert keyset.decode(keyset.encode((0, moment, 7)), (int, datetime, int)) == (0, moment, 7)
    assert keyset.decode("1.2", (datetime, int, int)) is None
    assert keyset.decode("x.2", (datetime, int)) is None
    assert keyset.decode("1.2147483648", (datetime, int)) is None
