"""HTTP-level safeguards that hold for every route: where the site may be reached from, what a
browser may keep, and input no page should ever see (NUL characters).

- Production needs BASE_URL (every link in an email is built from it, never from the Host
  header), and only the hosts in TRUSTED_HOSTS are answered (others get 400).
- Anything personal (a signed-in person's page, /account, /me, /manage, any download) is sent
  with `Cache-Control: no-store`, so no browser or proxy keeps a copy on a shared computer.
- NUL characters are removed from every query argument and form value as the request is parsed:
  PostgreSQL refuses them in text, and no one means to type one.
"""

from urllib.parse import urlsplit

from flask import Flask, Request, Response, abort, request
from flask_login import current_user
from flask_talisman import Talisman
from werkzeug.datastructures import ImmutableMultiDict, iter_multi_items
from werkzeug.exceptions import SecurityError

DEVELOPMENT = "development"
# Paths whose every answer is about one person or for staff, signed in or not (redirects too).
PRIVATE_PREFIXES = ("/account", "/me", "/manage", "/notifications", "/dev")


class DeploymentError(RuntimeError):
    """A setting production cannot run without is missing."""


class KeptHeadersTalisman(Talisman):
    """Talisman, with each view's options and the site-wide policy worked out once, not per
    response: rebuilding the same Content-Security-Policy text cost a twentieth of a cached page.

    A view with options of its own (the embeds' frame-ancestors, read from a setting on every
    request) still gets its policy built afresh each time.
    """

    _NONCE = "\x00talisman-nonce\x00"

    def init_app(self, app, **kwargs):
        """Set Talisman up, with empty stores for the options and the policy text."""
        self._options_by_endpoint = {}
        self._policy_text = None
        super().init_app(app, **kwargs)

    def _get_local_options(self):
        endpoint = request.endpoint
        options = self._options_by_endpoint.get(endpoint)
        if options is None:
            options = self._options_by_endpoint[endpoint] = super()._get_local_options()
        return options

    def _parse_policy(self, policy):
        nonce = getattr(request, "csp_nonce", None)
        if policy is not self.content_security_policy or not nonce:
            return super()._parse_policy(policy)
        if self._policy_text is None:
            # Talisman's own text for this request, with the nonce (random, so found only where
            # Talisman put it) marked for the next requests' nonces.
            self._policy_text = super()._parse_policy(policy).replace(nonce, self._NONCE)
        return self._policy_text.replace(self._NONCE, nonce)


def _strip_nul(value):
    return value.replace("\x00", "") if isinstance(value, str) else value


class NulFreeMultiDict(ImmutableMultiDict):
    """Query and form data with every NUL character taken out of keys and values."""

    def __init__(self, mapping=None):
        if mapping is not None:
            mapping = [(_strip_nul(k), _strip_nul(v)) for k, v in iter_multi_items(mapping)]
        super().__init__(mapping)


class EngageRequest(Request):
    """The request class: query and form data never hold a NUL."""

    parameter_storage_class = NulFreeMultiDict


def is_development(app: Flask) -> bool:
    """True for `make run`, `flask --debug` and tests: ENGAGE_ENV=development, debug or testing."""
    env = app.config.get("ENGAGE_ENV") or "production"
    return env.strip().lower() == DEVELOPMENT or app.debug or app.testing


def check_deployment(app: Flask) -> None:
    """Refuse to start in production without an https BASE_URL (password-reset links use it)."""
    if is_development(app):
        return
    base = app.config.get("BASE_URL") or ""
    if not base:
        raise DeploymentError(
            "BASE_URL is not set. Set it to the site's public address, e.g. "
            "BASE_URL=https://engage.luton.gov.uk (links in emails are built from it), or set "
            "ENGAGE_ENV=development on a developer's machine."
        )
    parts = urlsplit(base)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise DeploymentError(f"BASE_URL must be an address like https://example.org, not {base!r}")


def names_nothing(values) -> bool:
    """True when an address's own words hold a NUL (`/priorities/a%00b`): it names nothing, and
    PostgreSQL refuses the text, so nothing may look it up."""
    return bool(values) and any(isinstance(v, str) and "\x00" in v for v in values.values())


def _refuse_nul_in_path(endpoint, values) -> None:
    # 404, not a database error.
    if names_nothing(values):
        abort(404)


def _private_response(response) -> bool:
    if request.endpoint == "static":
        return False
    if request.path.startswith(PRIVATE_PREFIXES):
        return True
    if "attachment" in response.headers.get("Content-Disposition", ""):
        return True
    return bool(current_user and current_user.is_authenticated)


def _no_store(response):
    if _private_response(response):
        response.headers["Cache-Control"] = "no-store"
        response.headers.pop("Expires", None)
    return response


def _untrusted_host(error):
    # No page can be built for a host the site does not answer (its links need a host).
    return Response("Unknown host\n", 400, mimetype="text/plain")


def init_app(app: Flask) -> None:
    """Check the deployment settings, strip NULs from input and mark private pages no-store."""
    check_deployment(app)
    app.request_class = EngageRequest
    app.register_error_handler(SecurityError, _untrusted_host)
    app.url_value_preprocessor(_refuse_nul_in_path)
    app.after_request(_no_store)
