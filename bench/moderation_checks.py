"""Measure the moderation checks (rules, model, and both together) on held-out labelled messages.

Run from the repository root: ``python bench/moderation_checks.py [--errors] [--set NAME]``.
For each labelled set it prints precision and recall per category (overall, English, other
languages) for the rules alone, the model alone and the shipped combination (rules OR model,
exactly ``check_text``), the share of harmless messages flagged, and the time per message.

Sets, none of them fitted on (see engage/moderation/data/README.md):
- ``heldout9b``: engage/moderation/data/heldout9b.csv, 200 messages in the eight languages by a
  nineteenth writer from the labelling brief alone (7 December 2026, tenth round), scored before
  and after that round's rules, its errors never listed;
- ``heldout9a``: engage/moderation/data/heldout9a.csv, 200 more by a twentieth writer (details in
  disguise, abuse without slurs aimed at named people): the tenth round's development set;
- ``heldout8b``: engage/moderation/data/heldout8b.csv, 200 messages in the eight languages,
  written by a seventeenth writer from the labelling brief alone on 7 December 2026 (short phone
  messages and long considered comments, the part at the start, middle or end), scored before
  the ninth round's rules and after them, its errors never listed;
- ``heldout8a``: engage/moderation/data/heldout8a.csv, 200 more by an eighteenth writer at the
  same time (young people's survey answers, residents' reply threads): the ninth round's
  development set;
- ``heldout7b``: engage/moderation/data/heldout7b.csv, 200 messages in the eight languages,
  written by a fifteenth writer from the labelling brief alone on 7 December 2026 (replies,
  survey answers, ideas and posts with the risky, personal or abusive part mixed into talk of the
  topic), scored before the eighth round's rules and after them, its errors never listed;
- ``heldout7a``: engage/moderation/data/heldout7a.csv, 200 more by a sixteenth writer at the
  same time (comments on proposals and survey answers with the risky, personal or abusive part
  inside an ordinary comment, each as a different kind of person);
- ``heldout6b``: engage/moderation/data/heldout6b.csv, 200 messages in the eight languages,
  written by a thirteenth writer from the labelling brief alone on 6 December 2026 (comments on
  consultations with the risky, personal or abusive part inside them), scored before and after
  the seventh round's rules (and once by mistake between), its errors never listed;
- ``heldout6a``: engage/moderation/data/heldout6a.csv, 200 more by a fourteenth writer at the
  same time, each as a different kind of person: the seventh round's development set (its
  errors were read and led to rules);
- ``heldout5b``: engage/moderation/data/heldout5b.csv, 200 messages in the eight languages,
  written by an eleventh writer from the labelling brief alone on 6 December 2026, scored once
  before and once after the sixth round's rules and never read (its errors were never listed);
- ``heldout5a``: engage/moderation/data/heldout5a.csv, 200 more by a twelfth writer at the same
  time: the sixth round's development set (its errors were read and led to rules);
- ``heldout4``: engage/moderation/data/heldout4.csv, 400 messages in the eight languages,
  written by an eighth writer from the labelling brief alone (docs/labelling-brief.md; no code,
  no data), committed before the fifth round's rules and training data, never read by train.py
  or for a rule; scored once before and once after that round;
- ``heldout3``: engage/moderation/data/heldout3.csv, 360 messages in the eight languages,
  written by a seventh writer from the labelling brief alone (no code, no data), committed
  before the fourth round's training data was used, and never read by train.py or for a rule;
- ``heldout2``: engage/moderation/data/heldout2.csv, 320 messages in the eight languages,
  written by a separate writer who read only the labelling brief (no code, no data), committed
  before the model was retrained on data/hand/, and never read by train.py or used for a rule;
- ``corpus-test``: the test split of engage/moderation/data/corpus.csv (template families
  never used for training or for choosing thresholds);
- ``heldout``: engage/moderation/data/heldout.csv, 216 messages in the eight languages (and
  Urdu, Bengali and Panjabi in Latin letters), written by hand in one sitting before the model
  was retrained on corpus_extra.csv and never read by train.py or used to write a rule;
- ``handwritten``: engage/moderation/data/handwritten_test.csv, written by hand after the
  corpus templates were frozen, in phrasings that are in no template;
- ``rules-holdout`` / ``rules-dev``: tests/moderation/data/labelled_messages.csv (the rules
  were tuned on its dev split, so only its holdout split is unseen by them; the model never
  saw either);
- ``demo``: the public demo comments and replies (engage/demo/content.py), all ordinary and
  harmless, minus the moderation examples (engage/demo/moderation.py ``_ITEMS``, when present).
  Never trained on: an independent check of how many everyday comments the checks flag.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from engage.moderation import checks, model  # noqa: E402

DATA = ROOT / "tests" / "moderation" / "data" / "labelled_messages.csv"
CORPUS = ROOT / "engage" / "moderation" / "data" / "corpus.csv"
HANDWRITTEN = ROOT / "engage" / "moderation" / "data" / "handwritten_test.csv"
HELDOUT = ROOT / "engage" / "moderation" / "data" / "heldout.csv"
HELDOUT2 = ROOT / "engage" / "moderation" / "data" / "heldout2.csv"
HELDOUT3 = ROOT / "engage" / "moderation" / "data" / "heldout3.csv"
HELDOUT4 = ROOT / "engage" / "moderation" / "data" / "heldout4.csv"
HELDOUT5A = ROOT / "engage" / "moderation" / "data" / "heldout5a.csv"
HELDOUT5B = ROOT / "engage" / "moderation" / "data" / "heldout5b.csv"
HELDOUT6A = ROOT / "engage" / "moderation" / "data" / "heldout6a.csv"
HELDOUT7A = ROOT / "engage" / "moderation" / "data" / "heldout7a.csv"
HELDOUT7B = ROOT / "engage" / "moderation" / "data" / "heldout7b.csv"
HELDOUT9A = ROOT / "engage" / "moderation" / "data" / "heldout9a.csv"
HELDOUT9B = ROOT / "engage" / "moderation" / "data" / "heldout9b.csv"
HELDOUT8A = ROOT / "engage" / "moderation" / "data" / "heldout8a.csv"
HELDOUT8B = ROOT / "engage" / "moderation" / "data" / "heldout8b.csv"
HELDOUT6B = ROOT / "engage" / "moderation" / "data" / "heldout6b.csv"
CATEGORIES = ("personal_details", "safeguarding_risk", "abuse")
# The rules' category names -> the names used here (and by `flask engage check-text`).
NAMES = {"personal_details": "personal_details", "risk": "safeguarding_risk", "abuse": "abuse"}
NAMES.update({c: c for c in CATEGORIES})
TARGETS = {"personal_details": 0.95, "safeguarding_risk": 0.90, "abuse": 0.80}
MAX_HARMLESS_FLAGGED = 0.05


@dataclass
class Row:
    text: str
    language: str
    expected: set[str]
    split: str = ""
    kind: str = ""
    predicted: dict[str, set[str]] = field(default_factory=dict)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load(path: Path, split: str | None = None) -> list[Row]:
    """Read a labelled CSV (text, language, categories[, split, kind]); keep one split if asked."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [
            Row(
                text=r["text"],
                language=r["language"],
                expected={NAMES[c] for c in r["categories"].split(";") if c},
                split=r.get("split") or "",
                kind=r.get("kind") or "",
            )
            for r in csv.DictReader(fh)
        ]
    return [r for r in rows if split is None or r.split == split]


