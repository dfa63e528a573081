"""Outgoing email: SMTP in production, the log in development, a list in tests.

SMTP is always encrypted and the server's certificate always checked: STARTTLS (MAIL_USE_TLS, the
default, port 587) or implicit TLS (MAIL_USE_SSL, port 465), with the system's certificate
authorities or MAIL_CA_FILE. Without a mail server (the "log" backend) the log gets the subject
only: an email's body may hold a link that signs someone in, and logs are read by more people and
kept longer than a mailbox. In development the whole message is written to a file readable by its
owner only, instance/outbox/*.eml, for the developer who needs the link, and shown at /dev/mail
to a browser on the same machine (someone trying the site must be able to confirm the account they
made).
"""

import logging
import os
import smtplib
import ssl
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from email import message_from_binary_file, policy
from email.message import EmailMessage
from itertools import count
from pathlib import Path

from flask import Flask, current_app
from flask_babel import get_locale

log = logging.getLogger("engage.mail")
_numbers = count(1)


def outbox() -> list[EmailMessage]:
    """Messages kept in memory when MAIL_BACKEND is 'memory' (tests)."""
    return current_app.extensions.setdefault("engage_outbox", [])


def tls_context(cfg) -> ssl.SSLContext:
    """A context checking the mail server's certificate and name (MAIL_CA_FILE or system CAs)."""
    return ssl.create_default_context(cafile=cfg.get("MAIL_CA_FILE") or None)


def _open_smtp(cfg) -> smtplib.SMTP:
    context = tls_context(cfg)
    host, port, timeout = cfg["MAIL_SERVER"], cfg["MAIL_PORT"], cfg.get("MAIL_TIMEOUT", 10)
    if cfg.get("MAIL_USE_SSL"):
        smtp = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
    else:
        smtp = smtplib.SMTP(host, port, timeout=timeout)
    try:
        if cfg["MAIL_USE_TLS"] and not cfg.get("MAIL_USE_SSL"):
            smtp.starttls(context=context)
        if cfg["MAIL_USERNAME"]:
            smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"])
    except BaseException:
        smtp.close()
        raise
    return smtp


def _send_smtp(cfg, msg: EmailMessage) -> None:
    with _open_smtp(cfg) as smtp:
        smtp.send_message(msg)


def _write_to_outbox(msg: EmailMessage) -> Path:
    """Keep a development email in instance/outbox/, readable by its owner only."""
    folder = _outbox_folder()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{next(_numbers)}.eml"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(msg.as_bytes())
    return path


def _outbox_folder() -> Path:
    return Path(current_app.instance_path) / "outbox"


def outbox_readable(app: Flask) -> bool:
    """True where unsent emails go to instance/outbox: development with no MAIL_SERVER."""
    from engage.ops.http_safety import is_development

    return app.config["MAIL_BACKEND"] == "log" and is_development(app)


@dataclass(frozen=True)
class WrittenEmail:
    """One email a development copy wrote to instance/outbox instead of sending it."""

    to: str
    subject: str
    written_at: datetime
    text: str
    language: str  # the language it was written in (Content-Language), for lang and dir


def _read_written(path: Path) -> WrittenEmail:
    with path.open("rb") as file:
        msg = message_from_binary_file(file, policy=policy.default)
    body = msg.get_body(preferencelist=("plain",))
    return WrittenEmail(
        to=str(msg["To"] or ""),
        subject=str(msg["Subject"] or ""),
        written_at=datetime.fromtimestamp(path.stat().st_mtime, UTC),
        text=body.get_content() if body is not None else "",
        language=str(msg["Content-Language"] or "en"),
    )


def written_emails(limit: int = 20) -> list[WrittenEmail]:
    """The newest emails in instance/outbox, newest first."""
    folder = _outbox_folder()
    if not folder.is_dir():
        return []
    newest = sorted(folder.glob("*.eml"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    return [_read_written(path) for path in newest[:limit]]


def _log_unsent(msg: EmailMessage) -> None:
    from engage.ops.http_safety import is_development

    where = None
    if is_development(current_app):
        where = _write_to_outbox(msg)
    # No recipient and no body: the body may hold a sign-in or reset link.
    log.info(
        "email not sent (no MAIL_SERVER), body withheld from the log: %s%s",
        msg["Subject"],
        f"; full message in {where}" if where else "",
    )


def compose(
    to: str, subject: str, body: str, html: str | None = None, headers: dict | None = None
) -> EmailMessage:
    """A message from MAIL_FROM: plain text, with an HTML alternative when given."""
    msg = EmailMessage()
    msg["From"] = current_app.config["MAIL_FROM"]
    msg["To"] = to
    msg["Subject"] = subject
    for name, value in (headers or {}).items():
        msg[name] = value
    msg.set_content(body)
    if html is not None:
        msg.add_alternative(html, subtype="html")
    # The language the caller built the message in (see engage.i18n.in_locale); after
    # set_content(), which clears every Content-* header.
    msg["Content-Language"] = str(get_locale() or "en")
    return msg


def _deliver(cfg, msg: EmailMessage, smtp: smtplib.SMTP | None = None) -> None:
    backend = cfg["MAIL_BACKEND"]
    if backend == "memory":
        outbox().append(msg)
    elif backend == "smtp":
        if smtp is not None:
            smtp.send_message(msg)
        else:
            _send_smtp(cfg, msg)
    else:
        _log_unsent(msg)


@contextmanager
def mail_session():
    """Yield send(msg) for many messages over one SMTP connection (batches of notifications)."""
    cfg = current_app.config
    smtp = _open_smtp(cfg) if cfg["MAIL_BACKEND"] == "smtp" else None
    try:
        yield lambda msg: _deliver(cfg, msg, smtp)
    finally:
        if smtp is not None:
            try:
                smtp.quit()
            except smtplib.SMTPException:
                smtp.close()


def send_email(to: str, subject: str, body: str) -> None:
    """Send a plain-text email through the configured backend."""
    _deliver(current_app.config, compose(to, subject, body))
