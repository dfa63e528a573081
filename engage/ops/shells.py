"""Pages as a shell shared by everyone in an audience, with holes filled for each reader.

A resident reading a proposal sees, but for a few parts, the page every other resident sees in
the same language: only the header's signed-in links (with the notification count and the
sign-out form's CSRF token), the flash messages, their vote and the comment box are theirs.
Templates mark those parts with `{{ hole("name") }}`. `render_page` renders the page with a
marker in each hole and keeps that shell for PAGE_CACHE_SECONDS; every request then fills the
markers by calling each hole's filler, which renders just that part for this reader.

A shell holds nothing personal by construction: while it renders, `current_user` is a stand-in
for the audience (a role and whether they are young, no id, no account), not the reader, so no
template can reach the reader's vote, comments or session through it; and a shell that holds the
request's CSRF token anyway is refused. Readers whose own comments are on the page (their held
ones, their Change and Delete links), staff and blocked accounts get a page rendered for them
alone, through the same holes, never kept.

Every per-reader part of a page lives in one of these holes: a new personal thing in the header
(a notification link, a search box that remembers the query) goes in
`templates/_partials/navigation.html`; one on a proposal (a follow button) goes in a hole of its
own, registered with `@filler("name")` by the feature that owns it.
"""

import hashlib
import re
import secrets
import time
from collections.abc import Callable
from contextlib import contextmanager

from flask import Flask, current_app, g, render_template, request, session
from jinja2 import pass_context
from markupsafe import Markup

from engage.extensions import csrf_token
from engage.i18n import babel_timezone, current_locale_code
from engage.ops.reader_facts import reader_facts
from engage.permissions import Role, reader

# What fills each hole: a function of the page's context (the route's `fill` mapping, or the
# template's own context when a page is rendered without a shell) returning the part's HTML.
FILLERS: dict[str, Callable[[dict], str]] = {}
_SHARED_ROLES = frozenset({Role.RESIDENT, Role.YOUNG_PERSON})
_MISSING = object()


def filler(name: str):
    """Register the function that renders hole `name` for the current reader."""

    def decorator(func):
        FILLERS[name] = func
        return func

    return decorator


def _mark() -> str:
    return current_app.extensions["engage_hole_mark"]


@pass_context
def hole(context, name: str) -> Markup:
    """A part of the page personal to its reader: a marker in a shell, else the part itself."""
    fill = FILLERS[name]
    if g.get("rendering_shell"):
        return Markup(f"<!--{_mark()}:{name}-->")  # noqa: S704  # nosec B704 - a fixed marker
    return Markup(fill(context))  # noqa: S704  # nosec B704 - fillers render escaped templates


def _fragment_context() -> dict:
    base = g.get("fragment_context")
    if base is None:
        base = {}
        current_app.update_template_context(base)
        g.fragment_context = base
    return base


def render_fragment(template: str, **context) -> str:
    """Render one hole's template with the request's template context (worked out once)."""
    base = _fragment_context()
    return current_app.jinja_env.get_template(template).render({**base, **context})


# Stand-ins rendered into a kept part in place of this reader's own values, put back per request.
_CSRF_MARK = "\x00csrf-token\x00"
SUBMIT_MARK = "0" * 31 + "x"  # a comment box's single-use token (never a real one: not hex)


def reader_key(*values) -> tuple | None:
    """A kept part's key for this reader: their audience, email state and `values`; None (render
    afresh) for a reader whose pages are their own (staff, blocked accounts)."""
    user = reader()
    audience = audience_of(user)
    if audience is None:
        return None
    return (*audience, bool(getattr(user, "email_unverified", False)), *values)


def _rendered_afresh(template: str, build: Callable[[], dict]) -> str:
    return render_fragment(template, **build()).replace(SUBMIT_MARK, secrets.token_hex(16))


def render_fragment_kept(key: tuple | None, template: str, build: Callable[[], dict]) -> str:
    """render_fragment(template, **build()), kept for PAGE_CACHE_SECONDS in this process for
    readers with equal `key`.

    `key` (from reader_key) must name every per-reader value the template shows or branches on:
    readers with equal keys get the same part, with their own CSRF token and a fresh single-use
    submit token (SUBMIT_MARK) put in. `build` makes the context, on a miss only. None: afresh.
    """
    seconds = keep_seconds()
    if key is None or not seconds:
        return _rendered_afresh(template, build)
    from engage.ops.cache import _generation

    try:
        full = (template, current_locale_code(), _generation(), *key)
    except Exception:  # noqa: BLE001 - a cache outage must never take pages down
        return _rendered_afresh(template, build)
    store = current_app.extensions["engage_kept_parts"]
    # Kept as UTF-8 (see render_page): 5,000 parts in Urdu or Bengali held as text took four
    # times the memory.
    kept = store.get(full)
    part = kept.decode() if kept is not None else None
    if part is None:
        saved = g.get("csrf_token", _MISSING)
        g.csrf_token = _CSRF_MARK  # what flask-wtf's generate_csrf() hands the template
        try:
            part = render_fragment(template, **build())
        finally:
            if saved is _MISSING:
                g.pop("csrf_token", None)
            else:
                g.csrf_token = saved
        store.set(full, part.encode(), timeout=seconds)
    if _CSRF_MARK in part:
        part = part.replace(_CSRF_MARK, csrf_token())
    if SUBMIT_MARK in part:
        part = part.replace(SUBMIT_MARK, secrets.token_hex(16))
    return part


