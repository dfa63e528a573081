"""Structured request logs: one JSON line per request, each with a request id.

The id comes from the proxy's X-Request-ID header when it sends a sane one (so proxy and app logs
join up), else it is made here; it is sent back in the X-Request-ID response header and added to
every log record written while the request runs. Logs hold no IP address, account or query string:
the route and status are enough to run the site, and people's data stays out of the logs.
"""

import json
import logging
import re
import sys
import time
import uuid

from flask import Flask, g, has_request_context, request
from flask.logging import default_handler

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_PRIVATE_ARGS = ("token", "code")
access_log = logging.getLogger("engage.request")
TEXT_FORMAT = "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s"


def request_id() -> str | None:
    """The current request's id, or None outside a request."""
    return g.get("request_id") if has_request_context() else None


class RequestIdFilter(logging.Filter):
    """Adds request_id to every record, so any log line can be tied to its request."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id()
        return True


# Line breaks and other control characters (C0, DEL, C1, Unicode line/paragraph separators).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_control(text: str) -> str:
    """`text` on one line: control characters written as escapes (a `%0A` in a URL forges none)."""
    return _CONTROL.sub(lambda m: _NAMED.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


class TextFormatter(logging.Formatter):
    """Plain-text lines whose message and fields cannot start a new line or hide text.

    Only a traceback, added after the line, runs over several lines.
    """

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 - logging's name
        """The line for `record`, with every text in it escaped."""
        safe = logging.makeLogRecord(
            {k: escape_control(v) if isinstance(v, str) else v for k, v in vars(record).items()}
        )
        return super().formatMessage(safe)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id and any extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def _path() -> str:
    # Paths with secrets in them (password-reset tokens, recovery codes) are logged as their route.
    args = request.view_args or {}
    if request.url_rule is not None and any(p in k for k in args for p in _PRIVATE_ARGS):
        return request.url_rule.rule
    return request.path


def _start() -> None:
    incoming = request.headers.get("X-Request-ID", "")
    g.request_id = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def _finish(response):
    response.headers["X-Request-ID"] = g.get("request_id", "")
    started = g.get("request_started")
    if started is not None and access_log.isEnabledFor(logging.INFO):
        path = _path()
        access_log.info(
            "%s %s %s",
            request.method,
            path,
            response.status_code,
            extra={
                "fields": {
                    "method": request.method,
                    "path": path,
                    "endpoint": request.endpoint,
                    "status": response.status_code,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                    # Asking a streamed download its length would read it whole into memory.
                    "bytes": None if response.is_streamed else response.calculate_content_length(),
                    "cache": response.headers.get("X-Page-Cache"),
                }
            },
        )
    return response


def configure_logging(app: Flask) -> None:
    """Log to stderr as JSON lines (LOG_FORMAT=json) or plain text, each with its request id."""
    if app.testing:
        return  # pytest captures logs through the root logger; leave its set-up alone
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(RequestIdFilter())
    if app.config.get("LOG_FORMAT") == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(TextFormatter(TEXT_FORMAT))
    handler.engage = True
    engage_log = logging.getLogger("engage")
    for old in [h for h in engage_log.handlers if getattr(h, "engage", False)]:
        engage_log.removeHandler(old)
    engage_log.removeHandler(default_handler)
    engage_log.addHandler(handler)
    engage_log.setLevel(app.config.get("LOG_LEVEL", "INFO"))
    engage_log.propagate = False
    access_log.disabled = not app.config.get("REQUEST_LOG", True)


def init_app(app: Flask) -> None:
    """Give every request an id and write one structured line for it when it ends."""
    configure_logging(app)
    app.before_request(_start)
    app.after_request(_finish)
