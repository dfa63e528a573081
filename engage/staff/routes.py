"""Staff management pages (administrators) and the page an invited colleague joins from."""

from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user

from engage.accounts import sessions
from engage.accounts.models import User
from engage.errors import RuleError
from engage.extensions import db, limiter
from engage.forms import show_error
from engage.i18n import _
from engage.permissions import require
from engage.staff import bp, service
from engage.staff.forms import ACTION_LABELS, ROLE_LABELS, InviteForm, JoinForm, StaffActionForm


def _render_member(user, form, status=200):
    return (
        render_template(
            "staff/manage_staff_member.html",
            member=user,
            form=form,
            history=service.staff_history(user),
            role_labels=ROLE_LABELS,
        ),
        status,
    )


@bp.route("/manage/staff")
@require("user.manage")
def manage_staff():
    """Every staff account and the invitations still open."""
    return render_template(
        "staff/manage_staff.html",
        members=service.staff_members(),
        invites=service.open_invites(),
        role_labels=ROLE_LABELS,
    )


@bp.route("/manage/staff/invite", methods=["GET", "POST"])
@require("user.manage")
def manage_staff_invite():
    """Invite a colleague by email."""
    form = InviteForm()
    if form.validate_on_submit():
        try:
            service.invite_staff(current_user, form.email.data, form.role.data, form.reason.data)
        except service.StaffError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Invitation sent to %(email)s.", email=form.email.data), "success")
            return redirect(url_for("staff.manage_staff"))
    status = 400 if form.errors else 200
    return render_template("staff/manage_staff_invite.html", form=form), status


@bp.route("/manage/staff/<int:user_id>", methods=["GET", "POST"])
@require("user.manage")
def manage_staff_member(user_id):
    """One colleague: their state, what changed and why, and the actions on their account."""
    user = db.session.get(User, user_id)
    if user is None or not user.is_staff:
        abort(404)
    form = StaffActionForm()
    if form.validate_on_submit():
        try:
            service.apply_action(
                current_user, user, form.action.data, form.reason.data, role=form.role.data
            )
        except service.StaffError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Saved: %(action)s.", action=ACTION_LABELS[form.action.data]), "success")
            return redirect(url_for("staff.manage_staff_member", user_id=user.id))
    return _render_member(user, form, 400 if form.errors else 200)


@bp.route("/staff/join/<token>", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RESET_RATE_LIMIT"], methods=["POST"])
def join(token):
    """An invited colleague sets a password, then goes on to set up their second factor."""
    invite = service.invite_for_token(token)
    if invite is None:
        return render_template("staff/join_invalid.html"), 400
    form = JoinForm()
    if form.validate_on_submit():
        try:
            user = service.accept_invite(invite, form.password.data, form.display_name.data)
        except RuleError as err:
            show_error(form, err)
        else:
            db.session.commit()
            sessions.begin_second_step(user, None)
            return redirect(url_for("accounts.two_factor_setup"))
    status = 400 if form.errors else 200
    return render_template("staff/join.html", form=form, invite=invite), status
