"""The demo staff accounts' sign-in codes, shown on the second step of a development copy.

The demo's authenticator keys are published (README, `make run`'s output), so anyone can work out
their codes already; showing the code lets someone trying the site as a moderator or an officer
sign in without an authenticator app. Never in production, never for any other account.
"""

from flask import current_app

from engage.accounts import mfa
from engage.demo.content import DEMO_USERS
from engage.ops.http_safety import is_development

_PUBLISHED_KEYS = frozenset(
    person["totp_secret"] for person in DEMO_USERS.values() if person.get("totp_secret")
)


def demo_sign_in_code(user) -> str | None:
    """The code a demo staff account's app would show now, in development; otherwise None.

    "" for a demo account whose codes up to the next one are all used (a third sign-in within
    30 seconds): the page says to wait for the next, rather than showing nothing.
    """
    if user is None or user.totp_secret not in _PUBLISHED_KEYS:
        return None
    if not is_development(current_app):
        return None
    return mfa.next_usable_code(user) or ""
