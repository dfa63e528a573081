"""Write engage/moderation/data/corpus.csv from the templates (deterministic: fixed seed).

Run: ``python -m scripts.corpus.build``. Each phrasing is a *template family*; the family
decides the split (train/validation/test) by a hash of its name, so no test message shares a
phrasing with a training message (slot fillers such as area names are shared on purpose:
they are the site's vocabulary, not the thing being detected).
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
from pathlib import Path

from scripts.corpus import civic, en, en_more, everyday, more_languages, others, south_asian
from scripts.corpus.slots import TOPICS, expand

OUT = Path(__file__).resolve().parents[2] / "engage" / "moderation" / "data" / "corpus.csv"
SEED = 14
# Messages per template family: phrasings with slots vary more, so they get more.
VARIANTS = {"en": 7, "other": 9}

_LEAD_EN = [
    "", "", "", "", "tbh ", "ngl ", "honestly ", "idk ", "so ", "um ", "hi, ", "not gonna lie ",
    "about the {topic}: ", "the {topic} are fine but ", "re {topic} - ", "this isnt about {topic} but ",
]  # fmt: skip
_TAIL_EN = ["", "", "", "", " lol", " fr", " idk", " tbh", "...", "!!", " :(", " 😭", " pls", " x"]
_TAIL_ANY = ["", "", "", "", "!", "...", " 😢", " 🙏", " ??", " x"]
_LATIN_CONTEXT = {"ur-Latn", "pa-Latn", "en"}


def _typo(text: str, rng: random.Random) -> str:
    """One slip of the thumb in a Latin-letter word: a letter dropped, doubled or swapped."""
    words = [i for i, w in enumerate(text.split(" ")) if len(w) > 3 and w.isascii() and w.isalpha()]
    if not words:
        return text
    parts = text.split(" ")
    i = rng.choice(words)
    w = parts[i]
    j = rng.randrange(1, len(w) - 1)
    op = rng.randrange(3)
    if op == 0:
        w = w[:j] + w[j + 1 :]
    elif op == 1:
        w = w[:j] + w[j] + w[j:]
    else:
        w = w[: j - 1] + w[j] + w[j - 1] + w[j + 1 :]
    parts[i] = w
    return " ".join(parts)


def _teen(text: str, rng: random.Random) -> str:
    """Rewrite the way many teenagers type: lower case, no punctuation, short forms."""
    text = text.lower()
    text = re.sub(r"[.,;:!?']", "", text) if rng.random() < 0.6 else text
    for a, b in (
        ("you", "u"),
        ("your", "ur"),
        ("because", "cos"),
        ("don't", "dont"),
        ("i'm", "im"),
    ):
        if rng.random() < 0.5:
            text = re.sub(rf"\b{a}\b", b, text)
    return text


def augment(text: str, lang: str, rng: random.Random) -> str:
    """A varied surface form of one filled template."""
    if lang in _LATIN_CONTEXT:
        if rng.random() < 0.35:
            lead = rng.choice(_LEAD_EN).replace("{topic}", rng.choice(TOPICS))
            text = lead + text
        if rng.random() < 0.4:
            text = _teen(text, rng)
        if rng.random() < 0.25:
            text = _typo(text, rng)
        if rng.random() < 0.3:
            text += rng.choice(_TAIL_EN)
        if rng.random() < 0.2 and lang == "en":
            text = text[:1].upper() + text[1:]
    elif rng.random() < 0.4:
        text += rng.choice(_TAIL_ANY)
    return text.strip()


def split_of(family: str) -> str:
    """Train 70 %, validation 15 %, test 15 % of families, by a stable hash of the name.

    Contrast families (everyday.CONTRAST) are always training data.
    """
    if "/contrast/" in family:
        return "train"
    h = int(hashlib.sha256(family.encode()).hexdigest()[:8], 16) % 100
    return "train" if h < 70 else "validation" if h < 85 else "test"


def families():
    """Every (language, category, kind, family name, phrasing)."""
    tables = {"en": en.TEMPLATES, **south_asian.TEMPLATES, **others.TEMPLATES}
    second = [(f"{lang}-more", table) for lang, table in more_languages.MORE.items()]
    for lang, table in [*tables.items(), ("en-more", en_more.MORE), *second]:
        for (category, kind), phrasings in table.items():
            for i, phrasing in enumerate(phrasings):
                yield lang.removesuffix("-more"), category, kind, f"{lang}/{kind}/{i}", phrasing
    for lang, family, template in everyday.families():
        yield lang, "", "everyday", family, template
    for lang, family, template in everyday.short_families():
        yield lang, "", "short", family, template
    for lang, family, template in everyday.lookalike_families():
        yield lang, "", "lookalike", family, template
    for lang, family, template in everyday.first_person_families():
        yield lang, "", "first_person", family, template
    for lang, family, template in everyday.contrast_families():
        yield lang, "", "contrast", family, template
    for lang, family, template in civic.civic_families():
        yield lang, "", "civic", family, template


def build() -> list[dict]:
    """All rows of the corpus, de-duplicated."""
    rng = random.Random(SEED)
    rows, seen = [], set()
    for lang, category, kind, family, phrasing in families():
        n = VARIANTS["en" if lang == "en" else "other"]
        if "{" not in phrasing and "[" not in phrasing:
            n = max(3, n - 3)
        if kind == "everyday":
            n = 12
        elif kind in ("short", "lookalike"):
            n = 4
        elif kind == "contrast":
            n = 20
        elif kind == "civic":
            n = 30  # many choices per template: plenty of distinct comments per family
        elif not category:
            n *= 3  # most of what people write is harmless: the model must see plenty of it
        for _ in range(n):
            text = augment(expand(phrasing, rng), lang, rng)
            if text in seen:
                continue
            seen.add(text)
            rows.append(
                {
                    "text": text,
                    "language": lang.split("-")[0],
                    "script": "Latn" if lang.endswith("Latn") else "",
                    "categories": category,
                    "kind": kind,
                    "family": family,
                    "split": split_of(family),
                }
            )
    return rows


def main() -> None:
    """Write the CSV."""
    rows = build()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
