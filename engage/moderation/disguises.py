"""Personal details typed so that a filter will not see them, and numbers that are nobody's.

The rules in personal_rules.py read details as people usually write them. Some people, often to
get past a filter, write them differently:

- letters spaced out, "l e x i e . m a e 11" or "L U 1, 1 S P": the run is read again with the
  spaces taken out, and counted when it is then a postcode, an email address, or a username in a
  message that names a platform;
- a mobile number typed in pieces, "07700 then 900 then 874": groups of digits joined by "then",
  "and" or a comma are read together, and counted only when together they are a valid UK mobile
  number (so "bus 31 then 32" is never one);
- a house number in words before a street, after a word for home ("ہمارا گھر اٹھاون Selbourne
  Road", "بيتي رقم اثنا عشر في Chapel Street"), read with number_words.py;
- a username after the word for "account" ("حسابه abu.fahad_77", "my acc is ..."), or a mail
  provider named in words ("omar.hassan.ltn على الهوتميل", "on hotmail").

And the reverse: 03, 08 and 09 numbers (non-geographic, freephone, shared-cost, premium) belong
to organisations, never to a private person, so "the council's number is 0300 790 0332" shares
nobody's details; nor does a landline given as a public building's ("the council number
01582 546000", personal_rules.py), where a mobile might be a worker's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers

from engage.moderation.folding import _fold_pattern, fold

__all__ = [
    "account_spans",
    "house_number_in_words_spans",
    "is_landline",
    "is_organisation_number",
    "joined_mobile_spans",
    "spaced_out_spans",
]

# Single letters, dots or digit pairs, separated by single spaces or commas, at least five of
# them: "l e x i e", "L U 1, 1 S P", "j o . k 9 9".
_SPACED = re.compile(
    r"(?<![\w.@])(?:(?:[a-z._@]|\d\d?)[ ,]{1,2}){4,}(?:[a-z._@]|\d\d?)(?![\w.@])", re.I
)
# A username has a digit, "_", "." or "@" in it: "a a a b b" (exam grades) has none.
_USERNAME_MOST = 30
_USERNAME = re.compile(
    rf"(?=.*[a-z].*[a-z].*[a-z])(?=.*[\d_.@])[a-z0-9_.@]{{4,{_USERNAME_MOST}}}", re.I
)
_PLATFORM = re.compile(
    _fold_pattern(
        r"snap|insta|\big\b|tik\s*tok|\btt\b|discord|kik|telegram|whats\s*app|roblox|username|"
        r"user\s*name|handle|سنیپ|انسٹا|ٹک\s*ٹاک|سناب|انست|تيك|تيك\s*توك|স্ন্যাপ|ইনস্টা|টিকটক|"
        r"ਸਨੈਪ|ਇੰਸਟਾ|ਟਿਕਟੌਕ"
    )
)

# Digit groups joined by a word or a comma: "07700 then 900 then 874", "07700, 900 and 874".
_JOINERS = (
    r"then|and\s+then|and|after\s+that|next|phir|fir|pher|potem|i|apoi|si|și|depois|e|ثم|و|"
    r"پھر|اور|তারপর|আর|ਫਿਰ|ਤੇ"
)
_JOINED = re.compile(
    rf"(?<![\d+])0\d{{2,4}}(?:[\s,.\-]*(?:(?:{_JOINERS})[\s,.\-]+)?\d{{2,5}}){{1,4}}(?!\d)",
    re.I,
)

_ACCOUNT = re.compile(
    _fold_pattern(
        r"(?<![\w])(?:(?:my|his|her|their|the)\s+)?(?:account|acc|acct|konto|conta|contul|"
        r"حسابه|حسابها|حسابي|حساب|اکاؤنٹ|اکاونٹ|অ্যাকাউন্ট|আইডি|ਅਕਾਊਂਟ|ਆਈਡੀ)"
        r"\s*(?:name\s*)?(?:is|=|:|to|e|é|este|hai|ہے|هو)?\s*"
        r"(?P<id>@[a-z0-9_.]{2,30}|(?=[a-z0-9_.]*[a-z])[a-z0-9_.]*[0-9_.][a-z0-9_.]*[a-z0-9_])"
        r"(?![\w@])"
    )
)
_PROVIDER_WORDS = (
    r"gmail|hotmail|outlook|yahoo|icloud|جيميل|جی\s*میل|الجيميل|هوتميل|الهوتميل|ہاٹ\s*میل|"
    r"ياهو|জিমেইল|হটমেইল|ਜੀਮੇਲ|ਹੌਟਮੇਲ"
)
_MAIL_IN_WORDS = re.compile(
    _fold_pattern(
        r"(?<![\w.@])(?P<id>[a-z0-9][a-z0-9_]{0,62}[._][a-z0-9_.]{0,62}[a-z0-9])\s+"
        r"(?:on|at|in|na|no|em|pe|pr|par|pe|على|عَلى|في|پر|এ|ਤੇ)\s+(?:the\s+)?"
        rf"(?:{_PROVIDER_WORDS})"
    )
)
_ORGANISATION_TYPES = {
    phonenumbers.PhoneNumberType.UAN,
    phonenumbers.PhoneNumberType.TOLL_FREE,
    phonenumbers.PhoneNumberType.SHARED_COST,
    phonenumbers.PhoneNumberType.PREMIUM_RATE,
}


def is_organisation_number(text: str) -> bool:
    """Whether a phone number as written is a UK 03/08/09 number, which only organisations hold."""
    digits = re.sub(r"[^\d+]", "", text)
    if len(digits) < 7:
        return False  # Childline's 0800 1111 has eight digits
    return _uk_number_type(digits) in _ORGANISATION_TYPES


def is_landline(text: str) -> bool:
    """Whether a phone number as written is a UK geographic (01/02) number, not a mobile."""
    return _uk_number_type(re.sub(r"[^\d+]", "", text)) in _LANDLINE_TYPES


def _uk_number_type(digits: str):
    """phonenumbers' type of a UK number given as digits (and "+"); None for any other."""
    try:
        number = phonenumbers.parse(digits, "GB")
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.number_type(number) if number.country_code == 44 else None


