"""Phone numbers, found with the ``phonenumbers`` parser after undoing the usual disguises.

People split a number with spaces, commas, dots or dashes ("07,700,900,123"), say "oh" or
"double oh" for 0, or write the digits as words ("oh seven seven ..."). ``find_phones``
reads every run of digits and number words as one digit string and keeps it when the parser
(region GB) takes it for a possible number of a real length: 10 or 11 digits for a UK number,
a valid number for another country. It returns spans in the text it was given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

__all__ = ["find_phones", "spoken_digits"]

_WORDS = {
    "zero": "0", "oh": "0", "o": "0", "nought": "0", "nil": "0",
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
}  # fmt: skip
_REPEAT = {"double": 2, "triple": 3}
_TOKEN = r"(?:\+|\d+|" + "|".join(sorted([*_WORDS, *_REPEAT], key=len, reverse=True)) + r")"
_SEP = r"[\s,.\-/()]{0,3}"
# A run of tokens, starting and ending on one that is a digit or a number word.
_RUN = re.compile(
    rf"(?<![\w+])(?:{_TOKEN}{_SEP})+(?:\d+|{'|'.join(_WORDS)})(?![\w])", re.IGNORECASE
)
_PIECE = re.compile(_TOKEN, re.IGNORECASE)


def spoken_digits(run: str) -> str:
    """The digit string a run of digits and number words stands for ("double oh 7" -> "007")."""
    out: list[str] = []
    repeat = 1
    for tok in _PIECE.findall(run):
        low = tok.lower()
        if low in _REPEAT:
            repeat = _REPEAT[low]
            continue
        digits = "+" if tok == "+" else _WORDS.get(low, tok)
        out.append(digits[0] * repeat + digits[1:] if repeat > 1 else digits)
        repeat = 1
    return "".join(out)


def _is_phone(digits: str) -> bool:
    if len(digits.lstrip("+")) < 10:
        return False
    try:
        number = phonenumbers.parse(digits, "GB")
    except phonenumbers.NumberParseException:
        return False
    if number.country_code == 44:
        national = str(number.national_number)
        return len(national) in (9, 10) and phonenumbers.is_possible_number(number)
    return phonenumbers.is_valid_number(number)


def find_phones(text: str) -> Iterator[tuple[int, int]]:
    """Spans of ``text`` that are phone numbers, written plainly or disguised."""
    found: list[tuple[int, int]] = []
    for match in phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.VALID):
        found.append((match.start, match.end))
    for m in _RUN.finditer(text):
        if any(s < m.end() and m.start() < e for s, e in found):
            continue
        digits = spoken_digits(m.group(0))
        if _is_phone(digits):
            found.append(m.span())
    yield from sorted(found)
