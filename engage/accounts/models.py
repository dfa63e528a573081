"""People who sign in: residents, young people and staff."""

import enum
import secrets
from datetime import datetime

import sqlalchemy as sa
from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app, has_app_context
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, validates

from engage.accounts.usernames import username_key
from engage.clock import utcnow
from engage.extensions import db, db_enum
from engage.permissions import Role

_hasher = PasswordHasher()
# Test runs hash passwords for thousands of accounts: argon2's cheapest parameters keep them fast.
# Only ever used by an app built with TESTING on.
_test_hasher = PasswordHasher.from_parameters(profiles.CHEAPEST)


def _password_hasher() -> PasswordHasher:
    """argon2 with its recommended parameters (the cheapest ones under TESTING)."""
    return _test_hasher if has_app_context() and current_app.testing else _hasher


class AgeBand(enum.StrEnum):
    UNDER_13 = "under-13"  # only ever on anonymous survey responses, never on an account
    B13_15 = "13-15"
    B16_17 = "16-17"
    B18_24 = "18-24"
    B25_44 = "25-44"
    B45_64 = "45-64"
    B65_PLUS = "65+"
    PREFER_NOT = "prefer_not"

    @property
    def is_child(self) -> bool:
        return self in _CHILD_BANDS


_CHILD_BANDS = frozenset({AgeBand.UNDER_13, AgeBand.B13_15, AgeBand.B16_17})
# A resident who prefers not to give their age may be a child, so they are treated as one.
_TREATED_AS_CHILD = _CHILD_BANDS | {AgeBand.PREFER_NOT}
ACCOUNT_AGE_BANDS = [b for b in AgeBand if b is not AgeBand.UNDER_13]
YOUNG_PERSON_AGE_BANDS = [AgeBand.B13_15, AgeBand.B16_17]


class Connection(enum.StrEnum):
    LIVE = "live"
    WORK = "work"
    STUDY = "study"
    OTHER = "other"


_ADJECTIVES = [
    "Amber",
    "Brave",
    "Bright",
    "Calm",
    "Clever",
    "Cosmic",
    "Daring",
    "Eager",
    "Gentle",
    "Golden",
    "Happy",
    "Jolly",
    "Kind",
    "Lively",
    "Lucky",
    "Mighty",
    "Nimble",
    "Quiet",
    "Quick",
    "Rapid",
    "Silver",
    "Sunny",
    "Swift",
    "Teal",
    "Witty",
    "Zesty",
]
_ANIMALS = [
    "Badger",
    "Falcon",
    "Fox",
    "Hare",
    "Hedgehog",
    "Heron",
    "Kestrel",
    "Kingfisher",
    "Lark",
    "Otter",
    "Owl",
    "Panda",
    "Puffin",
    "Robin",
    "Squirrel",
    "Swan",
    "Tiger",
    "Wren",
    "Dolphin",
    "Koala",
    "Lynx",
    "Magpie",
    "Beaver",
    "Bison",
]


def generate_pseudonym() -> str:
    """A friendly public name that reveals nothing about the person (e.g. 'Swift Otter 427')."""
    # Three digits give over half a million names: room for a whole town without clashes.
    number = secrets.randbelow(900) + 100
    return f"{secrets.choice(_ADJECTIVES)} {secrets.choice(_ANIMALS)} {number}"


class AccessState(enum.StrEnum):
    """May the account sign in? Staff can be suspended (for now) or deactivated (for good)."""

    ACTIVE = "active"
    SUSPENDED = "suspended"
    DEACTIVATED = "deactivated"


STAFF_ROLES = frozenset({Role.OFFICER, Role.ADMIN, Role.MODERATOR, Role.SAFEGUARDING_LEAD})


