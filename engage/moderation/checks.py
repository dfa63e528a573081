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
list applies to every post. ``python bench/moderation_checks.py`` measures the rules on
``tests/moderation/data/labelled_messages.csv``.
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
_NAME_TOKEN = r"[a-z][a-z'\-]*"  # noqa: S105 - a regex, not a password
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
# Risk (safeguarding)
# --------------------------------------------------------------------------------------

# A first-person subject and the words that may stand between it and the verb.
_LEAD = r"\b(?:i|i'?m|i'?ve|i'?ll|i'?d|imma|ima|me\s+gonna)\b"
_AUX = (
    r"(?:\s+(?:am|will|would|just|really|honestly|seriously|literally|actually|genuinely|"
    r"kinda|lowkey|so|still|even|also|sometimes|often|always|want|wanna|wanted|going|gonna|"
    r"gna|to|might|may|could|should|plan|planning|planned|on|decided|ready|about|thinking|"
    r"think|thought|of|wish|need|have|had|been|feel|feeling|like|gotta|try|trying|tried|"
    r"keep|kept|do|never|already|almost|nearly|probably|prob|definitely|def|tonight|today|"
    r"soon|now|tbh|fr|and|finally|swear|i|just|can|could|go|gonna|rather)){0,8}"
)
_NOT_FIGURATIVE = (
    r"(?!\s+(?:of|for|laughing|from|than|if|when|in\s+the|at\s+the|with|inside|a\s+little))"
)
_SUBJ = (
    r"(?:he|she|they|dad|daddy|mum|mom|mummy|mommy|mother|father|step\s*-?\s*(?:dad|mum|mom|"
    r"father|mother)|stepdad|stepmum|uncle|aunt|auntie|brother|sister|cousin|grandad|"
    r"grandpa|granddad|grandma|grandmother|grandfather|nan|nana|boyfriend|girlfriend|bf|gf|"
    r"partner|husband|wife|carer|foster\s+(?:dad|mum|mom|parents?|carer)|teacher|coach|tutor|"
    r"neighbou?r|man|guy|lad|someone|somebody|family|parents|people\s+at\s+home|friend|mate|"
    r"boys|girls|kids|lads)"
)
_BETWEEN = (
    r"(?:\s+(?:always|keeps|keep|kept|still|often|sometimes|has|have|had|been|will|would|"
    r"used\s+to|started|starts|also|even|then|just|literally|again|really|constantly|tries\s+to|"
    r"tried\s+to|to|does|did|who|everyday|every\s+day|at\s+home|'?s|is|was|are|were|"
    r"when\s+(?:he'?s|she'?s)\s+drunk)){0,5}"
)
# "run away to the seaside": running off on holiday is not running away from home.
_HOLIDAY = (
    r"(?!\s+(?:to|for)\s+(?:the\s+|a\s+)?(?:seaside|beach|coast|sea|holidays?|circus|weekend|"
    r"spain|france|paris|disney\w*|theme\s+park|festival)\b)"
)
_ACCIDENT = (
    r"(?!\s+(?:on\s+(?!purpose)|when|while|playing|at\s+(?:the|football|work|school|training)|"
    r"by\s+accident|accidentally|slightly|a\s+bit|falling|shaving|cooking|climbing|in\s+the\s+"
    r"(?:park|playground|kitchen|garden)|with\s+(?:the|a)\s+(?:knife|scissors|door|saw|lawnmower)|"
    r"num|no|na|em|la\s+deget)\b)"
)

