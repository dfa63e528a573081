"""Engage Luton: the app factory."""

import importlib
import importlib.util
import logging
from pathlib import Path

from flask import Flask, make_response, redirect, render_template, url_for
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, FileSystemLoader, PackageLoader, PrefixLoader
from sqlalchemy import event
from sqlalchemy.engine import Engine
from werkzeug.middleware.proxy_fix import ProxyFix

from engage.config import Config
from engage.extensions import babel, csrf, db, limiter, login_manager
from engage.ops import http_safety
from engage.templating import EngageFlask
from engage.urls import BoundedIntConverter, comeback_path, referring_path
from engage.words_kept import words_sent

ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger("engage")

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "object-src": "'none'",
}


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record):
    """WAL for concurrent readers, enforced foreign keys, and waiting (not failing) on locks."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def create_app(config: dict | None = None) -> Flask:
    """Build the application; `config` overrides settings (tests pass their own database)."""
    app = EngageFlask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder=str(Path(__file__).parent / "static"),
    )
    app.config.from_object(Config())
    if config:
        app.config.update(config)
    # Before any route is added: every `<int:...>` is bounded to the ids a column can hold.
    app.url_map.converters["int"] = BoundedIntConverter
    http_safety.init_app(app)

    app.jinja_loader = ChoiceLoader(
        [
            FileSystemLoader(str(ROOT / "templates")),
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    _init_extensions(app)
    _register_blueprints(app)
    _register_template_helpers(app)
    _register_error_handlers(app)

    from engage.cli import register_cli

    register_cli(app)
    return app


def _init_extensions(app: Flask) -> None:
    from engage import assets, database, i18n, permissions, text
    from engage.accounts import sessions

    db.init_app(app)
    database.init_app(app)
    if not app.config["SERVING_WEB"]:
        # The web server never migrates: Flask-Migrate brings Alembic, Mako and Pygments (11 MB
        # in every worker), so only the `flask db` commands and tests set it up.
        from flask_migrate import Migrate

        Migrate(app, db, directory=str(ROOT / "migrations"), render_as_batch=True)
    csrf.init_app(app)
    limiter.init_app(app)
    babel.init_app(app, locale_selector=i18n.select_locale)
    login_manager.init_app(app)
    login_manager.login_view = "accounts.sign_in"
    login_manager.login_message = None
    sessions.init_app(app)

    WTFormsHelpers(app)
    http_safety.KeptHeadersTalisman(
        app,
        force_https=app.config["FORCE_HTTPS"],
        strict_transport_security=app.config["FORCE_HTTPS"],
        session_cookie_secure=app.config["SESSION_COOKIE_SECURE"],
        content_security_policy=CSP,
        content_security_policy_nonce_in=["script-src"],
        referrer_policy="same-origin",
        permissions_policy={"geolocation": "()", "camera": "()", "microphone": "()"},
    )
    if app.config["PROXY_FIX_HOPS"]:
        hops = app.config["PROXY_FIX_HOPS"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    i18n.init_app(app)
    permissions.init_app(app)
    text.init_app(app)
    assets.init_app(app)
    # After Talisman, so request ids and cached pages see this request's CSP nonce.
    from engage.ops import cache, logs

    logs.init_app(app)
    cache.init_app(app)


FEATURES = (
    "main",
    "accounts",
    "proposals",
    "comments",
    "votes",
    "surveys",
    "translations",
    "moderation",
    "me",
    "staff",
    "privacy",
    "jobs",
    "notifications",
    "ideas",
    "plan",
    "api",
    "opendata",
    "embeds",
    "analysis",
    "search",
)


def _register_blueprints(app: Flask) -> None:
    # Routes and object rules load here, after every feature package exists, so features can
    # use each other's services and forms without import cycles.
    for name in FEATURES:
        package = importlib.import_module(f"engage.{name}")
        if importlib.util.find_spec(f"engage.{name}.models"):
            importlib.import_module(f"engage.{name}.models")
        importlib.import_module(f"engage.{name}.permissions")
        importlib.import_module(f"engage.{name}.routes")
        # A feature with moderated content registers its adapter with moderation's registry.
        if importlib.util.find_spec(f"engage.{name}.moderation_source"):
            importlib.import_module(f"engage.{name}.moderation_source")
        # A feature with findable items registers its indexer and the listeners that keep it.
        if importlib.util.find_spec(f"engage.{name}.search_index"):
            importlib.import_module(f"engage.{name}.search_index")
        app.register_blueprint(package.bp)


def _register_template_helpers(app: Flask) -> None:
    from engage.accounts.forms import CONNECTION_LABELS, age_band_label
    from engage.demo.banner import demo_data_loaded
    from engage.demo.codes import demo_sign_in_code
    from engage.demo.logins import demo_logins
    from engage.proposals.service import status_label
    from engage.urls import govuk_pagination
    from engage.votes.forms import CHOICE_LABELS

    app.jinja_env.globals.update(
        govuk_pagination=govuk_pagination,
        status_label=status_label,
        age_band_label=age_band_label,
        connection_labels=CONNECTION_LABELS,
        vote_labels=CHOICE_LABELS,
        demo_data_loaded=demo_data_loaded,
        demo_sign_in_code=demo_sign_in_code,
        demo_logins=demo_logins,
    )


def _register_error_handlers(app: Flask) -> None:
    def page(code):
        def handler(error):
            # A route may answer its own limit (the sign-up form kept, with how long to wait).
            if code == 429 and getattr(error, "response", None) is not None:
                return error.response
            return _error_page(code, getattr(error, "reason", None))

        return handler

    for code in (400, 403, 404, 405, 413, 429, 500):
        app.register_error_handler(code, page(code))

    def to_sign_in():
        # Someone signed out while writing is shown their words first: the sign-in page would
        # drop them.
        if words := words_sent():
            return _error_page(401, words=words)
        return redirect(url_for("accounts.sign_in", next=comeback_path()))

    # Pages behind Flask-Login's @login_required and those that abort(401) ask for sign-in the
    # same way (Flask-Login's own redirect would carry the whole address back).
    login_manager.unauthorized_handler(to_sign_in)
    app.register_error_handler(401, lambda error: to_sign_in())


def _error_page(code: int, reason=None, words: list[str] | None = None):
    """The error page, with the reason where a rule gave one and any words the request carried
    (`words`: read already by the caller)."""
    if words is None:
        words = [] if code == 413 else words_sent()
    response = make_response(
        render_template(
            "errors/error.html",
            code=code,
            reason=reason,
            words=words,
            sign_in_url=url_for("accounts.sign_in", next=comeback_path()) if code == 401 else None,
            # Where a reason or the words are shown, the page they came from (this site's).
            back_url=referring_path() if (words or reason) else None,
        ),
        code,
    )
    if words:
        # The person's own words: never kept by a browser's cache or a proxy.
        response.headers["Cache-Control"] = "no-store"
    return response
