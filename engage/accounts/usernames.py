"""Usernames in any script, safe from look-alikes.

Young people in Luton write Urdu, Bengali, Punjabi, Arabic, Polish and Romanian as well as
English, so a username may use the letters of any one script. What it may not do is mix scripts
(a Cyrillic "а" inside Latin "admin" looks the same and is a different name) or hide invisible
characters. Two names that look the same after Unicode normalisation are the same name: the
uniqueness key is NFKC + casefold, stored beside the name.
"""

import unicodedata

from wtforms.validators import ValidationError

from engage.i18n import _

# Joining punctuation and digits belong to no one script.
_COMMON = {"_"}


def username_key(name: str) -> str:
    """The form of a username that uniqueness and sign-in compare (NFKC, then casefold)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name.strip()).casefold())


def _script(ch: str) -> str | None:
    """The script of a letter, from its Unicode name ("ARABIC LETTER ALEF" -> "ARABIC")."""
    if ch in _COMMON or unicodedata.category(ch) in {"Nd", "Mn", "Mc"}:
        return None  # digits and combining marks go with any script
    name = unicodedata.name(ch, "")
    script = name.split(" ", 1)[0]
    # Urdu and Arabic letters are one script, however Unicode names their extensions.
    return "ARABIC" if script.startswith("ARABIC") else script


def username_problem(name: str) -> str | None:
    """Why this username cannot be used (translated), or None when it can."""
    normal = unicodedata.normalize("NFKC", name.strip())
    for ch in normal:
        category = unicodedata.category(ch)
        if ch not in _COMMON and category[0] not in {"L", "M", "N"}:
            return _("Use only letters, numbers and _ in your username")
    scripts = {s for s in (_script(ch) for ch in normal) if s}
    if len(scripts) > 1:
        return _("Use the letters of one alphabet only in your username, not a mix")
    if not any(unicodedata.category(ch)[0] == "L" for ch in normal):
        return _("Your username needs at least one letter")
    return None


class UsernameRules:
    """WTForms validator: letters of any one script, numbers and _, nothing invisible."""

    def __call__(self, form, field):
        problem = username_problem(field.data or "")
        if problem:
            raise ValidationError(problem)
