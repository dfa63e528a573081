"""URL helpers shared by features."""

from urllib.parse import urlsplit

from flask import current_app, request, url_for
from werkzeug.routing import IntegerConverter

# The largest id a database column holds (PostgreSQL `integer`): a longer number in a URL or a
# query argument names nothing, so it is a 404 or ignored, never an overflow error.
MAX_ID = 2**31 - 1


class BoundedIntConverter(IntegerConverter):
    """`<int:...>` for every route, matching only 0..MAX_ID, so `/proposals/9999...9` is a 404."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


def as_id(value) -> int | None:
    """`value` as a positive id a column can hold, or None (for ids read from forms and queries)."""
    text = str(value or "").strip()
    if not text.isascii() or not text.isdigit() or len(text) > 10:
        return None
    number = int(text)
    return number if 1 <= number <= MAX_ID else None


def query_arg(name: str) -> str | None:
    """`?name=` of this request, or None.

    Most pages are asked for with no query at all, and werkzeug's `args.get` raises and catches
    an exception for each name missing (3 µs, several times a page); an empty query is not asked.
    """
    args = request.args
    return args.get(name) if args else None


def id_arg(name: str) -> int | None:
    """A query argument holding an id, or None when it is missing or no possible id."""
    return as_id(query_arg(name))


def page_arg() -> int:
    """`?page=`, from 1 to MAX_ID; anything else (letters, 0, -1, 20 digits) is page 1."""
    return as_id(query_arg("page")) or 1


def safe_next_url(target: str | None) -> str | None:
    """Return `target` only if it is a path on this site, so sign-in cannot redirect elsewhere."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target:
        return None
    # urlsplit drops tabs and line breaks before parsing; a redirect header cannot hold them.
    if not target.isprintable():
        return None
    return target


# Sent back in a redirect's Location, encoded again (a "%" becomes "%25"): a proxy in front
# refuses a response whose header is larger than its buffer (nginx's default is 4 or 8 KB).
NEXT_MAX_CHARS = 1000


def comeback_path() -> str | None:
    """Where sign-in should bring the person back to: this request's path and query, the path
    alone when the query is too long to carry, and nowhere when even the path is.

    A form sent (a POST) to an address that answers only a POST comes back to the page it was
    on, where that is this site's: going back to the address would be a "not allowed" page.
    """
    rule = request.url_rule
    if request.method != "GET" and rule is not None and "GET" not in (rule.methods or ()):
        return referring_path()
    for target in (request.full_path.rstrip("?"), request.path):
        if len(target) <= NEXT_MAX_CHARS:
            return target
    return None


def referring_path() -> str | None:
    """The path and query of the page on this site that sent the request, or None."""
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc != request.host or referrer.scheme != request.scheme:
        return None
    target = referrer.path + (f"?{referrer.query}" if referrer.query else "")
    return safe_next_url(target) if len(target) <= NEXT_MAX_CHARS else None


def external_url(endpoint: str, **values) -> str:
    """An absolute link for an email or a feed, from BASE_URL, never from the request Host."""
    base = (current_app.config.get("BASE_URL") or "").rstrip("/")
    if not base:
        # Development and tests only: create_app refuses to start without BASE_URL elsewhere.
        return url_for(endpoint, _external=True, **values)
    return base + url_for(endpoint, _external=False, **values)


def govuk_pagination(pagination, endpoint: str, label: str, **args) -> dict:
    """Parameters for the GOV.UK pagination component from a Flask-SQLAlchemy page.

    A keyset page (engage/keyset.py) has no page numbers: it gets Previous and Next links alone.
    """
    from engage.i18n import _

    if hasattr(pagination, "next_cursor"):
        return _keyset_links(pagination, endpoint, label, **args)
    items = []
    for number in pagination.iter_pages():
        if number is None:
            items.append({"ellipsis": True})
        else:
            items.append(
                {
                    "number": number,
                    "href": url_for(endpoint, page=number, **args),
                    "current": number == pagination.page,
                }
            )
    params = {"items": items, "landmarkLabel": label}
    if pagination.has_prev:
        params["previous"] = {
            "href": url_for(endpoint, page=pagination.prev_num, **args),
            "text": _("Previous"),
        }
    if pagination.has_next:
        params["next"] = {
            "href": url_for(endpoint, page=pagination.next_num, **args),
            "text": _("Next"),
        }
    return params


def _keyset_links(pagination, endpoint: str, label: str, **args) -> dict:
    """Previous and Next, each carrying a cursor (the GOV.UK component's block style)."""
    from engage.i18n import _

    params: dict = {"landmarkLabel": label}
    if pagination.has_prev:
        back = {"before": pagination.prev_cursor} if pagination.prev_cursor else {}
        params["previous"] = {
            "href": url_for(endpoint, **back, **args),
            "text": _("Previous page"),
        }
    if pagination.has_next:
        params["next"] = {
            "href": url_for(endpoint, after=pagination.next_cursor, **args),
            "text": _("Next page"),
        }
    return params
