"""Measure the moderation checks against the labelled messages.

Run from the repository root: ``python bench/moderation_checks.py [--split dev|holdout|all]``.
Prints precision, recall, F1 and TP/FP/FN per category, overall and per language, then the
misses (false negatives) for personal details and risk, and the false alarms.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from engage.moderation.checks import Category, categories  # noqa: E402

DATA = ROOT / "tests" / "moderation" / "data" / "labelled_messages.csv"
CATEGORIES = [Category.PERSONAL, Category.ABUSE, Category.RISK]
TARGETS = {
    Category.PERSONAL: (0.85, 0.95),
    Category.ABUSE: (0.85, 0.0),
    Category.RISK: (0.85, 0.95),
}


@dataclass
class Row:
    text: str
    language: str
    expected: set[Category]
    split: str
    predicted: set[Category] = field(default_factory=set)


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

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def load(path: Path = DATA) -> list[Row]:
    """Read the labelled CSV."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [
            Row(
                text=r["text"],
                language=r["language"],
                expected={Category(c) for c in r["categories"].split(";") if c},
                split=r.get("split") or "dev",
            )
            for r in csv.DictReader(fh)
        ]


def score(rows: list[Row], category: Category) -> Score:
    """Count TP/FP/FN for one category over rows already predicted."""
    s = Score()
    for row in rows:
        want, got = category in row.expected, category in row.predicted
        s.tp += want and got
        s.fp += got and not want
        s.fn += want and not got
    return s


def table(title: str, rows: list[Row]) -> str:
    """A per-category table, plus a micro-averaged total."""
    lines = [
        f"{title} ({len(rows)} messages)",
        f"  {'category':<17}{'precision':>10}{'recall':>8}{'F1':>7}{'TP':>5}{'FP':>5}{'FN':>5}",
    ]
    total = Score()
    for category in CATEGORIES:
        s = score(rows, category)
        total.tp, total.fp, total.fn = total.tp + s.tp, total.fp + s.fp, total.fn + s.fn
        lines.append(_line(str(category), s))
    lines.append(_line("overall (micro)", total))
    return "\n".join(lines)


def _line(name: str, s: Score) -> str:
    return (
        f"  {name:<17}{s.precision:>10.3f}{s.recall:>8.3f}{s.f1:>7.3f}{s.tp:>5}{s.fp:>5}{s.fn:>5}"
    )


def by_language(rows: list[Row]) -> str:
    """One line per language and category: precision/recall (TP/FP/FN)."""
    langs = sorted(Counter(r.language for r in rows), key=lambda lang: (lang != "en", lang))
    head = f"  {'lang':<6}{'n':>4}" + "".join(f"{str(c):>24}" for c in CATEGORIES)
    lines = ["Per language: precision/recall (TP/FP/FN)", head]
    for lang in langs:
        subset = [r for r in rows if r.language == lang]
        cells = []
        for category in CATEGORIES:
            s = score(subset, category)
            cells.append(f"{s.precision:.2f}/{s.recall:.2f} ({s.tp}/{s.fp}/{s.fn})")
        lines.append(f"  {lang:<6}{len(subset):>4}" + "".join(f"{c:>24}" for c in cells))
    return "\n".join(lines)


def errors(rows: list[Row]) -> str:
    """List false negatives for personal details and risk, then all false positives."""
    lines = []
    for category in (Category.PERSONAL, Category.RISK, Category.ABUSE):
        missed = [r for r in rows if category in r.expected and category not in r.predicted]
        lines.append(f"False negatives, {category} ({len(missed)}):")
        lines += [f"  [{r.split}/{r.language}] {r.text}" for r in missed] or ["  none"]
    wrong = [(r, c) for r in rows for c in CATEGORIES if c in r.predicted and c not in r.expected]
    lines.append(f"False positives ({len(wrong)}):")
    lines += [f"  [{r.split}/{r.language}] {c}: {r.text}" for r, c in wrong] or ["  none"]
    return "\n".join(lines)


def targets_met(rows: list[Row]) -> bool:
    """Whether precision and recall reach the targets on these rows."""
    ok = True
    for category, (min_p, min_r) in TARGETS.items():
        s = score(rows, category)
        ok &= s.precision >= min_p and s.recall >= min_r
    return ok


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark; exit 1 if the dev targets are missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "holdout", "all"], default=None)
    parser.add_argument("--csv", type=Path, default=DATA)
    args = parser.parse_args(argv)

    rows = load(args.csv)
    for row in rows:
        row.predicted = categories(row.text)
    splits = [args.split] if args.split else ["dev", "holdout", "all"]
    for split in splits:
        chosen = rows if split == "all" else [r for r in rows if r.split == split]
        if not chosen:
            continue
        print("=" * 100)
        print(table(f"Split: {split}", chosen))
        print()
        print(by_language(chosen))
        print()
        print(errors(chosen))
        print()
    dev = [r for r in rows if r.split == "dev"] or rows
    met = targets_met(dev)
    verdict = "met" if met else "MISSED"
    print(f"Targets (P>=0.85 each; R>=0.95 personal_details and risk) on dev: {verdict}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
