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
# The site's other languages, as people spell the digits when they hide a number: each
# word is folded like the text the checks read (accents, nasal marks and letter variants
# dropped, see folding.py), so "pięć", "ਪੰਜ" and "آٹھ" match however they were typed.
_OTHER_WORDS = {
    # Urdu and Hindi in Latin letters, Panjabi and Bengali in Latin letters
    "sifar": "0", "sifr": "0", "shunno": "0", "shunyo": "0",
    "ek": "1", "ik": "1", "ikk": "1",
    "do": "2", "dui": "2",
    "teen": "3", "tin": "3", "tinn": "3",
    "char": "4", "chaar": "4", "chār": "4",
    "paanch": "5", "panch": "5", "panj": "5", "paanj": "5",
    "chhe": "6", "che": "6", "chay": "6", "chhey": "6", "choy": "6", "chhoy": "6",
    "saat": "7", "sat": "7", "satt": "7", "shat": "7",
    "aath": "8", "ath": "8", "atth": "8", "aat": "8",
    "nau": "9", "no": "9", "naw": "9", "noy": "9",
    # Urdu
    "صفر": "0", "ایک": "1", "دو": "2", "تین": "3", "چار": "4", "پانچ": "5", "چھ": "6",
    "چھے": "6", "سات": "7", "آٹھ": "8", "نو": "9", "زیرو": "0",
    # Arabic
    "واحد": "1", "اثنان": "2", "اثنين": "2", "ثلاثة": "3", "ثلاث": "3", "أربعة": "4",
    "أربع": "4", "خمسة": "5", "خمس": "5", "ستة": "6", "ست": "6", "سبعة": "7", "سبع": "7",
    "ثمانية": "8", "ثمان": "8", "تسعة": "9", "تسع": "9",
    # Bengali
    "শূন্য": "0", "জিরো": "0", "এক": "1", "দুই": "2", "তিন": "3", "চার": "4", "পাঁচ": "5",
    "ছয়": "6", "সাত": "7", "আট": "8", "নয়": "9",
    # Panjabi (Gurmukhi)
    "ਸਿਫ਼ਰ": "0", "ਜ਼ੀਰੋ": "0", "ਇੱਕ": "1", "ਇਕ": "1", "ਦੋ": "2", "ਤਿੰਨ": "3", "ਚਾਰ": "4",
    "ਪੰਜ": "5", "ਛੇ": "6", "ਸੱਤ": "7", "ਅੱਠ": "8", "ਨੌਂ": "9", "ਨੌ": "9",
    # Polish
    "jeden": "1", "dwa": "2", "trzy": "3", "cztery": "4", "pięć": "5", "sześć": "6",
    "siedem": "7", "osiem": "8", "dziewięć": "9",
    # Romanian
    "unu": "1", "doi": "2", "două": "2", "trei": "3", "patru": "4", "cinci": "5",
    "șase": "6", "şase": "6", "șapte": "7", "şapte": "7", "opt": "8", "nouă": "9",
    # Portuguese
    "um": "1", "uma": "1", "dois": "2", "duas": "2", "três": "3", "quatro": "4",
    "cinco": "5", "seis": "6", "sete": "7", "oito": "8", "nove": "9",
}  # fmt: skip
_REPEAT = {"double": 2, "triple": 3, "treble": 3, "dabal": 2, "dubble": 2}


def _folded(word: str) -> str:
    from engage.moderation.folding import fold

    return fold(word)


