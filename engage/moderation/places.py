"""Luton's schools and places, and a private person's full name given with them.

``data/luton_places.json`` lists Luton's wards, areas, schools, main streets and parks (sources in
``data/README.md``). A school whose name is only a school ("Challney", "Lealands") is a
personal detail on its own; one named like an area ("Stopsley", "Icknield") only with a
school cue ("I go to Stopsley", "year 9 at icknield"). A full name (two capitalised words,
or two words after "my name is") counts when the message also gives an area, a street, a
school or an age: together they point at one young person.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

__all__ = ["name_spans", "places", "school_spans"]

PLACES_PATH = Path(__file__).resolve().parent / "data" / "luton_places.json"

_SCHOOL_CUE_BEFORE = (
    r"(?:go(?:es)?\s+to|went\s+to|going\s+to|attend(?:s|ed|ing)?|stud(?:y|ying|ent|ents)\s+at|"
    # "from" only after people: "the 27 from Leagrave" is a bus, "kids from Icknield" a school.
    r"pupils?\s+at|teachers?\s+at|year\s+\d+\s+(?:at|in)|(?:im|i'm|i\s+am)\s+at|kids\s+at|"
    r"(?:kids|pupils|students|girls|boys|lads|year\s+\d+s?|every(?:one|body)|some(?:one|body)|"
    r"any(?:one|body)|people|mates|friends)\s+from|"
    r"chodz\w*\s+do|merg\s+la|ando\s+n[ao]|estudo\s+n[ao]|parhta\s+hoon|ادرس\s+في|أدرس\s+في|"
    # A school year, then where: "clasa a 7-a la", "w 8 klasie w", "no 9º ano na".
    r"clasa\s+a\s+\d+(?:-a)?\s+la|klas\w*\s+\d+\w*\s+w|\d+\W?\s*klas\w*\s+w|ano\s+n[ao])"
)
_SCHOOL_CUE_AFTER = (
    r"(?:\s+(?:high|school|academy|primary|juniors?|infants?|college|sixth\s+form)\b|"
    r"\s+(?:mein|me|ch|vich)\s+(?:parh|padh|jat|jaandi|jandi)|\s*میں\s+(?:پڑھ|جات)|"
    r"\s*(?:স্কুলে|স্কুল)|\s*ਵਿੱਚ\s+ਪੜ੍ਹ|\s+سکول|\s+اسکول)"
)
_AGE = (
    r"(?:\b(?:i'?m|im|i\s+am|aged?|age)\s+(?:1[0-9]|[5-9])\b|"
    # "Tyler Brennan is 12", "who's just 14": an age, not "is 12 minutes away" or "is 5pm".
    r"\b(?:is|who'?s|turned|turns|turning)\s+(?:only\s+|just\s+|nearly\s+|almost\s+)?"
    r"(?:1[0-9]|[5-9])\b(?![.:]\d|\s*(?:%|p\b|pm|am|mins?|minutes?|hours?|hrs?|pounds|quid|"
    r"miles?|km|mph|metres?|meters?|percent|o'?clock|times|x\b|out\s+of|/|"
    r"years?\s+(?:older|younger|ago|since|late)))|\b(?:1[0-9]|[5-9])\s*(?:yrs?|years?)\s*old|"
    r"\b(?:1[0-9]|[5-9])\s*(?:lat|ani|anos|saal|sal)\b|(?:1[0-9]|[5-9])\s*سال|"
    r"(?:umar|عمري|বয়স|ਉਮਰ)\s*:?\s*(?:1[0-9]|[5-9])\b|,\s*(?:1[0-9])\s*,)"
)
_NAME_CUE = (
    r"(?:my\s+name\s+is|my\s+names|my\s+name's|i'?m\s+called|call\s+me|nazywam\s+sie|"
    r"ma\s+numesc|numele\s+meu\s+e(?:ste)?|chamo-me|me\s+chamo|meu\s+nome\s+e|mera\s+naam|"
    r"میرا\s+نام|আমার\s+নাম|ਮੇਰਾ\s+ਨਾਮ|اسمي)"
)
# Capitalised words that start sentences or name things, not people.
_NOT_NAMES = {
    "i", "the", "my", "our", "this", "that", "luton", "town", "council", "park", "road",
    "street", "lane", "avenue", "way", "close", "high", "school", "college", "academy",
    "primary", "library", "hall", "centre", "center", "station", "bus", "mall", "hello", "hi",
    "please", "thanks", "thank", "dear", "mr", "mrs", "ms", "miss", "sir", "year", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "christmas", "eid", "diwali", "ramadan", "vaisakhi", "easter", "london",
    "bedford", "england", "uk", "nhs", "god", "allah", "jesus", "we", "you", "they", "it",
    "he", "she", "and", "but", "so", "also", "just", "new", "old", "great", "good", "why",
    "what", "when", "where", "how", "who", "can", "could", "would", "should", "is", "are",
    "lol", "omg", "tbh", "ngl", "yes", "no", "ok", "okay", "saints", "hatters", "youth",
    "club", "community", "market", "square", "galaxy", "hat", "factory", "district", "wardown",
    "stockwood", "airport", "arndale", "retail", "museum", "house", "farm", "green", "hill",
    "meadow", "meadows", "fields", "gardens", "woods", "common", "hills", "downs", "rec",
    # People named in a public role ("Cllr Dean"), and towns near Luton ("Milton Keynes").
    "cllr", "councillor", "mayor", "mp", "minister", "inspector", "sergeant", "sgt", "pc",
    "milton", "keynes", "dunstable", "hitchin", "stevenage", "harpenden", "hemel", "hempstead",
    "watford", "leighton", "buzzard", "houghton", "regis", "albans", "welwyn", "ampthill",
    "toddington", "cambridge", "oxford", "birmingham", "manchester", "northampton",
}  # fmt: skip


@cache
def places() -> dict[str, list[str]]:
    """The lists in luton_places.json, lower-cased."""
    data = json.loads(PLACES_PATH.read_text(encoding="utf-8"))
    return {k: [p.lower() for p in v] for k, v in data.items() if isinstance(v, list)}


def _alternation(names: list[str]) -> str:
    parts = sorted(names, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "'?") for p in parts)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    p = places()
    schools = _alternation(p["schools"])
    like_areas = _alternation(p["schools_named_like_areas"])
    where = _alternation(p["wards"] + p["areas"] + p["streets"] + p["parks"])
    return {
        "school": re.compile(rf"(?<![\w])(?:{schools})(?![\w])"),
        "school_cued": re.compile(
            rf"(?<=\s)(?:{_SCHOOL_CUE_BEFORE})\s+(?P<name>{like_areas})(?![\w])"
        ),
        "school_suffixed": re.compile(rf"(?<![\w])(?P<name>{like_areas}){_SCHOOL_CUE_AFTER}"),
        "where": re.compile(rf"(?<![\w])(?:{where}|{schools}|{like_areas})(?![\w])"),
        "age": re.compile(_AGE),
        "cued_name": re.compile(
            rf"(?<![\w]){_NAME_CUE}\s+(?P<name>[^\W\d_]{{2,}}\s+[^\W\d_]{{2,}})"
        ),
    }


def school_spans(folded: str) -> Iterator[tuple[int, int]]:
    """Spans of Luton schools named in lower-cased, folded text."""
    pats = _patterns()
    for m in pats["school"].finditer(folded):
        yield m.span()
    for key in ("school_cued", "school_suffixed"):
        for m in pats[key].finditer(" " + folded):
            yield m.start("name") - 1, m.end("name") - 1


_CAPITALISED_PAIR = re.compile(r"(?<![\w'])([A-Z][a-z'\-]{1,20})\s+([A-Z][a-z'\-]{1,20})(?![\w])")


def name_spans(cased: str, folded: str) -> Iterator[tuple[str, int, int]]:
    """Full names given with an area, street, school or age: ("cased"|"folded", start, end)."""
    pats = _patterns()
    candidates = []
    for m in pats["cued_name"].finditer(folded):
        first, last = m.group("name").split()[:2]
        if first not in _NOT_NAMES and last not in _NOT_NAMES:
            candidates.append(("folded", *m.span("name")))
    where = [m.span() for m in pats["where"].finditer(folded)]
    for m in _CAPITALISED_PAIR.finditer(cased):
        words = (m.group(1).lower(), m.group(2).lower())
        if any(w in _NOT_NAMES for w in words):
            continue
        if any(s <= m.start() < e or s < m.end() <= e for s, e in where):
            continue  # "Sundon Park", "Round Green": a place, not a person
        candidates.append(("cased", *m.span()))
    if not candidates:
        return
    context = bool(pats["age"].search(folded)) or any(
        not any(s < ce and cs < e for _, cs, ce in candidates) for s, e in where
    )
    if context:
        yield from candidates
