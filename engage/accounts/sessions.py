"""Signed-in sessions: revocable, with an idle timeout and an absolute lifetime.

A session stores `"<user id>:<session generation>"` (User.get_id). Bumping the account's generation
(sign-out, sign out everywhere, a password change or reset, deletion, a role change, a sanction,
suspension) makes every copy of every older session cookie worthless at its next request.
"""

import copy
import time
from datetime import UTC
from functools import cache

from flask import current_app, flash, g, session
from flask.sessions import SecureCookieSessionInterface
from flask_login import login_user, logout_user
from flask_wtf.csrf import generate_csrf
from itsdangerous import BadSignature
from sqlalchemy import bindparam, select

from engage.clock import utcnow
from engage.extensions import db
from engage.i18n import _
from engage.ops.reader_facts import forget_facts, read_with_facts
from engage.ops.security_log import log_security_event
from engage.urls import as_id

PENDING_KEY = "mfa_pending"
PENDING_SECONDS = 10 * 60  # time allowed between the password and the code
_CLEARED_KEEP = ("locale",)


class KeptSerializerSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie sessions, with the signing serializer made once per set of keys and
    each cookie's signature checked once per process while it is valid.

    Flask builds a new serializer to read and again to write every cookie, and building one
    serializes an empty object to learn its kind: a fiftieth of a survey question page. A
    signed-in reader sends the same cookie with every page until it changes (at most once a
    minute, `check_session_age`), and checking and decoding it cost 30 µs each time.
    """

    VERIFIED_MAX = 4096  # cookies kept per process (about 1.3 KB each with their values)

    def _kept(self, app) -> tuple:
        keys = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        kept = app.extensions.get("engage_session_serializer")
        if kept is None or kept[0] != keys:
            # New keys: a new serializer, and no cookie verified with the old ones is kept.
            kept = app.extensions["engage_session_serializer"] = (
                keys,
                super().get_signing_serializer(app),
                {},
            )
        return kept

    def get_signing_serializer(self, app):
        """The serializer for the app's current keys (a changed key makes a new one)."""
        return self._kept(app)[1]

    def open_session(self, app, request):
        """The request's session; a cookie this process verified is not verified again until
        it is older than the session lifetime, as itsdangerous would find."""
        _keys, serializer, verified = self._kept(app)
        if serializer is None:
            return None  # no secret key: Flask's own answer, a session that cannot be kept
        cookie = request.cookies.get(self.get_cookie_name(app))
        if not cookie:
            return self.session_class()
        max_age = int(app.permanent_session_lifetime.total_seconds())
        known = verified.get(cookie)
        if known is not None:
            signed_at, data, flat = known
            if 0 <= int(time.time()) - signed_at <= max_age:
                # A copy each time: what one request changes must not reach the next.
                return self.session_class(data if flat else copy.deepcopy(data))
            verified.pop(cookie, None)
        try:
            data, signed = serializer.loads(cookie, max_age=max_age, return_timestamp=True)
        except BadSignature:
            return self.session_class()
        # Kept when made of JSON's own kinds only (a survey taker's drafts are a dict), which a
        # copy reproduces; Flask's tagged kinds (bytes, tuples, dates, markup) are read afresh.
        if type(data) is dict and _plain(data):
            if len(verified) >= self.VERIFIED_MAX:
                verified.clear()  # at worst each reader's cookie is checked once more
            flat = all(type(v) in _SCALARS for v in data.values())
            verified[cookie] = (int(signed.timestamp()), copy.deepcopy(data), flat)
        return self.session_class(data)


_SCALARS = (str, int, bool, float, type(None))


def _plain(value) -> bool:
    kind = type(value)
    if kind in _SCALARS:
        return True
    if kind is dict:
        return all(type(k) is str and _plain(v) for k, v in value.items())
    if kind is list:
        return all(_plain(v) for v in value)
    return False


def now_seconds() -> int:
    """Now as whole seconds since the epoch, from the app's one clock."""
    return int(utcnow().replace(tzinfo=UTC).timestamp())


def end_sessions(user, reason: str) -> None:
    """End every session of this account, on every device (flushes, never commits)."""
    user.session_generation = (user.session_generation or 0) + 1
    db.session.flush()
    log_security_event("sessions.ended", user.id, reason=reason)


@cache
def _account_by_id():
    # Built once: constructing a statement costs more than SQLite takes to run it, and this one
    # runs on every signed-in request.
    from engage.accounts.models import User

    return select(User).where(User.id == bindparam("id"))


