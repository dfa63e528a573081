"""The normalised text every rule reads, with a map back to the characters typed.

Digits of any script made ASCII, case folded, Latin accents and Arabic vowel marks dropped,
Arabic-script letter variants merged, optional Gurmukhi/Bengali nasal marks dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache

_CHAR_MAP = {
    # Letters NFKD does not decompose but people type without the accent anyway.
    "ł": "l",
    "đ": "d",
    "ø": "o",
    "ı": "i",
    # Quotes: phones turn ' into a curly quote, patterns only use '.
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    # Arabic-script keyboards differ between Arabic and Urdu; merge the letter variants so
    # one pattern covers text typed on either.
    "\u064a": "\u06cc",  # ARABIC YEH -> FARSI YEH
    "\u0649": "\u06cc",  # ALEF MAKSURA -> FARSI YEH
    "\u0643": "\u06a9",  # ARABIC KAF -> KEHEH
    "\u06c1": "\u0647",  # HEH GOAL -> HEH
    "\u06d5": "\u0647",  # AE -> HEH
    "\u06c3": "\u0647",  # TEH MARBUTA GOAL -> HEH
    "\u0629": "\u0647",  # TEH MARBUTA -> HEH
    "\u0671": "\u0627",  # ALEF WASLA -> ALEF
}

_DROP = {
    "\u00ad",  # soft hyphen
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u0640",  # tatweel, used to stretch Arabic words
    # Nasal and gemination marks, and nukta, are often left out in casual Gurmukhi/Bengali.
    "\u0a70",
    "\u0a02",
    "\u0a71",
    "\u0a3c",
    "\u0981",
}


def _is_dropped_mark(c: str) -> bool:
    o = ord(c)
    return (
        0x0300 <= o <= 0x036F  # Latin accents (after NFKD)
        or 0x0610 <= o <= 0x061A  # Arabic honorific marks
        or 0x064B <= o <= 0x065F  # Arabic vowel marks and hamza above/below
        or o == 0x0670
        or 0x06D6 <= o <= 0x06ED  # Quranic marks
        or c in _DROP
    )


@cache
def _fold_char(ch: str, lower: bool = True) -> str:
    if not ch.isascii():
        digit = unicodedata.digit(ch, None)
        if digit is not None:
            return str(digit)
    if lower:
        ch = ch.lower()
    out = []
    for c in unicodedata.normalize("NFKD", ch):
        if _is_dropped_mark(c):
            continue
        out.append(_CHAR_MAP.get(c, c))
    return "".join(out)


class _View:
    """A transformed copy of a text with, for each character, its index in the original."""

    __slots__ = ("text", "index", "original")

    def __init__(self, text: str, index: Sequence[int], original: str) -> None:
        self.text = text
        self.index = index
        self.original = original

    @classmethod
    def fold(cls, original: str, lower: bool = True) -> _View:
        """The folded view of `original` (shared: every check of a message reads the same one)."""
        return _folded(original, lower)

    def squeeze(self, keep: int) -> _View:
        """Shorten runs of three or more identical letters to ``keep`` letters."""
        chars: list[str] = []
        index: list[int] = []
        for m in re.finditer(r"(.)\1*", self.text, re.DOTALL):
            n = len(m.group(0))
            if n >= 3 and m.group(1).isalpha():
                n = keep
            chars.extend(m.group(1) * n)
            index.extend(self.index[m.start() : m.start() + n])
        return _View("".join(chars), index, self.original)

    def leet(self) -> _View:
        """Read digits and symbols inside words as the letters they stand in for."""
        out = list(self.text)
        for m in re.finditer(r"\S+", self.text):
            token = m.group(0)
            if not any(c.isalpha() for c in token):
                continue
            # Trailing "!" ends a sentence; only "!" inside a word ("sh!t") is a letter.
            core = token.rstrip("!?.,;:")
            for i, c in enumerate(core):
                if c in _LEET:
                    out[m.start() + i] = _LEET[c]
        return _View("".join(out), self.index, self.original)

    def span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            return self.index[start], self.index[start]
        return self.index[start], self.index[end - 1] + 1


@lru_cache(maxsize=256)
def _folded(original: str, lower: bool) -> _View:
    # Each check (personal details, abuse, risk, the model) folds the same message: done once.
    # A view is never changed once made (its index is a tuple), so one can be shared.
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(original):
        for c in _fold_char(ch, lower):
            chars.append(c)
            index.append(i)
    return _View("".join(chars), tuple(index), original)


def _fold_pattern(pattern: str) -> str:
    # Only non-ASCII characters are folded: ASCII holds the regex syntax (\S, \W...).
    return "".join(c if c.isascii() else _fold_char(c) for c in pattern)


# Characters that continue a word. Python's \w misses Bengali and Gurmukhi vowel signs.
_W = r"[\w\u0980-\u09ff\u0a00-\u0a7f]"
_B_START = rf"(?<!{_W})"
_B_END = rf"(?!{_W})"


def _has_top_level_branch(pattern: str) -> bool:
    """Whether `pattern` is an alternation at its outermost level ("a|b", not "(?:a|b)")."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            return True
        i += 1
    return False


def _compile(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """One regex matching the first of `patterns` (in order) that matches at each place."""
    # Python's engine tries every alternative at every position of the text. Most patterns
    # start at a word boundary: a run of such patterns shares one \b check, so the positions
    # inside words (most of them) fail once rather than once per pattern. The order of the
    # alternatives is kept, so the same pattern matches (tests/moderation/test_checks.py).
    out: list[str] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            out.append(r"\b(?:" + "|".join(f"(?:{p})" for p in run) + ")")
            run.clear()

    for pattern in patterns:
        folded = _fold_pattern(pattern)
        if folded.startswith(r"\b") and not _has_top_level_branch(folded):
            run.append(folded[2:])
        else:
            close_run()
            out.append(f"(?:{folded})")
    close_run()
    return re.compile("|".join(out), flags)


_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a", "!": "i"}


def fold(text: str) -> str:
    """The normalised text every check reads (case, digits, accents and letter variants folded)."""
    return _View.fold(text).text