_WORDS.update({_folded(w): d for w, d in _OTHER_WORDS.items()})
_NUMBER_WORDS = "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True))
_TOKEN = rf"(?:\+|\d+|{'|'.join(sorted(_REPEAT, key=len, reverse=True))}|{_NUMBER_WORDS})"
_SEP = r"[\s,.\-/()\u060c]{0,3}"
# Characters that continue a word: \w misses Bengali and Gurmukhi vowel signs.
_W = r"[\w\u0980-\u09ff\u0a00-\u0a7f]"
# A run of tokens, starting and ending on one that is a digit or a number word. As first
# written, one regex read three kinds of input slowly, each from its backtracking: a separator
# may be empty, so a run of digits could be split anywhere ("1111...1a", 24 digits and a letter,
# took 25 s, each more digit twice as long); some words join two ways ("tinno" is "tin no" and
# "tinn o", "umaath" "um aath" and "uma ath"), so 20 of them and a letter took as long; and a
# search from each "+" of ",+,+,+..." read to the end of the text (5,000 of them took 77 s).
# `runs` finds the same runs (tests/moderation/test_phones.py compares them with the first
# regex's) by reading each place in a chain of tokens once.
_LEFT = r"(?<![\w+\u0980-\u09ff\u0a00-\u0a7f])"
_CHAIN_START = re.compile(rf"{_LEFT}{_TOKEN}", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_GAP = re.compile(rf"{_SEP}+")
_LAST = re.compile(rf"(?:\d+|{_NUMBER_WORDS})(?!{_W})", re.IGNORECASE)


def _words_by_first() -> dict[str, list[re.Pattern[str]]]:
    """The words a token may be at a place, by first letter, in the order the regex tried them."""
    found: dict[str, list[re.Pattern[str]]] = {}
    for word in [*sorted(_REPEAT, key=len, reverse=True), *sorted(_WORDS, key=len, reverse=True)]:
        found.setdefault(word[0].casefold(), []).append(re.compile(re.escape(word), re.IGNORECASE))
    return found


_WORDS_BY_FIRST = _words_by_first()
# The first regex's run had two tokens at least ("77" counts: it split digits).
_TWO_TOKENS = re.compile(rf"(?:{_TOKEN}{_SEP})+(?:\d+|{_NUMBER_WORDS})", re.IGNORECASE)
_SEPARATOR = re.compile(r"[\s,.\-/()\u060c]")
_LONGEST_WORD = max(len(word) for word in [*_WORDS, *_REPEAT])
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
    for start, end in runs(text):
        if any(s < end and start < e for s, e in found):
            continue
        span = _phone_within(text, start, end)
        if span is not None:
            found.append(span)
    yield from sorted(found)


def runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the runs of digits and number words in ``text``, in time linear in its length.

    Where a run from a place ends depends on that place alone, so each is worked out once.
    Every later place a run could start in a chain of tokens follows a separator, so a run from
    there would also end a run from the chain's first token: when that first start finds none,
    no start in the chain does, and the search goes on after the chain.
    """
    ends: dict[int, int | None] = {}
    at = 0
    while (first := _CHAIN_START.search(text, at)) is not None:
        start = first.start()
        end, reached = _run_end(text, start, ends)
        if end is None:
            at = max(reached, start + 1)
            continue
        if _two_tokens(text[start:end]):
            yield start, end
        at = end


def _run_end(text: str, start: int, ends: dict[int, int | None]) -> tuple[int | None, int]:
    """Where the regex's run from ``start`` ended (None: no run), and the farthest place read.

    The regex took one more token (each way a token could be read there, in order) and a gap
    while the rest could still end a run, else ended on the last token at that place.
    """
    following: dict[int, list[int]] = {}
    todo, reached = [start], start
    while todo:
        place = todo.pop()
        if place in following or place in ends:
            continue
        nexts = [_GAP.match(text, end).end() for end in _token_ends(text, place)]
        following[place] = nexts
        reached = max(reached, place, *nexts)
        todo.extend(nexts)
    for place in sorted(following, reverse=True):
        end = next((ends[n] for n in following[place] if ends[n] is not None), None)
        if end is None:
            last = _LAST.match(text, place)
            end = last.end() if last else None
        ends[place] = end
    return ends[start], reached


def _token_ends(text: str, place: int) -> list[int]:
    """Where each way of reading a token at ``place`` ends, in the order the regex tried them."""
    if place >= len(text):
        return []
    if text[place] == "+":
        return [place + 1]
    digits = _DIGITS.match(text, place)
    if digits:
        return [digits.end()]  # read whole: split, they lead to the same places
    return [
        found.end()
        for word in _WORDS_BY_FIRST.get(text[place].casefold(), ())
        if (found := word.match(text, place))
    ]


def _two_tokens(run: str) -> bool:
    if _SEPARATOR.search(run) or len(run) > _LONGEST_WORD or run.isdigit():
        return len(run) > 1
    return _TWO_TOKENS.fullmatch(run) is not None  # a few letters: cheap however it is read


def _phone_within(text: str, run_start: int, run_end: int) -> tuple[int, int] | None:
    """The run, or the run less a few words at either end, when it reads as a phone number.

    Number words are everyday words in some languages ("do", "no", "um", "sat"), so a run may
    take in a word before or after the number: "mera number zero saat ... hai, do call".
    """
    run = text[run_start:run_end]
    pieces = list(_PIECE.finditer(run))
    if len(pieces) > 40:
        return None
    for trim in range(0, 5):
        for left in range(trim + 1):
            right = len(pieces) - (trim - left)
            if right - left < 1:
                continue
            start, end = pieces[left].start(), pieces[right - 1].end()
            if _is_phone(spoken_digits(run[start:end])):
                return run_start + start, run_start + end
    return None
