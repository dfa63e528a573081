"""Measure suggested themes: time and memory at town scale, and agreement with officers' themes.

Run from the repository root: ``python bench/analysis_suggestions.py [--comments N]``.

1. Time and peak memory of ``engage.analysis.suggest.suggest`` on N comments (default 200,000,
   a town's worth: the same as ``make bench``'s generated town). The comments are made from the
   labelled sample below, each with a few words of noise and a number, so no two are the same.
2. On a labelled sample (bench/data/analysis_labelled.csv: 96 comments, English and some
   Polish and Urdu in Latin letters, each given one of 8 themes by hand, never used to tune
   anything), how often a suggestion matches an officer's theme:
   - purity: the share of grouped comments whose officer theme is their group's main theme;
   - themes found: how many officer themes are the main theme of at least one group.
Figures are printed and written to bench/results/analysis-suggestions.md.
"""

from __future__ import annotations

import argparse
import csv
import platform
import random
import resource
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from engage.analysis.suggest import suggest  # noqa: E402

SAMPLE = ROOT / "bench" / "data" / "analysis_labelled.csv"
RESULTS = ROOT / "bench" / "results" / "analysis-suggestions.md"
NOISE = [
    "really",
    "please",
    "honestly",
    "also",
    "today",
    "again",
    "here",
    "now",
    "just",
    "still",
    "very",
]


def load_sample() -> list[tuple[str, str]]:
    """(officer theme, text) pairs of the labelled sample."""
    with SAMPLE.open(encoding="utf-8", newline="") as fh:
        return [(row["theme"], row["text"]) for row in csv.DictReader(fh)]


def town(n: int) -> list[tuple[int, str]]:
    """n distinct comments made from the sample, reproducibly."""
    rng = random.Random(15)
    sample = load_sample()
    out = []
    for i in range(n):
        _theme, text = sample[rng.randrange(len(sample))]
        words = text.split()
        for _ in range(rng.randrange(3)):
            words.insert(rng.randrange(len(words) + 1), rng.choice(NOISE))
        out.append((i + 1, " ".join(words) + f" {rng.randrange(1000)}"))
    return out


def _peak_mib() -> float:
    # Linux reports ru_maxrss in KiB.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_scale(n: int) -> dict:
    """Seconds and peak memory for suggesting themes among n comments."""
    comments = town(n)
    before = _peak_mib()
    start = time.perf_counter()
    groups = suggest(comments)
    seconds = time.perf_counter() - start
    return {
        "comments": n,
        "seconds": seconds,
        "groups": len(groups),
        "peak_mib": _peak_mib(),
        "peak_before_mib": before,
    }


def measure_agreement(groups: int | None = None) -> dict:
    """Purity and officer themes found, on the labelled sample."""
    sample = load_sample()
    items = [(i + 1, text) for i, (_theme, text) in enumerate(sample)]
    theme_of = {i + 1: theme for i, (theme, _text) in enumerate(sample)}
    found = suggest(items, groups=groups or len({t for t, _ in sample}))
    grouped = matched = 0
    mains = set()
    for group in found:
        counts = Counter(theme_of[i] for i in group.item_ids)
        main, hits = counts.most_common(1)[0]
        mains.add(main)
        grouped += len(group.item_ids)
        matched += hits
    return {
        "responses": len(items),
        "officer_themes": len({t for t, _ in sample}),
        "groups": len(found),
        "grouped": grouped,
        "purity": matched / grouped if grouped else 0.0,
        "themes_found": len(mains),
        "labels": [g.label for g in found],
    }


def main(argv: list[str] | None = None) -> int:
    """Print the figures and write them to bench/results/analysis-suggestions.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=200_000)
    args = parser.parse_args(argv)
    agreement = measure_agreement()
    scale = measure_scale(args.comments)
    lines = [
        "# Suggested themes (bench/analysis_suggestions.py)",
        "",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}",
        "",
        f"- {scale['comments']:,} comments: {scale['seconds']:.1f} s, {scale['groups']} groups, "
        f"peak memory {scale['peak_mib']:.0f} MiB (process, before: "
        f"{scale['peak_before_mib']:.0f} MiB)",
        f"- Labelled sample: {agreement['responses']} comments, "
        f"{agreement['officer_themes']} officer themes, {agreement['groups']} suggestions; "
        f"{agreement['purity']:.0%} of grouped comments match their suggestion's main officer "
        f"theme; {agreement['themes_found']} of {agreement['officer_themes']} officer themes found",
        "- Suggestions: " + "; ".join(agreement["labels"]),
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
