"""Settings read from environment variables, with safe embedded defaults."""

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"


def _bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    """Return SECRET_KEY, or a per-instance key kept on disk so sessions survive restarts."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    INSTANCE.mkdir(exist_ok=True)
    path = INSTANCE / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def database_url() -> str:
    """The SQLAlchemy URL: DATABASE_URL, or the embedded SQLite file under instance/."""
    url = os.environ.get("DATABASE_URL")
    if url:
        # Hosting platforms hand out postgres:// URLs; we always talk psycopg 3.
        for prefix in ("postgres://", "postgresql://"):
            if url.startswith(prefix):
                return "postgresql+psycopg://" + url[len(prefix) :]
        return url
    INSTANCE.mkdir(exist_ok=True)
    return f"sqlite:///{INSTANCE / 'engage.db'}"


class Config:
    """Default settings; every value can be overridden by the environment or create_app(config)."""

    def __init__(self) -> None:
        self.SECRET_KEY = _secret_key()
        self.SQLALCHEMY_DATABASE_URI = database_url()
        self.SQLALCHEMY_ENGINE_OPTIONS = engine_options(self.SQLALCHEMY_DATABASE_URI)
        self.REDIS_URL = os.environ.get("REDIS_URL") or None
        self.RATELIMIT_STORAGE_URI = self.REDIS_URL or "memory://"
        self.RATELIMIT_ENABLED = _bool("RATELIMIT_ENABLED", True)
        self.RATELIMIT_HEADERS_ENABLED = True
        self.WTF_CSRF_TIME_LIMIT = None
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.SESSION_COOKIE_SECURE = _bool("SESSION_COOKIE_SECURE", False)
        self.REMEMBER_COOKIE_SECURE = self.SESSION_COOKIE_SECURE
        self.FORCE_HTTPS = _bool("FORCE_HTTPS", False)
        # Every link in an email is built from this (never from the request's Host header).
        self.BASE_URL = os.environ.get("BASE_URL", "").rstrip("/")
        self.PROXY_FIX_HOPS = int(os.environ.get("PROXY_FIX_HOPS", "0"))
        self.PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "15"))
        self.LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
        self.LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
        self.REQUEST_LOG = _bool("REQUEST_LOG", True)
        self.BABEL_DEFAULT_LOCALE = "en"
        self.BABEL_DEFAULT_TIMEZONE = "Europe/London"
        self.BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")
        self.MAIL_BACKEND = os.environ.get(
            "MAIL_BACKEND", "smtp" if os.environ.get("MAIL_SERVER") else "log"
        )
        self.MAIL_SERVER = os.environ.get("MAIL_SERVER", "")
        self.MAIL_PORT = int(os.environ.get("MAIL_PORT", "587"))
        self.MAIL_USERNAME = os.environ.get("MAIL_USERNAME", "")
        self.MAIL_PASSWORD = os.environ.get("MAIL_PASSWORD", "")
        self.MAIL_USE_TLS = _bool("MAIL_USE_TLS", True)
        self.MAIL_FROM = os.environ.get("MAIL_FROM", "Engage Luton <no-reply@engage.luton.example>")
        self.COMMENT_MAX_LENGTH = int(os.environ.get("COMMENT_MAX_LENGTH", "1000"))
        self.COMMENT_EDIT_MINUTES = int(os.environ.get("COMMENT_EDIT_MINUTES", "15"))
        self.PROPOSALS_PER_PAGE = int(os.environ.get("PROPOSALS_PER_PAGE", "10"))
        self.COMMENTS_PER_PAGE = int(os.environ.get("COMMENTS_PER_PAGE", "60"))
        self.LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per minute;50 per hour")
        self.SIGNUP_RATE_LIMIT = os.environ.get("SIGNUP_RATE_LIMIT", "10 per hour")
        # Accounts made with one class's join code (a whole class on one school network).
        self.YOUTH_CLASS_SIGNUP_RATE_LIMIT = os.environ.get(
            "YOUTH_CLASS_SIGNUP_RATE_LIMIT", "60 per hour"
        )
        self.RESET_RATE_LIMIT = os.environ.get("RESET_RATE_LIMIT", "5 per 15 minutes")
        self.POST_RATE_LIMIT = os.environ.get("POST_RATE_LIMIT", "10 per minute;100 per day")
        self.REPORT_HIDE_THRESHOLD = int(os.environ.get("REPORT_HIDE_THRESHOLD", "3"))
        self.MODERATION_TARGET_HOURS = int(os.environ.get("MODERATION_TARGET_HOURS", "24"))
        self.SAFEGUARDING_TARGET_HOURS = int(os.environ.get("SAFEGUARDING_TARGET_HOURS", "1"))
        # Per address: a whole class on school wifi shares one, so this only stops machines.
        self.SURVEY_SUBMIT_RATE_LIMIT = os.environ.get(
            "SURVEY_SUBMIT_RATE_LIMIT", "60 per minute;600 per hour"
        )


def engine_options(url: str) -> dict:
    """Pool settings: a bounded pool for PostgreSQL; SQLite needs none."""
    if url.startswith("postgresql"):
        return {
            "pool_size": int(os.environ.get("DB_POOL_SIZE", "5")),
            "max_overflow": int(os.environ.get("DB_MAX_OVERFLOW", "5")),
            "pool_pre_ping": True,
            "pool_recycle": 1800,
        }
    return {"connect_args": {"timeout": 15}}
