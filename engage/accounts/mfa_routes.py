"""The staff second step: set up an authenticator app, then give a code at each sign-in."""

from flask import current_app, flash, redirect, render_template, session, url_for

from engage.accounts import bp, mfa, sessions
from engage.accounts.forms import EnrolForm, SecondFactorForm
from engage.extensions import db, limiter
from engage.i18n import _

MAX_TRIES = 5  # wrong codes before the password must be given again


def _rate():
    return current_app.config["LOGIN_RATE_LIMIT"]


def _finish(user):
    """The second factor checked: sign in for real and go where the person was heading."""
    pending = dict(session.get(sessions.PENDING_KEY) or {})
    sessions.begin_session(user)
    return pending.get("next") or url_for("proposals.home")


def _wrong_code(form, message):
    form.code.errors = [*form.code.errors, message]
    if sessions.count_failed_code() >= MAX_TRIES:
        sessions.clear_session()
        flash(_("Too many wrong codes. Sign in again."), "info")
        return redirect(url_for("accounts.sign_in"))
    return None


@bp.route("/two-factor", methods=["GET", "POST"])
@limiter.limit(_rate, methods=["POST"])
def two_factor():
    """Second step of a staff sign-in: a code from the app or a recovery code."""
    user = sessions.pending_user()
    if user is None:
        return redirect(url_for("accounts.sign_in"))
    if not user.has_mfa:
        return redirect(url_for("accounts.two_factor_setup"))
    form = SecondFactorForm()
    if form.validate_on_submit():
        if mfa.check_second_factor(user, form.code.data):
            db.session.commit()
            return redirect(_finish(user))
        db.session.commit()  # a used-up recovery code, the refusal of a replayed step
        wrong = _wrong_code(
            form, _("The code is wrong or has already been used. Try the next one.")
        )
        if wrong:
            return wrong
    status = 400 if form.errors else 200
    return render_template("accounts/two_factor.html", form=form, user=user), status


@bp.route("/two-factor/set-up", methods=["GET", "POST"])
@limiter.limit(_rate, methods=["POST"])
def two_factor_setup():
    """First staff sign-in: scan a QR code (or type the key), then confirm one code."""
    user = sessions.pending_user()
    if user is None:
        return redirect(url_for("accounts.sign_in"))
    if user.has_mfa:
        return redirect(url_for("accounts.two_factor"))
    secret = mfa.start_enrolment(user)
    db.session.commit()
    form = EnrolForm()
    status = 200
    if form.validate_on_submit():
        codes = mfa.confirm_enrolment(user, form.code.data)
        db.session.commit()
        if codes is not None:
            next_url = _finish(user)
            return render_template("accounts/recovery_codes.html", codes=codes, next_url=next_url)
        wrong = _wrong_code(
            form, _("That code is wrong. Check the time on your phone and try again.")
        )
        if wrong:
            return wrong
    if form.errors:
        status = 400
    return (
        render_template(
            "accounts/two_factor_setup.html",
            form=form,
            qr=mfa.qr_data_uri(mfa.provisioning_uri(user)),
            secret=mfa.grouped_secret(secret),
        ),
        status,
    )
