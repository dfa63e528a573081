"""Account pages: HTTP only; the rules live in service.py."""

from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user

from engage.accounts import bp, class_signup, service
from engage.accounts.forms import (
    AdultSignUpForm,
    ChangePasswordForm,
    ForgotPasswordForm,
    RecoverForm,
    ResetPasswordForm,
    SignInForm,
    YoungSignUpForm,
)
from engage.extensions import db, limiter
from engage.forms import show_error
from engage.i18n import _
from engage.permissions import require
from engage.urls import safe_next_url


def _rate(name):
    return lambda: current_app.config[name]


def _start_session(user) -> None:
    """Sign in with a fresh session (no fixation), keeping the chosen language."""
    locale = session.get("locale")
    session.clear()
    if locale:
        session["locale"] = locale
        if user.locale != locale:
            service.set_locale(user, locale)
            db.session.commit()  # the account remembers the language chosen before signing in
    login_user(user)


@bp.route("/sign-up")
def sign_up():
    """Choose between an adult and a young person's account."""
    return render_template("accounts/sign_up.html")


@bp.route("/sign-up/adult", methods=["GET", "POST"])
@limiter.limit(_rate("SIGNUP_RATE_LIMIT"), methods=["POST"])
def sign_up_adult():
    """Create an adult resident's account."""
    form = AdultSignUpForm()
    if form.validate_on_submit():
        try:
            user = service.register_resident(
                email=form.email.data,
                password=form.password.data,
                age_band=form.age_band.data,
                connection=form.connection.data,
                postcode_district=form.postcode_district.data,
                display_name=form.display_name.data,
                locale=session.get("locale"),
            )
        except service.AccountError as err:
            show_error(form, err)
        else:
            db.session.commit()
            _start_session(user)
            flash(_("Your account is ready. You are signed in."), "success")
            return redirect(url_for("proposals.home"))
    return render_template("accounts/sign_up_adult.html", form=form)


@bp.route("/sign-up/young-person", methods=["GET", "POST"])
@limiter.limit(
    class_signup.signup_limit,
    key_func=class_signup.signup_key,
    methods=["POST"],
    deduct_when=class_signup.made_an_account,
    on_breach=class_signup.refuse_with_form_kept,
)
def sign_up_young():
    """Create a young person's account: no email, a pseudonym and a recovery code."""
    form = YoungSignUpForm()
    if form.validate_on_submit():
        try:
            user, code = service.register_young_person(
                username=form.username.data,
                password=form.password.data,
                age_band=form.age_band.data,
                connection=form.connection.data,
                postcode_district=form.postcode_district.data,
                locale=session.get("locale"),
            )
        except service.AccountError as err:
            show_error(form, err)
        else:
            db.session.commit()
            class_signup.mark_signed_up()
            _start_session(user)
            # Shown once, straight from this response: the code is never stored in plain text.
            return render_template("accounts/recovery_code.html", code=code, user=user)
    return render_template("accounts/sign_up_young.html", form=form)


@bp.route("/sign-in", methods=["GET", "POST"])
@limiter.limit(_rate("LOGIN_RATE_LIMIT"), methods=["POST"])
def sign_in():
    """Sign in with an email address or username."""
    form = SignInForm()
    if form.validate_on_submit():
        user = service.authenticate(form.login.data, form.password.data)
        if user is None:
            form.login.errors = [
                *form.login.errors,
                _("The email address, username or password is wrong."),
            ]
        else:
            db.session.commit()  # a rehashed password, if argon2's parameters moved on
            _start_session(user)
            return redirect(safe_next_url(request.args.get("next")) or url_for("proposals.home"))
    return render_template("accounts/sign_in.html", form=form)


@bp.route("/sign-out", methods=["POST"])
def sign_out():
    """Sign out (POST only, so a link or image cannot sign someone out)."""
    locale = session.get("locale")
    logout_user()
    session.clear()
    if locale:
        session["locale"] = locale
    flash(_("You have signed out."), "success")
    return redirect(url_for("proposals.home"))


@bp.route("/")
@login_required
def account():
    """The signed-in person's own details."""
    return render_template("accounts/account.html")


@bp.route("/password", methods=["GET", "POST"])
@require("account.change_password")
def change_password():
    """Change password, confirming the current one."""
    form = ChangePasswordForm()
    if form.validate_on_submit():
        try:
            service.change_password(current_user, form.current_password.data, form.password.data)
        except service.AccountError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Your password has been changed."), "success")
            return redirect(url_for("accounts.account"))
    return render_template(
        "accounts/password_form.html", form=form, heading=_("Change your password")
    )


@bp.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit(_rate("RESET_RATE_LIMIT"), methods=["POST"])
def forgot_password():
    """Ask for a reset link by email (adults)."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        service.request_password_reset(
            form.email.data,
            lambda token: url_for("accounts.reset_password", token=token, _external=True),
        )
        return render_template("accounts/reset_sent.html", email=form.email.data)
    return render_template(
        "accounts/password_form.html", form=form, heading=_("Reset your password")
    )


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit(_rate("RESET_RATE_LIMIT"), methods=["POST"])
def reset_password(token):
    """Choose a new password from an emailed link."""
    user = service.user_for_reset_token(token)
    if user is None:
        return render_template("accounts/reset_invalid.html"), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        service.reset_password(user, form.password.data)
        db.session.commit()
        flash(_("Your password has been reset. Sign in with your new password."), "success")
        return redirect(url_for("accounts.sign_in"))
    return render_template(
        "accounts/password_form.html", form=form, heading=_("Choose a new password")
    )


@bp.route("/recover", methods=["GET", "POST"])
@limiter.limit(_rate("RESET_RATE_LIMIT"), methods=["POST"])
def recover():
    """Young people reset their password with their recovery code."""
    form = RecoverForm()
    if form.validate_on_submit():
        try:
            user, code = service.recover_young_person(
                form.username.data, form.code.data, form.password.data
            )
        except service.AccountError as err:
            show_error(form, err)
        else:
            db.session.commit()
            _start_session(user)
            return render_template("accounts/recovery_code.html", code=code, user=user)
    return render_template(
        "accounts/password_form.html",
        form=form,
        heading=_("Reset your password with your recovery code"),
    )
