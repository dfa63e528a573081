"""Account operations: every function takes what it needs, flushes and never commits."""

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy import select

from engage.accounts.models import AgeBand, Connection, User, generate_pseudonym
from engage.accounts.usernames import username_key, username_problem
from engage.errors import RuleError
from engage.extensions import db
from engage.i18n import _, in_locale
from engage.mail import send_email
from engage.permissions import Role

RESET_MAX_AGE = 60 * 60  # a reset link works for one hour


class AccountError(RuleError):
    """A rule about accounts was broken; the message is shown to the person."""


def unique_pseudonym() -> str:
    """A generated public name that no other account has."""
    for _attempt in range(20):
        name = generate_pseudonym()
        if not db.session.scalar(select(User.id).where(User.pseudonym == name)):
            return name
    raise RuntimeError("could not find a free pseudonym")


def normalise_email(email: str) -> str:
    """Emails compare case-insensitively."""
    return email.strip().lower()


def find_user_by_login(login: str) -> User | None:
    """The account with this email or username, if any."""
    login = login.strip()
    if "@" in login:
        return db.session.scalar(select(User).where(User.email == normalise_email(login)))
    return db.session.scalar(select(User).where(User.username_key == username_key(login)))


def register_resident(
    *,
    email: str,
    password: str,
    age_band: AgeBand,
    connection: Connection,
    postcode_district: str | None = None,
    display_name: str | None = None,
    locale: str | None = None,
    role: Role = Role.RESIDENT,
) -> User:
    """Create an adult account signed in with an email address."""
    email = normalise_email(email)
    if AgeBand(age_band).is_child and role == Role.RESIDENT:
        raise AccountError(_("Under 18? Sign up as a young person instead."), "age_band")
    if db.session.scalar(select(User.id).where(User.email == email)):
        raise AccountError(_("An account with this email address already exists."), "email")
    user = User(
        role=role,
        email=email,
        display_name=(display_name or "").strip() or None,
        pseudonym=unique_pseudonym(),
        age_band=AgeBand(age_band),
        connection=Connection(connection),
        postcode_district=postcode_district or None,
        locale=locale,
    )
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def register_young_person(
    *,
    username: str,
    password: str,
    age_band: AgeBand,
    connection: Connection,
    postcode_district: str | None = None,
    locale: str | None = None,
) -> tuple[User, str]:
    """Create a young person's account (no email) and return it with its one-time recovery code."""
    if AgeBand(age_band) not in {AgeBand.B13_15, AgeBand.B16_17}:
        raise AccountError(_("Young people's accounts are for ages 13 to 17."), "age_band")
    username = username.strip()
    problem = username_problem(username)
    if problem:
        raise AccountError(problem, "username")
    taken = db.session.scalar(select(User.id).where(User.username_key == username_key(username)))
    if taken:
        raise AccountError(_("That username is taken. Try another one."), "username")
    user = User(
        role=Role.YOUNG_PERSON,
        username=username,
        pseudonym=unique_pseudonym(),
        age_band=AgeBand(age_band),
        connection=Connection(connection),
        postcode_district=postcode_district or None,
        locale=locale,
    )
    user.set_password(password)
    code = user.set_recovery_code()
    db.session.add(user)
    db.session.flush()
    return user, code


def authenticate(login: str, password: str) -> User | None:
    """The user whose credentials these are, or None (without saying which part was wrong)."""
    user = find_user_by_login(login)
    if user is None:
        # Spend the same time hashing so response time does not reveal which accounts exist.
        User(password_hash="").set_password(password)
        return None
    return user if user.check_password(password) else None


def change_password(user: User, current: str, new: str) -> None:
    """Change a password after checking the current one."""
    if not user.check_password(current):
        raise AccountError(_("Your current password is wrong."), "current_password")
    user.set_password(new)
    db.session.flush()


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="password-reset")


def make_reset_token(user: User) -> str:
    """A signed token that stops working once the password changes or an hour passes."""
    return _serializer().dumps({"id": user.id, "h": user.password_hash[-16:]})


def user_for_reset_token(token: str) -> User | None:
    """The user a valid reset token belongs to, or None."""
    try:
        data = _serializer().loads(token, max_age=RESET_MAX_AGE)
    except (BadSignature, SignatureExpired):
        return None
    user = db.session.get(User, data.get("id"))
    if user is None or user.password_hash[-16:] != data.get("h"):
        return None
    return user


def request_password_reset(email: str, reset_url_for) -> None:
    """Email a reset link if the address has an account; say nothing either way."""
    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None:
        return
    url = reset_url_for(make_reset_token(user))
    with in_locale(user.locale):
        send_email(
            user.email,
            _("Reset your Engage Luton password"),
            _(
                "Someone asked to reset the password for your Engage Luton account.\n\n"
                "To choose a new password, open this link within one hour:\n%(url)s\n\n"
                "If it was not you, ignore this email: your password has not changed.",
                url=url,
            ),
        )


def reset_password(user: User, new_password: str) -> None:
    """Set a new password after a valid reset link."""
    user.set_password(new_password)
    db.session.flush()


def recover_young_person(username: str, code: str, new_password: str) -> tuple[User, str]:
    """Reset a young person's password with their recovery code; returns a fresh code."""
    user = find_user_by_login(username)
    if user is None or user.email or not user.check_recovery_code(code):
        raise AccountError(_("That username and recovery code do not match."), "code")
    user.set_password(new_password)
    new_code = user.set_recovery_code()
    db.session.flush()
    return user, new_code


def set_locale(user: User, locale: str) -> None:
    """Remember the person's language on their account."""
    user.locale = locale
    db.session.flush()
