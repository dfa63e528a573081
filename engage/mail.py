"""Outgoing email: SMTP in production, the log in development, a list in tests."""

import logging
import smtplib
from email.message import EmailMessage

from flask import current_app
from flask_babel import get_locale

log = logging.getLogger("engage.mail")


def outbox() -> list[EmailMessage]:
    """Messages kept in memory when MAIL_BACKEND is 'memory' (tests)."""
    return current_app.extensions.setdefault("engage_outbox", [])


def send_email(to: str, subject: str, body: str) -> None:
    """Send a plain-text email through the configured backend."""
    cfg = current_app.config
    msg = EmailMessage()
    msg["From"] = cfg["MAIL_FROM"]
    msg["To"] = to
    msg["Subject"] = subject
    msg.set_content(body)
    # The language the caller built the message in (see engage.i18n.in_locale); after
    # set_content(), which clears every Content-* header.
    msg["Content-Language"] = str(get_locale() or "en")
    backend = cfg["MAIL_BACKEND"]
    if backend == "memory":
        outbox().append(msg)
    elif backend == "smtp":
        with smtplib.SMTP(cfg["MAIL_SERVER"], cfg["MAIL_PORT"], timeout=10) as smtp:
            if cfg["MAIL_USE_TLS"]:
                smtp.starttls()
            if cfg["MAIL_USERNAME"]:
                smtp.login(cfg["MAIL_USERNAME"], cfg["MAIL_PASSWORD"])
            smtp.send_message(msg)
    else:
        log.info("email to %s: %s\n%s", to, subject, body)