def predict(rows: list[Row]) -> float:
    """Fill in each row's predictions by the three systems; return ms per message (combined)."""
    loaded = model.load()
    for row in rows:
        row.predicted["rules"] = {NAMES[str(h.category)] for h in checks._all_hits(row.text)}
        row.predicted["model"] = loaded.categories(row.text) if loaded else set()
    start = time.perf_counter()
    for row in rows:
        row.predicted["combined"] = {NAMES[str(f.category)] for f in checks.check_text(row.text)}
    return (time.perf_counter() - start) * 1000 / max(1, len(rows))


def score(rows: list[Row], category: str, system: str) -> Score:
    """TP/FP/FN for one category and system."""
    s = Score()
    for row in rows:
        want, got = category in row.expected, category in row.predicted[system]
        s.tp += want and got
        s.fp += got and not want
        s.fn += want and not got
    return s


def harmless_flagged(rows: list[Row], system: str) -> tuple[int, int]:
    """How many harmless messages got any flag, out of how many."""
    harmless = [r for r in rows if not r.expected]
    return sum(bool(r.predicted[system]) for r in harmless), len(harmless)


def _cell(s: Score) -> str:
    return f"{s.precision:.2f}/{s.recall:.2f} ({s.tp}/{s.fp}/{s.fn})"