class Audience:
    """The stand-in for `current_user` while a shared shell renders: a role, and no one."""

    is_authenticated = True
    is_active = True
    is_anonymous = False
    is_blocked = False
    is_staff = False
    email_unverified = False
    id = None

    def __init__(self, role: Role, young: bool):
        self.role = role
        self.is_young = young

    def get_id(self):
        """No account: nothing can be looked up through the stand-in."""
        return None


def audience_of(user) -> tuple | None:
    """The audience whose shell this reader may share, or None when the page is theirs alone."""
    # Asked by the shell and by every hole of a page: worked out once per reader per request.
    user = getattr(user, "_get_current_object", lambda: user)()
    seen = g.get("reader_audience")
    if seen is not None and seen[0] is user:
        return seen[1]
    audience = _audience(user)
    g.reader_audience = (user, audience)
    return audience


def _audience(user) -> tuple | None:
    if not user.is_authenticated:
        return ("anonymous",)
    if user.role not in _SHARED_ROLES or user.is_blocked:
        return None
    return (Role(user.role).value, bool(user.is_young))


def _stand_in(audience: tuple):
    if audience == ("anonymous",):
        return current_app.login_manager.anonymous_user()
    return Audience(Role(audience[0]), audience[1])


@contextmanager
def _rendering_shell(user):
    saved = g.get("_login_user", _MISSING)
    g._login_user = user
    g.rendering_shell = True
    try:
        yield
    finally:
        g.rendering_shell = False
        if saved is _MISSING:
            g.pop("_login_user", None)
        else:
            g._login_user = saved


def keep_seconds() -> int:
    """How long shells (and what holes share) are kept: 0 when the page cache is off."""
    config = current_app.config  # one lookup through the proxy: asked by every kept part
    if config["TESTING"] and not config.get("PAGE_CACHE_IN_TESTS"):
        return 0
    return config.get("PAGE_CACHE_SECONDS", 0)


def kept_until_change(store, key: tuple, load: Callable, keep: Callable = lambda value: value):
    """What `store` keeps under `key` in this content generation, else `load()` (its `keep(...)`
    kept for the next request, for as long as shells are); None when `load()` finds nothing.

    For frozen records a page decides from (a survey's or a proposal's plan): any committed
    content change starts a new generation, so a kept record is never older than the content.
    """
    from engage.ops.cache import _generation

    seconds = keep_seconds()
    full = None
    if seconds:
        try:
            full = (*key, _generation())
        except Exception:  # noqa: BLE001 - a cache outage must never take pages down
            full = None
    kept = store.get(full) if full else None
    if kept is not None:
        return kept
    value = load()
    if value is not None and full:
        store.set(full, keep(value), timeout=seconds)
    return value


