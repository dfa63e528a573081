"""What each kind of message says and where it leads, worded in the reader's language.

Messages are stored as a kind and parameters (ids and the title at the time) and worded when
they are read or sent, so each person gets them in their own language.
"""

from flask import url_for
from markupsafe import Markup, escape

from engage.i18n import _, ngettext
from engage.moderation.messages import notification_text, register_kind
from engage.urls import external_url

# Kinds shown on the notifications page as well as emailed.
IN_SITE_KINDS = (
    "reply",
    "outcome",
    "new_proposal",
    "survey_results",
    "idea_answered",
    "report_published",
)
# Moderation's own notices (already in-site), emailed to adults.
DECISION_KINDS = {"published": "approved", "rejected": "rejected", "hidden": "hidden"}
# Staff alerts: sent at once whatever the person chose, without an unsubscribe link.
STAFF_KINDS = ("safeguarding_new", "moderation_summary", "consultation_closed")


def _fill(template: str, html: bool, **values) -> str:
    """Put titles into a translated sentence; for a page, each isolated in <bdi> (any direction)."""
    if not html:
        return template % values
    isolated = {key: Markup("<bdi>%s</bdi>") % value for key, value in values.items()}
    return escape(template) % isolated


def sentence(kind: str, params: dict, html: bool = False) -> str:
    """One sentence saying what happened (HTML-safe, titles isolated, when `html`)."""
    title = params.get("title", "")
    if kind == "reply":
        return _fill(_("Someone replied to your comment on “%(title)s”."), html, title=title)
    if kind == "outcome":
        return _fill(
            _("The council has said what it decided about “%(title)s”."), html, title=title
        )
    if kind == "new_proposal":
        return _fill(
            _("New proposal under “%(priority)s”: “%(title)s”."),
            html,
            priority=params.get("priority", ""),
            title=title,
        )
    if kind == "survey_results":
        return _fill(_("The results of the survey “%(title)s” are published."), html, title=title)
    if kind == "idea_answered":
        return _fill(_("The council has answered the idea “%(title)s”."), html, title=title)
    if kind == "report_published":
        return _fill(
            _("The consultation report on “%(title)s” is published."),
            html,
            title=title,
        )
    if kind == "rejected":
        return _fill(
            _("Your comment on “%(title)s” was not published. Your notifications page says why."),
            html,
            title=title,
        )
    if kind == "safeguarding_new":
        return _("A new item is waiting in the safeguarding queue.")
    if kind == "moderation_summary":
        return ngettext(
            "%(num)d item in the moderation queue is past its time limit.",
            "%(num)d items in the moderation queue are past their time limit.",
            params.get("count", 0),
        )
    if kind == "consultation_closed":
        return _fill(_("The consultation “%(title)s” has closed."), html, title=title)
    return notification_text(kind, params)


def _target(kind: str, params: dict) -> tuple[str, dict]:
    if kind == "reply":
        return "proposals.proposal", {
            "proposal_id": params["proposal_id"],
            "_anchor": f"c{params['comment_id']}",
        }
    if kind == "outcome":
        return "proposals.proposal", {"proposal_id": params["proposal_id"], "_anchor": "outcome"}
    if kind == "new_proposal":
        return "proposals.proposal", {"proposal_id": params["proposal_id"]}
    if kind == "survey_results":
        return "surveys.survey", {"survey_id": params["survey_id"]}
    if kind == "idea_answered":
        return "ideas.idea", {"idea_id": params["idea_id"], "_anchor": "answer"}
    if kind == "report_published":
        return "analysis.report_page", {
            "subject": params["subject"],
            "subject_id": params["subject_id"],
        }
    if kind == "safeguarding_new":
        return "moderation.manage_safeguarding", {}
    if kind == "moderation_summary":
        return "moderation.manage_queue", {}
    if kind == "consultation_closed":
        return "proposals.manage_proposal_outcome", {"proposal_id": params["proposal_id"]}
    return "moderation.notifications", {}


def link(kind: str, params: dict) -> str:
    """The page this message is about, as a path on this site."""
    endpoint, values = _target(kind, params)
    return url_for(endpoint, **values)


def email_link(kind: str, params: dict) -> str:
    """The page this message is about, as an absolute link for an email."""
    endpoint, values = _target(kind, params)
    return external_url(endpoint, **values)


def subject(kind: str, params: dict) -> str:
    """An email's subject: the sentence itself, which is short."""
    if kind == "safeguarding_new":
        return _("A new safeguarding item is waiting")
    return sentence(kind, params)


def register() -> None:
    """Word this feature's notices on the notifications page."""
    for kind in IN_SITE_KINDS:
        register_kind(
            kind, lambda params, kind=kind: sentence(kind, params, html=True), link=_in_site(kind)
        )


def _in_site(kind: str):
    return lambda params: link(kind, params)