def report(title: str, rows: list[Row], ms: float) -> str:
    """The table for one labelled set."""
    english = [r for r in rows if r.language == "en"]
    other = [r for r in rows if r.language != "en"]
    lines = [
        f"== {title}: {len(rows)} messages ({len(english)} English, {len(other)} other) — "
        f"{ms:.2f} ms per message (rules + model)",
        "   precision/recall (TP/FP/FN)",
        f"   {'system':<9}{'category':<19}{'all':>22}{'English':>22}{'other languages':>22}",
    ]
    for system in ("rules", "model", "combined"):
        for category in CATEGORIES:
            cells = [_cell(score(subset, category, system)) for subset in (rows, english, other)]
            lines.append(f"   {system:<9}{category:<19}" + "".join(f"{c:>22}" for c in cells))
        n, total = harmless_flagged(rows, system)
        lines.append(f"   {system:<9}harmless flagged: {n} of {total} ({n / max(1, total):.1%})")
    return "\n".join(lines)


def errors(rows: list[Row]) -> str:
    """Misses and false alarms of the combined system."""
    lines = []
    for category in CATEGORIES:
        missed = [
            r for r in rows if category in r.expected and category not in r.predicted["combined"]
        ]
        lines.append(f"   missed {category} ({len(missed)}):")
        lines += [f"     [{r.language}/{r.kind}] {r.text}" for r in missed]
    wrong = [
        (r, c)
        for r in rows
        for c in CATEGORIES
        if c in r.predicted["combined"] and c not in r.expected
    ]
    lines.append(f"   false alarms ({len(wrong)}):")
    lines += [f"     [{r.language}] {c}: {r.text}" for r, c in wrong]
    return "\n".join(lines)


def _bodies(comments: list[dict]) -> list[str]:
    """Every comment and reply body, depth first."""
    out = []
    for c in comments:
        out.append(c["body"])
        out += _bodies(c.get("replies", []))
    return out


def demo_rows() -> list[Row]:
    """The demo's ordinary comments (all harmless), without the moderation examples."""
    from engage.demo.content import PROPOSALS

    try:
        from engage.demo.moderation import _ITEMS as examples
    except ImportError:
        examples = []
    skip = {item[2] for item in examples}  # (proposal, author, words, hours, decision)
    texts = [b for p in PROPOSALS for b in _bodies(p.get("comments", []))]
    return [
        Row(text=t, language="en", expected=set()) for t in dict.fromkeys(texts) if t not in skip
    ]


def sets() -> dict[str, list[Row]]:
    """The labelled sets by name."""
    return {
        "heldout": load(HELDOUT),
        "heldout9b": load(HELDOUT9B),
        "heldout9a": load(HELDOUT9A),
        "heldout8b": load(HELDOUT8B),
        "heldout8a": load(HELDOUT8A),
        "heldout7b": load(HELDOUT7B),
        "heldout7a": load(HELDOUT7A),
        "heldout6b": load(HELDOUT6B),
        "heldout6a": load(HELDOUT6A),
        "heldout5b": load(HELDOUT5B),
        "heldout5a": load(HELDOUT5A),
        "heldout4": load(HELDOUT4),
        "heldout3": load(HELDOUT3),
        "heldout2": load(HELDOUT2),
        "corpus-test": load(CORPUS, "test"),
        "corpus-validation": load(CORPUS, "validation"),
        "handwritten": load(HANDWRITTEN),
        "rules-holdout": load(DATA, "holdout"),
        "rules-dev": load(DATA, "dev"),
        "demo": demo_rows(),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the tables; exit 0 (figures are for reading, not a gate)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=list(sets()), help="only these sets")
    parser.add_argument("--errors", action="store_true", help="list misses and false alarms")
    args = parser.parse_args(argv)
    checks.check_text("warm up")
    for name, rows in sets().items():
        if name == "corpus-validation" and not (args.set and name in args.set):
            continue  # thresholds were chosen on it: shown only when asked for
        if args.set and name not in args.set:
            continue
        ms = predict(rows)
        print(report(name, rows, ms))
        if args.errors:
            print(errors(rows))
        print()
    targets = ", ".join(f"recall {c} >= {t}" for c, t in TARGETS.items())
    print(f"Targets: {targets}; harmless flagged <= {MAX_HARMLESS_FLAGGED:.0%}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
