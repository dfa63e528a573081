"""Notification wording: stored as a kind and parameters, worded in the reader's language."""

from datetime import datetime

from flask_babel import format_datetime

from engage.i18n import _
from engage.moderation.forms import REJECT_REASON_LABELS, label_for
from engage.moderation.registry import get_source

# Other features' kinds of notice: kind -> a function wording its parameters (see register_kind),
# and kind -> a function giving the page it is about.
_KINDS: dict = {}
_LINKS: dict = {}


def register_kind(kind: str, wording, link=None) -> None:
    """Let a feature word its own kind of notice (`wording(params) -> str`, in the locale)."""
    _KINDS[kind] = wording
    if link is not None:
        _LINKS[kind] = link


def notification_link(kind: str, params: dict) -> str | None:
    """The page a notice is about, for a feature's own kinds (moderation's have none)."""
    link = _LINKS.get(kind)
    return link(params) if link is not None else None


def _what(params: dict) -> str:
    # Each source names its items ("comment", "survey answer"); older notices may name none.
    source = get_source(params.get("source") or "comment")
    return str(source.what) if source is not None else _("comment")


def notification_text(kind: str, params: dict) -> str:
    """The message for one notification, in the current locale."""
    if kind in _KINDS:
        return _KINDS[kind](params)
    what, title = _what(params), params.get("title", "")
    reason = label_for(REJECT_REASON_LABELS, params.get("reason"))
    if kind == "approved":
        return _("Your %(what)s on “%(title)s” has been published.", what=what, title=title)
    if kind == "approved_redacted":
        return _(
            "Your %(what)s on “%(title)s” has been published. A moderator removed some personal "
            "details first, to keep you safe.",
            what=what,
            title=title,
        )
    if kind == "rejected":
        return _(
            "Your %(what)s on “%(title)s” was not published. The reason: %(reason)s.",
            what=what,
            title=title,
            reason=reason,
        )
    if kind == "restored":
        return _("Your %(what)s on “%(title)s” is published again.", what=what, title=title)
    if kind == "hidden":
        return _(
            "Your %(what)s on “%(title)s” has been hidden after other people reported it. "
            "A moderator will check it.",
            what=what,
            title=title,
        )
    if kind == "held_help":
        return _("Your %(what)s on “%(title)s” is waiting for a moderator.", what=what, title=title)
    if kind == "appeal_received":
        return _(
            "We have your appeal about your %(what)s on “%(title)s”. A different moderator will "
            "look at it.",
            what=what,
            title=title,
        )
    if kind == "suspended":
        until = params.get("until")
        when = format_datetime(datetime.fromisoformat(until), "d MMM yyyy, HH:mm") if until else ""
        return _(
            "You cannot post until %(until)s. You can still read everything. The reason: "
            "%(reason)s.",
            until=when,
            reason=reason,
        )
    if kind == "banned":
        return _(
            "You can no longer post. You can still read everything. The reason: %(reason)s.",
            reason=reason,
        )
    if kind == "support":
        from engage.moderation.safeguarding import support_text

        return support_text()
    if kind == "sanction_lifted":
        return _("You can post again.")
    return _("There is news about something you wrote.")
