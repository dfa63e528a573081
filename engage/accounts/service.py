"""Account operations: every function takes what it needs, flushes and never commits."""

from sqlalchemy import select

from engage.accounts import emails, tokens
from engage.accounts.models import (
    YOUNG_PERSON_AGE_BANDS,
    AccountToken,
    AgeBand,
    Connection,
    TokenPurpose,
    User,
    generate_pseudonym,
)
from engage.accounts.sessions import end_sessions
from engage.accounts.usernames import username_key, username_problem
from engage.clock import utcnow
from engage.errors import RuleError
from engage.extensions import db
from engage.i18n import _
from engage.ops.security_log import log_security_event
from engage.permissions import Role


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
    verified: bool = False,
) -> User:
    """Create an adult account signed in with an email address (confirmed later, unless told)."""
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
        email_verified_at=utcnow() if verified else None,
    )
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def sign_up_resident(**fields) -> User | None:
    """Sign up from the public form: the same answer whether or not the address is taken.

    A new address gets an account and a confirmation link; an address that already has an
    account gets an email telling its owner, and nothing is created (None).
    """
    email = normalise_email(fields["email"])
    existing = db.session.scalar(select(User).where(User.email == email))
    if existing is not None:
        # Spend the time a new account would, so timing does not tell the two apart.
        User(password_hash="").set_password(fields["password"])  # nosec B106 (a throwaway object)
        emails.send_already_registered(existing.email, existing.locale)
        log_security_event("sign_up.existing_address", existing.id)
        return None
    user = register_resident(**fields)
    send_verification(user)
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
        User(password_hash="").set_password(password)  # an empty hash, not a password  # nosec B106
        return None
    return user if user.check_password(password) else None


def change_password(user: User, current: str, new: str) -> None:
    """Change a password after checking the current one, and tell the person by email."""
    if not user.check_password(current):
        raise AccountError(_("Your current password is wrong."), "current_password")
    _set_new_password(user, new)
    end_sessions(user, "password_changed")


def _set_new_password(user: User, new: str) -> None:
    user.set_password(new)
    # A reset link asked for earlier must not undo the new password.
    tokens.forget_tokens(user, TokenPurpose.RESET_PASSWORD)
    db.session.flush()
    if user.email:
        emails.send_password_changed(user.email, user.locale)
    log_security_event("password.changed", user.id)


def request_password_reset(email: str) -> None:
    """Email a single-use reset link if the address has an account; say nothing either way."""
    user = db.session.scalar(select(User).where(User.email == normalise_email(email)))
    if user is None:
        return
    # A new request replaces any earlier link.
    secret = tokens.issue_token(user, TokenPurpose.RESET_PASSWORD)
    emails.send_reset_link(user.email, user.locale, secret)
    log_security_event("password.reset_requested", user.id)


def reset_token(secret: str) -> AccountToken | None:
    """The live reset token behind an emailed link, or None."""
    return tokens.find_token(secret, TokenPurpose.RESET_PASSWORD)


def token_owner(token: AccountToken) -> User:
    """The account a token belongs to."""
    return db.session.get(User, token.user_id)


def reset_password(token: AccountToken, new_password: str) -> User:
    """Set a new password from a reset link, which then never works again."""
    user = db.session.get(User, token.user_id)
    tokens.use_token(token)
    _set_new_password(user, new_password)
    end_sessions(user, "password_reset")
    return user


# Email addresses ---------------------------------------------------------------------------


def send_verification(user: User, email: str | None = None) -> None:
    """Email a link that confirms `email` (the account's own address unless told)."""
    email = email or user.email
    secret = tokens.issue_token(user, TokenPurpose.VERIFY_EMAIL, email=email)
    emails.send_verification(email, user.locale, secret)


def email_token_is_live(secret: str) -> bool:
    """Whether a confirmation link still works (to show its button, or say it has expired)."""
    return tokens.find_token(secret, TokenPurpose.VERIFY_EMAIL) is not None


def verify_email(secret: str) -> User | None:
    """Confirm an address from its link: at sign-up, or a new address replacing the old one."""
    token = tokens.find_token(secret, TokenPurpose.VERIFY_EMAIL)
    if token is None:
        return None
    user = db.session.get(User, token.user_id)
    from engage.votes import counters

    # Locked first: a second click of the link, or a vote cast meanwhile, waits for this one.
    counted_before = counters.lock_voter(user.id)
    new = token.email or user.email
    tokens.use_token(token)
    if new != user.email:
        if db.session.scalar(select(User.id).where(User.email == new, User.id != user.id)):
            return None  # someone confirmed this address for another account in the meantime
        old = user.email
        user.email = new
        emails.send_email_changed(old, new, user.locale)
        log_security_event("email.changed", user.id)
    user.email_verified_at = utcnow()
    db.session.flush()
    if not counted_before:
        counters.count_person_votes(user.id, 1)  # the votes they cast before confirming
    from engage.comments.service import publish_confirmed_comments

    publish_confirmed_comments(user)
    log_security_event("email.verified", user.id)
    return user


def request_email_change(user: User, new_email: str, password: str) -> None:
    """Send a link to a new address; the account changes to it only when the link is opened."""
    if not user.check_password(password):
        raise AccountError(_("Your current password is wrong."), "current_password")
    new_email = normalise_email(new_email)
    if new_email == user.email:
        raise AccountError(_("That is already your email address."), "email")
    # Another account's address: say the same as for a free one, and send nothing to it.
    if db.session.scalar(select(User.id).where(User.email == new_email)):
        return
    send_verification(user, new_email)


def update_details(
    user: User,
    *,
    age_band: AgeBand,
    postcode_district: str | None,
    display_name: str | None = None,
) -> None:
    """Correct one's own name, age group and area (the right to rectification)."""
    band = AgeBand(age_band)
    if user.role == Role.YOUNG_PERSON:
        if band not in YOUNG_PERSON_AGE_BANDS:
            raise AccountError(_("Young people's accounts are for ages 13 to 17."), "age_band")
    else:
        if band.is_child and user.role == Role.RESIDENT:
            raise AccountError(
                _("Accounts for under 18s are made with a username. Sign up as a young person."),
                "age_band",
            )
        user.display_name = (display_name or "").strip() or None
    user.age_band = band
    user.postcode_district = postcode_district or None
    db.session.flush()


def recover_young_person(username: str, code: str, new_password: str) -> tuple[User, str]:
    """Reset a young person's password with their recovery code; returns a fresh code."""
    user = find_user_by_login(username)
    if user is None or user.email or not user.check_recovery_code(code):
        raise AccountError(_("That username and recovery code do not match."), "code")
    user.set_password(new_password)
    new_code = user.set_recovery_code()
    end_sessions(user, "password_reset")
    return user, new_code


def set_locale(user: User, locale: str) -> None:
    """Remember the person's language on their account."""
    user.locale = locale
    db.session.flush()