def load_user(session_id: str):
    """Flask-Login's loader: the account, if this session's generation is still current."""
    user_id, _sep, generation = (session_id or "").partition(":")
    if not (user_id + generation).isascii() or not user_id.isdigit() or not generation.isdigit():
        return None  # a session from before generations existed: sign in again
    # With what the page asks about its reader (their notices, their vote), in the same SELECT.
    user = read_with_facts(_account_by_id(), {"id": int(user_id)}, int(user_id))
    if user is None:
        return None
    # Staff without a second factor are never signed in.
    ended = user.session_generation != int(generation) or not user.can_sign_in
    if ended or (user.is_staff and not user.has_mfa):
        forget_facts()  # read with the account, which this session may no longer use
        return None
    return user


def clear_session() -> None:
    """Empty the session, keeping only the chosen language."""
    kept = {k: session[k] for k in _CLEARED_KEEP if k in session}
    session.clear()
    session.update(kept)
    # A form built earlier in this request signed a token of the session just emptied
    # (flask-wtf keeps it in g): the next one asked for must belong to the new session.
    g.pop("csrf_token", None)


def begin_session(user) -> None:
    """Sign in with a fresh session (no fixation), keeping the chosen language."""
    from engage.accounts import service

    locale = session.get("locale")
    clear_session()
    if locale and user.locale != locale:
        service.set_locale(user, locale)
        db.session.commit()  # the account remembers the language chosen before signing in
    login_user(user)
    now = now_seconds()
    session["auth_at"] = now
    session["seen_at"] = now
    session["staff"] = bool(user.is_staff)
    # A new form secret for the new session, set with it: the first page after signing in
    # then need not send the session cookie again.
    generate_csrf()


def refresh_session(user) -> None:
    """Keep this session after its own account's generation moved on (a password change)."""
    login_user(user)


def sign_out() -> None:
    """Sign out here and end every copy of this session (a copied cookie stops working)."""
    from flask_login import current_user

    if current_user.is_authenticated:
        end_sessions(current_user, "sign_out")
        db.session.commit()
    logout_user()
    clear_session()


def begin_second_step(user, next_url: str | None) -> None:
    """Password accepted for a staff account: remember who, briefly, until the code is given."""
    clear_session()
    session[PENDING_KEY] = {
        "id": user.id,
        "gen": user.session_generation,
        "at": now_seconds(),
        "next": next_url,
        "tries": 0,
    }


def pending_user():
    """The staff account half-way through signing in, or None (expired, changed or absent)."""
    from engage.accounts.models import User

    pending = session.get(PENDING_KEY)
    if not isinstance(pending, dict):
        return None
    if now_seconds() - int(pending.get("at", 0)) > PENDING_SECONDS:
        session.pop(PENDING_KEY, None)
        return None
    user = db.session.get(User, pending.get("id"))
    if user is None or user.session_generation != pending.get("gen") or not user.can_sign_in:
        session.pop(PENDING_KEY, None)
        return None
    return user


def count_failed_code() -> int:
    """Note one more wrong code for the pending sign-in; returns how many so far."""
    pending = dict(session.get(PENDING_KEY) or {})
    pending["tries"] = int(pending.get("tries", 0)) + 1
    session[PENDING_KEY] = pending
    return pending["tries"]


def _expired(now: int) -> str | None:
    cfg = current_app.config
    idle = (
        cfg["STAFF_SESSION_IDLE_MINUTES"] if session.get("staff") else cfg["SESSION_IDLE_MINUTES"]
    )
    try:
        seen_at, auth_at = int(session["seen_at"]), int(session["auth_at"])
    except (KeyError, TypeError, ValueError):
        return "missing"
    if now - auth_at > cfg["SESSION_MAX_HOURS"] * 3600:
        return "absolute"
    if now - seen_at > idle * 60:
        return "idle"
    return None


def check_session_age() -> None:
    """Before each request: end a signed-in session that sat idle or lived too long."""
    if "_user_id" not in session:
        return
    now = now_seconds()
    why = _expired(now)
    if why is None:
        # Written at most once a minute, so most responses do not reissue the cookie.
        if now - int(session["seen_at"]) >= 60:
            session["seen_at"] = now
        return
    user_id = str(session.get("_user_id", "")).partition(":")[0]
    log_security_event("session.expired", as_id(user_id), why=why)
    logout_user()
    clear_session()
    flash(_("You were signed out because your session ended. Sign in again."), "info")


def init_app(app) -> None:
    """Wire the loader, the age check and HTTPS-only cookie names into the app."""
    from engage.extensions import login_manager

    login_manager.user_loader(load_user)
    app.session_interface = KeptSerializerSessionInterface()
    app.before_request(check_session_age)
    if app.config.get("SESSION_COOKIE_SECURE"):
        # __Host- cookies are only accepted over HTTPS, for this host, for the whole site.
        app.config["SESSION_COOKIE_NAME"] = "__Host-session"
        app.config["REMEMBER_COOKIE_NAME"] = "__Host-remember_token"
        app.config["REMEMBER_COOKIE_SECURE"] = True
        app.config["SESSION_COOKIE_PATH"] = "/"
        app.config["SESSION_COOKIE_DOMAIN"] = None