def render_page(
    template: str, build: Callable[[], dict], fill: dict, shared: bool = True, vary: tuple = ()
) -> str:
    """This reader's page: their audience's shell (kept when it may be) with its holes filled.

    `build` loads what the shell shows; it runs only when the shell is not kept already, with
    `current_user` standing for the audience. `fill` is what the holes need for this reader.
    `shared=False` (the reader's own words are on the page) renders the shell for them alone.
    `vary` names what else, beside the URL, language and audience, the shell shows (a survey
    question's place in this respondent's survey): shells are kept per value of it.
    With the page cache off (PAGE_CACHE_SECONDS=0) every page is rendered for its reader.
    """
    from engage.ops.cache import _generation, cached_entry, page_store

    seconds = keep_seconds()
    audience = audience_of(reader()) if shared and seconds > 0 else None
    key = shell = None
    if audience is not None and request.method == "GET":
        who = ":".join(map(str, audience))
        try:
            # Kept split at its holes, as UTF-8 like whole pages (engage/ops/cache.py): text
            # with one character outside Latin-1 takes two or four bytes for every character.
            language = current_locale_code()
            key = f"shell:parts:{_generation()}:{language}:{babel_timezone()}:{who}"
            key += f":{request.full_path}"
            if vary:
                key += ":" + hashlib.blake2b(repr(vary).encode(), digest_size=12).hexdigest()
            hit = cached_entry(key)
        except Exception:  # noqa: BLE001 - a cache outage must never take pages down
            current_app.logger.warning("page cache unavailable", exc_info=True)
            key = hit = None
        shell = hit[0] if hit else None
    g.shell_cache = "miss" if key else "none"
    if shell is not None:
        g.shell_cache = "hit"
    else:
        user = _stand_in(audience) if key else reader()
        with _rendering_shell(user):
            shell = split_shell(render_template(template, **build()))
        if key:
            token = g.get("csrf_token")
            if token and any(token.encode() in part for part in shell[::2]):
                raise RuntimeError(f"{template}: a CSRF token outside a hole in a shared shell")
            try:
                page_store().set(key, (shell, time.time()), timeout=seconds)
            except Exception:  # noqa: BLE001 - see above
                current_app.logger.warning("page cache unavailable", exc_info=True)
    return fill_holes(shell, fill)


# The request's CSP nonce is a hole of its own: each response has a new one.
_NONCE_HOLE = "csp_nonce"


def split_shell(html: str) -> tuple:
    """The page as (text, hole, text, ..., hole, text), its text as UTF-8, ready to fill.

    Kept this way, a shell is filled by joining: no search of 50-70 KB of text for markers and
    no decoding or encoding of it on each request (a fifth of filling a signed-in page's holes).
    """
    nonce = getattr(request, "csp_nonce", "")
    if nonce:
        html = html.replace(nonce, f"<!--{_mark()}:{_NONCE_HOLE}-->")
    parts = current_app.extensions["engage_hole_pattern"].split(html)
    # split() with one group alternates text and hole names: text, name, text, name, ..., text.
    return tuple(part if i % 2 else part.encode() for i, part in enumerate(parts))


def fill_holes(shell: tuple, context: dict) -> bytes:
    """The shell with each hole replaced by that part, rendered for this reader."""
    nonce = getattr(request, "csp_nonce", "").encode()
    parts = list(shell)
    for i in range(1, len(parts), 2):
        name = parts[i]
        parts[i] = nonce if name == _NONCE_HOLE else FILLERS[name](context).encode()
    return b"".join(parts)


# The reader fact the header shows as a count (registered by the feature that keeps notices).
HEADER_COUNT = "unread_notifications"


def _navigation(context) -> str:
    # What the header shows a resident or a young person follows from the page they are on and
    # their unread count, read from the reader's facts (the template context, with every
    # feature's helpers, is worked out only if the part must be rendered); staff get theirs
    # rendered.
    count = 0
    if reader().is_authenticated:
        count = reader_facts().get(HEADER_COUNT) or 0
    return render_fragment_kept(
        reader_key(request.endpoint, count),
        "_partials/navigation.html",
        lambda: {"known_unread": count},
    )


# Session keys that hold a message for this reader's next page: Flask's flash messages, and any
# a feature registers with `notice_key` (the help shown after a young person posts).
NOTICE_KEYS = {"_flashes"}


def notice_key(key: str) -> None:
    """Register a session key whose presence means the notices part has something to show."""
    NOTICE_KEYS.add(key)


def _notices(context) -> str:
    # Nearly every page has no message: rendering the empty part cost a tenth of a signed-in page.
    if not any(key in session for key in NOTICE_KEYS):
        return ""
    return render_fragment("_partials/notices.html")


def _mark_header(response):
    state = g.get("shell_cache")
    if state and state != "none":
        response.headers["X-Shell-Cache"] = state
    return response


def init_app(app: Flask) -> None:
    """Make `hole()` available to templates and fill the layout's own holes."""
    secret = str(app.config["SECRET_KEY"]).encode()
    # Markers no one can type: a comment holding one is escaped anyway, and cannot guess it.
    mark = "hole-" + hashlib.blake2b(secret, person=b"engage-holes", digest_size=12).hexdigest()
    app.extensions["engage_hole_mark"] = mark
    # Bounded: a part per proposal, language and state of a reader (vote, follow) at most.
    from engage.ops.cache import local_text_cache

    app.extensions["engage_kept_parts"] = local_text_cache(5000)
    app.extensions["engage_hole_pattern"] = re.compile(f"<!--{mark}:([a-z_]+)-->")
    app.jinja_env.globals["hole"] = hole
    filler("navigation")(_navigation)
    filler("notices")(_notices)
    app.after_request(_mark_header)
