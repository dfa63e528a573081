"""Train the moderation model on data/corpus.csv and write data/model.npz.

Run from the repository root: ``python -m engage.moderation.train``. Fits on the ``train``
split only; picks the regularisation and each category's threshold on ``validation``; prints
(never uses) the ``test`` split's figures. Deterministic: same corpus, same weights.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

from engage.moderation.model import CATEGORIES, MODEL_PATH, N_FEATURES, counts, vectorise

CORPUS = Path(__file__).resolve().parent / "data" / "corpus.csv"
# Hand-written messages (one phrasing each, no templates), split train/validation by a hash of
# the family; data/heldout.csv is the test set and is never read here.
EXTRA = Path(__file__).resolve().parent / "data" / "corpus_extra.csv"
# More hand-written messages, one file per group of languages (issue 14, second round): written
# from a labelling brief by writers who read no rule, no model and no held-out set.
HAND = Path(__file__).resolve().parent / "data" / "hand"
HAND_VALIDATION_SHARE = 15
# Each hand-written phrasing stands alone where a template family has a dozen surface variants:
# it counts for several rows so the templated corpus does not drown it.
EXTRA_WEIGHT = 3.0
RULES_DEV = (
    Path(__file__).resolve().parents[2] / "tests" / "moderation" / "data" / "labelled_messages.csv"
)
# On validation: the lowest threshold that flags at most this share of harmless messages,
# but never below MIN_THRESHOLD (probabilities near 0.5 are noise on an unseen phrasing).
# 1.25 %, not 2 %: the civic families made validation's harmless side larger and easier, so
# 2 % of it let thresholds fall to ~0.55 and everyday comments through as risk.
MAX_FALSE_ALARM = 0.0125
MIN_THRESHOLD = 0.45
# The hand-written harmless validation messages are the hard ones (figures of speech, accidents,
# numbers that are not phones, sad but safe feelings): the easy templated majority hid false
# alarms on them (8-10 % of held-out harmless messages flagged), so they get a bound of their own.
MAX_HAND_FALSE_ALARM = 0.03
# The rules parse personal details (phonenumbers, Luton's places): the model adds that flag only
# when fairly sure, or every "academy" and "leisure centre" reads as a child's school.
MIN_THRESHOLD_BY_CATEGORY = {"personal_details": 0.7}
C_GRID = (2.0, 8.0, 32.0)
HARMLESS_WEIGHT = 2.0


def read(path: Path = CORPUS) -> list[dict]:
    """The corpus rows."""
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def casual(text: str) -> str:
    """The way a message is often typed: lower case, no closing punctuation, no apostrophes."""
    return text.lower().rstrip(".!?").replace("'", "").replace("\u2019", "")


def hand_split(text: str) -> str:
    """Train or validation for a data/hand/ message, by a stable hash of its text."""
    digest = hashlib.sha256(text.strip().lower().encode("utf-8")).digest()
    return "validation" if digest[0] * 100 // 256 < HAND_VALIDATION_SHARE else "train"


def hand_rows() -> list[dict]:
    """data/hand/*.csv, with a split chosen by hashing each message."""
    rows = []
    for path in sorted(HAND.glob("*.csv")):
        for r in read(path):
            r["split"] = hand_split(r["text"])
            r["family"] = f"hand/{path.stem}/{r['kind']}"
            rows.append(r)
    return rows


def hand_written_rows() -> list[dict]:
    """data/corpus_extra.csv and data/hand/, each training message also in its casual spelling."""
    rows = []
    for r in read(EXTRA) + hand_rows():
        r["weight"] = EXTRA_WEIGHT
        rows.append(r)
        if r["split"] == "train" and casual(r["text"]) != r["text"]:
            rows.append({**r, "text": casual(r["text"])})
    return rows


def extra_training_rows() -> list[dict]:
    """The dev split of the rules' labelled messages, as more (hand-written) training data.

    The rules were tuned on it already, so it is no held-out set for anyone; its holdout split
    is never read here and stays unseen by both the rules and the model.
    """
    names = {"risk": "safeguarding_risk"}
    with RULES_DEV.open(encoding="utf-8", newline="") as fh:
        return [
            {
                "text": r["text"],
                "categories": ";".join(names.get(c, c) for c in r["categories"].split(";") if c),
                "split": "train",
            }
            for r in csv.DictReader(fh)
            if r["split"] == "dev"
        ]


def labels(rows: list[dict]) -> np.ndarray:
    """A 0/1 matrix: row per message, column per category."""
    return np.array(
        [[c in r["categories"].split(";") for c in CATEGORIES] for r in rows], dtype=np.int8
    )


def fit_idf(rows: list[dict]) -> tuple[np.ndarray, np.ndarray, float]:
    """Smoothed IDF of every column seen in training, and the IDF of an unseen one."""
    x = counts([r["text"] for r in rows])
    df = np.bincount(x.indices, minlength=2 * N_FEATURES)
    n = len(rows)
    columns = np.flatnonzero(df)
    idf = np.log((1 + n) / (1 + df[columns])) + 1.0
    return columns, idf.astype(np.float32), float(np.log(1 + n) + 1.0)


def full_idf(columns: np.ndarray, idf: np.ndarray, default: float) -> np.ndarray:
    """Expand the stored IDF into one value per column."""
    out = np.full(2 * N_FEATURES, default, dtype=np.float32)
    out[columns] = idf
    return out


def choose_threshold(
    probs: np.ndarray,
    harmless: np.ndarray,
    max_false_alarm: float = MAX_FALSE_ALARM,
    floor: float = MIN_THRESHOLD,
    hard_harmless: np.ndarray | None = None,
    max_hard_false_alarm: float = MAX_HAND_FALSE_ALARM,
) -> float:
    """Lowest threshold keeping false alarms on harmless validation messages within bounds."""
    for t in np.arange(floor, 0.96, 0.01):
        if (probs[harmless] >= t).mean() > max_false_alarm:
            continue
        hard = hard_harmless if hard_harmless is not None else np.zeros(0, dtype=bool)
        if hard.any() and (probs[hard] >= t).mean() > max_hard_false_alarm:
            continue
        return round(float(t), 2)
    return 0.95


def recall_precision(pred: np.ndarray, want: np.ndarray) -> tuple[float, float]:
    """Recall and precision of a 0/1 prediction."""
    tp = int((pred & want).sum())
    return tp / max(1, int(want.sum())), tp / max(1, int(pred.sum()))


def main(argv: list[str] | None = None) -> None:
    """Fit, choose C and thresholds on validation, report test, save."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--max-false-alarm", type=float, default=MAX_FALSE_ALARM)
    parser.add_argument("--harmless-weight", type=float, default=HARMLESS_WEIGHT)
    args = parser.parse_args(argv)

    rows = read() + hand_written_rows() + extra_training_rows()
    split = {s: [r for r in rows if r["split"] == s] for s in ("train", "validation", "test")}
    columns, idf_values, default_idf = fit_idf(split["train"])
    idf = full_idf(columns, idf_values, default_idf)
    x = {s: vectorise([r["text"] for r in split[s]], idf) for s in split}
    y = {s: labels(split[s]) for s in split}
    harmless_val = y["validation"].sum(axis=1) == 0
    hand_val = np.array([r.get("weight") == EXTRA_WEIGHT for r in split["validation"]])
    hard_harmless_val = harmless_val & hand_val
    print(
        f"validation: {int(harmless_val.sum())} harmless, "
        f"{int(hard_harmless_val.sum())} of them hand-written"
    )
    # Harmless messages count double: a false alarm on everyday comments costs every reader.
    weight = np.where(y["train"].sum(axis=1) == 0, args.harmless_weight, 1.0) * np.array(
        [float(r.get("weight") or 1.0) for r in split["train"]]
    )

    weights = np.zeros((len(columns), len(CATEGORIES)), dtype=np.float32)
    intercepts = np.zeros(len(CATEGORIES), dtype=np.float32)
    thresholds, chosen_c = {}, {}
    for j, category in enumerate(CATEGORIES):
        best = None
        for c in C_GRID:
            clf = LogisticRegression(
                C=c, class_weight="balanced", solver="liblinear", max_iter=2000
            )
            clf.fit(x["train"], y["train"][:, j], sample_weight=weight)
            probs = clf.predict_proba(x["validation"])[:, 1]
            floor = MIN_THRESHOLD_BY_CATEGORY.get(category, MIN_THRESHOLD)
            t = choose_threshold(
                probs, harmless_val, args.max_false_alarm, floor, hard_harmless_val
            )
            recall, precision = recall_precision(probs >= t, y["validation"][:, j] == 1)
            if best is None or recall > best[0]:
                best = (recall, c, t, clf)
        recall, c, t, clf = best
        weights[:, j] = clf.coef_[0, columns]
        intercepts[j] = clf.intercept_[0]
        thresholds[category], chosen_c[category] = t, c
        print(f"{category:<18} C={c:<5} threshold={t:.2f} validation recall={recall:.3f}")

    # Drop columns no category uses, except for their share of the vector length: keep all
    # columns' IDF (they change the L2 norm) but store weights as float16 to stay small.
    meta = {
        "thresholds": thresholds,
        "C": chosen_c,
        "trained_on": len(split["train"]),
        "max_false_alarm_validation": args.max_false_alarm,
        "max_false_alarm_hand_validation": MAX_HAND_FALSE_ALARM,
    }
    np.savez_compressed(
        args.out,
        columns=columns.astype(np.int32),
        idf=idf_values.astype(np.float16),
        default_idf=np.float32(default_idf),
        weights=weights.astype(np.float16),
        intercepts=intercepts,
        meta=np.array(json.dumps(meta)),
    )
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")

    from engage.moderation.model import Model

    model = Model(args.out)
    probs = model.probabilities([r["text"] for r in split["test"]])
    print("Test split (template families never trained or tuned on), model alone:")
    for j, category in enumerate(CATEGORIES):
        pred = probs[:, j] >= thresholds[category]
        recall, precision = recall_precision(pred, y["test"][:, j] == 1)
        print(f"  {category:<18} precision={precision:.3f} recall={recall:.3f}")
    harmless = y["test"].sum(axis=1) == 0
    flagged = np.array(
        [any(p >= thresholds[c] for c, p in zip(CATEGORIES, row, strict=True)) for row in probs]
    )
    print(f"  harmless flagged: {int(flagged[harmless].sum())} of {int(harmless.sum())}")


if __name__ == "__main__":
    main()
