"""Small helpers for reading pages and for apps with rate limiting switched on."""

import re
from contextlib import contextmanager

from engage import create_app
from engage.extensions import db, limiter
from tests.conftest import Client

_NONCE_RE = re.compile(r'nonce="[^"]*"')
_CSRF_VALUE_RE = re.compile(r'name="csrf_token"[^>]*value="[^"]*"')


def asks_to_sign_in(response) -> bool:
    """Sent to sign in: redirected there, or (a form with words sent while signed out) shown a
    page with those words and a Sign in button."""
    if response.status_code == 302:
        return "/account/sign-in" in response.headers["Location"]
    return response.status_code == 401 and '<a class="govuk-button" href="/account/sign-in' in (
        response.get_data(as_text=True)
    )


def page(response) -> str:
    """The response body as text."""
    return response.get_data(as_text=True)


def input_value(html: str, name: str) -> str | None:
    """The value a text input or textarea shows, or None if there is no such field."""
    tag = re.search(rf'<input[^>]*\bname="{re.escape(name)}"[^>]*>', html)
    if tag:
        value = re.search(r'\bvalue="([^"]*)"', tag.group(0))
        return value.group(1) if value else ""
    area = re.search(rf'<textarea[^>]*\bname="{re.escape(name)}"[^>]*>(.*?)</textarea>', html, re.S)
    return area.group(1).strip() if area else None


def radio_checked(html: str, name: str, value: str) -> bool:
    """True if the radio button `name`=`value` is ticked."""
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*value="{re.escape(value)}"[^>]*>', html)
    return bool(tag) and " checked" in tag.group(0)


def radio_values(html: str, name: str) -> list[str]:
    """Every value offered by the radio group `name`."""
    return re.findall(rf'<input[^>]*name="{name}"[^>]*type="radio"[^>]*value="([^"]*)"', html)


def without_tokens(html: str) -> str:
    """A page with its per-request nonces and CSRF tokens blanked, to compare two pages."""
    return _CSRF_VALUE_RE.sub('name="csrf_token"', _NONCE_RE.sub("", html))


@contextmanager
def rate_limited_app(app, **limits):
    """A second app on the same database with rate limiting on and the given limits.

    The limiter is one shared extension object, so it is switched off again afterwards:
    otherwise later tests in this worker would be rate limited too.
    """
    limited = create_app(
        {
            **{k: v for k, v in app.config.items() if k.isupper()},
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_STORAGE_URI": "memory://",
            **limits,
        }
    )
    limited.test_client_class = Client
    try:
        yield limited
    finally:
        limiter.reset()
        limiter.enabled = False
        with limited.app_context():
            db.engine.dispose()
