"""Safeguarding pages and helpers: the support message, the overdue count, help after posting."""

from flask import abort, flash, redirect, url_for
from flask_login import current_user

from engage.extensions import db
from engage.forms import show_error
from engage.i18n import _
from engage.moderation import bp, disclosure, forms, safeguarding, service
from engage.moderation.registry import get_source
from engage.ops import shells
from engage.permissions import authorize, can, require


@bp.app_context_processor
def _safeguarding_helpers():
    """The overdue count for safeguarding leads' header, and the one-time help message."""
    return {
        "safeguarding_overdue_count": safeguarding.overdue_count,
        "take_disclosure_help": disclosure.take_help,
        "can_send_support": safeguarding.can_send_support,
        "support_text": safeguarding.support_text,
    }


bp.after_app_request(disclosure.no_store_after_help)
shells.notice_key(disclosure.SESSION_KEY)


@bp.route("/manage/safeguarding/<source>/<int:item_id>/support", methods=["POST"])
@require("safeguarding.review")
def manage_support(source, item_id):
    """Send the young person who wrote a safeguarding item a message with support links."""
    from engage.moderation.routes import _render_item

    case = service.find_case(source, item_id) if get_source(source) else None
    if case is None or not case.safeguarding:
        abort(404)
    authorize("moderation.review", case)
    form = forms.SupportForm()
    if form.validate_on_submit():
        try:
            safeguarding.send_support_message(current_user, case, form.support_note.data)
        except service.ModerationError as err:
            show_error(form, err, "support")
        else:
            db.session.commit()
            flash(_("The support message has been sent."), "success")
            return redirect(url_for("moderation.manage_item", source=source, item_id=item_id))
    return _render_item(case, {"support": form}, 400)


def open_if_lead(case) -> None:
    """A safeguarding lead viewing an item opens it (recorded once): it stops being overdue."""
    opened = case.safeguarding and can("safeguarding.review")
    if opened and safeguarding.open_item(current_user, case) is not None:
        db.session.commit()
