"""The shared cache (Redis when REDIS_URL is set, else in-process) and a short page cache.

Public pages read by people who are not signed in are the same for everyone who reads them in the
same language, so their HTML is kept for PAGE_CACHE_SECONDS. Signed-in people always get a fresh
page (it shows their own vote, held comments and forms). Any committed change to content (anything
but votes and account rows) starts a new cache generation, so a new comment or a moderator's
takedown shows at once where Redis is shared, and within PAGE_CACHE_SECONDS on other processes
without it. Vote totals seen by readers who are not signed in may lag by up to PAGE_CACHE_SECONDS.
"""

import hashlib
import pickle  # nosec B403 - only dumps, to key fragments; nothing is ever loaded
import threading
import time
from collections.abc import Callable
from itertools import chain, count

from cachelib import BaseCache, RedisCache, SimpleCache
from cachetools import LRUCache
from flask import (
    Flask,
    Response,
    current_app,
    g,
    has_app_context,
    has_request_context,
    request,
    session,
)
from flask_login import current_user
from jinja2 import nodes
from jinja2.ext import Extension
from markupsafe import Markup
from sqlalchemy import event
from sqlalchemy.orm import Session

from engage.i18n import babel_timezone, current_locale_code

# Pages that depend only on the URL and the language for someone who is not signed in.
PAGE_CACHE_ENDPOINTS = {"proposals.home", "proposals.priority", "proposals.proposal"}
# Query arguments those pages read; any other argument skips the cache (no cache flooding).
PAGE_CACHE_ARGS = {"page", "sort", "after", "before"}
# Session keys that do not change what these pages show (the language is part of the cache key).
# A page with anything else in the session (a flash message, a signed-in user) is never cached.
_NEUTRAL_SESSION_KEYS = {"csrf_token", "_fresh", "locale"}
_NONCE_MARK = "\x00csp-nonce\x00"
_NONCE_MARK_BYTES = _NONCE_MARK.encode()
_GENERATION = "page-generation"
# endpoint -> a function of the address's arguments giving shared-cache keys its page reads on
# every request, fetched with the generation (one round trip to Redis, not one each).
_WITH_GENERATION: dict[str, Callable[[dict], list[str]]] = {}
_NOT_FETCHED = object()


def cache() -> BaseCache:
    """The app's shared cache."""
    return current_app.extensions["engage_cache"]


class _AsIs:
    """A serializer that keeps values as they are: for stores of immutable text only."""

    @staticmethod
    def dumps(value):
        """The value itself."""
        return value

    @staticmethod
    def loads(value):
        """The value itself."""
        return value


def local_text_cache(threshold: int) -> SimpleCache:
    """This process's store for values nothing can change: pages and parts of pages (text or
    bytes, in tuples of them), frozen records.

    cachelib's SimpleCache pickles what it keeps, so that no caller can change another's copy;
    these cannot be changed, and unpickling a 50 KB page cost a twentieth of serving it.
    """
    store = SimpleCache(threshold=threshold, default_timeout=300)
    store.serializer = _AsIs()
    return store


def page_store() -> BaseCache:
    """Where whole pages and shells are kept: Redis when shared, else this process's memory."""
    store = current_app.extensions.get("engage_page_store")
    return cache() if store is None else store


def make_cache(redis_url: str | None, prefix: str = "engage:") -> BaseCache:
    """Redis (shared by every process and machine) when configured, else this process's memory."""
    if redis_url:
        import redis

        client = redis.Redis.from_url(redis_url, socket_timeout=1, socket_connect_timeout=1)
        return RedisCache(client, key_prefix=prefix, default_timeout=300)
    return SimpleCache(threshold=2000, default_timeout=300)


def _generation() -> int:
    # Read once per request: a signed-in page's shell and each kept part ask for it, and with
    # Redis each read is a network round trip. A commit that bumps it forgets this request's copy.
    if has_request_context():
        seen = g.get("page_generation")
        if seen is None:
            seen = g.page_generation = _fetch_with_generation()
        return seen
    return int(cache().get(_GENERATION) or 0)


def _fetch_with_generation() -> int:
    keys_of = _WITH_GENERATION.get(request.endpoint)
    if keys_of is None or g.get("fetched_with_generation") is not None:
        return int(cache().get(_GENERATION) or 0)
    keys = keys_of(request.view_args or {})
    generation, *values = cache().get_many(_GENERATION, *keys)
    g.fetched_with_generation = dict(zip(keys, values, strict=True))
    return int(generation or 0)


def fetch_with_generation(endpoint: str, keys_of: Callable[[dict], list[str]]) -> None:
    """Register shared-cache keys the page at `endpoint` reads on every request (a function of
    its address's arguments): they are fetched with the content generation, in one round trip."""
    _WITH_GENERATION[endpoint] = keys_of


def _fetched() -> dict:
    return (g.get("fetched_with_generation") if has_request_context() else None) or {}


