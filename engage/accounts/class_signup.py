"""Young people's sign-up designed for a class: thirty pupils on one school network.

The limit counts accounts made, not attempts: a typo or a taken username costs nothing. A pupil
who types the class's join code (the code a teacher or youth worker has, also on the classroom
poster) counts against that code's own, larger allowance instead of the school's one address.
When a limit is reached the form comes back with everything typed and says how long to wait.
"""

import math
import time

from flask import current_app, g, render_template, request
from flask_limiter import RequestLimit
from flask_limiter.util import get_remote_address

from engage.i18n import _, ngettext


class KnownClassCode:
    """WTForms validator: an optional class code must be one that works today."""

    def __call__(self, form, field):
        from engage.surveys.join_codes import find_join_code

        if field.data:
            join_code = find_join_code(field.data)
            if join_code is None or not join_code.is_valid():
                from wtforms.validators import ValidationError

                raise ValidationError(
                    _("We do not know that class code. Check it, or leave it empty.")
                )


def class_code() -> str | None:
    """The valid join code the sign-up form carries, if any (upper case)."""
    from engage.surveys.join_codes import find_join_code

    code = (request.form.get("class_code") or "").strip().upper()
    if not code:
        return None
    join_code = find_join_code(code)
    return join_code.code if join_code is not None and join_code.is_valid() else None


def signup_key() -> str:
    """Whose allowance a sign-up counts against: the class's join code, else the address."""
    code = class_code()
    return f"class:{code}" if code else f"address:{get_remote_address()}"


def signup_limit() -> str:
    """The allowance: larger for a class with a join code than for one address."""
    if class_code():
        return current_app.config["YOUTH_CLASS_SIGNUP_RATE_LIMIT"]
    return current_app.config["SIGNUP_RATE_LIMIT"]


def mark_signed_up() -> None:
    """Record that this request made an account, so it (and only it) counts."""
    g.engage_signed_up = True


def made_an_account(_response) -> bool:
    """deduct_when: only a successful sign-up uses up the allowance."""
    return bool(g.get("engage_signed_up"))


def wait_message(reset_at: float) -> str:
    """How long until the allowance comes back, in minutes, in the reader's language."""
    minutes = max(1, math.ceil((reset_at - time.time()) / 60))
    return ngettext(
        "Many accounts have been made from here just now. Wait %(num)d minute, then press the "
        "button again: what you typed is kept.",
        "Many accounts have been made from here just now. Wait %(num)d minutes, then press the "
        "button again: what you typed is kept.",
        minutes,
    )


def refuse_with_form_kept(limit: RequestLimit):
    """on_breach: the sign-up form again, everything typed kept, saying how long to wait."""
    from engage.accounts.forms import YoungSignUpForm

    form = YoungSignUpForm()
    form.form_errors.append(wait_message(limit.reset_at))
    form.password.data = ""  # never sent back to the browser
    body = render_template("accounts/sign_up_young.html", form=form)
    return current_app.response_class(body, status=429)


__all__ = [
    "class_code",
    "made_an_account",
    "mark_signed_up",
    "refuse_with_form_kept",
    "signup_key",
    "signup_limit",
    "wait_message",
]
