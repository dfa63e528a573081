"""Form tokens signed once a second per session (engage.extensions.csrf_token) are flask-wtf's
own tokens: the same text it would sign, valid where its are, and each session's alone."""

import itertools

import pytest
from flask import g, session
from flask_wtf.csrf import generate_csrf, validate_csrf
from wtforms import ValidationError

from engage import extensions
from engage.extensions import csrf_token


@pytest.fixture
def clock(monkeypatch):
    """time.time() as the test sets it (itsdangerous signs with it too)."""
    now = [1_800_000_000.25]
    monkeypatch.setattr(extensions.time, "time", lambda: now[0])
    monkeypatch.setattr(extensions, "_SIGNED", {})
    return now


def _fresh_request(app, secret: str):
    context = app.test_request_context("/")
    context.push()
    # The suite's app context outlives each request context, and `g` with it: a new request's
    # `g` has no token yet.
    g.pop("csrf_token", None)
    session["csrf_token"] = secret
    return context


def test_a_token_is_flask_wtfs_own_for_that_second(app, clock):
    first = _fresh_request(app, "a" * 40)
    kept = csrf_token()
    first.pop()
    again = _fresh_request(app, "a" * 40)
    clock[0] += 0.5  # the same second
    assert csrf_token() == kept
    g.pop("csrf_token")
    assert generate_csrf() == kept  # what flask-wtf signs now is the same text
    validate_csrf(kept)
    again.pop()


def test_the_next_second_signs_afresh(app, clock):
    first = _fresh_request(app, "a" * 40)
    kept = csrf_token()
    first.pop()
    clock[0] += 1
    later = _fresh_request(app, "a" * 40)
    fresh = csrf_token()
    assert fresh != kept
    g.pop("csrf_token")
    assert generate_csrf() == fresh
    validate_csrf(fresh)
    later.pop()


def test_each_session_gets_its_own_token(app, clock):
    tokens = {}
    for secret in itertools.islice(itertools.cycle(["a" * 40, "b" * 40, "c" * 40]), 9):
        context = _fresh_request(app, secret)
        tokens.setdefault(secret, set()).add(csrf_token())
        context.pop()
    assert all(len(kept) == 1 for kept in tokens.values())
    assert len(set().union(*tokens.values())) == 3
    # One session's token is refused with another's form secret.
    other = _fresh_request(app, "b" * 40)
    with pytest.raises(ValidationError):
        validate_csrf(next(iter(tokens["a" * 40])))
    other.pop()


def test_the_request_keeps_the_token_it_gave_first(app, clock):
    context = _fresh_request(app, "a" * 40)
    given = csrf_token()
    clock[0] += 5  # a slow page: the rest of it still shows the token it began with
    assert csrf_token() == given == generate_csrf()
    context.pop()


def test_the_kept_tokens_stay_bounded(app, clock, monkeypatch):
    monkeypatch.setattr(extensions, "_SIGNED_MAX", 4)
    for n in range(10):
        context = _fresh_request(app, f"{n:040d}")
        csrf_token()
        context.pop()
        assert len(extensions._SIGNED) <= 4


def test_pages_and_forms_use_it(app, client):
    assert app.jinja_env.globals["csrf_token"] is csrf_token
    with app.test_request_context("/"):
        context = {}
        app.update_template_context(context)
        assert context["csrf_token"] is csrf_token
    # A form a page gave is accepted when sent.
    page = client.get("/account/sign-in")
    assert page.status_code == 200 and b'name="csrf_token"' in page.data


def test_forms_built_in_the_same_second_sign_once(app, clock, monkeypatch):
    from engage.votes.forms import VoteForm

    signed = []
    monkeypatch.setattr(extensions, "generate_csrf", lambda: signed.append(1) or generate_csrf())
    tokens = set()
    for _ in range(3):
        context = _fresh_request(app, "a" * 40)
        form = VoteForm()
        tokens.add(form.csrf_token.current_token)
        assert form.csrf_token.current_token == csrf_token()
        context.pop()
    assert len(tokens) == 1 and len(signed) == 1