class User(UserMixin, db.Model):
    __tablename__ = "user"
    __table_args__ = (sa.Index("uq_user_username_key", "username_key", unique=True),)

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[Role] = mapped_column(db_enum(Role), default=Role.RESIDENT)
    # Adults sign in with email; young people with a username and no contact details at all.
    email: Mapped[str | None] = mapped_column(sa.String(254), unique=True)
    username: Mapped[str | None] = mapped_column(sa.String(40), unique=True)
    # NFKC + casefold of the username (engage/accounts/usernames.py): what makes two names the same.
    username_key: Mapped[str | None] = mapped_column(sa.String(80))  # unique: uq_user_username_key
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    display_name: Mapped[str | None] = mapped_column(sa.String(60))
    pseudonym: Mapped[str] = mapped_column(sa.String(60), unique=True)
    age_band: Mapped[AgeBand] = mapped_column(db_enum(AgeBand), default=AgeBand.PREFER_NOT)
    connection: Mapped[Connection] = mapped_column(db_enum(Connection), default=Connection.LIVE)
    postcode_district: Mapped[str | None] = mapped_column(sa.String(4))
    locale: Mapped[str | None] = mapped_column(sa.String(8))
    recovery_code_hash: Mapped[str | None] = mapped_column(sa.String(255))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    suspended_until: Mapped[datetime | None] = mapped_column()
    banned: Mapped[bool] = mapped_column(default=False)
    # Every session carries the generation it began in; bumping it ends all of them at once.
    session_generation: Mapped[int] = mapped_column(default=0, server_default="0")
    access: Mapped[AccessState] = mapped_column(
        db_enum(AccessState), default=AccessState.ACTIVE, server_default="active"
    )
    # Staff second factor (RFC 6238). The secret is set when enrolment starts and only counts
    # once a code from it has been confirmed (mfa_enrolled_at).
    totp_secret: Mapped[str | None] = mapped_column(sa.String(64))
    mfa_enrolled_at: Mapped[datetime | None] = mapped_column()
    totp_last_step: Mapped[int | None] = mapped_column(sa.BigInteger)

    def get_id(self) -> str:
        """Flask-Login's session id: the account id and its session generation."""
        return f"{self.id}:{self.session_generation}"

    @property
    def can_sign_in(self) -> bool:
        """Suspended and deactivated (staff) accounts cannot sign in at all."""
        return AccessState(self.access) == AccessState.ACTIVE

    @property
    def has_mfa(self) -> bool:
        """True once a second factor has been set up and confirmed."""
        return self.mfa_enrolled_at is not None and bool(self.totp_secret)

    # When the person proved the address is theirs; until then their votes are not counted, their
    # comments wait and they cannot report (throwaway addresses must not hide other people's words).
    email_verified_at: Mapped[datetime | None] = mapped_column()

    def set_password(self, password: str) -> None:
        """Store an argon2 hash of the password, never the password."""
        self.password_hash = _password_hasher().hash(password)

    def check_password(self, password: str) -> bool:
        """True if the password matches; rehashes when argon2's parameters have moved on."""
        try:
            _password_hasher().verify(self.password_hash, password)
        except (VerificationError, InvalidHashError):
            return False
        if _password_hasher().check_needs_rehash(self.password_hash):
            self.set_password(password)
        return True

    @validates("username")
    def _keep_username_key(self, _name, value):
        # Every way a username is set (sign-up, demo data, tests) keeps its comparison key.
        self.username_key = username_key(value) if value else None
        return value

    def set_recovery_code(self) -> str:
        """Make a new one-time recovery code, store its hash and return it to show once."""
        code = "-".join(secrets.token_hex(2).upper() for _ in range(3))
        self.recovery_code_hash = _password_hasher().hash(code)
        return code

    def check_recovery_code(self, code: str) -> bool:
        """True if the code matches the stored recovery code."""
        if not self.recovery_code_hash:
            return False
        try:
            return _password_hasher().verify(self.recovery_code_hash, code.strip().upper())
        except (VerificationError, InvalidHashError):
            return False

    @property
    def is_young(self) -> bool:
        """Young people's content is held for moderation and counted apart in vote totals.

        A resident who prefers not to give their age may be a child, so they are treated as one.
        """
        if self.role == Role.YOUNG_PERSON:
            return True
        # Asked of every comment's author on a page: a set lookup, not an enum made per call. An
        # account not yet saved has no band: the default, prefer not to say.
        band = AgeBand.PREFER_NOT if self.age_band is None else self.age_band
        return self.role == Role.RESIDENT and band in _TREATED_AS_CHILD

    @property
    def email_unverified(self) -> bool:
        """An account signed in by email whose address has not been confirmed yet."""
        return bool(self.email) and self.email_verified_at is None

    @property
    def public_name(self) -> str:
        """The only name other people see: a pseudonym for young people, never a real name."""
        if self.is_young or not self.display_name:
            return self.pseudonym
        return self.display_name

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_blocked(self) -> bool:
        """Suspended or banned people can read but not post."""
        if self.banned:
            return True
        return self.suspended_until is not None and self.suspended_until > utcnow()

    @property
    def login_name(self) -> str:
        return self.email or self.username or ""

    def __repr__(self) -> str:
        return f"<User {self.id} {self.role}>"


class MfaRecoveryCode(db.Model):
    """One of a staff member's ten one-time recovery codes, kept only as a hash."""

    __tablename__ = "mfa_recovery_code"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    code_hash: Mapped[str] = mapped_column(sa.String(64))
    used_at: Mapped[datetime | None] = mapped_column()


class TokenPurpose(enum.StrEnum):
    VERIFY_EMAIL = "verify_email"
    RESET_PASSWORD = "reset_password"  # noqa: S105  # nosec B105 (a token kind, not a password)


class AccountToken(db.Model):
    """A single-use emailed link; only the sha256 of its secret is kept."""

    __tablename__ = "account_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("user.id", ondelete="CASCADE"), index=True)
    purpose: Mapped[TokenPurpose] = mapped_column(db_enum(TokenPurpose))
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    # The address a verification link confirms (a new one, for a change of email).
    email: Mapped[str | None] = mapped_column(sa.String(254))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()

    def is_live(self, now: datetime | None = None) -> bool:
        """Not yet expired (a used token is deleted, so it cannot be live)."""
        return (now or utcnow()) < self.expires_at
