"""Automatic checks that help human moderators: they flag posts to hold for review.

Nothing here publishes or rejects a post by itself. ``check_text`` returns flags in three
categories: personal details (contact details, addresses, schools, links), abuse (slurs,
strong insults and strong profanity, from the word lists in ``wordlists/``) and risk
(safeguarding: suicide, self-harm, abuse disclosure, bullying, running away).

Every check runs on a normalised copy of the text (digits of any script made ASCII, case
folded, Latin accents and Arabic vowel marks dropped, Arabic-script letter variants merged,
optional Gurmukhi/Bengali nasal marks dropped); a map back to the original keeps ``match``
and ``redact`` on the characters the person typed.

Recall matters more than precision for personal details and risk: a held post costs a
moderator a glance, a missed one can cost much more. Decisions on borderline phrases:

- "this traffic is killing me", "I'm dying to see the new park", "the bus route is dead",
  "I killed it at football", "I'd rather die than take the 27": figures of speech with no
  first-person wish to die; not flagged. "I'd rather be dead" (no "than ...") is flagged.
- "run away from the council tax rise": running away *from something other than home*
  is not flagged; "I'm going to run away" and "run away from home" are.
- "I cut myself on a broken bottle in the park": an accident (cut myself *on*, *while*,
  *by accident*) is not flagged; "I cut myself again", "on purpose" are.
- "he beat me at FIFA": beating someone *at* a game is not flagged; "he beats me at home" is.
- Mild insults ("idiot", "crap") are not abuse; words that are innocent in one shipped
  language are left out of the lists ("fag" ends, Portuguese "puto" (kid), "curva" (bend),
  Polish "pedał" (also the English "pedal")).
- A postcode district alone ("LU1") is not a personal detail; a full postcode is.
- "suicide" as a topic ("suicide prevention") is not flagged in English, Polish, Romanian
  or Portuguese, where first-person forms are distinct; in Urdu, Bengali, Panjabi and
  Arabic the noun itself is flagged, as the corpus there is thinner.
- "add me on snap" is flagged but names nobody, so redact() leaves it; the username that
  follows it ("... bilal.22") is removed.

Abuse terms live in ``wordlists/<lang>.txt`` (format in ``wordlists/README.md``); every
list applies to every post. The risk patterns are in ``risk_patterns.py``; phone numbers are
parsed by ``phones.py`` (the ``phonenumbers`` library, after undoing spelled-out digits); Luton's
schools and full names given with a place or age by ``places.py``.

Beside these rules, a learned model (``model.py``, trained by ``train.py`` on
``data/corpus.csv``) scores each category: a category is flagged when the rules *or* the model
say so (``check_text``). ``python bench/moderation_checks.py`` measures rules, model and both on
held-out labelled messages (see ``data/README.md``).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from engage.moderation.phones import find_phones
from engage.moderation.places import name_spans, school_spans
from engage.moderation.risk_patterns import RISK_PATTERNS as _RISK_PATTERNS

__all__ = ["Category", "Flag", "categories", "check_text", "redact"]

WORDLIST_DIR = Path(__file__).resolve().parent / "wordlists"
LANGUAGES = ("en", "ur", "pl", "bn", "ro", "pa", "pt", "ar")
REDACTED = "[removed]"


class Category(enum.StrEnum):
    """What kind of problem a flag is about."""

    PERSONAL = "personal_details"
    ABUSE = "abuse"
    RISK = "risk"


@dataclass(frozen=True)
class Flag:
    """One reason to hold a post: its category, the specific kind and the text that matched."""

    category: Category
    kind: str
    match: str


# --------------------------------------------------------------------------------------
# Normalisation
# --------------------------------------------------------------------------------------

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

    def __init__(self, text: str, index: list[int], original: str) -> None:
        self.text = text
        self.index = index
        self.original = original

    @classmethod
    def fold(cls, original: str, lower: bool = True) -> _View:
        chars: list[str] = []
        index: list[int] = []
        for i, ch in enumerate(original):
            for c in _fold_char(ch, lower):
                chars.append(c)
                index.append(i)
        return cls("".join(chars), index, original)

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


def _fold_pattern(pattern: str) -> str:
    # Only non-ASCII characters are folded: ASCII holds the regex syntax (\S, \W...).
    return "".join(c if c.isascii() else _fold_char(c) for c in pattern)


# Characters that continue a word. Python's \w misses Bengali and Gurmukhi vowel signs.
_W = r"[\w\u0980-\u09ff\u0a00-\u0a7f]"
_B_START = rf"(?<!{_W})"
_B_END = rf"(?!{_W})"


def _compile(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{_fold_pattern(p)})" for p in patterns), flags)


# --------------------------------------------------------------------------------------
# Personal details
# --------------------------------------------------------------------------------------

_MAIL_PROVIDERS = (
    r"gmail|googlemail|hotmail|outlook|live|yahoo|ymail|icloud|me|mac|aol|msn|btinternet|"
    r"sky|virginmedia|talktalk|protonmail|proton|pm|gmx|mail|wp|o2|onet|interia|uol|bol|"
    r"sapo|terra|yandex"
)
_AT_WORD = r"at|arroba|malpa|arond"
_DOT_WORD = r"dot|kropka|punct|ponto|punto"
_DOT_SEP = rf"\s*(?:\.|[\(\[\{{<]\s*(?:{_DOT_WORD}|\.)\s*[\)\]\}}>]|\s(?:{_DOT_WORD})\s)\s*"
_TLD_SPOKEN = (
    rf"(?:co|org|ac|gov|nhs|com){_DOT_SEP}(?:uk|pl|pt|br)|com|uk|net|org|io|pl|ro|pt|br|me|edu"
)

_EMAIL = re.compile(
    r"(?<![\w.+-])[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w-])"
)
# "name at gmail dot com", "name(at)gmail(dot)com", "name [at] gmail . com" ...
_EMAIL_OBFUSCATED = re.compile(
    rf"(?<![\w.])(?P<local>[a-z0-9][a-z0-9._%+-]*(?:\s+(?:{_DOT_WORD}|underscore)\s+[a-z0-9._%+-]+)*)\s*"
    rf"(?:(?P<sym>@|[\(\[\{{<]\s*(?:{_AT_WORD}|@)\s*[\)\]\}}>])|\s(?P<word>{_AT_WORD})\s)\s*"
    rf"(?P<domain>[a-z0-9-]+)(?P<rest>{_DOT_SEP}(?:{_TLD_SPOKEN}))(?![\w])"
)
_SPOKEN_DOT = re.compile(rf"(?<![a-z])(?:{_DOT_WORD})(?![a-z])")

_SEP = r"[\s().\-/]{0,2}"
_PHONE_UK = re.compile(
    rf"(?<![\d+])(?:(?:\+|00){_SEP}4{_SEP}4{_SEP}(?:\(?0\)?{_SEP})?|0{_SEP})[1-37-9](?:{_SEP}\d){{8,9}}(?!\d)"
)
_PHONE_UK_BARE44 = re.compile(rf"(?<![\d+])44{_SEP}7(?:{_SEP}\d){{9}}(?!\d)")
_PHONE_INTL = re.compile(rf"(?<![\d\w])(?:\+|00){_SEP}[1-9](?:{_SEP}\d){{7,13}}(?!\d)")
_PHONE_WORDS = (
    r"call|ring|text|txt|phone|tel|telephone|mobile|mob|number|num|no\.|whatsapp|whats app|"
    r"contact|telefon|telefonu|numer|numar|numarul|telemovel|telefone|numero|"
    r"فون|نمبر|موبائل|رقم|هاتف|جوال|واتساب|ফোন|নম্বর|নাম্বার|ਫੋਨ|ਨੰਬਰ|ਨੰਬਰ"
)
_PHONE_KEYWORD = _compile(
    [rf"(?<![a-z])(?:{_PHONE_WORDS})\D{{0,20}}?(?P<num>(?<!\d)\d(?:[\s.\-]?\d){{5,12}})(?!\d)"]
)

_POSTCODE = re.compile(
    r"(?<![a-z0-9])(?P<out>[a-z]{1,2}\d[a-z\d]?)\s*(?P<in>\d[abd-hjlnp-uw-z]{2})(?![a-z0-9])"
)

_STREET_WORDS = (
    r"road|rd|street|st|avenue|ave|av|lane|ln|crescent|cres|gardens|gdns|terrace|terr|mews|"
    r"boulevard|grove|gr|drive|dr|close|cl|way|court|ct|place|pl|square|sq|walk|rise|hill|"
    r"row|view|green|parade|vale|croft|end|park|estate|approach|gate|wharf|mead|meadow|"
    r"meadows|fields|heights"
)
# Street words that are also everyday words need a capitalised street name, or an
# address cue before them, to count.
_AMBIGUOUS_STREET = {
    "close", "cl", "way", "court", "ct", "place", "pl", "walk", "rise", "hill", "row",
    "view", "green", "end", "park", "estate", "approach", "gate", "fields",
    "meadow", "meadows", "heights", "gr", "vale", "square", "sq", "mead",
}  # fmt: skip
_NOT_STREET_NAME = {
    "the", "a", "an", "on", "in", "at", "to", "of", "for", "from", "my", "your", "our",
    "their", "his", "her", "its", "this", "that", "these", "those", "and", "or", "but",
    "per", "each", "every", "more", "less", "than", "other", "same", "busy", "minutes",
    "minute", "mins", "min", "hours", "hour", "hrs", "hr", "days", "day", "weeks", "week",
    "months", "month", "years", "year", "yrs", "times", "time", "people", "kids",
    "children", "cars", "car", "buses", "bus", "houses", "homes", "flats", "percent",
    "pounds", "quid", "miles", "mile", "km", "kms", "metres", "meters", "yards", "steps",
    "stops", "stop", "lanes", "roads", "streets", "is", "are", "was", "were", "be", "been",
    "i", "we", "you", "they", "he", "she", "it", "me", "us", "them", "have", "has", "had",
    "do", "does", "did", "not", "no", "only", "just", "about", "around", "over", "under",
    "up", "down", "off", "out", "into", "onto", "by", "with", "without", "near", "along",
    "across", "through", "past", "both", "all", "some", "any", "many", "much", "few",
    "most", "very", "so", "too", "also", "still", "away", "back", "mph", "way",
    "bad", "good", "dangerous", "whole", "entire", "wheel", "lovely", "nice", "quiet",
    "speed", "parking", "spaces", "potholes", "lights", "trees", "bins", "benches",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "tonnes", "tons", "kg", "lb", "degrees", "am", "pm", "hundred", "thousand", "million",
}  # fmt: skip
_ADDRESS_CUE = (
    r"live\s+(?:at|on|in)|lives\s+(?:at|on|in)|living\s+(?:at|on|in)|address|my\s+house|"
    r"my\s+flat|flat|come\s+to|come\s+round\s+to|house\s+is|staying\s+at|moved\s+to|"
    r"mieszkam|mieszka|locuiesc|moro|vivo|رہتا|رہتی|رہتے|اعيش|اسكن|থাকি|ਰਹਿੰਦਾ|ਰਹਿੰਦੀ"
)
_NAME_TOKEN = r"[a-z][a-z'\-]*"  # noqa: S105 - a regex, not a password  # nosec B105
_ADDRESS_EN = re.compile(
    rf"(?<![\w£$€.,])(?P<num>\d{{1,4}}[a-z]?)(?:\s*,)?\s+"
    rf"(?P<name>(?:{_NAME_TOKEN}\.?\s+){{1,3}})(?P<street>{_STREET_WORDS})\b\.?"
)
_ADDRESS_EN_CASED = re.compile(
    r"(?<![\w£$€.,])(?P<num>\d{1,4}[A-Za-z]?)(?:\s*,)?\s+"
    r"(?P<name>(?:(?:St\.?|[A-Z][a-z'\-]+)\s+){1,3})"
    r"(?P<street>Close|Way|Court|Place|Walk|Rise|Hill|Row|View|Green|End|Park|Estate|"
    r"Approach|Gate|Drive|Dr|Fields|Meadows?|Heights|St|Grove|Vale|Square|Sq|Mead|Cl|Ct|Pl)\b\.?"
)
_ADDRESS_FOREIGN = _compile(
    [
        # Polish: ul. Mickiewicza 12/3
        r"(?<![a-z])(?:ul\.?|ulica|ulicy|aleja|al\.|os\.|osiedle)\s+(?:[a-z][a-z'\-]*[.,]?\s+){1,3}\d{1,4}[a-z]?(?:\s*/\s*\d{1,4})?(?!\d)",
        # Romanian: strada Victoriei nr. 5
        r"(?<![a-z])(?:strada|str\.|bulevardul|bd\.|calea|aleea|soseaua|sos\.)\s*(?:[a-z][a-z'\-]*[.,]?\s+){1,3},?\s*(?:nr\.?\s*)?\d{1,4}[a-z]?(?!\d)",
        # Portuguese: Rua das Flores, nº 12
        r"(?<![a-z])(?:rua|avenida|av\.|travessa|largo|praca|estrada|alameda)\s+(?:[a-z][a-z'\-]*[.,]?\s+){1,4},?\s*(?:n\.?\s*o?\.?\s*|numero\s+)?\d{1,4}[a-z]?(?!\d)",
        r"(?<![a-z])(?:numero|n\.?o)\s*\d{1,4}\s+d[ao]\s+(?:rua|avenida)\s+\S+",
        # English street names written in other scripts: 12 ہچن روڈ, ১২ হিচিন রোড
        r"(?<!\d)\d{1,4}\s*,?\s+(?:\S+\s+){1,3}?(?:روڈ|روڈ|سٹریٹ|اسٹریٹ|سٹریٹ|لین|ایونیو|রোড|স্ট্রিট|লেন|এভিনিউ|ਰੋਡ|ਸਟ੍ਰੀਟ|ਸਟਰੀਟ|ਲੇਨ|ਐਵੇਨਿਊ)",
        # Arabic: شارع ... 12
        r"(?:شارع|طريق)\s+(?:\S+\s+){1,3}?(?:رقم\s+)?\d{1,4}(?!\d)",
        r"(?<!\d)\d{1,4}\s*[،,]?\s*(?:شارع|طريق)\s+\S+",
    ]
)

_PLATFORM = (
    r"snap\s*chat|snapchat|snap|sc|insta\s*gram|instagram|insta|ig|tik\s*tok|tiktok|tt|"
    r"discord|whats\s*app|whatsapp|wa|kik|telegram|fb|facebook|twitter|threads|bereal|"
    r"twitch|youtube|yt|roblox|xbox|psn|steam|signal|"
    r"سنیپ\s*چیٹ|سنیپ|اسنیپ|سناب\s*شات|سناب|سناپ|انسٹا|انسٹاگرام|انستا|انستغرام|انستقرام|"
    r"ٹک\s*ٹاک|تیک\s*توک|واٹس\s*ایپ|واتس\s*اب|واتساب|ڈسکارڈ|دیسکورد|تلیجرام|"
    r"ইনস্টা|ইনস্টাগ্রাম|স্ন্যাপ|স্ন্যাপচ্যাট|টিকটক|হোয়াটসঅ্যাপ|ডিসকর্ড|"
    r"ਇੰਸਟਾ|ਇੰਸਟਾਗ੍ਰਾਮ|ਸਨੈਪ|ਸਨੈਪਚੈਟ|ਟਿਕਟੌਕ|ਟਿਕਟਾਕ|ਵਟਸਐਪ"
)
_HANDLE_ID = r"(?P<id>@?[a-z0-9_][a-z0-9_.]{2,29})"
# Without an "is"/":" before it, only a token that looks like a username (has a digit, "_",
# "." or "@") is taken as the handle.
_HANDLE_ID_STRICT = (
    r"(?P<id>@[a-z0-9_.]{2,30}|(?=[a-z0-9_.]*[a-z])[a-z0-9_.]*[0-9_.][a-z0-9_.]*[a-z0-9_])(?![\w@])"
)
_POSSESSIVE = (
    r"my|mine|moj|moja|moje|mojego|moim|meu|minha|mea|mera|meri|mere|"
    r"میرا|میری|میرے|আমার|ਮੇਰਾ|ਮੇਰੀ|ਮੇਰੇ|حسابي|حسابى"
)
_IS_WORDS = r"is|=|:|-|to|e|é|este|hai|he|ہے|হল|হলো|ਹੈ|هو|name\s+is|username\s+is|handle\s+is"
_CONTACT_EN = (
    r"add|dm|message|msg|text|snap|follow|hmu|hit|inbox|pm|find|chat\s+to|talk\s+to|contact|"
    r"reach|ping"
)
_CONTACT_OTHER = (
    r"dodaj\s+mnie|napisz\s+do\s+mnie|napisz|pisz\s+do\s+mnie|obserwuj\s+mnie|da-?mi\s+add|"
    r"adauga-?ma|scrie-?mi|urmareste-?ma|me\s+adiciona|adiciona-?me|me\s+segue|segue-?me|"
    r"me\s+chama|chama-?me|manda\s+mensagem|mujhe|mainu|menu|amake|ضيفني|تابعني|راسلني|"
    r"كلمني|مجھے|আমাকে|ਮੈਨੂੰ"
)
_PLATFORM_END = r"(?:ie|a|u|ul|-ul|-u|'?s)?(?![\w])"
_HANDLE_AFTER_CUE = re.compile(rf"[^\n]{{0,25}}?(?<![\w.@]){_HANDLE_ID_STRICT}")
_HANDLE_PATTERNS = [
    re.compile(_fold_pattern(p))
    for p in (
        # "@5pm" is a time and "jo@x.com" an address, so neither counts as a handle
        r"(?<![\w.@/])(?P<id>@(?!\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?\b)"
        r"(?!(?:home|school|work|the|park)\b)[a-z0-9_][a-z0-9_.]{1,29})",
        # discord-style tag name#1234
        r"(?<![\w#])(?P<id>[a-z0-9_.]{2,32}#\d{4})(?!\d)",
        # "i'm on snap as jaydenx_07", "find me on insta as maya.k"
        rf"(?<![\w])(?:on|in)\s+(?:{_PLATFORM}){_PLATFORM_END}\s+(?:as|under|[:@=-])\s*{_HANDLE_ID_STRICT}",
        # "my insta is jess.x", "mój snap to kasia_08", "میرا سنیپ ali_22 ہے"
        rf"(?<![\w])(?:{_POSSESSIVE})\s+(?:\S+\s+)?(?:{_PLATFORM}){_PLATFORM_END}\s*"
        rf"(?:(?:{_IS_WORDS})\s*)?{_HANDLE_ID_STRICT}",
        rf"(?<![\w])(?:{_POSSESSIVE})\s+(?:\S+\s+)?(?:{_PLATFORM}){_PLATFORM_END}\s*"
        rf"(?:name\s+|username\s+|handle\s+|account\s+)?(?:is|=|:|to|é|e|este|hai|ہے|হল|ਹੈ)\s*{_HANDLE_ID}",
        rf"(?<![\w])(?:{_PLATFORM})(?:-?ul)?\s+meu\s+(?:e|este)\s+{_HANDLE_ID}",
        # "sc: jess_09", "ig - @maya"
        rf"(?<![\w])(?:{_PLATFORM})\s*(?::|=|-|–|>)\s*{_HANDLE_ID}",
        # "add me on snap", "dm me on insta", "dodaj mnie na snapie", "mujhe insta pe add karo"
        rf"(?<![\w])(?:{_CONTACT_EN})\s+me(?:\s+up)?\s+(?:on|at|via|in|@)?\s*(?:{_PLATFORM}){_PLATFORM_END}"
        rf"(?:\s*(?:(?:{_IS_WORDS})\s*)?{_HANDLE_ID_STRICT})?",
        rf"(?<![\w])(?:{_CONTACT_OTHER})\s+(?:na|pe|no|pr|par|on|پر|پہ|এ|ਤੇ|على|ع)?\s*(?:{_PLATFORM}){_PLATFORM_END}"
        rf"(?:\s*(?:(?:{_IS_WORDS})\s*)?{_HANDLE_ID_STRICT})?",
        rf"(?<![\w])(?:{_PLATFORM})\S{{0,3}}\s+(?:pe|par|pr|py|پر|پہ|তে|ਤੇ)?\s*"
        r"(?:add|ایڈ|অ্যাড|ਐਡ|follow|message|msg|فالو)\s*(?:kar|kr|karo|kro|krna|kijiye|کرو|کریں|করো|ਕਰੋ|ਕਰ)",
        r"(?<![\w\d])(?<!\d\s)(?:snap|dm|pm|inbox)\s+me\b",
        r"(?<![\w])(?:hmu|hit\s+me\s+up|ضيفني|تابعني|راسلني)(?![\w])",
        r"(?<![\w])slide\s+(?:into|in)\s+my\s+dms?\b",
    )
]

_TLDS = (
    r"com|net|org|co\.uk|org\.uk|gov\.uk|ac\.uk|nhs\.uk|uk|io|me|ly|gg|tv|app|info|biz|xyz|"
    r"pl|ro|pt|br|pk|bd|ae|sa|eg|eu|link|site|online|shop|club|live|ai|dev"
)
_LINK = re.compile(
    rf"(?:https?://|www\.)[^\s<>\"']+|(?<![@\w.\-])(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.)+"
    rf"(?:{_TLDS})(?![\w-])(?:/[^\s<>\"']*)?|"
    rf"(?<![\w])[a-z0-9-]{{2,}}\s*(?:\(dot\)|\[dot\]|\[\.\]|\s+dot\s+)\s*(?:com|co\s*(?:\.|dot)?\s*uk|net|org|io)\b"
)

_SCHOOL_SUFFIX = (
    r"high\s+school|high|academy|primary\s+school|primary|secondary\s+school|"
    r"junior\s+school|junior\s+academy|juniors?|infants?\s+school|infants|lower\s+school|"
    r"middle\s+school|upper\s+school|grammar\s+school|sixth\s+form\s+college|sixth\s+form|"
    r"catholic\s+school|c\s*of\s*e\s+(?:primary|school|academy)|ce\s+(?:primary|academy)|"
    r"free\s+school|college|school"
)
_SCHOOL_STOP = {
    "the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that",
    "which", "what", "any", "every", "each", "local", "new", "old", "nearby", "good",
    "great", "best", "worst", "bad", "big", "small", "secondary", "primary", "high",
    "junior", "infant", "grammar", "girls", "boys", "state", "private", "faith", "special",
    "sunday", "summer", "driving", "dance", "drama", "swimming", "football", "music", "art",
    "boarding", "night", "after", "holiday", "forest", "language", "very", "too", "so",
    "really", "quite", "pretty", "super", "sports", "sport", "coding", "tennis", "boxing",
    "cricket", "rugby", "netball", "youth", "free", "catholic", "one", "no", "some", "at",
    "to", "in", "from", "of", "for", "and", "or", "near", "by", "next", "before",
    "go", "goes", "went", "attend", "attends", "i", "we", "you", "they", "he", "she",
    "year", "uni", "university", "first", "second", "third", "other", "another", "same",
    "different", "public", "council", "all", "more", "less", "most", "way",
    "far", "is", "are", "was", "were", "be", "prices", "level", "levels", "rents",
    "rent", "costs", "cost", "traffic", "pollution", "crime", "speed", "demand",
    "numbers", "teacher", "teachers", "stay", "stays", "leave", "left", "class",
    "classes", "lessons", "home", "finish", "finished", "start", "started", "about",
    "son's", "sons", "daughter's", "daughters", "kid's", "kids", "child's", "children's",
    "childrens", "children", "friend's", "friends", "brother's", "sister's", "nephew's",
    "niece's", "grandson's", "granddaughter's", "parents", "mums", "dads", "nice",
    "lovely", "amazing", "brilliant", "proper", "real", "actual", "whole", "entire",
}  # fmt: skip
_SCHOOL_CASED = re.compile(
    r"(?<![\w])(?P<name>(?:(?:St\.?|[A-Z][a-z'’\-]+)\s+)(?:(?:St\.?|[A-Z][a-z'’\-]+|of|the|and|&|de|le)\s+){0,3})"
    r"(?P<suffix>(?i:high\s+school|primary\s+school|secondary\s+school|junior\s+school|"
    r"infants?\s+school|grammar\s+school|sixth\s+form\s+college|catholic\s+school|"
    r"c\s*of\s*e\s+(?:primary|school|academy)|high|academy|primary|juniors?|infants|"
    r"sixth\s+form)|School|College|Lower\s+School|Middle\s+School|Upper\s+School|Free\s+School)(?![\w])"
)
_SCHOOL_LOWER = re.compile(
    rf"(?<![\w])(?P<name>(?:{_NAME_TOKEN}\s+){{1,3}})"
    rf"(?P<suffix>high\s+school|academy|primary\s+school|secondary\s+school|junior\s+school|"
    rf"infants?\s+school|grammar\s+school|sixth\s+form\s+college|catholic\s+school)(?![\w])"
)
_SCHOOL_CUE = re.compile(
    rf"(?:go(?:es)?\s+to|went\s+to|going\s+to|attend(?:s|ed|ing)?|study\s+at|studying\s+at|"
    rf"student\s+at|pupil\s+at|year\s+\d+\s+(?:at|in)|teacher\s+at|chodze\s+do|merg\s+la|"
    rf"estudo\s+n[ao]|ando\s+n[ao])\s+(?P<name>(?:{_NAME_TOKEN}\s+){{1,3}})"
    rf"(?P<suffix>{_SCHOOL_SUFFIX})(?![\w])"
)
# Luton's own schools, which people name without a suffix or in lower case.
_LUTON_SCHOOLS = re.compile(
    r"(?<![\w])(?:cardinal\s+newman|lea\s+manor\s+high|stopsley\s+high|denbigh\s+high|"
    r"icknield\s+(?:high|primary)|putteridge\s+(?:high|primary)|challney\s+(?:high|boys|girls)|"
    r"ashcroft\s+high|lealands\s+high|chalk\s+hills(?:\s+academy)?|stockwood\s+park\s+academy|"
    r"barnfield\s+(?:college|west|south)|luton\s+sixth\s+form(?:\s+college)?|"
    r"south\s+hill\s+(?:school|primary|academy)|whipperley\s+infant|ramridge\s+primary|"
    r"sundon\s+park\s+(?:academy|junior)|wenlock\s+(?:ce|junior)|ferrars\s+academy|"
    r"beech\s+hill\s+(?:primary|academy)|surrey\s+street\s+primary|tennyson\s+road\s+primary|"
    r"pirton\s+hill\s+primary|hart\s+hill\s+primary|foxdell\s+(?:infant|junior)|"
    r"waulud\s+primary|william\s+austin|bushmead\s+primary|chantry\s+primary|"
    r"dallow\s+primary|norton\s+road\s+primary|maidenhall\s+(?:primary|academy)|"
    r"someries\s+(?:infant|junior)|warden\s+hill\s+(?:infant|junior)|crawley\s+green\s+infant|"
    r"st\.?\s+(?:joseph'?s|margaret\s+of\s+scotland|martin\s+de\s+porres|matthew'?s)"
    r"(?:\s+(?:primary|catholic|school|rc|infant|junior|academy|c\s*of\s*e))+)(?![\w])"
)
_SCHOOL_FOREIGN = _compile(
    [
        r"(?<![a-z])(?:szkol[aeyi]|liceum|gimnazjum|technikum)\s+(?:podstawow\w+\s+|sredni\w+\s+|ogolnoksztalcace\w*\s+)?(?:nr\.?\s*\d+|im\.?\s+\w+)",
        r"(?<![a-z])(?:scoala|liceul|colegiul)\s+(?:gimnaziala\s+|generala\s+|nationala?\s+|teoretic\s+)?nr\.?\s*\d+",
        r"(?<![a-z])(?:escola|colegio|agrupamento)\s+(?:basica\s+|secundaria\s+|estadual\s+|municipal\s+)(?:d[aoe]s?\s+)?[a-z]+",
    ]
)
# A school named in another script: the word before "High School"/"Academy" is the name.
_SCHOOL_FOREIGN_NAMED = [
    re.compile(_fold_pattern(p))
    for p in (
        r"(?<!\S)(?P<name>\S+)\s+(?:ہائی\s+اسکول|ہائی\s+سکول|اکیڈمی|پرائمری\s+اسکول|پرائمری\s+سکول)",
        r"(?<!\S)(?P<name>\S+)\s+(?:হাই\s+স্কুল|একাডেমি|একাডেমী|প্রাইমারি\s+স্কুল)",
        r"(?<!\S)(?P<name>\S+)\s+(?:ਹਾਈ\s+ਸਕੂਲ|ਅਕੈਡਮੀ|ਪ੍ਰਾਇਮਰੀ\s+ਸਕੂਲ)",
        r"(?:اكاديمية|أكاديمية|مدرسة|ثانوية)\s+(?!ال)(?P<name>\S+)\s+(?:الثانوية|الابتدائية|هاي|اكاديمي)",
        r"(?:اكاديمية|أكاديمية)\s+(?!ال)(?P<name>\S+)",
    )
]
_FOREIGN_SCHOOL_STOP = {
    _fold_pattern(w)
    for w in (  # noqa: SIM905 - a word list reads better as one string per language
        # Urdu
        "میرے میرا میری ہمارے ہمارا ہماری اس یہ وہ ایک نیا نئے نئی کسی قریبی اچھا اچھے "
        # Bengali
        "আমার আমাদের এই ওই সেই নতুন একটা একটি কাছের স্থানীয় ভালো "
        # Panjabi
        "ਮੇਰੇ ਮੇਰਾ ਮੇਰੀ ਸਾਡੇ ਸਾਡਾ ਸਾਡੀ ਇਸ ਇਹ ਉਹ ਨਵਾਂ ਨਵੇਂ ਇੱਕ ਕੋਈ ਨੇੜੇ ਚੰਗਾ "
        # Arabic
        "جديدة جيدة قريبة كبيرة صغيرة خاصة حكومية في من هنا"
    ).split()
}


# --------------------------------------------------------------------------------------
# Risk (safeguarding): the patterns are in risk_patterns.py
# --------------------------------------------------------------------------------------

_RISK_COMPILED = {kind: _compile(patterns) for kind, patterns in _RISK_PATTERNS.items()}


# --------------------------------------------------------------------------------------
# Abuse word lists
# --------------------------------------------------------------------------------------

_LEET = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a", "!": "i"}
_VOWELS = set("aeiouy")
_ARABIC_PREFIX = "(?:(?:و|ف|ب|ل|ک)?(?:ال)?)"


def _term_regex(term: str, arabic: bool) -> str:
    """A word-list term as a regex that tolerates repeated letters, masking and separators."""
    folded = _fold_pattern(term.lower())
    starts_open = folded.startswith("*")
    ends_open = folded.endswith("*")
    words = re.split(r"[\s\-']+", folded.strip("*"))
    word_res = []
    for word in words:
        runs = [(m.group(0)[0], len(m.group(0))) for m in re.finditer(r"(.)\1*", word)]
        pieces = []
        for i, (ch, n) in enumerate(runs):
            if "a" <= ch <= "z":
                # Vowels stretch freely ("fuuuck"); a consonant must appear as in the term or
                # three or more times, so "paki" does not match the Urdu "pakki" (sure).
                if ch in _VOWELS or n >= 3:
                    piece = f"{ch}{{{n},}}"
                else:
                    piece = f"(?:{ch}{{{n}}}|{ch}{{3,}})"
                if 0 < i < len(runs) - 1:
                    piece = f"(?:{piece}|\\*+)"
                pieces.append(piece)
            else:
                pieces.append(re.escape(ch * n))
        # "f.u.c.k", "f-u-c-k": a single separator may split Latin letters.
        word_res.append(r"[._\-]?".join(pieces) if word.isascii() else "".join(pieces))
    body = r"[\s\-_.']*".join(word_res)
    if arabic:
        body = _ARABIC_PREFIX + body
    # An open end still reports the whole word ("kurwa", not "kurw"). The word boundary
    # before the term is added once for all terms, in _abuse_regex().
    start = f"{_W}*" if starts_open else ""
    end = f"{_W}*" if ends_open else _B_END
    spaced = _spaced_form(folded.strip("*"))
    if spaced:
        body = f"(?:{body}|{spaced})"
    return f"{start}{body}{end}"


def _spaced_form(term: str) -> str | None:
    """Match a one-word Latin term with every letter split by one separator: "f u c k"."""
    if not (term.isascii() and term.isalpha() and len(term) >= 4):
        return None
    return r"[\s.\-_*]".join(re.escape(c) for c in term)


def _read_wordlist(path: Path) -> list[str]:
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            terms.append(line)
    return terms


@cache
def _abuse_regex() -> re.Pattern[str]:
    parts = []
    for lang in LANGUAGES:
        path = WORDLIST_DIR / f"{lang}.txt"
        if path.exists():
            parts += [_term_regex(t, arabic=lang == "ar") for t in _read_wordlist(path)]
    if not parts:
        return re.compile(r"(?!)")
    # Longest first, so "motherfucker" is reported whole rather than as "fucker". One
    # boundary check in front lets a position inside a word fail at once.
    parts.sort(key=len, reverse=True)
    return re.compile(_B_START + "(?:" + "|".join(f"(?:{p})" for p in parts) + ")")


# --------------------------------------------------------------------------------------
# Detection
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    category: Category
    kind: str
    start: int
    end: int
    # The part to replace by redact(); None when there is nothing identifying to remove.
    redact: tuple[int, int] | None


def _group_span(m: re.Match[str], group: str) -> tuple[int, int] | None:
    if group not in m.re.groupindex:
        return None
    start, end = m.span(group)
    return (start, end) if start >= 0 else None


def _personal_hits(text: str) -> list[_Hit]:
    folded = _View.fold(text)
    cased = _View.fold(text, lower=False)
    hits: list[_Hit] = []
    taken: list[tuple[int, int]] = []

    def add(
        kind: str,
        view: _View,
        start: int,
        end: int,
        red: tuple[int, int] | None = None,
        redact_whole: bool = True,
    ) -> None:
        s, e = view.span(start, end)
        if any(s < te and ts < e for ts, te in taken):
            return
        red_span = view.span(*red) if red else (s, e) if redact_whole else None
        taken.append((s, e))
        hits.append(_Hit(Category.PERSONAL, kind, s, e, red_span))

    t = folded.text
    for m in _EMAIL.finditer(t):
        add("email", folded, *m.span())
    for m in _EMAIL_OBFUSCATED.finditer(t):
        # "look at bbc.com" is a link, not an address: a spoken "at" needs a known mail
        # provider or a spoken "dot" to count.
        if (
            m.group("word")
            and not _SPOKEN_DOT.search(m.group("rest"))
            and not re.fullmatch(_MAIL_PROVIDERS, m.group("domain"))
        ):
            continue
        add("email", folded, *m.span())
    for m in _LINK.finditer(t):
        end = m.end()
        while end > m.start() and t[end - 1] in ".,;:!?)]}'\"":
            end -= 1
        if _PUBLIC_LINK.search(t[m.start() : end]):
            continue  # the council's own pages (or the NHS's, the police's) name nobody
        add("link", folded, m.start(), end)
    for rx in (_PHONE_UK, _PHONE_UK_BARE44, _PHONE_INTL):
        for m in rx.finditer(t):
            add("phone", folded, *m.span())
    for m in _PHONE_KEYWORD.finditer(t):
        digits = re.sub(r"\D", "", m.group("num"))
        if re.fullmatch(r"(?:(?:19|20)\d\d)+", digits):
            continue  # "call for 2024 2025 budgets" names years
        add("phone", folded, *m.span("num"))
    for m in _POSTCODE.finditer(t):
        outward, inward = m.group("out"), m.group("in")
        if re.fullmatch(r"[am]\d+", outward) and inward[1:] in ("am", "pm"):
            continue  # "the A14 2pm" is a road and a time
        if _public_building_before(t, m.start()):
            continue
        add("postcode", folded, *m.span())
    for m in _ADDRESS_EN.finditer(t):
        names = m.group("name").split()
        street = m.group("street")
        if any(n.strip(".") in _NOT_STREET_NAME for n in names):
            continue
        if street in _AMBIGUOUS_STREET and not re.search(
            rf"(?:{_ADDRESS_CUE})\W+(?:\w+\W+){{0,3}}$", t[max(0, m.start() - 40) : m.start()]
        ):
            continue
        if _public_building_before(t, m.start()):
            continue
        add("address", folded, *m.span())
    for m in _ADDRESS_EN_CASED.finditer(cased.text):
        names = m.group("name").split()
        if any(n.lower().strip(".") in _NOT_STREET_NAME for n in names):
            continue
        if _public_building_before(cased.text.lower(), m.start()):
            continue
        add("address", cased, *m.span())
    for m in _ADDRESS_FOREIGN.finditer(t):
        add("address", folded, *m.span())
    for rx in _HANDLE_PATTERNS:
        for m in rx.finditer(t):
            # "add me on snap" alone names nobody: flag it, but there is nothing to remove.
            add("handle", folded, *m.span(), _group_span(m, "id"), redact_whole=False)
            if _group_span(m, "id") is None:
                # "mujhe insta pe add karo, bilal.22": the username may follow the cue.
                nxt = _HANDLE_AFTER_CUE.match(t, m.end())
                if nxt:
                    add("handle", folded, *nxt.span("id"))
    _school_hits(folded, cased, add)
    for start, end in find_phones(t):
        add("phone", folded, start, end)
    for start, end in school_spans(t):
        add("school", folded, start, end)
    for which, start, end in name_spans(cased.text, t):
        add("name", cased if which == "cased" else folded, start, end)
    return hits


_PUBLIC_LINK = re.compile(
    r"(?:^|[/.@])(?:[a-z0-9-]+\.)*(?:gov\.uk|nhs\.uk|police\.uk)(?![a-z0-9.-])"
)
# "I live near the library, 5 Oak Road": a building named as a landmark beside someone's home.
_HOME_CUE = re.compile(
    r"\b(?:live|living|lives|my\s+(?:house|home|flat|address)|our\s+(?:house|home|flat)|i'?m\s+at|"
    r"we'?re\s+at|near|next\s+to|opposite|behind|round\s+the\s+corner|come\s+to|come\s+round)\b"
)
_PUBLIC_BUILDING = re.compile(
    r"(?:town\s+hall|library|council|civic\s+cent|hat\s+factory|leisure\s+cent|community\s+cent|"
    r"customer\s+service|station|museum|futures\s+house|youth\s+(?:club|centre|center)|"
    r"health\s+cent|hospital|police|fire\s+station|job\s*centre|market|mall)[^.!?\n]{0,40}$"
)


def _public_building_before(text: str, start: int) -> bool:
    """Whether the address or postcode at ``start`` follows the name of a public building."""
    before = text[max(0, start - 60) : start]
    return bool(_PUBLIC_BUILDING.search(before)) and not _HOME_CUE.search(before)


def _school_hits(folded: _View, cased: _View, add) -> None:
    for m in _LUTON_SCHOOLS.finditer(folded.text):
        add("school", folded, *m.span())
    for rx, view in ((_SCHOOL_CASED, cased), (_SCHOOL_CUE, folded), (_SCHOOL_LOWER, folded)):
        for m in rx.finditer(view.text):
            # The name is the run of words before the suffix up to the first stop word:
            # "parents at Denbigh High" names "Denbigh", "the football academy" nothing.
            tokens = list(re.finditer(r"\S+", m.group("name")))
            keep = 0
            for tok in reversed(tokens):
                if tok.group(0).strip(".'’").lower() in _SCHOOL_STOP:
                    break
                keep += 1
            if not keep:
                continue
            start = m.start("name") + tokens[len(tokens) - keep].start()
            add("school", view, start, m.end())
    for m in _SCHOOL_FOREIGN.finditer(folded.text):
        add("school", folded, *m.span())
    for rx in _SCHOOL_FOREIGN_NAMED:
        for m in rx.finditer(folded.text):
            if m.group("name") not in _FOREIGN_SCHOOL_STOP:
                add("school", folded, m.start("name"), m.end())


def _risk_hits(text: str) -> list[_Hit]:
    base = _View.fold(text)
    views = [base]
    if re.search(r"(\w)\1\1", base.text):
        views += [base.squeeze(1), base.squeeze(2)]
    hits = []
    for kind, rx in _RISK_COMPILED.items():
        for view in views:
            for m in rx.finditer(view.text):
                s, e = view.span(*m.span())
                hits.append(_Hit(Category.RISK, kind, s, e, None))
    return hits


def _abuse_hits(text: str) -> list[_Hit]:
    view = _View.fold(text).leet()
    hits = []
    for m in _abuse_regex().finditer(view.text):
        if m.end() == m.start():
            continue
        s, e = view.span(*m.span())
        hits.append(_Hit(Category.ABUSE, "abuse", s, e, None))
    return hits


_CATEGORY_ORDER = {Category.PERSONAL: 0, Category.ABUSE: 1, Category.RISK: 2}


def _all_hits(text: str) -> Iterator[_Hit]:
    hits = _personal_hits(text) + _abuse_hits(text) + _risk_hits(text)
    hits.sort(key=lambda h: (h.start, _CATEGORY_ORDER[h.category], h.kind, -h.end))
    return iter(hits)


def check_text(text: str) -> list[Flag]:
    """Every flag the rules raise in ``text`` (in order of appearance), then the model's.

    A category is flagged when the rules or the model say so: the model adds a flag of kind
    "model" (matching the whole text) for each category the rules did not already raise.
    """
    if not text:
        return []
    seen: set[Flag] = set()
    flags = []
    for hit in _all_hits(text):
        flag = Flag(hit.category, hit.kind, text[hit.start : hit.end].strip())
        if flag not in seen:
            seen.add(flag)
            flags.append(flag)
    raised = {f.category for f in flags}
    for name in model_categories(text):
        category = MODEL_CATEGORY[name]
        if category not in raised:
            flags.append(Flag(category, "model", text.strip()))
    return flags


# The model's category names (those of `flask engage check-text`) -> the rules' categories.
MODEL_CATEGORY = {
    "personal_details": Category.PERSONAL,
    "safeguarding_risk": Category.RISK,
    "abuse": Category.ABUSE,
}


def model_categories(text: str) -> set[str]:
    """The categories the learned model flags (none when its weights are not installed)."""
    from engage.moderation import model

    loaded = model.load()
    return loaded.categories(text) if loaded is not None else set()


def categories(text: str) -> set[Category]:
    """Return the set of categories flagged in ``text``."""
    return {flag.category for flag in check_text(text)}


def redact(text: str) -> str:
    """Return ``text`` with each personal detail replaced by "[removed]"."""
    if not text:
        return text
    spans = sorted(h.redact for h in _personal_hits(text) if h.redact)
    merged: list[list[int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out = []
    last = 0
    for start, end in merged:
        out.append(text[last:start])
        out.append(REDACTED)
        last = end
    out.append(text[last:])
    return "".join(out)


def fold(text: str) -> str:
    """The normalised text every check reads (case, digits, accents and letter variants folded)."""
    return _View.fold(text).text
