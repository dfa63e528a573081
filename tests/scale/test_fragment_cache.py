"""The comment fragment cache: fast pages that never show a comment as it used to be."""

import re
import threading
from datetime import datetime

from flask import render_template_string

from engage.comments.models import CommentStatus
from engage.extensions import db
from engage.permissions import Role
from tests.accounts.helpers import page
from tests.factories import make_comment, make_proposal, make_user


def article(html: str, comment) -> str:
    """One comment's <article> on a page."""
    return re.search(rf'<article id="c{comment.id}".*?</article>', html, re.S).group(0)


def test_comments_are_served_from_the_fragment_cache(app, client):
    comment = make_comment(make_proposal(), make_user(), body="Cache me.")
    store = app.jinja_env.fragment_cache
    store.clear()

    first = page(client.get(f"/proposals/{comment.proposal_id}"))
    cached = len(store)
    second = page(client.get(f"/proposals/{comment.proposal_id}"))

    assert cached >= 1
    assert len(store) == cached  # the second page rendered nothing new
    assert article(first, comment) == article(second, comment)


def test_every_change_to_a_comment_shows_at_once(app, client):
    author = make_user(display_name="Priya")
    comment = make_comment(make_proposal(), author, body="The words as first written.")
    url = f"/proposals/{comment.proposal_id}"
    page(client.get(url))  # the fragment is now cached

    comment.body = "The words after a moderator's redaction."
    db.session.commit()
    assert "after a moderator's redaction" in article(page(client.get(url)), comment)

    author.display_name = "Priya K"
    db.session.commit()
    assert "Priya K" in article(page(client.get(url)), comment)

    author.role = Role.OFFICER.value
    db.session.commit()
    assert "Council" in article(page(client.get(url)), comment)

    comment.status = CommentStatus.DELETED
    comment.body = ""
    make_comment(comment.proposal, make_user(), parent_id=comment.id)  # keeps the placeholder
    db.session.commit()
    assert "deleted by its author" in article(page(client.get(url)), comment)


def test_what_a_reader_may_do_is_part_of_the_fragment(app, client, login_as):
    author = make_user()
    comment = make_comment(make_proposal(), author)
    url = f"/proposals/{comment.proposal_id}"

    signed_out = article(page(client.get(url)), comment)
    theirs = article(page(login_as(author).get(url)), comment)
    someone_elses = article(page(login_as(make_user()).get(url)), comment)

    assert "/edit" not in signed_out and "/report" not in signed_out
    assert "/edit" in theirs and "/report" not in theirs
    assert "/edit" not in someone_elses and "/report" in someone_elses and "/reply" in someone_elses


def test_each_language_has_its_own_fragments(app, client):
    comment = make_comment(make_proposal(), make_user(Role.OFFICER))
    url = f"/proposals/{comment.proposal_id}"

    english = article(page(client.get(url)), comment)
    urdu = article(page(client.get(url + "?lang=ur")), comment)

    assert "Council" in english
    assert "Council" not in urdu


def test_blocks_with_equal_values_keep_their_own_content(app):
    with app.test_request_context("/"):
        html = render_template_string(
            "{% cache 1 %}first{% endcache %}|{% cache 1 %}second{% endcache %}"
        )
    assert html == "first|second"


def test_a_key_is_its_values_not_the_objects_holding_them(app):
    template = app.jinja_env.from_string("{% cache key %}{{ text }}{% endcache %}")
    when = datetime(2026, 12, 5, 10, 0)
    body = "".join(["More buses ", "to Stopsley"])  # a new string object, equal to the next one
    with app.test_request_context("/"):
        first = template.render(key=(7, body, when), text="first")
        same = template.render(
            key=(7, "More buses to Stopsley", datetime(2026, 12, 5, 10)), text="x"
        )
        # Values equal as numbers or text but not as values are other keys.
        others = [
            template.render(key=key, text=str(n))
            for n, key in enumerate(
                [
                    ("7", body, when),
                    (7, body + " ", when),
                    (7, body, when.replace(microsecond=1)),
                    [7, body, when],
                    (7.0, body, when),
                ]
            )
        ]
        # A value pickle cannot write is keyed by its repr: rendered, never an error.
        unpicklable = template.render(key=threading.Lock(), text="lock")
    assert first == same == "first"
    assert others == ["0", "1", "2", "3", "4"]
    assert unpicklable == "lock"


def test_cached_html_is_escaped_once_and_served_as_it_was(app):
    template = app.jinja_env.from_string("{% cache key %}<b>{{ text }}</b>{% endcache %}")
    with app.test_request_context("/"):
        first = template.render(key=1, text="<i>&")
        hit = template.render(key=1, text="ignored: the key is the same")
        other = template.render(key=2, text="new")
    assert first == hit == "<b>&lt;i&gt;&amp;</b>"
    assert other == "<b>new</b>"


def test_a_page_of_comments_is_kept_whole_apart_from_the_small_fragments(app, client, login_as):
    proposal = make_proposal()
    made = [
        make_comment(proposal, make_user(), body=f"Comment {i}: " + "words " * 30)
        for i in range(30)
    ]
    url = f"/proposals/{proposal.id}"
    small, large = app.jinja_env.fragment_cache, app.jinja_env.large_fragment_cache
    small.clear()
    large.clear()

    first = page(client.get(url))
    lists = len(large)
    small.clear()
    second = page(client.get(url))
    asked = len(small)
    signed_in = page(login_as(made[0].author).get(url))

    assert lists == 1  # the whole list, over LARGE_FRAGMENT_CHARS, kept in its own store
    assert asked < len(made)  # the second page asked for no comment block of its own
    assert [article(first, c) for c in made] == [article(second, c) for c in made]
    # Another reader's actions make another list: their own comment offers Change, not Report.
    assert len(large) == 2
    assert "/edit" in article(signed_in, made[0]) and "/edit" not in article(second, made[0])


def test_large_fragments_are_bounded_by_their_own_limit(app):
    from engage.ops.cache import LARGE_FRAGMENT_CHARS, LARGE_FRAGMENTS

    template = app.jinja_env.from_string("{% cache key %}{{ text }}{% endcache %}")
    large = app.jinja_env.large_fragment_cache
    with app.test_request_context("/"):
        for key in range(LARGE_FRAGMENTS + 20):
            template.render(key=key, text="x" * (LARGE_FRAGMENT_CHARS + 1))
    assert len(large) == LARGE_FRAGMENTS
