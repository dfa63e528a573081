"""Refusing passwords that are easy to guess, offline, with zxcvbn's estimate."""

import re

from engage.i18n import _

MIN_SCORE = 3  # zxcvbn's 0-4 scale: 3 means "safely unguessable" for an online attack
ZXCVBN_MAX = 72  # the longest password zxcvbn accepts (a ValueError beyond it)


def password_problem(password: str, user_inputs: list[str] | None = None) -> str | None:
    """Why this password is refused, translated, or None if it is strong enough.

    `user_inputs` are the person's own details (email, username, name), which zxcvbn treats as
    guessable words.
    """
    inputs = []
    for value in user_inputs or []:
        inputs.extend(_guessable_parts(str(value)))
    # Imported here, not with the app: its word lists are 11 MB, held only by the workers that
    # have checked a password (signing up, changing one), not by every worker from the start.
    from zxcvbn import zxcvbn

    # zxcvbn refuses more than 72 characters (its cost grows with the length), and a form's
    # length check does not stop the others: its first 72 are what is judged.
    if zxcvbn(password[:ZXCVBN_MAX], user_inputs=inputs)["score"] >= MIN_SCORE:
        return None
    return _(
        "This password is too easy to guess: it is a common password, follows a well-known "
        "pattern (like a word with numbers or a row of keys) or uses your own details. "
        "Try three or four unrelated words together."
    )


def _guessable_parts(value: str) -> list[str]:
    """A detail and its pieces: "amira.khan@mail.org" gives amira, khan, amirakhan, mail..."""
    value = value.strip().lower()
    if not value:
        return []
    local = value.partition("@")[0]
    pieces = [p for p in re.split(r"[^\w]+|_", value) if len(p) > 2]
    return [value, local, re.sub(r"[^a-z0-9]", "", local), *pieces]
