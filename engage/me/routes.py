"""Me: one's own contributions, their downloads, and deleting them or the whole account."""

import json

from flask import Response, abort, flash, redirect, render_template, session, url_for
from flask_login import current_user, logout_user

from engage.clock import utcnow
from engage.comments import service as comments
from engage.downloads import CSV_MIMETYPE, with_bom
from engage.extensions import db
from engage.i18n import _
from engage.me import bp, service
from engage.me.forms import DeleteAccountForm, DeleteCommentForm, DeleteEverythingForm
from engage.ops.security_log import log_security_event
from engage.permissions import authorize, require


def _download(body: str, mimetype: str, extension: str) -> Response:
    name = f"engage-luton-my-contributions-{utcnow():%Y-%m-%d}.{extension}"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    # Personal data: never keep a copy in a shared cache or the browser's history.
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/contributions")
@require("contributions.view")
def contributions():
    """Everything the person wrote or chose, with its status, and ways to download or delete it."""
    return render_template(
        "me/contributions.html",
        found=service.my_contributions(current_user),
        comment_status_label=service.comment_status_label,
        vote_label=service.vote_label,
        answer_text=service.answer_text,
    )


@bp.route("/contributions.json")
@require("contributions.view")
def contributions_json():
    """Download account details and contributions as JSON."""
    body = json.dumps(service.export_data(current_user), ensure_ascii=False, indent=2)
    log_security_event("export.personal_data", current_user.id, format="json")
    return _download(body, "application/json", "json")


@bp.route("/contributions.csv")
@require("contributions.view")
def contributions_csv():
    """Download contributions as CSV, one row each."""
    log_security_event("export.personal_data", current_user.id, format="csv")
    return _download(with_bom(service.export_csv(current_user)), CSV_MIMETYPE, "csv")


@bp.route("/comments/<int:comment_id>/delete", methods=["GET", "POST"])
def delete_comment(comment_id):
    """Ask, then delete one of one's own comments, and come back to the list."""
    comment = comments.get_comment(comment_id) or abort(404)
    if comments.deleted_by(current_user, comment):  # Back after deleting: say what happened
        flash(_("This comment was deleted."), "info")
        return redirect(url_for("me.contributions"))
    authorize("contributions.delete", comment)
    form = DeleteCommentForm()
    if form.validate_on_submit():
        service.delete_my_comment(current_user, comment)
        db.session.commit()
        flash(_("Your comment has been deleted."), "success")
        return redirect(url_for("me.contributions"))
    return render_template("me/delete_comment.html", form=form, comment=comment)


@bp.route("/contributions/delete", methods=["GET", "POST"])
@require("contributions.delete")
def delete_everything():
    """Ask, then erase every comment, vote and named survey answer."""
    form = DeleteEverythingForm()
    if form.validate_on_submit():
        service.delete_everything(current_user)
        db.session.commit()
        flash(
            _("Everything you wrote, your votes and your named survey answers are deleted."),
            "success",
        )
        return redirect(url_for("me.contributions"))
    return render_template(
        "me/delete_everything.html", form=form, found=service.my_contributions(current_user)
    )


@bp.route("/account/delete", methods=["GET", "POST"])
@require("account.delete")
def delete_account():
    """Ask, then erase everything and empty the account; then sign out."""
    form = DeleteAccountForm()
    if form.validate_on_submit():
        service.delete_account(current_user)
        db.session.commit()
        locale = session.get("locale")
        logout_user()
        session.clear()
        if locale:
            session["locale"] = locale
        return redirect(url_for("me.account_deleted"))
    return render_template("me/delete_account.html", form=form)


@bp.route("/account/deleted")
def account_deleted():
    """Confirmation that the account is gone (the person is signed out by now)."""
    return render_template("me/account_deleted.html")
