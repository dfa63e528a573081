"""Flask extensions, created unbound and initialised in create_app()."""

import time

from flask import current_app, g, session
from flask_babel import Babel
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from flask_wtf.csrf import generate_csrf
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

# Named constraints let Alembic alter them on SQLite (batch mode) and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
login_manager = LoginManager()
babel = Babel()


class ExpiryTolerantCSRF(CSRFProtect):
    """CSRF on every POST; a form sent with an expired (but genuine) token gets its page back.

    A token older than WTF_CSRF_TIME_LIMIT would otherwise be a bare 400 page and lose what was
    typed. Here a token this session really issued, less than a week old, passes the site-wide
    check without marking the request valid, so the form validates it itself: its page is shown
    again (400) with "send it again" and everything typed. Forged, missing or older tokens still
    get the 400 page.
    """

    GRACE_SECONDS = 7 * 24 * 3600

    def init_app(self, app):
        """flask-wtf's set-up, with templates given `csrf_token` below instead of its own."""
        super().init_app(app)
        app.jinja_env.globals["csrf_token"] = csrf_token
        app.context_processor(lambda: {"csrf_token": csrf_token})

    def protect(self, apply_exemptions=False):
        """Check the request's CSRF token, letting a genuine expired token reach the form."""
        from flask_wtf.csrf import CSRFError

        try:
            super().protect(apply_exemptions)
        except CSRFError:
            if not self._genuine_but_expired():
                raise

    def _genuine_but_expired(self) -> bool:
        from flask import current_app, request
        from flask_wtf.csrf import same_origin, validate_csrf
        from wtforms import ValidationError

        try:
            validate_csrf(self._get_csrf_token(), time_limit=self.GRACE_SECONDS)
        except ValidationError:
            return False
        if request.is_secure and current_app.config["WTF_CSRF_SSL_STRICT"]:
            return bool(request.referrer) and same_origin(
                request.referrer, f"https://{request.host}/"
            )
        return True


csrf = ExpiryTolerantCSRF()
# (secret key, session's form secret) -> (the second it was signed in, the signed token)
_SIGNED: dict[tuple, tuple[int, str]] = {}
_SIGNED_MAX = 10_000


def csrf_token() -> str:
    """flask-wtf's generate_csrf() (the request's token), signed once a second per session.

    Its token is the session's form secret signed with the current second, so within a second
    it is the same text: a reader's pages in that second reuse it instead of each signing again
    (about 30 µs, a tenth of what a signed-in page's own work costs).
    """
    field = current_app.config["WTF_CSRF_FIELD_NAME"]
    token = g.get(field)
    if token is not None:
        return token
    secret = session.get(field)
    if secret is None or current_app.config.get("WTF_CSRF_SECRET_KEY"):
        return generate_csrf()  # a new session's first token, or a setting not kept here
    key = (current_app.secret_key, secret)
    second = int(time.time())
    kept = _SIGNED.get(key)
    if kept is not None and kept[0] == second:
        token = kept[1]
        setattr(g, field, token)
        return token
    token = generate_csrf()
    if len(_SIGNED) >= _SIGNED_MAX:
        _SIGNED.clear()  # bounded: at worst each reader signs once more
    _SIGNED[key] = (second, token)
    return token


limiter = Limiter(key_func=get_remote_address)


def db_enum(cls, length: int = 20):
    """Store a StrEnum by value in a VARCHAR, so adding a member needs no database type change."""
    import sqlalchemy as sa

    return sa.Enum(
        cls, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e]
    )


# Tables, columns ("table.column") and indexes a migration creates by hand for one database (a
# full-text index, its triggers' shadow tables): autogenerate and the schema test leave them
# alone. The feature that owns them adds their names when its models are imported.
UNMANAGED_SCHEMA: set[str] = set()


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's filter: False for what a feature keeps outside the models (UNMANAGED_SCHEMA)."""
    if type_ == "column":
        return f"{obj.table.name}.{name}" not in UNMANAGED_SCHEMA
    return name not in UNMANAGED_SCHEMA


def include_name(name, type_, parent_names) -> bool:
    """Alembic's filter on reflected names, so unmanaged tables are not even reflected."""
    if type_ == "column":
        return f"{parent_names.get('table_name')}.{name}" not in UNMANAGED_SCHEMA
    return name not in UNMANAGED_SCHEMA
