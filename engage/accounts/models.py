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
        return self in {AgeBand.UNDER_13, AgeBand.B13_15, AgeBand.B16_17}


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


class User(UserMixin, db.Model):
    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    role: Mapped[Role] = mapped_column(db_enum(Role), default=Role.RESIDENT)
    # Adults sign in with email; young people with a username and no contact details at all.
    email: Mapped[str | None] = mapped_column(sa.String(254), unique=True)
    username: Mapped[str | None] = mapped_column(sa.String(40), unique=True)
    # NFKC + casefold of the username (engage/accounts/usernames.py): what makes two names the same.
    username_key: Mapped[str | None] = mapped_column(sa.String(80), unique=True)
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
        """Young people's content is held for moderation and counted apart in vote totals."""
        return self.role == Role.YOUNG_PERSON or AgeBand(self.age_band).is_child

    @property
    def public_name(self) -> str:
        """The only name other people see: a pseudonym for young people, never a real name."""
        if self.is_young or not self.display_name:
            return self.pseudonym
        return self.display_name

    @property
    def is_staff(self) -> bool:
        return self.role in {Role.OFFICER, Role.ADMIN, Role.MODERATOR, Role.SAFEGUARDING_LEAD}

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
