"""Notification emails: text and HTML, in the recipient's language, with one-click unsubscribe.

No images, no tracking, no external style sheets: the HTML part is the text with headings and
links, laid out right to left for Urdu and Arabic. Every email that is not a staff alert carries
List-Unsubscribe and List-Unsubscribe-Post (RFC 8058): a mail program can stop them with one
POST, without anyone signing in.
"""

from email.message import EmailMessage

from flask import current_app, render_template
from itsdangerous import BadSignature, URLSafeSerializer

from engage.i18n import LOCALES, _, in_locale
from engage.mail import compose
from engage.notifications import messages
from engage.notifications.models import Frequency
from engage.urls import external_url

_SALT = "engage-unsubscribe"


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def unsubscribe_token(user_id: int) -> str:
    """A token that stops one person's notification emails, signed so nobody can forge it."""
    return _serializer().dumps(user_id)


def user_for_token(token: str) -> int | None:
    """The account id a token was made for, or None when it is not genuine."""
    try:
        value = _serializer().loads(token)
    except BadSignature:
        return None
    return value if isinstance(value, int) else None


def frequency_label(frequency: Frequency) -> str:
    """How a choice reads on the page and in emails."""
    return {
        Frequency.NOW: _("At once"),
        Frequency.DAILY: _("Once a day"),
        Frequency.WEEKLY: _("Once a week"),
        Frequency.NEVER: _("Never"),
    }[Frequency(frequency)]


def build_email(
    user, items: list[tuple[str, dict]], digest: Frequency | None = None, essential: bool = False
) -> EmailMessage:
    """One email to `user` about `items` ((kind, params) pairs), in their language."""
    code = user.locale if user.locale in LOCALES else "en"
    with in_locale(code):
        entries = [
            {
                "text": messages.sentence(kind, params),
                "html": messages.sentence(kind, params, html=True),
                "link": messages.email_link(kind, params),
            }
            for kind, params in items
        ]
        if digest == Frequency.WEEKLY:
            subject = _("Your weekly news from Engage Luton")
        elif digest is not None:
            subject = _("Your daily news from Engage Luton")
        else:
            kind, params = items[0]
            subject = messages.subject(kind, params)
        headers = {}
        context = {
            "entries": entries,
            "subject": subject,
            "essential": essential,
            "lang": code,
            "dir": LOCALES[code].direction,
            "settings_link": external_url("notifications.settings"),
        }
        if not essential:
            unsubscribe = external_url(
                "notifications.unsubscribe", token=unsubscribe_token(user.id)
            )
            context["unsubscribe_link"] = unsubscribe
            headers["List-Unsubscribe"] = f"<{unsubscribe}>"
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        text = render_template("notifications/email/message.txt", **context)
        html = render_template("notifications/email/message.html", **context)
        return compose(user.email, subject, text, html=html, headers=headers)
