"""The emails accounts send, each in the person's own language, with links from BASE_URL."""

from engage.i18n import _, in_locale
from engage.mail import send_email
from engage.urls import external_url


def _send(to: str, locale: str | None, subject, body) -> None:
    """Build subject and body (callables) in `locale` and send them."""
    with in_locale(locale):
        send_email(to, subject(), body())


def send_verification(to: str, locale: str | None, secret: str) -> None:
    """The link that confirms an address is the person's (at sign-up or for a new address)."""
    url = external_url("accounts.verify_email", token=secret)
    _send(
        to,
        locale,
        lambda: _("Confirm your email address for Engage Luton"),
        lambda: _(
            "Please confirm that this is your email address for Engage Luton.\n\n"
            "Open this link within 3 days:\n%(url)s\n\n"
            "Until you do, your votes are not counted and your comments wait: they are "
            "published as soon as you confirm.\n\n"
            "If you did not ask for this, ignore this email.",
            url=url,
        ),
    )


def send_already_registered(to: str, locale: str | None) -> None:
    """Someone tried to sign up with an address that has an account: tell its owner, not them."""
    sign_in = external_url("accounts.sign_in")
    reset = external_url("accounts.forgot_password")
    _send(
        to,
        locale,
        lambda: _("Someone tried to sign up to Engage Luton with your email address"),
        lambda: _(
            "Someone tried to make a new Engage Luton account with this email address, but you "
            "already have an account.\n\n"
            "If it was you, sign in:\n%(sign_in)s\n\n"
            "If you have forgotten your password, reset it:\n%(reset)s\n\n"
            "If it was not you, ignore this email: nothing has changed.",
            sign_in=sign_in,
            reset=reset,
        ),
    )


def send_reset_link(to: str, locale: str | None, secret: str) -> None:
    """The single-use password reset link."""
    url = external_url("accounts.reset_password", token=secret)
    _send(
        to,
        locale,
        lambda: _("Reset your Engage Luton password"),
        lambda: _(
            "Someone asked to reset the password for your Engage Luton account.\n\n"
            "To choose a new password, open this link within one hour:\n%(url)s\n\n"
            "If it was not you, ignore this email: your password has not changed.",
            url=url,
        ),
    )


def send_password_changed(to: str, locale: str | None) -> None:
    """Tell the person their password changed, so they notice if it was not them."""
    reset = external_url("accounts.forgot_password")
    _send(
        to,
        locale,
        lambda: _("Your Engage Luton password has changed"),
        lambda: _(
            "The password for your Engage Luton account has just been changed.\n\n"
            "If it was you, there is nothing to do.\n\n"
            "If it was not you, reset your password now:\n%(reset)s",
            reset=reset,
        ),
    )


def send_email_changed(old: str, new: str, locale: str | None) -> None:
    """Tell the old address that the account now uses another one."""
    _send(
        old,
        locale,
        lambda: _("Your Engage Luton email address has changed"),
        lambda: _(
            "The email address for your Engage Luton account has been changed to %(new)s. "
            "This address will no longer get emails about the account.\n\n"
            "If it was not you, contact Luton Council straight away.",
            new=mask_email(new),
        ),
    )


def mask_email(address: str) -> str:
    """Enough of an address for its owner to recognise it, not enough for anyone else."""
    local, _at, domain = address.partition("@")
    return f"{local[:1]}***@{domain}"
