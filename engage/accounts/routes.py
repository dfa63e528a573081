"""Account pages: HTTP only; the rules live in service.py."""

import hashlib

from flask import abort, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required

from engage.accounts import bp, class_signup, mfa, service, sessions
from engage.accounts.forms import (
    AdultSignUpForm,
    ChangeEmailForm,
    ChangePasswordForm,
    ConfirmEmailForm,
    DetailsForm,
    ForgotPasswordForm,
    RecoverForm,
    ResendVerificationForm,
    ResetPasswordForm,
    SignInForm,
    YoungSignUpForm,
)
from engage.extensions import db, limiter
from engage.forms import show_error
from engage.i18n import _
from engage.ops.security_log import log_security_event
from engage.permissions import require
from engage.urls import safe_next_url


def _rate(name):
    return lambda: current_app.config[name]


def _login_key() -> str:
    """Sign-in attempts counted per account name typed, whether or not such an account exists."""
    login = (request.form.get("login") or "").strip().lower()
    return "sign-in-login:" + hashlib.sha256(login.encode()).hexdigest()


def _failed(response) -> bool:
    return response.status_code == 400


def _log_lockout(_limit) -> None:
    # No user id: the limit is on the name typed, which may belong to no account at all.
    log_security_event("sign_in.account_throttled")


def _start_session(user) -> None:
    """Sign in with a fresh session (no fixation), keeping the chosen language."""
    sessions.begin_session(user)


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
        # The same page whether the address is new or already has an account (whose owner gets
        # an email instead): the form must not tell anyone which addresses are registered.
        service.sign_up_resident(
            email=form.email.data,
            password=form.password.data,
            age_band=form.age_band.data,
            connection=form.connection.data,
            postcode_district=form.postcode_district.data,
            display_name=form.display_name.data,
            locale=session.get("locale"),
        )
        db.session.commit()
        return render_template("accounts/check_email.html", email=form.email.data.strip())
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
# Per account as well as per address: failures spread over many addresses still run out.
@limiter.limit(
    _rate("LOGIN_ACCOUNT_RATE_LIMIT"),
    key_func=_login_key,
    methods=["POST"],
    deduct_when=_failed,
    scope="sign-in-account",
    on_breach=_log_lockout,
)
def sign_in():
    """Sign in with an email address or username."""
    form = SignInForm()
    if form.validate_on_submit():
        user = service.authenticate(form.login.data, form.password.data)
        if user is None:
            log_security_event("sign_in.failed")
            form.login.errors = [
                *form.login.errors,
                _("The email address, username or password is wrong."),
            ]
        elif not user.can_sign_in:
            log_security_event("sign_in.refused", user.id, access=str(user.access))
            form.login.errors = [
                *form.login.errors,
                _("This account cannot sign in. Ask an administrator if you think this is wrong."),
            ]
        else:
            db.session.commit()  # a rehashed password, if argon2's parameters moved on
            next_url = safe_next_url(request.args.get("next"))
            if user.is_staff:
                # Staff are not signed in until their second factor is checked (or set up).
                sessions.begin_second_step(user, next_url)
                target = "accounts.two_factor" if user.has_mfa else "accounts.two_factor_setup"
                return redirect(url_for(target))
            _start_session(user)
            log_security_event("sign_in.succeeded", user.id)
            return redirect(next_url or url_for("proposals.home"))
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/sign_in.html", form=form), status


@bp.route("/sign-out", methods=["POST"])
def sign_out():
    """Sign out (POST only, so a link or image cannot sign someone out)."""
    sessions.sign_out()
    flash(_("You have signed out."), "success")
    return redirect(url_for("proposals.home"))


@bp.route("/sign-out-everywhere", methods=["POST"])
@login_required
def sign_out_everywhere():
    """End every session of this account, on every device, this one included."""
    sessions.sign_out()
    flash(_("You have signed out on every device."), "success")
    return redirect(url_for("proposals.home"))


@bp.route("/")
@login_required
def account():
    """The signed-in person's own details."""
    left = mfa.recovery_codes_left(current_user) if current_user.is_staff else 0
    return render_template(
        "accounts/account.html",
        recovery_codes_left=left,
        resend_form=ResendVerificationForm(),
    )