_RISK_PATTERNS: dict[str, list[str]] = {
    "suicide": [
        # English
        r"\bkill(?:ing|ed)?\s*(?:my\s*self|meself|myslef|mysef|my\s+slf)\b",
        r"(?<!\d)(?<!\d\s)\bkms\b",
        r"\b(?:end(?:ing)?|take|taking|took)\s+my\s+(?:own\s+)?life\b",
        r"\b(?:commit(?:ting)?|attempt(?:ed|ing)?|tried|try(?:ing)?)\s+(?:to\s+)?(?:commit\s+)?suicide\b",
        r"\bsuicidal\b",
        r"\bsuicide\s+(?:note|plan|attempt|thoughts?)\b",
        r"\b(?:thinking|think|thought|thoughts)\s+(?:about|of)\s+(?:suicide|killing\s+myself|ending\s+(?:it|my\s+life|things|everything)|dying|death|not\s+being\s+(?:here|alive)|jumping\s+(?:off|in\s+front))",
        rf"\b(?:want|wanna|wish|wishing|ready|deserve|need)\s+(?:to\s+)?(?:just\s+)?(?:die+|be\s+dead)\b{_NOT_FIGURATIVE}",
        rf"{_LEAD}{_AUX}\s+(?:end\s+it(?:\s+all)?|end\s+(?:everything|things)|die+|disappear(?:\s+forever)?|not\s+wake\s+up|never\s+wake\s+up|jump\s+(?:off|in\s+front\s+of|from)\s+(?:a|the)\s+\w+)\b{_NOT_FIGURATIVE}",
        r"\brather\s+(?:be\s+)?dead\b(?!\s+than)",
        r"\brather\s+die\b(?!\s+than|\s+of)",
        r"\bwish\s+i\s+(?:was|were|could|would|'?d)\s+(?:just\s+)?(?:dead|die|disappear|gone|not\s+(?:here|alive|born))\b",
        r"\bwish\s+i\s+(?:had|'?d)\s+never\s+been\s+born\b",
        r"\bwish\s+i\s+(?:wasn'?t|weren'?t|was\s+never|were\s+never)\s+(?:born|alive|here)\b",
        r"\bwish\s+i\s+didn'?t\s+exist\b",
        r"\bbetter\s+off\s+(?:dead|without\s+me|if\s+i\s+(?:was|were)(?:n'?t|\s+not)\s+(?:here|around|alive)|if\s+i\s+(?:was|were)\s+(?:dead|gone))",
        r"\b(?:no\s*one|nobody|noone|no\s+body|not\s+one\s+person)\s+(?:would|will|'?d|is\s+going\s+to|is\s+gonna|even)?\s*(?:even\s+)?(?:miss|care|notice|cares|notices|misses|loves|wants)\s+(?:me\b|if\s+i\b|about\s+me\b|that\s+i\b)",
        # "nobody at home would care": the clause ends there, nothing else is cared about.
        r"\b(?:no\s*one|nobody|noone)(?:\s+(?:at\s+home|here|in\s+my\s+family|in\s+the\s+world))?\s+(?:would|will|'?d)\s+(?:even\s+|really\s+)?(?:care|notice)\b(?=\s*(?:[.!?,;]|$|\s+(?:anyway|tbh|if\s+i|when\s+i|at\s+all)\b))",
        r"\b(?:no\s+(?:reason|point)|nothing(?:\s+left)?)\s+(?:to|in)\s+(?:live|living|life|being\s+alive|go(?:ing)?\s+on|carry(?:ing)?\s+on)\b",
        r"\b(?:see|find|any|there'?s\s+no|isn'?t\s+any|is\s+there\s+any)\s+(?:the\s+)?(?:point|reason)\s+(?:in|of|to|for)\s+(?:living|life|being\s+alive|going\s+on|carrying\s+on|existing|being\s+here|me\s+being\s+here|trying\s+any\s*more)\b",
        r"\b(?:giv(?:e|ing)\s+up\s+on\s+(?:life|living|everything|myself)|feel\s+like\s+giving\s+up\s+on\s+(?:life|everything))\b",
        r"\bnothing\s+(?:left\s+)?to\s+live\s+for\b",
        r"\b(?:don'?t|do\s+not|dont|no\s+longer|never|doesn'?t)\s+want\s+to\s+(?:live(?!\s+(?:in|here|there|on|near|at|with|next|by|close|somewhere|like))|be\s+alive|be\s+here\s+(?:any\s*more|anymore)|exist|wake\s+up|carry\s+on|go\s+on)\b",
        r"\bcan'?t\s+(?:go\s+on|carry\s+on|cope|do\s+this|keep\s+going|take\s+it)\s+(?:any\s*more|anymore|like\s+this)\b",
        r"\b(?:done|finished|tired|sick)\s+(?:with|of)\s+(?:life|living|being\s+alive|existing)\b"
        r"(?!\s+(?:next|near|in|here|there|with|on|at|by|beside|like|under|opposite|round)\b)",
        r"\blife\s+(?:is|isn'?t|isnt|is\s+not|aint|ain'?t)\s+(?:not\s+)?worth\s+(?:living|it)\b",
        r"\bnot\s+worth\s+living\b",
        r"\b(?:take|took|taking|swallow(?:ed|ing)?)\s+(?:an\s+)?overdose\b",
        r"\b(?:take|took|taking|swallow(?:ed|ing)?|down(?:ed)?)\s+(?:all|loads|a\s+load|a\s+bunch|a\s+(?:whole\s+)?(?:bottle|packet|box|handful))\s+(?:of\s+)?(?:\S+\s+){0,2}?(?:pills|tablets|paracetamol|meds|medication|painkillers)\b",
        rf"{_LEAD}{_AUX}\s+overdos(?:e|ed|ing)\b",
        rf"{_LEAD}{_AUX}\s+(?:leave|go|disappear|walk\s+out|go\s+away)\s+and\s+(?:never|not|won'?t)\s+(?:come|go)\s+back\b",
        r"\b(?:hang|hanging|hanged)\s+my\s*self\b",
        r"\bslit(?:ting)?\s+my\s+(?:wrists?|throat)\b",
        r"\bthrow(?:ing)?\s+my\s*self\s+(?:off|in\s+front|under)\b",
        r"\b(?:won'?t|not\s+(?:gonna|going\s+to))\s+be\s+(?:around|here|alive)\s+(?:much\s+longer|for\s+long|any\s*more|anymore|by\s+(?:next|the\s+end))",
        r"\bwhat'?s\s+the\s+point\s+(?:of|in)\s+(?:living|being\s+alive|life|going\s+on|carrying\s+on|me)\b",
        r"\b(?:want|wanna|wish\s+i\s+could)\s+(?:to\s+)?(?:sleep|disappear)\s+(?:forever|and\s+never\s+wake\s+up)\b",
        r"\bdisappear\s+forever\b",
        # Polish
        r"\b(?:chce|chcialbym|chcialabym|chcialam|chcialem|wole|mam\s+ochote)\s+(?:juz\s+|po\s+prostu\s+|tylko\s+|naprawde\s+)*(?:umrzec|nie\s+zyc|zniknac|sie\s+zabic|skonczyc\s+ze\s+soba)\b",
        r"\bzabi(?:je|c|jac|lbym|labym)\s+sie\b",
        r"\bsie\s+zabi(?:je|c|jac)\b",
        # The bare topic word ("suicide prevention") is not a disclosure; a person's own
        # thoughts, plans or attempts are.
        r"\b(?:mysle|myslalem|myslalam|mysli|myslenie|planuje|probowalem|probowalam|probowac|popelnic|popelnie|zamiar|chce)\s+(?:o\s+|popelnic\s+)?samoboj\w*",
        r"\bmysli\s+samobojcze\b",
        r"\bnie\s+(?:chce|chcialbym|chcialabym|moge|umiem)\s+(?:juz\s+|dluzej\s+|wiecej\s+|dalej\s+|tak\s+)*(?:zyc|tu\s+byc|istniec)\b",
        r"\bnie\s+mam\s+po\s+co\s+zyc\b",
        r"\b(?:nie\s+ma\s+sensu\s+zyc|zycie\s+nie\s+ma\s+sensu)\b",
        r"\bnikt\s+(?:by\s+)?(?:\w+\s+){0,3}nie\s+(?:tesknil\w*|zatesknil\w*|zauwazyl\w*|zauwazy\w*|bedzie\s+(?:za\s+mna\s+)?tesknil\w*)",
        r"\blepiej\s+(?:\w+\s+)?beze\s+mnie\b",
        r"\bskoncz(?:e|yc)\s+ze\s+soba\b",
        r"\b(?:odebrac|odbiore)\s+sobie\s+zycie\b",
        # Romanian
        r"\b(?:vreau|as\s+vrea|vroiam|imi\s+vine)\s+sa\s+(?:mor|dispar|nu\s+mai\s+traiesc)\b",
        r"\bma\s+(?:omor|sinucid)\b(?!\s+(?:dupa|de\s+ras|cu\s+firea|de\s+foame|de\s+frig|de\s+cald))",
        r"\bsa\s+ma\s+(?:omor|sinucid)\b",
        r"\b(?:ganduri|gand|ma\s+gandesc|gandesc|vreau|am\s+incercat|incerc|tentativa|tentative)\s+(?:de\s+|la\s+|sa\s+)?(?:ma\s+)?sinucid\w*",
        r"\bnu\s+(?:mai\s+)?vreau\s+sa\s+(?:mai\s+)?(?:traiesc|exist|fiu\s+aici)\b",
        r"\bnimeni\s+nu\s+(?:mi-?ar|ar|o\s+sa|va)\s+(?:\w+\s+)?(?:simti|observa|duce|pasa)\w*",
        r"\b(?:n-?ar|nu\s+ar)\s+simti\s+nimeni\s+lipsa\b",
        r"\b(?:mai|ar\s+fi\s+mai)\s+bine\s+(?:\w+\s+)?(?:fara\s+mine|sa\s+mor|mort|moarta)\b",
        r"\b(?:sa-?mi|imi|sa\s+imi)\s+(?:iau|ia)\s+viata\b",
        r"\b(?:sa-?mi|imi)\s+pun\s+capat\s+(?:zilelor|vietii)\b",
        # Portuguese
        r"\b(?:quero|queria|vou|apetece-me|desejo|vontade\s+de|me\s+apetece)\s+(?:so\s+|mesmo\s+)?morrer\b",
        # "está a matar-me" (this traffic is killing me) is figurative; an intent verb is not.
        r"\b(?:vou|quero|queria|penso\s+em|vontade\s+de|tentei|tentar|ia|devia|vou-me|acho\s+que\s+vou)\s+(?:me\s+matar|matar-me|me\s+suicidar|suicidar(?:-me)?)\b",
        r"\b(?:me\s+mato|mato-me|vou-me\s+matar|me\s+suicidar|suicidar-me)\b",
        r"\b(?:pensar|penso|pensando|pensei|tentei|tentativa|tentar|cometer|ideias?|pensamentos?|quero|vou)\s+(?:em\s+|no\s+|o\s+|de\s+)?(?:suicidio|suicidas?|suicidar)\b",
        r"\b(?:estou|sinto-me|me\s+sinto|ando|fico)\s+suicida\b",
        r"\bnao\s+(?:quero|aguento|consigo)\s+(?:mais\s+)?(?:viver|existir|estar\s+aqui|acordar)\b",
        r"\bninguem\s+(?:\w+\s+){0,2}(?:sentir\w*|notar\w*|sentia)\s+(?:a\s+)?(?:minha\s+)?falta\b",
        r"\bninguem\s+(?:se\s+)?importa\s+comigo\b",
        r"\bmelhor\s+sem\s+mim\b",
        r"\bacabar\s+(?:de\s+vez\s+)?com\s+(?:tudo|a\s+minha\s+vida|minha\s+vida)\b",
        r"\btirar\s+(?:a\s+)?(?:minha\s+)?(?:propria\s+)?vida\b",
        # Urdu (Arabic script) and romanised Urdu / Panjabi
        r"مرنا\s+چاہ(?:تا|تی|تے)",
        r"مر\s+جانا\s+چاہ(?:تا|تی|تے)",
        r"مر\s+جا(?:ؤں|وں)",
        r"مرنے\s+کو\s+(?:دل|جی)\s+(?:کرتا|چاہتا)",
        r"خود\s*کشی",
        r"(?:اپنے\s+آپ|خود)\s+کو\s+(?:مار|ختم)",
        r"(?:جینا|زندہ\s+رہنا)\s+نہیں\s+چاہ",
        r"کوئی\s+(?:مجھے\s+)?(?:یاد|مس)\s+نہیں\s+کرے",
        r"میرے\s+بغیر\s+(?:سب|سب\s+لوگ)\s+(?:بہتر|خوش)",
        r"زندگی\s+ختم\s+کر",
        r"\b(?:marna|mrna|marne|mar\s+jana|mar\s+jaana|mar\s+jaun|mar\s+jaon|mar\s+jau|mar\s+jawan)\s+(?:hi\s+)?(?:chah|chaah|cha|chau|chah)\w*",
        r"\bmar\s+ja(?:un|on|oon|aun|wan)\b",
        r"\b(?:marne|marn)\s+(?:ko|ka|nu|nuu)\s+(?:dil|mann?|jee|ji)\s+(?:karta|krta|kar|karda|krda|chahta)\w*",
        r"\bkhud\s*(?:kushi|khushi|kashi|kushee|kshi)\b",
        r"\b(?:apne\s+aap|apne\s+ap|khud|aapne\s+aap)\s+(?:ko|nu|nuu)\s+(?:maar|mar|khatam|khtm)\b",
        r"\b(?:jeena|jina|jeena|zinda\s+rehna|jeon|jeena\s+hi)\s+(?:nahi|nahin|nai|ni|nhi)\s+(?:chah|chaah|cha|chau)\w*",
        r"\bkoi\s+(?:mujhe\s+|menu\s+|mainu\s+)?(?:miss|yaad|yad)\s+(?:nahi|nahin|nai|ni|nhi)\s+(?:kare|karega|karegi|karay|karu|karuga|krega)\b",
        r"\bzindagi\s+(?:khatam|khtm)\s+(?:kar|kr)\w*",
        r"\b(?:mere|mery)\s+(?:baghair|bagair|bina|bghair)\s+(?:sab|sb)\s+(?:behtar|khush)",
        # Bengali (and romanised)
        r"মর(?:তে|ে\s+যেতে)\s+চাই",
        r"মর(?:তে|ে\s+যেতে)\s+(?:ইচ্ছে|ইচ্ছা)\s+কর",
        r"\b(?:morte|more\s+jete)\s+(?:icche|iccha|ichchha)\s+kor\w*",
        r"আত্মহত্যা",
        r"নিজেকে\s+(?:মেরে\s+ফেল|শেষ\s+করে|খুন)",
        r"(?:বাঁচতে|বেঁচে\s+থাকতে)\s+(?:আর\s+)?চাই\s+না",
        r"কেউ\s+(?:আমাকে\s+)?(?:মিস|মনে)\s+করবে\s+না",
        r"আমাকে\s+ছাড়া\s+(?:সবাই|সবার)\s+(?:ভালো|ভাল)",
        r"জীবন\s+শেষ\s+কর",
        r"\b(?:morte|more\s+jete)\s+chai\b",
        r"\b(?:atto?\s*hott?a|atmo\s*hott?a)\b",
        r"\bnijeke\s+(?:mere\s+fel|shesh\s+kor)\w*",
        r"\b(?:bachte|beche\s+thakte)\s+chai\s+na\b",
        # Panjabi (Gurmukhi)
        r"ਮਰਨਾ\s+ਚਾਹੁੰਦ",
        r"ਮਰ\s+ਜਾਣਾ\s+ਚਾਹੁੰਦ",
        r"ਮਰਨ\s+ਨੂੰ\s+(?:ਦਿਲ|ਜੀ)\s+ਕਰਦ",
        r"ਖ਼ੁਦਕੁਸ਼ੀ|ਖੁਦਕਸ਼ੀ|ਆਤਮ\s*ਹੱਤਿਆ",
        r"ਆਪਣੇ\s+ਆਪ\s+ਨੂੰ\s+(?:ਮਾਰ|ਖ਼ਤਮ|ਖਤਮ)",
        r"(?:ਜੀਣਾ|ਜਿਉਣਾ|ਜੀਉਣਾ|ਜਿਊਣਾ)\s+ਨਹੀਂ\s+ਚਾਹੁੰਦ",
        r"ਕੋਈ\s+(?:ਮੈਨੂੰ\s+)?(?:ਯਾਦ|ਮਿਸ)\s+ਨਹੀਂ\s+ਕਰੇਗਾ",
        r"ਜ਼ਿੰਦਗੀ\s+(?:ਖ਼ਤਮ|ਖਤਮ)",
        r"ਮੇਰੇ\s+ਬਿਨਾਂ\s+ਸਭ",
        # Arabic
        r"(?:اريد|أريد|بدي|ابغى|أبغى|ابي|أبي|عايز|عاوز|نفسي|اتمنى|أتمنى|ودي|بدّي)\s+(?:ان\s+|أن\s+)?(?:اموت|أموت|الموت|موت)",
        r"قتل\s+نفسي",
        r"انتحر|(?:افكر|أفكر|بفكر|فكرت|اريد|أريد|بدي|حاولت|محاولة)\s+(?:في\s+|ب)?(?:ال)?انتحار",
        r"(?:لا|ما|مش|مو)\s+(?:اريد|أريد|بدي|عايز|ابغى|ابي|بدّي)\s+(?:ان\s+|أن\s+)?(?:اعيش|أعيش|عيش|الحياة|الحياه)",
        r"(?:لن|ما|محد|محدش|ماحد|لا\s+احد|لا\s+أحد|ولا\s+حد)\s+(?:\S+\s+){0,2}?(?:يفتقدني|سيفتقدني|يشتاقلي|يشتاق\s+لي|حيفتقدني|رح\s+يشتاقلي)",
        r"(?:الكل|الجميع|العالم|اهلي|أهلي|عائلتي)\s+(?:\S+\s+)?(?:افضل|أفضل|احسن|أحسن)\s+(?:بدوني|من\s+غيري|بلاي)",
        r"(?:انهي|أنهي|انهاء|إنهاء)\s+حياتي",
    ],
    "self_harm": [
        r"\bself[\s\-]*harm(?:ing|ed)?\b",
        # "started cutting again": cutting with no object is self-harm talk, "cutting
        # costs/back/the hedges" is not.
        r"\b(?:started|start|been|keep|kept|back\s+to|urges?\s+to|stopped|stop|relapsed\s+into|relapsed\s+and\s+started|i'?m|i\s+am|was|still)\s+cutting\b(?=\s*(?:again|[.!?,;]|$|\s+(?:and|but|so|since|every|when|because|cos|myself)\b))",
        r"\bcutting\s+again\b",
        rf"(?<!accidentally\s)(?<!nearly\s)(?<!almost\s)\b(?:cut|cuts|cutting|hurt|hurts|hurting|harm|harms|harming|burn|burns|burnt|burned|burning|punish|punishing|starve|starving|starved|scratch|scratching|scratched|hit|hitting)\s+(?:my\s*self|meself)\b{_ACCIDENT}",
        rf"(?<!accidentally\s)\b(?:cut|cuts|cutting|slash|slashing|slit|slitting|scratch|scratching|burn|burning)\s+(?:my|me)\s+(?:wrists?|arms?|legs?|thighs?|skin|stomach|hips?)\b{_ACCIDENT}",
        r"\bmake\s+my\s*self\s+(?:bleed|throw\s+up)\b",
        r"\b(?:hide|hiding|cover|covering)\s+(?:my|the)\s+(?:cuts|scars|marks)\b",
        r"\b(?:razor|blade)s?\b.{0,40}\b(?:on\s+my\s+(?:arms?|wrists?|legs?|skin)|myself)\b",
        # Polish
        r"\b(?:tne|cielam|cialem|ciac|pocielam|pocialem|tniesz|tne\s+sobie)\s+(?:sie|reke|rece|nadgarstki)\b",
        r"\bsie\s+(?:tne|ciac|tniesz|pocielam|pocialem)\b",
        r"\bsamookalecz\w*",
        r"\bokalecz(?:am|ylem|ylam|ac)\s+sie\b",
        r"\b(?:robie|zrobie|zrobic|zrobilam|zrobilem)\s+sobie\s+krzywde\b",
        r"\b(?:kalecze|przypalam|przypalilem|przypalilam)\s+sie\b",
        # Romanian
        r"\bma\s+tai\s+(?:pe|la)\s+(?:maini|brate|mana|incheieturi|picioare)\b",
        r"\bma\s+tai\s+(?:singur|singura|intentionat|iar|din\s+nou|cu\s+lama|cu\s+cutitul)\b",
        r"\b(?:imi\s+fac|sa-?mi\s+fac|mi-?am\s+facut)\s+rau\s+(?:singur|singura|intentionat|mie|cu)",
        r"\bautomutil\w*",
        r"\bma\s+(?:ranesc|ard|zgarii|lovesc)\s+(?:singur|singura|intentionat|pana)\b",
        r"\bm-?am\s+taiat\s+(?:intentionat|singur|singura|iar|pe\s+(?:maini|brate|incheieturi))\b",
        # Portuguese
        rf"\b(?:me\s+corto|me\s+cortar|corto-me|cortar-me|me\s+cortei|cortei-me|me\s+corte)\b{_ACCIDENT}",
        r"\bauto-?mutil\w*|\bauto\s*lesao\b",
        r"\b(?:me\s+machuco|machucar-me|me\s+machucar|me\s+ferir|ferir-me|me\s+magoo|magoar-me|me\s+magoar|me\s+queimo|queimar-me)\b(?!\s+(?:no|na|num|numa|a\s+jogar|sem\s+querer))",
        # Urdu and romanised
        r"(?:اپنے\s+آپ|خود)\s+کو\s+(?:کاٹ|نقصان|تکلیف|زخمی|جلا)",
        r"\b(?:apne\s+aap|apne\s+ap|khud)\s+(?:ko|nu)\s+(?:kaat|kat|katt|nuqsan|nuksan|nuqsaan|hurt|zakhmi|jala|takleef|cut)\w*",
        # Bengali
        r"নিজেকে\s+(?:কাট|আঘাত|কষ্ট\s+দি|পোড়া|ক্ষত)",
        r"নিজের\s+(?:হাত|শরীর)\s+কাট",
        r"নিজের\s+ক্ষতি\s+কর",
        r"\bnijeke\s+(?:kati|katchi|kete|aghat|kosto)\w*",
        # Panjabi
        r"ਆਪਣੇ\s+ਆਪ\s+ਨੂੰ\s+(?:ਕੱਟ|ਨੁਕਸਾਨ|ਦੁੱਖ|ਸੱਟ|ਜ਼ਖਮੀ|ਸਾੜ)",
        # Arabic
        r"(?:اجرح|أجرح|بجرح|جرحت|اذي|أذي|أؤذي|اؤذي|أذيت|اذيت|بأذي|باذي|اقطع|أقطع|احرق|أحرق|بحرق)\s+نفسي",
        r"(?:ايذاء|إيذاء|اذية|أذية|اذيه)\s+(?:النفس|نفسي)",
    ],
    "abuse_disclosure": [
        rf"\b(?:my\s+)?{_SUBJ}\b{_BETWEEN}\s+(?:hits?|hitting|beats?|beating|beat|punch(?:es|ed|ing)?|kick(?:s|ed|ing)?|slaps?|slapped|slapping|hurts?|hurting|hurt|touch(?:es|ed|ing)?|chok(?:e|es|ed|ing)|strangl(?:e|es|ed|ing)|burn(?:s|ed|t)?|grab(?:s|bed|bing)?|abus(?:e|es|ed|ing)|rap(?:e|es|ed|ing)|molest(?:s|ed|ing)?|threaten(?:s|ed|ing)?|starv(?:e|es|ed|ing)|lock(?:s|ed)?|throws?\s+(?:things|stuff)\s+at)\s+me\b(?!\s+at\s+(?!home)|\s+in\s+(?:a|the)\s+(?:game|race|match|fifa|final))",
        r"\btouch(?:es|ed|ing)?\s+me\s+(?:down\s+there|inappropriately|where|in\s+(?:places|private)|at\s+night|when\s+(?:no\s*one|nobody|mum|mom|dad)|and\s+i\s+don'?t)",
        r"\b(?:i'?m|i\s+am|i\s+was|i'?ve\s+been|i\s+have\s+been|i\s+get|i\s+got|i\s+keep\s+getting|getting|being)\s+(?:being\s+|getting\s+|sexually\s+)?(?:abused|molested|raped|groomed|assaulted|beaten(?:\s+up)?|touched\s+(?:inappropriately|down\s+there)|hit\s+(?:at\s+home|by\s+my|by\s+(?:him|her|them|dad|mum|mom))|hurt\s+(?:at\s+home|by\s+my|by\s+(?:him|her|them)))",
        r"\b(?:don'?t|do\s+not|dont|never|doesn'?t)\s+feel\s+safe\s+(?:at\s+home|in\s+my\s+(?:own\s+)?(?:home|house|room)|around\s+(?:him|her|my))",
        r"\bnot\s+safe\s+at\s+home\b",
        r"\b(?:scared|afraid|frightened|terrified|fear)\s+(?:to\s+go|of\s+going|to\s+be|of\s+being)\s+(?:back\s+)?(?:home|at\s+home|alone\s+with\s+(?:him|her|my))",
        r"\b(?:scared|afraid|frightened|terrified)\s+of\s+(?:my\s+)?(?:dad|mum|mom|step\s*dad|step\s*mum|stepdad|stepmum|father|mother|uncle|brother|parents)\b",
        r"\b(?:told|tells|makes|made|forced|forces|forcing)\s+me\s+(?:not\s+to\s+tell|to\s+keep\s+(?:it\s+)?(?:a\s+)?secret|to\s+keep\s+(?:quiet|secrets)|(?:to\s+)?do\s+(?:things|stuff)|(?:to\s+)?send\s+(?:pics|photos|pictures|nudes|videos))",
        r"\b(?:asked|asks|asking|keeps\s+asking|wants|wanted|begging)\s+(?:me\s+)?(?:for\s+|to\s+send\s+(?:him\s+|her\s+)?)(?:nudes|naked\s+(?:pics|photos|pictures)|pics\s+of\s+me|photos\s+of\s+me)",
        r"\b(?:kick(?:s|ed)?|throw(?:s|n)?|threw|chuck(?:ed|s)?)\s+me\s+out\s+(?:of\s+(?:the\s+)?(?:house|home)|again|at\s+night)",
        r"\b(?:no|never\s+any|isn'?t\s+any)\s+food\s+(?:at|in\s+the)\s+(?:home|house)\b",
        r"\b(?:don'?t|doesn'?t|never)\s+(?:feed|fed)\s+me\b",
        r"\b(?:lock(?:s|ed)?|locking)\s+me\s+(?:in|out)\b",
        r"\bthreaten(?:s|ed|ing)?\s+to\s+(?:hurt|kill|hit|beat|stab|kick)\s+me\b",
        r"\b(?:older|grown|adult)\s+(?:man|men|guy|guys|boy|boys|lad|lads|bloke)\b(?:\s+\S+){0,5}?\s+(?:keeps?\s+|kept\s+|has\s+been\s+|have\s+been\s+)?(?:messag|send|sent|text|follow|pick|touch|grab|ask|wait)\w*\s+(?:for\s+)?me\b",
        r"\b(?:asked|asks|asking|keeps\s+asking|wants|wanted|begging)\s+(?:me\s+)?for\s+(?:pics|selfies)\b(?!\s+of\s+(?:the|a|it|your))",
        # Polish
        r"\bmnie\s+(?:\w+\s+)?(?:bije|bil|bila|bija|bili|kopie|kopal|dotyka|dotykal|dotykala|dotykaja|krzywdzi|skrzywdzil|szarpie|uderza|uderzyl|uderzyla|molestuje|molestowal|gwalci|zgwalcil|maltretuje|leje|tlucze|katuje|zamyka)\b",
        r"\b(?:bije|bil|bila|bija|kopie|dotyka|dotykal|krzywdzi|uderza|uderzyl|molestuje|leje|tlucze)\s+mnie\b",
        r"\b(?:boje\s+sie|strach|boimy\s+sie)\s+(?:\w+\s+)?(?:wracac|wrocic|isc)\s+do\s+domu\b",
        r"\bnie\s+czuje\s+sie\s+(?:bezpiecznie|bezpieczny|bezpieczna)\s+w\s+domu\b",
        # Romanian
        r"\bma\s+(?:bate|bat|loveste|lovesc|atinge|ating|pipaie|abuzeaza|violeaza|agreseaza|inchide)\b(?!\s+(?:la\s+(?:fotbal|joc|sah)|soarele))",
        r"\bm-?a(?:u)?\s+(?:batut|lovit|atins|violat|abuzat|agresat|pipait)\b",
        r"\b(?:mi-?e|imi\s+e|mi\s+e)\s+frica\s+(?:sa\s+(?:merg|ma\s+intorc|vin)\s+acasa|de\s+(?:tata|mama|tatal\s+meu|mama\s+mea|el|ea|fratele|unchiul|tatal\s+vitreg))",
        r"\bnu\s+ma\s+simt\s+in\s+siguranta\s+acasa\b",
        r"\bacasa\s+nu\s+(?:sunt|ma\s+simt)\s+in\s+siguranta\b",
        # Portuguese
        r"\b(?:me|nos)\s+(?:bate|batem|bateu|espanca|espancam|espancou|agride|agridem|agrediu|violou|abusa|abusou|ameaca|ameacam|tranca|queima)\b",
        r"\b(?:bate|batem|bateu|espanca|agride|agrediu)-me\b",
        r"\b(?:bate|batem|bateu)\s+em\s+mim\b",
        r"\b(?:abusa|abusou|abusam)\s+de\s+mim\b",
        r"\b(?:ele|ela|pai|padrasto|tio|primo|irmao|treinador|professor|homem)\s+(?:\w+\s+)?(?:me\s+toca|toca-me|me\s+tocou|tocou-me|me\s+apalpa|apalpa-me)\b",
        r"\btenho\s+medo\s+de\s+(?:ir|voltar)\s+(?:para|pra)\s+casa\b",
        r"\btenho\s+medo\s+do\s+(?:meu\s+)?(?:pai|padrasto|tio|irmao)\b",
        r"\bnao\s+me\s+sinto\s+segur[oa]\s+em\s+casa\b",
        r"\bem\s+casa\s+nao\s+(?:estou|me\s+sinto)\s+segur[oa]\b",
        # Urdu and romanised
        r"مجھے\s+(?:\S+\s+){0,3}?(?:مارت|پیٹت|چھوت|چھیڑت|غلط\s+طریقے\s+سے\s+چھو)",
        r"گھر\s+(?:میں|پر|پہ)\s+(?:محفوظ|سیف)\s+نہیں",
        r"گھر\s+جانے\s+سے\s+ڈر",
        r"\bmujhe\s+(?:\w+\s+){0,3}?(?:maar|mar|peet|pit|chhoo|choo|chhu|chu|chhed|ched)(?:ta|ti|te|tay|tey|ty)\b",
        r"\bghar\s+(?:me|mein|main|mai|pe|par|pr)\s+(?:safe|mehfooz|mahfooz)\s+(?:nahi|nahin|nai|ni|nhi)\b",
        r"\bghar\s+(?:jane|jaane)\s+(?:se|sy)\s+(?:dar|darr|dr)\w*",
        # Bengali
        r"আমাকে\s+(?:\S+\s+){0,3}?(?:মারে|মারেন|মারধর|মারত|মারব|পেটায়|পেটান|ছোঁয়|গায়ে\s+হাত\s+দেয়)",
        r"বাড়িতে\s+(?:নিরাপদ|নিরাপদে)\s+(?:না|নই|নেই|বোধ\s+করি\s+না)",
        r"বাড়ি\s+(?:যেতে|ফিরতে)\s+ভয়",
        r"\bamake\s+(?:\w+\s+)?(?:mare|maren|marodhor|petay|chhoy|choy)\b",
        # Panjabi
        r"ਮੈਨੂੰ\s+(?:\S+\s+){0,3}?(?:ਮਾਰਦ|ਕੁੱਟਦ|ਛੂਹਦ|ਛੂੰਹਦ|ਛੇੜਦ|ਗਲਤ\s+ਤਰੀਕੇ)",
        r"ਘਰ\s+(?:ਵਿੱਚ|ਵਿਚ|ਚ)\s+(?:ਸੁਰੱਖਿਅਤ|ਸੇਫ)\s+ਨਹੀਂ",
        r"ਘਰ\s+ਜਾਣ\s+ਤੋਂ\s+ਡਰ",
        r"\b(?:mainu|menu|mennu|mainoo)\s+(?:\w+\s+){0,3}?(?:maar|mar|kut|chhu|chu)(?:de|da|di)\b",
        # Arabic
        r"ضربني|ضربوني|يضربوني|بيضربوني",
        r"يلمسني|يتحرش\s+بي|تحرش\s+بي|يعنفني|يعتدي\s+علي|اعتدى\s+علي",
        r"(?:لا\s+اشعر|لا\s+أشعر|ما\s+احس|ما\s+أحس|مش\s+حاسس|ما\s+حس)\s+بالامان\s+(?:في|ب)\s*(?:البيت|المنزل|الدار)",
        r"(?:اخاف|أخاف|خايف|خائف|خايفة|خائفة)\s+(?:من\s+)?(?:ان\s+|أن\s+)?(?:ارجع|أرجع|العودة|الرجوع|اروح|أروح)\s+(?:ل|الى|إلى|على)?\s*(?:البيت|المنزل|الدار)",
    ],
    "bullying": [
        r"\bbull(?:y|ies|ied|ying)\s+(?:me|us)\b",
        r"\b(?:i'?m|i\s+am|i\s+get|i\s+got|i'?ve\s+been|i\s+have\s+been|i\s+was|being|getting|been|keep\s+getting)\s+(?:being\s+|getting\s+|really\s+|badly\s+|constantly\s+|so\s+)?bullied\b",
        r"\b(?:pick(?:s|ed|ing)?\s+on|laugh(?:s|ed|ing)?\s+at|mak(?:e|es|ing)\s+fun\s+of|made\s+fun\s+of|gang(?:s|ed|ing)?\s+up\s+on|spit(?:s|ting)?\s+(?:on|at)|threaten(?:s|ed|ing)?|exclud(?:e|es|ed|ing)|jump(?:ed)?|mock(?:s|ed|ing)?|teas(?:e|es|ed|ing)|harass(?:es|ed|ing)?|beat(?:s)?|beating|trip(?:s|ped)?|corner(?:s|ed)?|film(?:s|ed)?)\s+me(?:\s+up)?\b(?!\s+at\s+(?!school|the\s+bus|the\s+park))",
        r"\bcall(?:s|ed|ing)?\s+me\s+(?:names|fat|ugly|gay|horrible\s+\w+|a\s+(?:freak|loser|slag|slut|terrorist|paki|weirdo))\b",
        r"\b(?:they|people|kids|everyone|everybody|boys|girls|lads|others)\s+(?:\w+\s+){0,2}call(?:s|ed|ing)?\s+me\b(?!\s+(?:back|on|at|when|if|to|about|later|tomorrow|tonight))",
        r"\b(?:everyone|everybody|people|they|kids|the\s+(?:other\s+)?(?:kids|boys|girls))\b[^.!?]{0,30}\bhates?\s+me\b",
        r"\bcyber\s*-?\s*bull\w*",
        r"\b(?:posted|posting|posts|shared|sharing|shares|spread(?:ing|s)?)\s+(?:rumou?rs|lies|pics|photos|pictures|videos|stuff|things)\s+(?:about|of)\s+me\b",
        r"\b(?:nobody|no\s+one|noone)\s+(?:sits|talks|plays|speaks|hangs\s+out)\s+(?:with|to)\s+me\b",
        r"\b(?:they|kids|boys|girls|lads|older\s+\w+|gang|people|someone)\s+(?:\w+\s+)?(?:take|took|taking|steal|stole|stealing|nick|nicked)\s+my\s+(?:phone|lunch|lunch\s+money|bag|stuff|things|money|bike)\b",
        # Polish
        r"\b(?:drecz|przesladuj|wysmiewaj|dokuczaj|gnebi|nekaj|hejtuj|obrazaj|zaczepiaj|bij|wyzywaj)\w*\s+(?:mnie|mi)\b",
        r"\b(?:mnie|mi)\s+(?:\w+\s+)?(?:drecz|przesladuj|dokuczaj|gnebi|nekaj|hejtuj|wyzywaj)\w*",
        r"\b(?:jestem|bylem|bylam|jest|byl|byla|sa|jestesmy)\s+(?:\w+\s+)?(?:gnebion|przesladowan|dreczon|wysmiewan|nekan|zastraszan|hejtowan|bit|bity|bita)\w*",
        r"\bzneca\w*\s+sie\s+nade\s+mna\b",
        r"\bsmieja\s+sie\s+ze\s+mnie\b",
        # Romanian
        r"\b(?:rad|isi\s+bat\s+joc|se\s+iau|se\s+leaga)\s+de\s+mine\b",
        r"\bma\s+(?:hartuiesc|hartuieste|tachineaza|jignesc|jigneste|umilesc|umileste|ameninta|batjocoresc|bruscheaza)\b",
        r"\b(?:sunt|am\s+fost|e|este|a\s+fost|au\s+fost)\s+(?:\w+\s+)?(?:agresat|agresata|agresati|hartuit|hartuita|hartuiti|batjocorit|batjocorita|umilit|umilita|batut|batuta|bullied)\b",
        r"\b(?:imi|mi|mi-?au)\s+(?:fac|face|se\s+face|au\s+facut|facut)\s+bullying\b",
        r"\bbullying\s+(?:la\s+scoala|pe\s+mine)\b",
        r"\bma\s+bat\s+(?:colegii|copiii|baietii|fetele)\b",
        # Portuguese
        r"\b(?:fazem|faz|sofro|sofri|sofrendo|sofrer|sofre|sofrem|sofreu)\s+bullying\b",
        r"\bbullying\s+comigo\b",
        r"\b(?:gozam|riem|zombam|fazem\s+troca|tiram\s+sarro|fazem\s+pouco)\s+(?:de\s+mim|comigo|da\s+minha\s+cara)\b",
        r"\b(?:me|nos)\s+(?:humilham|humilha|insultam|chamam\s+(?:de\s+)?nomes|excluem|perseguem|ameacam|empurram|gozam)\b",
        r"\b(?:humilham|insultam|ameacam|perseguem|excluem|gozam)-me\b",
        r"\b(?:sou|e|esta\s+a\s+ser|esta\s+sendo|foi|tem\s+sido|anda\s+a\s+ser|somos|sao)\s+(?:\w+\s+)?(?:vitimas?\s+de\s+bullying|gozad[oa]s?|humilhad[oa]s?|perseguid[oa]s?|agredid[oa]s?|ameacad[oa]s?|espancad[oa]s?)\b",
        r"\bchamam-me\s+nomes\b",
        # Urdu and romanised
        r"مجھے\s+(?:\S+\s+){0,3}?(?:تنگ\s+کرت|بلی\s+کرت|ہراساں\s+کرت|دھمکی|دھمکیاں)",
        r"میرا\s+(?:\S+\s+)?مذاق\s+(?:اڑات|بنات)",
        r"مجھ\s+پر\s+ہنست",
        r"\bmujhe\s+(?:\w+\s+)?(?:tang|tung|bully|harass|pareshan)\s+(?:kart|krt|karr|kiya|kia)\w*",
        r"\bmera\s+(?:\w+\s+)?(?:mazaq|mazak|mazaak|mzaq|majak)\s+(?:urat|udat|uraat|udaat|bana|udaun|udaund)\w*",
        r"\bmujh\s+(?:par|pe|pr)\s+hans(?:t|te)\w*",
        # Bengali
        r"আমাকে\s+(?:\S+\s+){0,3}?(?:বুলি|উত্যক্ত|জ্বালা|খেপা|হয়রানি|অপমান)",
        r"আমাকে\s+নিয়ে\s+(?:হাসাহাসি|হাসে|ঠাট্টা|মজা)",
        r"আমার\s+সাথে\s+(?:খারাপ\s+ব্যবহার|বুলি)",
        r"\bamake\s+(?:bully|tease|jalay|khepay)\w*",
        # Panjabi
        r"ਮੈਨੂੰ\s+(?:\S+\s+){0,3}?(?:ਤੰਗ\s+ਕਰਦ|ਬੁਲੀ\s+ਕਰਦ|ਪਰੇਸ਼ਾਨ\s+ਕਰਦ|ਧਮਕ)",
        r"ਮੇਰਾ\s+(?:\S+\s+)?ਮਜ਼ਾਕ\s+ਉਡਾ",
        r"ਮੇਰੇ\s+(?:ਤੇ|ਉੱਤੇ)\s+ਹੱਸਦ",
        r"\b(?:mainu|menu)\s+(?:\w+\s+)?(?:tang|bully)\s+(?:karde|krde|kar)\w*",
        # Arabic
        r"(?:يتنمر\w*|بيتنمر\w*|تنمروا|يتنمرو\w*)\s+(?:علي|عليا|عليّ)",
        r"(?:اتعرض|أتعرض|تعرضت)\s+(?:لل|ل)?تنمر",
        r"(?:يسخرون|يضحكون|بيضحكوا|يستهزئون|يستهزؤون|بيتريقوا)\s+(?:مني|علي|عليا|بي)",
        r"يشتمونني|يهددونني|يهددني|يضايقونني|يضايقني|بيضايقوني",
    ],
    "running_away": [
        r"\brun(?:ning)?\s+away\s+from\s+(?:home|my\s+(?:home|house|family|parents|mum|mom|dad|carers?|foster\s+\w+))\b",
        r"\bran\s+away\s+from\s+(?:home|my\s+(?:home|house|family|parents|mum|mom|dad|carers?|foster\s+\w+))\b",
        rf"{_LEAD}{_AUX}\s+(?:run(?:ning)?\s+away|ran\s+away|runaway|go\s+missing|went\s+missing)\b{_HOLIDAY}(?!\s+from\s+(?!home\b|my\s+(?:home|house|family|parents|mum|mom|dad|carers?|foster)\b))",
        rf"\b(?:thinking\s+(?:of|about)|plan(?:ning)?\s+(?:on|to)|want\s+to|wanna|gonna|going\s+to)\s+(?:just\s+)?(?:run(?:ning)?\s+away|runaway)\b{_HOLIDAY}(?!\s+from\s+(?!home\b|my\s+(?:home|house|family|parents|mum|mom|dad)\b))",
        r"\b(?:leave|leaving|left)\s+home\s+(?:and\s+(?:never|not)|for\s+good|forever|tonight|because|cos|coz|cause|'?cause|and\s+live\s+on)",
        r"\bnever\s+(?:going|coming)\s+(?:back\s+)?home\b",
        r"\bnot\s+(?:going|coming)\s+(?:back\s+)?home\s+(?:tonight|again|ever)\b",
        r"\b(?:i'?m|i\s+am|i'?ll|i\s+will|im)\s+(?:never|not)\s+(?:going|coming|gonna\s+go|gonna\s+come)\s+(?:back\s+)?home\b"
        r"(?!\s+(?:until|till|til|yet|before|after|early|straight|first|for\s+(?:a|an|lunch|tea|dinner)))",
        rf"{_LEAD}{_AUX}\s+(?:sleep(?:ing)?|slept)\s+(?:rough|on\s+the\s+streets?|in\s+the\s+park|outside|on\s+a\s+bench|in\s+a\s+(?:bus\s+)?shelter)\b",
        r"\b(?:nowhere|no\s+where|no\s+place|nowhere\s+safe)\s+to\s+(?:sleep|stay|go)\s+tonight\b",
        # Polish
        r"\bucie(?:k|c|kne|kl|kla|klam|klem|kac)\w*\s+z\s+domu\b",
        r"\b(?:chce|zamierzam|musze|planuje|chcialbym|chcialabym)\s+(?:stad\s+)?(?:uciec|zwiac)\b"
        r"(?!\s+(?:nad\s+morze|na\s+wakacje|na\s+plaze|w\s+gory|na\s+weekend))",
        r"\bzwie(?:je|wac|c)\w*\s+z\s+domu\b",
        r"\b(?:odejde|wyprowadze\s+sie)\s+z\s+domu\s+i\s+nie\s+wroce\b",
        r"\bnie\s+wroce\s+(?:juz\s+)?do\s+domu\b",
        # Romanian
        r"\bfug\w*\s+de\s+acasa\b",
        r"\b(?:sa|o\s+sa|vreau\s+sa|am\s+sa)\s+fug\b(?!\s+(?:la\s+mare|la\s+munte|in\s+vacanta))",
        r"\bplec\s+de\s+acasa\s+(?:si\s+nu|pentru\s+totdeauna|definitiv)\b",
        r"\bnu\s+(?:ma\s+mai\s+intorc|mai\s+vin|ma\s+mai\s+duc)\s+acasa\b",
        # Portuguese
        r"\bfug(?:ir|i|o|ia)\s+de\s+casa\b",
        r"\b(?:vou|quero|penso\s+em|vou\s+mesmo|devia)\s+fugir\b(?!\s+(?:do|da|dos|das|ao|a)\s+(?!casa))(?!\s+(?:para|pra)\s+(?:a\s+)?(?:praia|ferias))",
        r"\bsair\s+de\s+casa\s+(?:e\s+nunca\s+mais|para\s+sempre|e\s+nao\s+voltar)",
        r"\bnunca\s+mais\s+volto\s+(?:para|pra)\s+casa\b",
        r"\bnao\s+vou\s+voltar\s+(?:para|pra)\s+casa\b",
        # Urdu and romanised
        r"گھر\s+(?:سے\s+)?(?:بھاگ|چھوڑ\s+(?:دوں|دونگا|دوں\s+گا|دوں\s+گی|کر\s+چلا|کر\s+چلی))",
        r"بھاگ\s+جا(?:ؤں|وں|ؤنگا|ونگا|ؤنگی|ونگی)",
        r"\bghar\s+(?:se|sy|say|ton|tu|to)\s+(?:bhaag|bhag|bhaj)\w*",
        r"\bbh?aa?g\s+ja(?:unga|ungi|onga|ongi|oon\s*ga|un\s*ga|un\s*gi|ega|ungaa)\b",
        r"\bghar\s+(?:chhod|chod|chor)\s*(?:dunga|dungi|du\s*ga|doon\s*ga|doon\s*gi)\b",
        # Bengali
        r"(?:বাড়ি|ঘর)\s+(?:থেকে|ছেড়ে)\s+(?:পালি|চলে\s+যাব)",
        r"পালিয়ে\s+(?:যাব|যেতে\s+চাই|যাবো)",
        r"\bpaliye\s+(?:jabo|jaabo|jete\s+chai)\b",
        r"\bbari\s+theke\s+pali\w*",
        # Panjabi
        r"ਘਰੋਂ\s+ਭੱਜ",
        r"ਘਰ\s+(?:ਤੋਂ|ਛੱਡ)\s+(?:ਭੱਜ|ਕੇ\s+ਚਲਾ\s+ਜਾਵਾਂ|ਕੇ\s+ਚਲੀ\s+ਜਾਵਾਂ|ਦੇਵਾਂ)",
        r"ਭੱਜ\s+ਜਾਵਾਂਗ",
        r"\bgharo?n?\s+bhaj\w*",
        # Arabic
        r"(?:اهرب|أهرب|سأهرب|ساهرب|هربت|الهروب|الهرب|بهرب|رح\s+اهرب|هاهرب)\s+(?:من\s+)?(?:البيت|المنزل|الدار|بيتنا|اهلي|أهلي)",
        r"(?:بدي|اريد|أريد|عايز|ابغى|ابي)\s+(?:ان\s+|أن\s+)?(?:اهرب|أهرب)(?!\s+(?:لل|ع)?(?:بحر|شاطئ))",
        r"(?:اترك|أترك|ساترك|سأترك)\s+(?:البيت|المنزل)\s+(?:و|ولن|للابد|للأبد|نهائيا)",
    ],
}
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
