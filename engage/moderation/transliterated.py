"""Luton's schools and streets when they are written in Urdu, Arabic, Bengali or Panjabi letters.

"میں چالنی میں year 8 میں ہوں" names Challney, and "আমি ডেনবিতে ইয়ার ৮ এ পড়ি" Denbigh, but no
list of English spellings matches them. Each word in one of those scripts is spelled in Latin
letters (anyascii) and reduced to a consonant skeleton, as are the names in luton_places.json:
scripts that write few vowels and no "p" or "v" (Arabic) then meet the English spelling
("lygryw" and "Leagrave" are both "lgrv").

A skeleton is short, so it can meet an ordinary word ("چلنا", to walk, is "cln" like Challney):
a school counts only in a message that also talks about school (a year or class, studying), and a
street only with a house number beside it. English text is left to places.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from anyascii import anyascii

from engage.moderation.places import places

__all__ = ["foreign_place_spans", "skeleton"]

# A word with a letter in one of the scripts spelled out here.
# (Their punctuation and digits are in the same blocks: commas, full stops and numbers end a word.)
_FOREIGN_WORD = re.compile(
    r"(?:(?![\u060c\u061b\u061f\u066a-\u066d\u06d4\u0964\u0965\u0660-\u0669\u06f0-\u06f9"
    r"\u09e6-\u09ef\u0a66-\u0a6f\u0966-\u096f])"
    r"[\u0600-\u06ff\u0750-\u077f\u0980-\u09ff\u0a00-\u0a7f\u0900-\u097f])+"
)
# Case endings and particles glued to a name: Bengali locative and genitive ("ডেনবিতে", "লুটনের"),
# Arabic's article and "and" ("والبارك"), Urdu's genitive written joined.
_SUFFIXES = ("তে", "ের", "কে", "র", "য়", "এ", "ে")
_PREFIXES = ("وال", "ال", "و")
# The message is about school: a school year or class, studying, a school word, in each language.
_SCHOOL_TALK = re.compile(
    r"year\s*[0-9০-৯੦-੯٠-٩۰-۹]+|\by\s?[0-9]{1,2}\b|class|school|"
    r"ইয়ার|ক্লাস|শ্রেণী|স্কুল|পড়ি|পড়া|পড়ে|"
    r"ਜਮਾਤ|ਕਲਾਸ|ਸਕੂਲ|ਪੜ੍ਹ|ਯੀਅਰ|"
    r"جماعت|کلاس|سکول|اسکول|پڑھ|ایئر|"
    r"الصف|صف|مدرسة|مدرسه|أدرس|ادرس|"
    r"clasa|klas|szko|escola|turma|ano\b|série"
)
# A house number right before the street ("١٩ بارك ستريت"), not a bus number a word away.
_HOUSE_NUMBER = re.compile(r"[0-9০-৯੦-੯٠-٩۰-۹]+[a-z]?\s*$")


def skeleton(latin: str) -> str:
    """The consonants of a Latin-letter spelling, as scripts without short vowels write them."""
    s = latin.lower()
    s = re.sub(r"[^a-z ]", "", s)
    s = re.sub(r"c(?=[aoulrk])", "k", s)  # Cardinal, Crawley: a hard c
    for old, new in (("ph", "f"), ("ch", "c"), ("sh", "s"), ("th", "t"), ("gh", ""), ("ck", "k")):
        s = s.replace(old, new)
    s = s.translate(str.maketrans({"p": "b", "w": "v", "q": "k", "x": "k", "z": "s", "h": None}))
    s = re.sub(r"[aeiouy]", "", s)
    s = re.sub(r"(.)\1+", r"\1", s)
    return " ".join(s.split())


@cache
def _gazetteer() -> dict[str, str]:
    """Skeleton of each school and street name -> "school" or "street"."""
    known: dict[str, str] = {}
    p = places()
    for kind, names in (
        ("street", p["streets"]),
        ("school", p["schools"] + p["schools_named_like_areas"]),
    ):
        for name in names:
            key = skeleton(name)
            # Two consonants meet too many ordinary words to stand for a name.
            if len(key.replace(" ", "")) >= 3:
                known[key] = kind
    return known


def _word_skeletons(word: str) -> set[str]:
    forms = {word}
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            forms.add(word[: -len(suffix)])
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 1:
            forms.add(word[len(prefix) :])
    return {skeleton(anyascii(f)) for f in forms} - {""}


def foreign_place_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """("school" | "address", start, end) for Luton names written in another script."""
    words = list(_FOREIGN_WORD.finditer(text))
    if not words:
        return
    known = _gazetteer()
    school_talk = bool(_SCHOOL_TALK.search(text))
    i = 0
    while i < len(words):
        for size in (3, 2, 1):
            run = words[i : i + size]
            if len(run) < size or any(
                text[a.end() : b.start()].strip(" ,،") for a, b in zip(run, run[1:], strict=False)
            ):
                continue
            heads = _word_skeletons(run[-1].group(0))
            before = " ".join(skeleton(anyascii(w.group(0))) for w in run[:-1])
            kind = next(
                (known[k] for k in (f"{before} {h}".strip() for h in heads) if k in known), None
            )
            if kind is None:
                continue
            start, end = run[0].start(), run[-1].end()
            if kind == "school" and school_talk:
                yield "school", start, end
            elif kind == "street" and (number := _HOUSE_NUMBER.search(text, 0, start)):
                yield "address", number.start(), end
            i += size - 1
            break
        i += 1
