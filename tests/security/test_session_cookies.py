"""A session cookie's signature is checked once per process while it is valid
(engage.accounts.sessions.KeptSerializerSessionInterface): what a request reads is what
itsdangerous would give, and nothing one request changes reaches another."""

import pytest
from flask import session

from engage.accounts import sessions


@pytest.fixture
def interface(app):
    kept = app.extensions.pop("engage_session_serializer", None)
    yield app.session_interface
    app.extensions["engage_session_serializer"] = kept


@pytest.fixture
def clock(monkeypatch):
    """time.time() as the test sets it (itsdangerous reads it too)."""
    now = [1_800_000_000.0]
    monkeypatch.setattr(sessions.time, "time", lambda: now[0])
    return now


@pytest.fixture
def loads(interface, app, monkeypatch):
    """How many times a cookie's signature was checked."""
    serializer = interface.get_signing_serializer(app)
    calls = []
    original = serializer.loads

    def counted(*args, **kwargs):
        calls.append(args[0])
        return original(*args, **kwargs)

    monkeypatch.setattr(serializer, "loads", counted)
    return calls


def _cookie(app, data: dict) -> str:
    return app.session_interface.get_signing_serializer(app).dumps(data)


def _open(app, cookie: str):
    name = app.session_interface.get_cookie_name(app)
    with app.test_request_context("/", headers={"Cookie": f"{name}={cookie}"}):
        return session._get_current_object()  # opened as the request began


def test_a_cookie_is_checked_once_and_each_request_gets_its_own_copy(app, clock, loads):
    cookie = _cookie(app, {"_user_id": "7:0", "seen_at": 5, "staff": False})
    first = _open(app, cookie)
    first["staff"] = True  # a request's change stays in that request
    second = _open(app, cookie)
    assert dict(second) == {"_user_id": "7:0", "seen_at": 5, "staff": False}
    assert not second.modified and second is not first
    assert loads == [cookie]


def test_a_kept_cookie_past_the_session_lifetime_is_refused(app, clock, loads):
    cookie = _cookie(app, {"_user_id": "7:0"})
    assert dict(_open(app, cookie)) == {"_user_id": "7:0"}
    clock[0] += app.permanent_session_lifetime.total_seconds() + 1
    assert dict(_open(app, cookie)) == {}
    clock[0] -= 1  # the last second it is valid: checked again, and accepted
    assert dict(_open(app, cookie)) == {"_user_id": "7:0"}
    assert len(loads) == 3


def test_a_changed_cookie_is_refused(app, clock, loads):
    cookie = _cookie(app, {"_user_id": "7:0"})
    assert dict(_open(app, cookie)) == {"_user_id": "7:0"}
    forged = cookie[:-2] + ("AA" if not cookie.endswith("AA") else "BB")
    assert dict(_open(app, forged)) == {}
    assert dict(_open(app, forged)) == {}
    assert loads.count(forged) == 2  # a refused cookie is never kept


def test_nested_values_are_copied_for_each_request(app, clock, loads):
    cookie = _cookie(app, {"drafts": {"3": "abc"}, "seen": [1, 2]})
    first = _open(app, cookie)
    first["drafts"]["3"] = "changed"
    first["seen"].append(3)
    second = _open(app, cookie)
    assert second["drafts"] == {"3": "abc"} and second["seen"] == [1, 2]
    second["drafts"]["4"] = "new"
    assert dict(_open(app, cookie)) == {"drafts": {"3": "abc"}, "seen": [1, 2]}
    assert len(loads) == 1


def test_flasks_tagged_values_are_read_afresh_every_time(app, clock, loads):
    """Tuples, bytes and dates come back from Flask's tags, not as JSON: never kept."""
    from datetime import UTC, datetime

    for value in [(1, 2), b"bytes", datetime(2026, 1, 2, tzinfo=UTC), {"inner": (1,)}]:
        cookie = _cookie(app, {"value": value})
        assert _open(app, cookie)["value"] == value
        assert _open(app, cookie)["value"] == value
    assert len(loads) == 8


def test_a_new_secret_key_forgets_what_the_old_one_verified(app, interface, clock):
    cookie = _cookie(app, {"_user_id": "7:0"})
    assert dict(_open(app, cookie)) == {"_user_id": "7:0"}
    old = app.secret_key
    app.secret_key = "a-new-secret-key-for-this-test"
    try:
        assert dict(_open(app, cookie)) == {}
    finally:
        app.secret_key = old


def test_the_kept_cookies_stay_bounded(app, interface, clock, monkeypatch):
    monkeypatch.setattr(type(interface), "VERIFIED_MAX", 3)
    for n in range(8):
        _open(app, _cookie(app, {"n": n}))
        assert len(app.extensions["engage_session_serializer"][2]) <= 3


def test_without_a_secret_key_the_session_is_flasks_null_session():
    from flask import Flask
    from flask.sessions import NullSession

    from engage.accounts.sessions import KeptSerializerSessionInterface

    bare = Flask(__name__)
    bare.session_interface = KeptSerializerSessionInterface()
    with bare.test_request_context("/", headers={"Cookie": "session=anything"}):
        assert isinstance(session._get_current_object(), NullSession)
