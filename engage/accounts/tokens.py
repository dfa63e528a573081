"""Single-use emailed links: a random secret goes in the email, only its sha256 is stored."""

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete, select

from engage.accounts.models import AccountToken, TokenPurpose, User
from engage.clock import utcnow
from engage.extensions import db

LIFETIMES = {
    TokenPurpose.RESET_PASSWORD: timedelta(hours=1),
    TokenPurpose.VERIFY_EMAIL: timedelta(days=3),
}


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_token(user: User, purpose: TokenPurpose, email: str | None = None) -> str:
    """A new link secret for `purpose`; any earlier one of the same kind stops working."""
    forget_tokens(user, purpose)
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    db.session.add(
        AccountToken(
            user_id=user.id,
            purpose=purpose,
            token_hash=_digest(secret),
            email=email,
            created_at=now,
            expires_at=now + LIFETIMES[purpose],
        )
    )
    db.session.flush()
    return secret


def find_token(secret: str, purpose: TokenPurpose) -> AccountToken | None:
    """The live token this secret belongs to, or None (unknown, used, replaced or expired)."""
    if not secret or len(secret) > 100:
        return None
    token = db.session.scalar(
        select(AccountToken).where(
            AccountToken.token_hash == _digest(secret), AccountToken.purpose == purpose
        )
    )
    return token if token is not None and token.is_live() else None


def use_token(token: AccountToken) -> None:
    """Spend a token: it never works again."""
    db.session.delete(token)
    db.session.flush()


def forget_tokens(user: User, purpose: TokenPurpose | None = None) -> None:
    """Cancel the person's outstanding links (of one kind, or all)."""
    query = delete(AccountToken).where(AccountToken.user_id == user.id)
    if purpose is not None:
        query = query.where(AccountToken.purpose == purpose)
    db.session.execute(query)
    db.session.flush()
