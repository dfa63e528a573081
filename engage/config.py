"""Settings read from environment variables, with safe embedded defaults."""

import os
import secrets
from pathlib import Path
from urllib.parse import urlsplit

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


def trusted_hosts(base_url: str, listed: str) -> list[str] | None:
    """The Host names answered: TRUSTED_HOSTS (comma-separated), else BASE_URL's host.

    The container health check asks 127.0.0.1 directly, so it and localhost are allowed once a
    list is in force; None (any host) only where neither setting is given (development).
    """
    hosts = [h.strip().lower() for h in listed.split(",") if h.strip()]
    if not hosts and base_url:
        hosts = [urlsplit(base_url).hostname or ""]
    hosts = [h for h in hosts if h]
    if not hosts:
        return None
    return [*hosts, *(h for h in ("localhost", "127.0.0.1") if h not in hosts)]


class Config:
    """Default settings; every value can be overridden by the environment or create_app(config)."""

    def __init__(self) -> None:
        self.SECRET_KEY = _secret_key()
        self.SQLALCHEMY_DATABASE_URI = database_url()
        self.SQLALCHEMY_ENGINE_OPTIONS = engine_options(self.SQLALCHEMY_DATABASE_URI)
        # PostgreSQL connections back in the pool longer than this are checked before reuse
        # (engage/database.py); those in steady use are not.
        self.DB_PING_IDLE_SECONDS = float(os.environ.get("DB_PING_IDLE_SECONDS", "10"))
        self.REDIS_URL = os.environ.get("REDIS_URL") or None
        self.RATELIMIT_STORAGE_URI = self.REDIS_URL or "memory://"
        # The job queue (engage/jobs/queue.py): "sqlite" (a file beside the embedded database,
        # or JOBS_SQLITE_PATH), "redis" (REDIS_URL; the default when it is set) or "immediate".
        self.JOBS_BACKEND = os.environ.get("JOBS_BACKEND") or None
        self.JOBS_SQLITE_PATH = os.environ.get("JOBS_SQLITE_PATH") or None
        self.JOBS_WORKERS = int(os.environ.get("JOBS_WORKERS", "2"))
        self.RATELIMIT_ENABLED = _bool("RATELIMIT_ENABLED", True)
        self.RATELIMIT_HEADERS_ENABLED = True
        # A form's token lasts a working day; an older one asks to send the form again.
        self.WTF_CSRF_TIME_LIMIT = int(os.environ.get("WTF_CSRF_TIME_LIMIT", str(8 * 3600)))
        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = "Lax"
        self.FORCE_HTTPS = _bool("FORCE_HTTPS", False)
        # Over HTTPS: Secure cookies named with the __Host- prefix (engage/accounts/sessions.py).
        self.SESSION_COOKIE_SECURE = _bool("SESSION_COOKIE_SECURE", self.FORCE_HTTPS)
        self.REMEMBER_COOKIE_SECURE = self.SESSION_COOKIE_SECURE
        self.REMEMBER_COOKIE_HTTPONLY = True
        self.REMEMBER_COOKIE_SAMESITE = "Lax"
        # Sessions end after this long idle (staff sooner), and this long after signing in.
        self.SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "120"))
        self.STAFF_SESSION_IDLE_MINUTES = int(os.environ.get("STAFF_SESSION_IDLE_MINUTES", "30"))
        self.SESSION_MAX_HOURS = int(os.environ.get("SESSION_MAX_HOURS", "12"))
        self.STAFF_INVITE_HOURS = int(os.environ.get("STAFF_INVITE_HOURS", "72"))
        # Every link in an email is built from this (never from the request's Host header).
        self.BASE_URL = os.environ.get("BASE_URL", "").rstrip("/")
        # "development" lets the app start without BASE_URL (see engage/ops/http_safety.py).
        self.ENGAGE_ENV = os.environ.get("ENGAGE_ENV", "production")
        # Other Host headers get 400 (Flask checks it); default: BASE_URL's host.
        self.TRUSTED_HOSTS = trusted_hosts(self.BASE_URL, os.environ.get("TRUSTED_HOSTS", ""))
        # Uploads are never needed: 1 MB is far more than the longest form (413 beyond it).
        self.MAX_CONTENT_LENGTH = int(os.environ.get("MAX_CONTENT_LENGTH", str(1024 * 1024)))
        self.PROXY_FIX_HOPS = int(os.environ.get("PROXY_FIX_HOPS", "0"))
        # Set by deploy/gunicorn.conf.py: this process serves pages and runs no `flask db` commands.
        self.SERVING_WEB = _bool("ENGAGE_SERVING_WEB", False)
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
        self.MAIL_USE_TLS = _bool("MAIL_USE_TLS", True)  # STARTTLS, certificate verified
        self.MAIL_USE_SSL = _bool("MAIL_USE_SSL", False)  # implicit TLS (SMTPS, port 465)
        self.MAIL_CA_FILE = os.environ.get("MAIL_CA_FILE") or None  # else the system's CAs
        self.MAIL_TIMEOUT = int(os.environ.get("MAIL_TIMEOUT", "10"))
        self.MAIL_FROM = os.environ.get("MAIL_FROM", "Engage Luton <no-reply@engage.luton.example>")
        self.COMMENT_MAX_LENGTH = int(os.environ.get("COMMENT_MAX_LENGTH", "1000"))
        self.COMMENT_EDIT_MINUTES = int(os.environ.get("COMMENT_EDIT_MINUTES", "15"))
        self.PROPOSALS_PER_PAGE = int(os.environ.get("PROPOSALS_PER_PAGE", "10"))
        self.COMMENTS_PER_PAGE = int(os.environ.get("COMMENTS_PER_PAGE", "60"))
        self.LOGIN_RATE_LIMIT = os.environ.get("LOGIN_RATE_LIMIT", "10 per minute;50 per hour")
        # Failed sign-ins per account name, from any number of addresses.
        self.LOGIN_ACCOUNT_RATE_LIMIT = os.environ.get(
            "LOGIN_ACCOUNT_RATE_LIMIT", "10 per 15 minutes"
        )
        self.SIGNUP_RATE_LIMIT = os.environ.get("SIGNUP_RATE_LIMIT", "10 per hour")
        # Accounts made with one class's join code (a whole class on one school network).
        self.YOUTH_CLASS_SIGNUP_RATE_LIMIT = os.environ.get(
            "YOUTH_CLASS_SIGNUP_RATE_LIMIT", "60 per hour"
        )
        self.RESET_RATE_LIMIT = os.environ.get("RESET_RATE_LIMIT", "5 per 15 minutes")
        # Days a public idea may wait for the council's answer before it shows as overdue.
        self.IDEA_ANSWER_DAYS = int(os.environ.get("IDEA_ANSWER_DAYS", "28"))
        self.IDEAS_PER_PAGE = int(os.environ.get("IDEAS_PER_PAGE", "20"))
        # Searches per address: enough for a person, too few to scrape the site through search.
        self.SEARCH_RATE_LIMIT = os.environ.get("SEARCH_RATE_LIMIT", "30 per minute;600 per hour")
        self.SEARCH_PER_PAGE = int(os.environ.get("SEARCH_PER_PAGE", "20"))
        # Results counted and shown per search at most ("more than 1,000 results" past it).
        self.SEARCH_MAX_RESULTS = int(os.environ.get("SEARCH_MAX_RESULTS", "1000"))
        # The newest matches ranked per search, besides every title match (docs/search.md); at
        # least SEARCH_MAX_RESULTS + 1 are always ranked, so every result shown is ranked.
        self.SEARCH_RANK_CANDIDATES = int(os.environ.get("SEARCH_RANK_CANDIDATES", "1001"))
        # PostgreSQL, three words or more: the newest entries checked one by one before the GIN
        # index is asked for older ones (docs/search.md, "Known weak spot").
        self.SEARCH_RECENT_ROWS = int(os.environ.get("SEARCH_RECENT_ROWS", "30000"))
        self.POST_RATE_LIMIT = os.environ.get("POST_RATE_LIMIT", "10 per minute;100 per day")
        self.REPORT_HIDE_THRESHOLD = int(os.environ.get("REPORT_HIDE_THRESHOLD", "3"))
        self.MODERATION_TARGET_HOURS = int(os.environ.get("MODERATION_TARGET_HOURS", "24"))
        self.SAFEGUARDING_TARGET_HOURS = int(os.environ.get("SAFEGUARDING_TARGET_HOURS", "1"))
        # Per address: a whole class on school wifi shares one, so this only stops machines.
        self.SURVEY_SUBMIT_RATE_LIMIT = os.environ.get(
            "SURVEY_SUBMIT_RATE_LIMIT", "60 per minute;600 per hour"
        )
        # Written answers listed per question on a results page; older ones a link away.
        self.SURVEY_TEXTS_PER_PAGE = int(os.environ.get("SURVEY_TEXTS_PER_PAGE", "20"))
        self._privacy_settings()
        self._open_data_settings()

    def _open_data_settings(self) -> None:
        """The public read API, the open data download and the embeddable views."""
        env = os.environ.get
        # Per address, for the whole /api/v1 (a slow scraper, not a reader, reaches it).
        self.API_RATE_LIMIT = env("API_RATE_LIMIT", "120 per minute;3000 per hour")
        self.API_MAX_PER_PAGE = int(env("API_MAX_PER_PAGE", "100"))
        # Where `flask engage open-data` writes the download (the page serves it from there).
        self.OPEN_DATA_DIR = env("OPEN_DATA_DIR", str(INSTANCE / "open-data"))
        # Key of the keyed hash that turns an account id into a pseudonymous author key. Empty:
        # derived from SECRET_KEY. Changing it changes every key in the next export.
        self.OPEN_DATA_KEY = env("OPEN_DATA_KEY", "")
        # Origins (scheme://host[:port]) whose pages may frame /embed/..., space separated.
        self.EMBED_ALLOWED_ORIGINS = env("EMBED_ALLOWED_ORIGINS", "").split()

    def _privacy_settings(self) -> None:
        """Who is responsible for people's data, how to reach them, and how long data is kept.

        The privacy notice and the accessibility statement show these values, so what the pages
        promise and what `flask engage retention` does come from the same place.
        """
        env = os.environ.get
        self.CONTROLLER_NAME = env("CONTROLLER_NAME", "Luton Borough Council")
        self.CONTROLLER_ADDRESS = env(
            "CONTROLLER_ADDRESS", "Town Hall, George Street, Luton LU1 2BQ"
        )
        self.ICO_REGISTRATION = env("ICO_REGISTRATION", "ZXXXXXXX")
        self.DPO_NAME = env("DPO_NAME", "Data Protection Officer")
        self.DPO_EMAIL = env("DPO_EMAIL", "dpo@luton.example")
        self.DPO_ADDRESS = env("DPO_ADDRESS", self.CONTROLLER_ADDRESS)
        self.CONTACT_EMAIL = env("CONTACT_EMAIL", "engage@luton.example")
        self.CONTACT_PHONE = env("CONTACT_PHONE", "01582 546000")
        # Processors named in the privacy notice, separated by semicolons.
        self.PROCESSORS = env(
            "PROCESSORS",
            "Hosting: the council's hosting provider, in UK data centres; "
            "Email delivery (adults' sign-in and password emails): the council's email service",
        )
        # Days, counted from the decision on the proposal (a survey without one: from its close).
        self.RETENTION_COMMENT_DAYS = int(env("RETENTION_COMMENT_DAYS", "92"))
        self.RETENTION_VOTE_DAYS = int(env("RETENTION_VOTE_DAYS", "92"))
        self.RETENTION_SURVEY_ANSWER_DAYS = int(env("RETENTION_SURVEY_ANSWER_DAYS", "92"))
        # Days from the moderation decision (cases, resolved reports, notices to people).
        self.RETENTION_MODERATION_CASE_DAYS = int(env("RETENTION_MODERATION_CASE_DAYS", "365"))
        # Days from the event: the audit record's words (the events themselves stay).
        self.RETENTION_AUDIT_TEXT_DAYS = int(env("RETENTION_AUDIT_TEXT_DAYS", "365"))
        # Days from the safeguarding lead's handling: the words of a safeguarding referral.
        self.RETENTION_SAFEGUARDING_DAYS = int(env("RETENTION_SAFEGUARDING_DAYS", "730"))
        # Sign-in and security log lines (kept by the system journal; see deploy/).
        self.RETENTION_SIGN_IN_LOG_DAYS = int(env("RETENTION_SIGN_IN_LOG_DAYS", "90"))
        self.RETENTION_BACKUP_DAYS = int(env("RETENTION_BACKUP_DAYS", "35"))
        self.BACKUP_DIR = env("BACKUP_DIR", str(INSTANCE / "backups"))


