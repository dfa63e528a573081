"""How the moderation checks' time grows on hostile text: `python bench/hostile_checks.py`.

Every comment, idea and survey answer runs through the checks before it is written, so a text
that makes one of their regular expressions backtrack holds a worker (25 characters once held one
for 25 s). Four sweeps, each timing a text and the same text four times longer:

1. every regular expression compiled at module level in `engage.moderation` alone (but those
   only ever read on a short text, GUARDED), on runs of one to three characters repeated;
2. `check_text` and `redact` on every pair of a list of characters and word pieces, repeated;
3. the same on runs of the rules' own words (every module's) and punctuation, drawn at random
   for --seconds.

A linear time grows about four times when the text does; the square's grows about 16 times.
Each sweep prints its slowest texts with that growth. Run it after adding rules: a growth near
16 (or worse) on any line is a text to make linear before it ships.
"""

import argparse
import importlib
import itertools
import pkgutil
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import engage.moderation  # noqa: E402
from engage.moderation.checks import check_text, redact  # noqa: E402

SHORT, LONG = 2_500, 10_000
ATOMS = [
    "a", "-", "a-", "a.", ".", " ", "1", "1 ", "a'", "@", "a dot ", "a at ", "_", "a_", "/",
    "*", "(", "+", ",+", "1-", "aa-", "www.", "http://", "A ", "Ab ", "\n", "07", "0", "a1",
    ":", "#", "ب", "ب ", "\u0651", "ন", "ਕ", "ś", "f", "ff", "1" * 12 + "a ", "seven ",
]  # fmt: skip


# Patterns never searched through a whole text, so sweep 1 leaves them out (sweeps 2 and 3 still
# run the code that uses them).
GUARDED = {
    "engage.moderation.phones._TWO_TOKENS": "on a run of at most the longest number word",
    "engage.moderation.disguises._USERNAME": "on a joined word of at most 30 characters",
}
NOISE = 0.01  # seconds: below this, the growth is mostly the timer's


def _patterns() -> dict[str, re.Pattern]:
    """Every compiled pattern at module level in engage.moderation (in lists and dicts too)."""
    found: dict[str, re.Pattern] = {}

    def collect(obj, name: str, depth: int = 0) -> None:
        if isinstance(obj, re.Pattern):
            found[name] = obj
        elif depth < 2 and isinstance(obj, list | tuple):
            for i, item in enumerate(obj):
                collect(item, f"{name}[{i}]", depth + 1)
        elif depth < 2 and isinstance(obj, dict):
            for key, item in obj.items():
                collect(item, f"{name}[{key!r}]", depth + 1)

    for module in pkgutil.walk_packages(engage.moderation.__path__, "engage.moderation."):
        loaded = importlib.import_module(module.name)
        for name, obj in vars(loaded).items():
            collect(obj, f"{module.name}.{name}")
    return found


def _growth(run, atom: str) -> tuple[float, float]:
    """Seconds for the long text, and how many times the short one's that is (best of two)."""
    times = []
    for text in (atom * (SHORT // len(atom)), atom * (LONG // len(atom))):
        best = float("inf")
        for _ in range(2):
            started = time.perf_counter()
            run(text)
            best = min(best, time.perf_counter() - started)
            if best > 1:
                break  # slow enough to tell: no second try
        times.append(best)
    return times[1], times[1] / max(times[0], 1e-4)


def _both(text: str) -> None:
    check_text(text)
    redact(text)


def _print(title: str, rows: list[tuple[float, float, str]], top: int) -> None:
    print(f"\n{title}: slowest {top} of {len(rows)} ({LONG:,} characters; growth for × 4 text)")
    for seconds, growth, what in sorted(rows, reverse=True)[:top]:
        times = f"× {growth:5.1f}" if seconds >= NOISE else "   (fast)"
        print(f"  {seconds:7.3f} s  {times}  {what}")


def main() -> None:
    """Run the sweeps and print the slowest texts of each."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=120, help="For the random sweep.")
    parser.add_argument("--top", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    check_text("warm up the word lists")

    rows = []
    for name, pattern in _patterns().items():
        if name in GUARDED:
            continue
        for atom in ATOMS:
            seconds, growth = _growth(lambda text, p=pattern: list(p.finditer(text)), atom)
            rows.append((seconds, growth, f"{name} on {atom!r}"))
    _print("1. each pattern alone", rows, args.top)

    pieces = ["a", "-", "1", ".", " ", "'", "@", "_", "/", "*", "(", "+", ",", "f", "ب", "\n"]
    rows = [(*_growth(_both, a + b), repr(a + b)) for a, b in itertools.product(pieces, pieces)]
    _print("2. the checks on pairs", rows, args.top)

    # Every module's words: the phone rule's number words joined two ways ("tinno") were found
    # only once its own were among them.
    source = "".join(
        path.read_text(encoding="utf-8")
        for path in sorted((ROOT / "engage" / "moderation").glob("*.py"))
    )
    words = sorted(set(re.findall(r"[a-z\u0600-\u06ff\u0980-\u09ff\u0a00-\u0a7f]{2,}", source)))
    marks = [" ", "  ", ".", ",", "-", "'", "*", "@", "+", "(", ")", "/", "_", "\n", "1", "07"]
    draw = random.Random(args.seed)
    rows = []
    ends = time.monotonic() + args.seconds
    while time.monotonic() < ends:
        unit = "".join(
            draw.choice(words if draw.random() < 0.5 else marks)
            for _ in range(draw.choice([1, 2, 3, 5]))
        )
        rows.append((*_growth(_both, unit), repr(unit)))
    _print("3. the checks on random runs of the rules' words", rows, args.top)


if __name__ == "__main__":
    main()
