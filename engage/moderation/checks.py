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

The rules live in modules by subject: ``folding.py`` (the normalised text and its map back),
``personal_rules.py``, ``abuse_rules.py`` and the risk patterns; ``flags.py`` holds ``Category``
and ``Flag`` (importable from here as before).

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

import re
from bisect import bisect_right
from collections.abc import Iterator

from engage.moderation.abuse_rules import _abuse_hits
from engage.moderation.flags import Category, Flag, Hit
from engage.moderation.folding import _compile, _View, fold
from engage.moderation.personal_rules import _personal_hits
from engage.moderation.risk_patterns import RISK_PATTERNS as _RISK_PATTERNS

__all__ = ["Category", "Flag", "categories", "check_text", "fold", "redact"]

REDACTED = "[removed]"

_RISK_COMPILED = {kind: _compile(patterns) for kind, patterns in _RISK_PATTERNS.items()}


# "Killing myself at the gym" in every language: exercise in the same clause makes "kill
# myself" a figure of speech, unless the clause also wants it ("I want to kill myself").
_EXERCISE = re.compile(
    r"\b(?:gym|workouts?|leg\s+day|treadmill|circuits|bootcamp|silowni\w*|sala\s+de\s+"
    r"(?:musculacao|sport)|ginasio|academia|جم|الجيم)\b|(?<![\u0a00-\u0a7f])ਜਿਮ(?![\u0a00-\u0a7f])|"
    r"(?<![\u0980-\u09ff])জিমে?(?![\u0980-\u09ff])"
)
_WANTING = re.compile(
    r"\b(?:want|wanna|wish|gonna|going\s+to|will|chahta|chahti|chaunda|chaundi|vreau|quero|chce)\b"
    r"|چاہت|ਚਾਹੁੰਦ|চাই|اريد|أريد"
)
_CLAUSE_END = re.compile(r"[.!?;\n]|\b(?:but|though|lekin|magar|par)\b")


def _clauses(folded: str) -> tuple[list[int], list[int]] | None:
    """Where each clause of the text starts and ends, or None when it names no exercise."""
    if not _EXERCISE.search(folded):
        return None
    starts, ends = [0], []
    for m in _CLAUSE_END.finditer(folded):
        ends.append(m.start())
        starts.append(m.end())
    ends.append(len(folded))
    return starts, ends


def _exercise_figure(folded: str, clauses: tuple[list[int], list[int]], start: int) -> bool:
    # Found by bisection: a text of 800 hits took 0.9 s when each hit searched for its clause.
    starts, ends = clauses
    i = bisect_right(starts, start) - 1
    clause = folded[starts[i] : ends[i]]
    return bool(_EXERCISE.search(clause)) and not _WANTING.search(clause)


def _risk_hits(text: str) -> list[Hit]:
    base = _View.fold(text)
    views = [base]
    if re.search(r"(\w)\1\1", base.text):
        views += [base.squeeze(1), base.squeeze(2)]
    hits = []
    with_clauses = [(view, _clauses(view.text)) for view in views]
    for kind, rx in _RISK_COMPILED.items():
        for view, clauses in with_clauses:
            exercise = clauses if kind == "suicide" else None
            for m in rx.finditer(view.text):
                if exercise and _exercise_figure(view.text, exercise, m.start()):
                    continue
                s, e = view.span(*m.span())
                hits.append(Hit(Category.RISK, kind, s, e, None))
    return hits


_CATEGORY_ORDER = {Category.PERSONAL: 0, Category.ABUSE: 1, Category.RISK: 2}


def _all_hits(text: str) -> Iterator[Hit]:
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