_LANDLINE_TYPES = {
    phonenumbers.PhoneNumberType.FIXED_LINE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
}


def spaced_out_spans(
    text: str, postcode: re.Pattern[str], email: re.Pattern[str]
) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of details typed with their letters spaced out in folded `text`:
    runs that join into what `postcode` or `email` (the rules' own patterns) match whole, or a
    username in a message that names a platform."""
    for m in _SPACED.finditer(text):
        tokens = list(re.finditer(r"[^ ,]+", m.group(0)))
        # The run may take in a short word before or after it ("e", "is", "ok"): try without.
        for trim in range(3):
            found = None
            for left in range(trim + 1):
                part = tokens[left : len(tokens) - (trim - left)]
                if len(part) < 5:
                    continue
                found = _spaced_kind("".join(t.group(0) for t in part), text, postcode, email)
                if found:
                    yield found, m.start() + part[0].start(), m.start() + part[-1].end()
                    break
            if found:
                break


def _spaced_kind(joined: str, text: str, postcode, email) -> str | None:
    if postcode.fullmatch(joined):
        return "postcode"
    if email.fullmatch(joined):
        return "email"
    # Its look-aheads would read a longer word in full before its length refused it.
    if len(joined) <= _USERNAME_MOST and _USERNAME.fullmatch(joined) and _PLATFORM.search(text):
        return "handle"
    return None


def joined_mobile_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of a UK mobile number typed as digit groups joined by words or commas."""
    for m in _JOINED.finditer(text):
        digits = re.sub(r"\D", "", m.group(0))
        if len(digits) != 11 or not digits.startswith("07"):
            continue
        # Possible, not valid: Ofcom's drama numbers (07700 900xxx) are written exactly as a
        # real mobile number is, and find_phones reads them the same way.
        if phonenumbers.is_possible_number(phonenumbers.parse(digits, "GB")):
            yield m.span()


def account_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of a username after "account", or an address named by its provider."""
    for m in _ACCOUNT.finditer(text):
        yield "handle", *m.span("id")
    for m in _MAIL_IN_WORDS.finditer(text):
        yield "email", m.start(), m.end()


# A home named in the words before an address: without one, "two Dunstable Road buses" would be
# read as a house number.
_HOME = re.compile(
    _fold_pattern(
        r"(?<![\w])(?:live|living|lives|house|home|flat|address|"
        r"گھر|مکان|رہتے|رہتا|رہتی|پتہ|پتا|ghar|makan|rehte|rehta|rehti|rehnde|pata|"
        r"بيت|بيتي|بيتنا|منزل|منزلي|شقة|شقتي|أسكن|اسكن|نسكن|عنوان|عنواني|"
        r"বাড়ি|বাসা|থাকি|থাকে|ঠিকানা|বাড়ী|ਘਰ|ਰਹਿੰਦੇ|ਰਹਿੰਦਾ|ਰਹਿੰਦੀ|ਪਤਾ|"
        r"dom|domu|mieszkam|mieszkanie|adres|casa|locuiesc|adresa|apartament|blocul|"
        r"moro|moramos|apartamento|endereço|endereco|morada)"
    )
)
# A street as it is written in Latin letters in any language's message: "Selbourne Road".
_STREET = re.compile(
    r"(?<![\w])[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+"
    r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Close|Way|Drive|Crescent|Gardens|Grove|Terrace|Place)"
    r"(?![\w])"
)
# Little words that may stand between the number and the street: "رقم اثنا عشر في Chapel Street".
_BETWEEN = frozenset(
    _fold_pattern(w)
    for w in ("in", "on", "at", "na", "w", "la", "em", "no", "pe", "par", "pr", "per", "ul")
    + ("في", "على", "پر", "پہ", "তে", "ਤੇ")
)


def _number_words() -> dict[str, int]:
    from engage.moderation.number_words import NUMBER_WORDS

    return NUMBER_WORDS


def house_number_in_words_spans(cased: str) -> Iterator[tuple[int, int]]:
    """Spans of "<house number in words> <Street>" after a word for home, in any language."""
    numbers = _number_words()
    for m in _STREET.finditer(cased):
        before = cased[max(0, m.start() - 80) : m.start()]
        if not _HOME.search(fold(before)):
            continue
        words = list(re.finditer(r"\S+", before))
        if words and fold(words[-1].group(0)) in _BETWEEN:
            words.pop()
        for size in (3, 2, 1):
            if len(words) < size:
                continue
            phrase = " ".join(w.group(0).lower().strip(",.،") for w in words[-size:])
            if phrase in numbers:
                yield m.start() - len(before) + words[-size].start(), m.end()
                break