def engine_options(url: str) -> dict:
    """Pool settings: a bounded pool for PostgreSQL; SQLite needs none."""
    if url.startswith("postgresql"):
        return {
            "pool_size": int(os.environ.get("DB_POOL_SIZE", "5")),
            "max_overflow": int(os.environ.get("DB_MAX_OVERFLOW", "5")),
            "pool_recycle": 1800,
            "connect_args": {"prepare_threshold": prepare_threshold()},
        }
    return {"connect_args": {"timeout": 15}}


def prepare_threshold() -> int | None:
    """DB_PREPARE_THRESHOLD: after how many runs on a connection psycopg prepares a statement.

    psycopg's own default (5) saves PostgreSQL planning a statement it has seen (a signed-in
    page's account read: 0.59 ms as sent, 0.14 ms prepared). "none" turns preparing off, as
    PgBouncer in transaction mode needs unless it is 1.22 or newer with max_prepared_statements
    set: a statement prepared on one server connection is unknown on the next.
    """
    value = os.environ.get("DB_PREPARE_THRESHOLD", "5").strip().lower()
    if value in ("", "none", "off", "no", "false"):
        return None
    threshold = int(value)
    if threshold < 0:
        raise ValueError("DB_PREPARE_THRESHOLD must be 0 or more, or none")
    return threshold
