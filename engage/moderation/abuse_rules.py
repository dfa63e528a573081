"""Rules for abuse: the word lists in ``wordlists/``, tolerant of masking and stretching."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from engage.moderation.abuse_patterns import ABUSE_PATTERNS
from engage.moderation.flags import Category, Hit
from engage.moderation.folding import _B_END, _B_START, _W, _compile, _fold_pattern, _View

WORDLIST_DIR = Path(__file__).resolve().parent / "wordlists"
LANGUAGES = ("en", "ur", "pl", "bn", "ro", "pa", "pt", "ar")
_VOWELS = set("aeiouy")
_ARABIC_PREFIX = "(?:(?:و|ف|ب|ل|ک)?(?:ال)?)"


def _term_regex(term: str, arabic: bool) -> str:
    """A word-list term as a regex that tolerates repeated letters, masking and separators."""
    folded = _fold_pattern(term.lower())
    starts_open = folded.startswith("*")
    words = re.split(r"[\s\-']+", folded.strip("*"))
    word_res = []
    for word in words:
        runs = [(m.group(0)[0], len(m.group(0))) for m in re.finditer(r"(.)\1*", word)]
        pieces = []
        for i, (ch, n) in enumerate(runs):
            if "a" <= ch <= "z":
                # Vowels stretch freely ("fuuuck"); a consonant must appear as in the term or
                # three or more times, so "paki" does not match the Urdu "pakki" (sure).
                if starts_open and not word_res and i == 0:
                    # After any letters ("*fucker"), any number of its first letter did, from
                    # any of them; read from the first of the run only, as all of it, so a
                    # run of that letter is not read again from each of its letters ("f"
                    # 10,000 times took 2.6 s).
                    piece = f"(?<!{ch}){ch}++"
                elif ch in _VOWELS or n >= 3:
                    piece = f"{ch}{{{n},}}"
                else:
                    piece = f"(?:{ch}{{{n}}}|{ch}{{3,}})"
                if 0 < i < len(runs) - 1:
                    # One star per hidden letter ("f**k"): with "*+" here, a run of stars gave
                    # the engine every way of sharing it between the letters, and "f" followed
                    # by 100 stars took 6 s (200: over 30 s). A longer mask is the masked ending's.
                    piece = f"(?:{piece}|\\*)"
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
    end = _term_end(folded)
    spaced = _spaced_form(folded.strip("*"))
    if spaced:
        body = f"(?:{body}|{spaced})"
    return f"{start}{body}{end}"


def _term_end(folded: str) -> str:
    """How a term (and its masked form) ends: "word*" runs on to the word's end, else a boundary."""
    return f"{_W}*" if folded.endswith("*") else _B_END


def _one_latin_word(term: str) -> bool:
    """Whether a term is one Latin word of four letters or more: the kind masked or spaced out."""
    return term.isascii() and term.isalpha() and len(term) >= 4


def _masked_end_form(term: str) -> str | None:
    """Match a one-word Latin term whose end is all masked: "f***", "sh**", "b****".

    Its first one or two letters stay and at least as many stars as letters hidden, never
    fewer than two, so an exam grade ("A*", "A**") or a star rating matches no term. The
    masked form is the same for every term with that start and length; all of them are abuse.
    """
    if not _one_latin_word(term):
        return None
    forms = [f"{re.escape(term[:keep])}\\*{{{len(term) - keep},}}" for keep in (1, 2)]
    # "Mr S***" hides a person's name, not a word.
    return r"(?<!\bmr\s)(?<!\bmrs\s)(?<!\bms\s)(?<!\bdr\s)(?:" + "|".join(forms) + ")"


def _spaced_form(term: str) -> str | None:
    """Match a one-word Latin term with every letter split by one separator: "f u c k"."""
    if not _one_latin_word(term):
        return None
    return r"[\s.\-_*]".join(re.escape(c) for c in term)


def _read_wordlist(path: Path) -> list[str]:
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            terms.append(line)
    return terms


def _term_alternatives() -> list[tuple[str | None, str]]:
    """Every word-list term as (the letter it must start with, or None; its regex), longest first.

    Longest first, so "motherfucker" is reported whole rather than as "fucker".
    """
    parts = []
    for lang in LANGUAGES:
        path = WORDLIST_DIR / f"{lang}.txt"
        if not path.exists():
            continue
        for term in _read_wordlist(path):
            folded = _fold_pattern(term.lower())
            # Arabic terms may start with a particle, and "*term" with any letters.
            first = None if lang == "ar" or folded.startswith("*") else folded[0]
            parts.append((first, _term_regex(term, arabic=lang == "ar")))
            masked = _masked_end_form(folded.strip("*"))
            if masked:
                # Many terms share a masked form ("f***"): each form is added once.
                parts.append((folded[0], f"{masked}{_term_end(folded)}"))
    parts = list(dict.fromkeys(parts))
    parts.sort(key=lambda part: len(part[1]), reverse=True)
    return parts


@cache
def _abuse_regex() -> re.Pattern[str]:
    parts = _term_alternatives()
    if not parts:
        return re.compile(r"(?!)")
    # One alternation of 370 terms made Python's regex engine try every term at every word's
    # start. Grouped by the letter a term starts with (behind a lookahead), a position tries only
    # its letter's terms and those that may start with anything, in the same order as in one
    # alternation, so the same term matches. One boundary check in front lets a position inside
    # a word fail at once.
    letters = sorted({first for first, _ in parts if first is not None})
    groups = []
    for letter in letters:
        mine = [rx for first, rx in parts if first in (letter, None)]
        groups.append(f"(?={re.escape(letter)})(?:" + "|".join(f"(?:{p})" for p in mine) + ")")
    anywhere = [rx for first, rx in parts if first is None]
    if anywhere:
        others = "".join(re.escape(letter) for letter in letters)
        groups.append(f"(?![{others}])(?:" + "|".join(f"(?:{p})" for p in anywhere) + ")")
    return re.compile(_B_START + "(?:" + "|".join(groups) + ")")


_PATTERNS_COMPILED = {kind: _compile(patterns) for kind, patterns in ABUSE_PATTERNS.items()}


def _abuse_hits(text: str) -> list[Hit]:
    view = _View.fold(text).leet()
    hits = []
    for m in _abuse_regex().finditer(view.text):
        if m.end() == m.start():
            continue
        s, e = view.span(*m.span())
        hits.append(Hit(Category.ABUSE, "abuse", s, e, None))
    # Insults, threats and hate in ordinary words (abuse_patterns.py): each needs a target.
    for kind, rx in _PATTERNS_COMPILED.items():
        for m in rx.finditer(view.text):
            if m.end() > m.start():
                hits.append(Hit(Category.ABUSE, kind, *view.span(*m.span()), None))
    return hits