def get_shared(key: str):
    """The shared cache's value for `key`: as fetched with this request's generation, else read."""
    # Used once: a second read in the same request (after a caller stored a value) asks again.
    value = _fetched().pop(key, _NOT_FETCHED)
    return cache().get(key) if value is _NOT_FETCHED else value


def forget_shared(key: str) -> None:
    """Delete `key` from the shared cache, and this request's copy fetched with the generation."""
    _fetched().pop(key, None)
    cache().delete(key)


def generation() -> int:
    """The content generation: it changes after every committed content change."""
    return _generation()


def bump_generation() -> None:
    """Make every cached page stale (called after content changes are committed)."""
    store = cache()
    if store.inc(_GENERATION) is None:  # cachelib's SimpleCache.inc never returns None
        store.set(_GENERATION, 1, timeout=0)
    if has_request_context():
        g.pop("page_generation", None)


def _cacheable_request() -> bool:
    return (
        request.method == "GET"
        and request.endpoint in PAGE_CACHE_ENDPOINTS
        and set(request.args) <= PAGE_CACHE_ARGS
        and not current_user.is_authenticated
        and set(session) <= _NEUTRAL_SESSION_KEYS
    )


def cached_entry(key: str):
    """An entry (a tuple ending with the time it was stored) from the shared cache, through this
    process's own copies when the cache is Redis.

    The key holds the cache generation, so a copy is never served after a content change; it
    lives no longer than the shared entry would, so vote totals lag no more than they did.
    """
    copies = current_app.extensions.get("engage_page_copies")
    hit = copies.get(key) if copies is not None else None
    if hit is None:
        hit = page_store().get(key)
        if hit is not None and copies is not None:
            # Pages are (type, body, stored at), shells (shell, stored at): the time is last.
            left = current_app.config["PAGE_CACHE_SECONDS"] - (time.time() - hit[-1])
            if left >= 1:
                copies.set(key, hit, timeout=int(left))
    return hit


_cached_page = cached_entry  # the page cache's name for it


def _serve_cached():
    g.page_cache_key = None
    if not _cacheable_request():
        return None
    try:
        # Pages are kept as the UTF-8 the response sends ("bytes" in the key: a server of an
        # earlier release sharing the cache kept text): a hit encodes nothing, and a page with
        # one character outside Latin-1 takes a quarter of the memory it would as text.
        key = f"page:bytes:{_generation()}:{current_locale_code()}:{request.full_path}"
        hit = _cached_page(key)
    except Exception:  # noqa: BLE001 - a cache outage must never take pages down
        current_app.logger.warning("page cache unavailable", exc_info=True)
        return None
    g.page_cache_key = key
    if hit is None:
        return None
    g.page_cache_hit = True
    content_type, body, _stored_at = hit
    nonce = getattr(request, "csp_nonce", "")
    body = body.replace(_NONCE_MARK_BYTES, nonce.encode())
    response = Response(body, 200, content_type=content_type)
    response.headers["X-Page-Cache"] = "hit"
    return response


def _store(response: Response) -> Response:
    key = g.get("page_cache_key")
    if not key or g.get("page_cache_hit"):
        return response
    if response.status_code != 200 or response.is_streamed:
        return response
    if not set(session) <= _NEUTRAL_SESSION_KEYS:
        return response
    body = response.get_data(as_text=True)
    token = g.get("csrf_token")
    if token and token in body:
        return response  # a form tied to this visitor's session: never shared
    nonce = getattr(request, "csp_nonce", "")
    if nonce:
        body = body.replace(nonce, _NONCE_MARK)
    try:
        page_store().set(
            key,
            (response.content_type, body.encode(), time.time()),
            timeout=current_app.config["PAGE_CACHE_SECONDS"],
        )
    except Exception:  # noqa: BLE001 - see _serve_cached
        current_app.logger.warning("page cache unavailable", exc_info=True)
    response.headers["X-Page-Cache"] = "miss"
    return response


# Content changes that make cached pages stale. Votes and account rows are left out: totals may lag
# by PAGE_CACHE_SECONDS, and sign-ins (which touch account rows) must not empty the cache. Nor do
# rows no public page shows: follows, people's notices and the emails sent to them, failed jobs.
_IGNORED_TABLES = {
    "vote",
    "user",
    "follow",
    "notification",
    "notification_setting",
    "notification_delivery",
    "job_failure",
    # Someone's answers so far: no shared page shows them (a survey question page's shell is
    # kept per place in the survey, its answer form per answer), and each answer saves one.
    "survey_draft",
}


@event.listens_for(Session, "after_flush")
def _note_changes(session, flush_context):
    for obj in chain(session.new, session.dirty, session.deleted):
        if getattr(obj, "__tablename__", None) not in _IGNORED_TABLES:
            session.info["engage_content_changed"] = True
            return


