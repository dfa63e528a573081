"""URL helpers shared by features."""

from urllib.parse import urlsplit

from flask import current_app, url_for


def safe_next_url(target: str | None) -> str | None:
    """Return `target` only if it is a path on this site, so sign-in cannot redirect elsewhere."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target:
        return None
    return target


def external_url(endpoint: str, **values) -> str:
    """An absolute link for an email or a feed, from BASE_URL, never from the request Host."""
    base = (current_app.config.get("BASE_URL") or "").rstrip("/")
    if not base:
        # Development and tests only: create_app refuses to start without BASE_URL elsewhere.
        return url_for(endpoint, _external=True, **values)
    return base + url_for(endpoint, _external=False, **values)


def govuk_pagination(pagination, endpoint: str, label: str, **args) -> dict:
    """Parameters for the GOV.UK pagination component from a Flask-SQLAlchemy page."""
    from engage.i18n import _

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