@bp.route("/details", methods=["GET", "POST"])
@login_required
def details():
    """Correct one's own name, age group and postcode district."""
    form = DetailsForm(obj=current_user)
    form.offer_bands(young=current_user.role.value == "young_person")
    if form.validate_on_submit():
        try:
            service.update_details(
                current_user,
                age_band=form.age_band.data,
                postcode_district=form.postcode_district.data,
                display_name=form.display_name.data if "display_name" in form else None,
            )
        except service.AccountError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Your details have been saved."), "success")
            return redirect(url_for("accounts.account"))
    status = 400 if form.errors else 200
    return render_template("accounts/details.html", form=form), status


@bp.route("/email", methods=["GET", "POST"])
@login_required
def change_email():
    """Ask to use another address; it takes effect when the link sent to it is opened."""
    if not current_user.email:
        abort(404)  # young people's accounts have no email
    form = ChangeEmailForm()
    if form.validate_on_submit():
        try:
            service.request_email_change(current_user, form.email.data, form.current_password.data)
        except service.AccountError as err:
            show_error(form, err)
        else:
            db.session.commit()
            return render_template("accounts/check_email.html", email=form.email.data.strip())
    status = 400 if form.errors else 200
    return (
        render_template(
            "accounts/password_form.html", form=form, heading=_("Change your email address")
        ),
        status,
    )


@bp.route("/verify/resend", methods=["POST"])
@login_required
@limiter.limit(_rate("RESET_RATE_LIMIT"))
def resend_verification():
    """Send the confirmation link again to the account's own address."""
    form = ResendVerificationForm()
    if form.validate_on_submit() and current_user.email_unverified:
        service.send_verification(current_user)
        db.session.commit()
        flash(_("We have sent the link again. It works for 3 days."), "success")
    return redirect(url_for("accounts.account"))


@bp.route("/verify/<token>", methods=["GET", "POST"])
@limiter.limit(_rate("RESET_RATE_LIMIT"), methods=["POST"])
def verify_email(token):
    """Confirm an email address from its link (a button, so link scanners confirm nothing)."""
    form = ConfirmEmailForm()
    if form.validate_on_submit():
        user = service.verify_email(token)
        if user is not None:
            db.session.commit()
            flash(_("Thank you. Your email address is confirmed."), "success")
            return redirect(
                url_for("accounts.account" if current_user.is_authenticated else "accounts.sign_in")
            )
    elif request.method == "GET" and service.email_token_is_live(token):
        return render_template("accounts/verify_email.html", form=form)
    return render_template("accounts/verify_invalid.html"), 400


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
            # Other devices are signed out; this one stays signed in.
            sessions.refresh_session(current_user._get_current_object())
            flash(
                _("Your password has been changed. You are signed out on other devices."), "success"
            )
            return redirect(url_for("accounts.account"))
    status = 400 if form.errors else 200
    return (
        render_template(
            "accounts/password_form.html", form=form, heading=_("Change your password")
        ),
        status,
    )


@bp.route("/forgot-password", methods=["GET", "POST"])
@limiter.limit(_rate("RESET_RATE_LIMIT"), methods=["POST"])
def forgot_password():
    """Ask for a reset link by email (adults)."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        service.request_password_reset(form.email.data)
        db.session.commit()
        return render_template("accounts/reset_sent.html", email=form.email.data)
    return render_template(
        "accounts/password_form.html", form=form, heading=_("Reset your password")
    )


@bp.route("/reset/<token>", methods=["GET", "POST"])
@limiter.limit(_rate("RESET_RATE_LIMIT"), methods=["POST"])
def reset_password(token):
    """Choose a new password from an emailed link."""
    found = service.reset_token(token)
    if found is None:
        return render_template("accounts/reset_invalid.html"), 400
    form = ResetPasswordForm()
    form.user_inputs = [service.token_owner(found).email]
    if form.validate_on_submit():
        service.reset_password(found, form.password.data)
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


from engage.accounts import mfa_routes  # noqa: E402, F401 (the second-factor pages)