@event.listens_for(Session, "after_commit")
def _after_commit(session):
    changed = session.info.pop("engage_content_changed", False)
    if changed and has_app_context() and "engage_cache" in current_app.extensions:
        try:
            bump_generation()
        except Exception:  # noqa: BLE001 - the write is committed; pages expire on their own
            current_app.logger.warning("could not bump the page cache", exc_info=True)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session):
    session.info.pop("engage_content_changed", None)


# Fragments longer than this many characters are kept apart, at most LARGE_FRAGMENTS of them
# (about 200 x 60 KB = 12 MB per worker: docs/production.md, "Memory per worker").
LARGE_FRAGMENT_CHARS = 8192
LARGE_FRAGMENTS = 200


def _key_bytes(key: tuple) -> bytes:
    # Pickled, not repr()'d: a page's whole comment list is keyed by every comment's words, and
    # repr() of it took five times as long (about 0.2 ms a page). Unequal keys never pickle alike;
    # equal ones may not either (an object met twice is written once), which only costs a miss.
    try:
        return b"p" + pickle.dumps(key, protocol=5)
    except (pickle.PicklingError, TypeError, AttributeError):
        return b"r" + repr(key).encode()  # a value pickle cannot write: compared by its repr


class FragmentCache(Extension):
    """`{% cache a, b, c %}...{% endcache %}` keeps the HTML a block renders for those values.

    The key is the values themselves (with the block's place, the language and the time zone),
    never an id alone, so a fragment cannot go stale: whatever changes what the block shows must be
    in its key, and changing it makes a new key. Fragments live in this process's memory: a page
    reads dozens of them, too many for a network round trip each, and no process needs another's.
    A block must not have side effects, which a cache hit would skip: council content shown with
    `tr()` (which notes English fallbacks for the page's notice) stays outside cached blocks. Key
    values are compared as pickle writes them, so they are plain values (numbers, text, dates,
    enums' values, tuples of them), not objects with state of their own.
    """

    tags = {"cache"}

    def __init__(self, environment):
        super().__init__(environment)
        # The least recently used fragments make way once there are 5,000 (a few megabytes);
        # large ones (a page's whole list of comments, 30-90 KB) have a store of their own, so
        # a few hundred of them cannot take the memory the small ones are bounded to.
        environment.extend(
            fragment_cache=LRUCache(maxsize=5000),
            large_fragment_cache=LRUCache(maxsize=LARGE_FRAGMENTS),
        )
        self._lock = threading.Lock()
        self._blocks = count()  # tells apart blocks that share a template line

    def parse(self, parser):
        """Read `cache expr, expr, ...` up to `endcache`."""
        lineno = next(parser.stream).lineno
        values = [parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            values.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        place = nodes.Const(f"{parser.name}:{lineno}:{next(self._blocks)}")
        call = self.call_method("_fragment", [place, nodes.Tuple(values, "load")])
        return nodes.CallBlock(call, [], [], body).set_lineno(lineno)

    def _fragment(self, place, values, caller):
        # What every fragment of this request shares, worked out once per request.
        shared = g.get("fragment_key")
        if shared is None:
            language = current_locale_code()
            shared = g.fragment_key = (language, str(babel_timezone()), request.script_root)
        digest = hashlib.blake2b(_key_bytes((place, shared, values)), digest_size=16).hexdigest()
        store, large = self.environment.fragment_cache, self.environment.large_fragment_cache
        with self._lock:
            html = store.get(digest)
            if html is None:
                html = large.get(digest)
        if html is None:
            html = str(caller())
            with self._lock:
                (large if len(html) > LARGE_FRAGMENT_CHARS else store)[digest] = html
        return Markup(html)  # noqa: S704 - rendered by this template with autoescaping on  # nosec B704


def init_app(app: Flask) -> None:
    """Create the shared cache and, unless PAGE_CACHE_SECONDS is 0, the page cache."""
    from engage.ops import shells

    app.jinja_env.add_extension(FragmentCache)
    shells.init_app(app)
    app.extensions["engage_cache"] = make_cache(
        app.config.get("REDIS_URL"), app.config.get("CACHE_KEY_PREFIX", "engage:")
    )
    seconds = app.config.get("PAGE_CACHE_SECONDS", 0)
    # Other features' tests expect every request to render afresh; the cache's own tests opt in.
    if app.testing and not app.config.get("PAGE_CACHE_IN_TESTS"):
        seconds = 0
    if seconds > 0:
        if isinstance(app.extensions["engage_cache"], RedisCache):
            # Fetching a 50 KB page from Redis costs more than the rest of a cache hit.
            app.extensions["engage_page_copies"] = local_text_cache(500)
        else:
            # 1,500 pages and shells of about 55 KB: about 82 MB per worker when full
            # (bench/cache_memory.py; docs/production.md, "Memory per worker").
            app.extensions["engage_page_store"] = local_text_cache(1500)
        app.before_request(_serve_cached)
        app.after_request(_store)
