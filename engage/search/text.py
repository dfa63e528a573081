"""Folding words for matching, and marking the words found in a snippet, for every script.

The same folding runs on what is indexed and on what is searched for, on both databases: NFKC,
case folded, Latin accents dropped (zolc finds żółć, sao finds São), Arabic-script vowel marks and
the tatweel dropped (مُشْكِلَة finds مشكلة). Vowel signs of Bengali and Gurmukhi are parts of
their words and stay.
"""

import re
import unicodedata
from functools import lru_cache

from markupsafe import Markup, escape

MAX_TERMS = 8
SNIPPET_WORDS = 36
# Arabic and Urdu harakat, Quranic marks, the superscript alef and the tatweel.
_ARABIC_MARKS = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]"
)
_LATIN_FOLDS = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ı": "i"})


def is_word_char(char: str) -> bool:
    """Letters, digits and marks make words (as the FTS5 tokenizer's categories 'L* N* Co M*')."""
    category = unicodedata.category(char)
    return category[0] in "LNM" or category == "Co"


def _word_pattern() -> re.Pattern:
    # Letters and digits are Python's [^\W_]; combining marks (vowel signs, viramas, harakat) are
    # not, so their ranges are added, read from the blocks where the scripts in use keep them.
    ranges, start, previous = [], None, None
    for code in [*range(0x0300, 0x2000), *range(0x20D0, 0x2100), *range(0xFE20, 0xFE30)]:
        if unicodedata.category(chr(code)).startswith("M"):
            if start is None or code != previous + 1:
                if start is not None:
                    ranges.append((start, previous))
                start = code
            previous = code
    ranges.append((start, previous))
    marks = "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges)
    return re.compile(f"(?:[^\\W_]|[{marks}])+")


_WORDS = _word_pattern()
_LATIN_MARKS = re.compile("[\u0300-\u036f]")


def fold(text: str) -> str:
    """Text as it is matched: NFKC, case folded, Latin accents and Arabic vowel marks dropped."""
    text = _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", text or "")).casefold()
    text = _LATIN_MARKS.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", text).translate(_LATIN_FOLDS)


def words(text: str) -> list[str]:
    """The folded words of a text."""
    return _WORDS.findall(fold(text))


def query_terms(query: str) -> list[str]:
    """The distinct folded words of what someone typed, at most MAX_TERMS of them."""
    seen: list[str] = []
    for word in words(query):
        if word not in seen:
            seen.append(word)
    return seen[:MAX_TERMS]


def _shared_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def matches(word: str, term: str) -> bool:
    """Whether a folded word in a text is what a search term found (the term, or its stem)."""
    if word.startswith(term):
        return True
    # A stemmer (PostgreSQL's English) finds "parks" for "parking": a long shared start will do.
    shortest = min(len(word), len(term))
    return shortest >= 4 and _shared_prefix(word, term) >= max(3, shortest - 2)


# Words repeat across results and searches; folding one costs three normalisations.
_fold_word = lru_cache(maxsize=65536)(fold)


def highlight(text: str, terms: list[str], size: int = SNIPPET_WORDS) -> Markup:
    """An escaped extract of `text` around the first term found, each found word in <mark>."""
    text = text or ""
    # Words as the index cuts them (letters, digits and their marks), found by one regex: the
    # words of a page's results are folded and compared only up to the first match and within
    # the extract, never the whole of a long text.
    spans = [m.span() for m in _WORDS.finditer(text)]
    if not spans:
        return escape(text)

    def found(n: int) -> bool:
        word = _fold_word(text[spans[n][0] : spans[n][1]])
        return any(matches(word, t) for t in terms)

    first = next((n for n in range(len(spans)) if found(n)), 0) if terms else 0
    start_word = max(0, first - size // 3)
    end_word = min(len(spans), start_word + size)
    start = spans[start_word][0] if start_word else 0
    end = spans[end_word - 1][1] if end_word < len(spans) else len(text)
    parts = [Markup("… ") if start else Markup("")]
    position = start  # the text from here to the next found word is escaped in one piece
    for n in range(start_word, end_word) if terms else ():
        if found(n):
            word_start, word_end = spans[n]
            parts.append(escape(text[position:word_start]))
            parts.append(Markup("<mark>%s</mark>") % text[word_start:word_end])
            position = word_end
    parts.append(escape(text[position:end]))
    if end < len(text):
        parts.append(Markup(" …"))
    return Markup("").join(parts)
