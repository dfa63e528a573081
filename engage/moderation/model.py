"""A small learned model beside the rules: it scores a message for each of the three categories.

Features are hashed (so no vocabulary is stored): character n-grams (2-5, inside word
boundaries) and word unigrams and bigrams of the normalised text, weighted by sub-linear TF
and IDF, L2-normalised, then one logistic regression per category. Hashing and character
n-grams make it multilingual by construction: nothing depends on a language's word list.

The weights live in ``data/model.npz`` (written by ``engage/moderation/train.py``); the
thresholds were chosen on the validation split. Loaded once per process (``load()`` is
cached; the gunicorn preload warms it). See ``data/README.md`` for the corpus and figures.

Training and batch scoring use scikit-learn's HashingVectorizer. Scoring one comment, which
every web worker does, uses this module's own copy of its two analysers and mmh3 (the same
MurmurHash3): importing scikit-learn and SciPy costs each worker about 100 MB, and
``tests/moderation/test_model.py`` holds both ways to the same columns.
"""

from __future__ import annotations

import json
import re
import string
from collections import Counter
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import mmh3
import numpy as np

if TYPE_CHECKING:
    from scipy import sparse

__all__ = ["CATEGORIES", "Model", "load", "normalise", "vectorise"]

MODEL_PATH = Path(__file__).resolve().parent / "data" / "model.npz"
CATEGORIES = ("personal_details", "safeguarding_risk", "abuse")
N_FEATURES = 2**20
MIN_WORDS = 2
# Two or three words give the model little to go on: it must be nearly sure.
SHORT_WORDS = 4
SHORT_THRESHOLD = 0.9

CHAR_NGRAMS = (2, 5)
WORD_NGRAMS = (1, 2)
TOKEN_PATTERN = r"(?u)\b\w+\b"  # noqa: S105  # nosec B105 (a regex, not a password)
_TOKEN = re.compile(TOKEN_PATTERN)
_SPACES = re.compile(r"\s\s+")


@cache
def vectorisers():
    """scikit-learn's HashingVectorizers for characters and words (training and batches only)."""
    from sklearn.feature_extraction.text import HashingVectorizer

    common = {"n_features": N_FEATURES, "alternate_sign": False, "norm": None, "lowercase": False}
    chars = HashingVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, **common)
    words = HashingVectorizer(
        analyzer="word", ngram_range=WORD_NGRAMS, token_pattern=TOKEN_PATTERN, **common
    )
    return chars, words


@lru_cache(maxsize=256)
def normalise(text: str) -> str:
    """The text the model reads: folded like the rules' text, long letter runs evened, no digits."""
    from engage.moderation.folding import fold

    text = fold(text)
    text = re.sub(r"(\w)\1{2,}", r"\1\1", text)  # "sooooo" and "soo" read alike
    # Digits are left to the rules (phone numbers, postcodes, addresses): a model that sees
    # them learns "a number means personal details" and flags bus routes and opening hours.
    # A run of digits with its separators ("10 till 4" keeps "till"; "07 7, 00 9" goes whole)
    # goes as one: the commas and dots left between digits looked like a disguised number.
    text = re.sub(r"\d+(?:[\s,.:/-]+\d+)*", " ", text)
    return " ".join(_once(text.split()))


def _counts_as_word(token: str) -> bool:
    """Whether a token counts towards a message's length: "lu and lu jh" (a postcode) is one."""
    token = token.strip(string.punctuation)
    return len(token) >= 3 or (len(token) == 2 and not token.isascii())


def _once(words: list[str]) -> list[str]:
    """A phrase of up to four words typed over and over counts once: "i i i" is not a louder "i"."""
    out: list[str] = []
    for word in words:
        out.append(word)
        for k in (1, 2, 3, 4):
            while len(out) >= 2 * k and out[-k:] == out[-2 * k : -k]:
                del out[-k:]
    return out


def counts(texts: list[str]) -> sparse.csr_matrix:
    """Raw hashed n-gram counts, characters then words (2 * N_FEATURES columns)."""
    from scipy import sparse

    chars, words = vectorisers()
    norm = [normalise(t) for t in texts]
    return sparse.hstack([chars.transform(norm), words.transform(norm)], format="csr")


def char_ngrams(text: str) -> list[str]:
    """scikit-learn's "char_wb" analyser: n-grams of each word padded with a space each side."""
    low, high = CHAR_NGRAMS
    out: list[str] = []
    for word in _SPACES.sub(" ", text).split():
        word = f" {word} "
        for n in range(low, high + 1):
            out.extend(word[i : i + n] for i in range(max(len(word) - n, 0) + 1))
            if len(word) <= n:  # a word shorter than n is counted once, whole
                break
    return out


def word_ngrams(text: str) -> list[str]:
    """scikit-learn's "word" analyser: tokens, then each run of two tokens joined by a space."""
    tokens = _TOKEN.findall(text)
    low, high = WORD_NGRAMS
    out = list(tokens) if low == 1 else []
    for n in range(max(low, 2), min(high, len(tokens)) + 1):
        out.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return out


_ANALYSERS = (char_ngrams, word_ngrams)


def _column(feature: str) -> int:
    """The column HashingVectorizer gives a feature (sklearn's _hashing_fast, unsigned)."""
    h = mmh3.hash(feature, 0)
    if h == -(2**31):
        return (2**31 - 1 - (N_FEATURES - 1)) % N_FEATURES
    return abs(h) % N_FEATURES


def one_counts(text: str) -> dict[int, int]:
    """``counts([text])`` as {column: count}, without sklearn's per-call checks (one message)."""
    norm = normalise(text)
    out: dict[int, int] = {}
    for offset, analyse in zip((0, N_FEATURES), _ANALYSERS, strict=True):
        # Counted first (in C), so each distinct n-gram is hashed once.
        for feature, n in Counter(analyse(norm)).items():
            column = offset + _column(feature)
            out[column] = out.get(column, 0) + n
    return out


def vectorise(texts: list[str], idf: np.ndarray) -> sparse.csr_matrix:
    """Sub-linear TF x IDF, each row scaled to unit length."""
    from sklearn.preprocessing import normalize

    x = counts(texts).astype(np.float32)
    x.data = (1.0 + np.log(x.data)) * idf[x.indices]
    return normalize(x, norm="l2", copy=False)


class Model:
    """The loaded weights: ``probabilities()`` per category and ``categories()`` over thresholds."""

    def __init__(self, path: Path = MODEL_PATH) -> None:
        with np.load(path) as data:
            columns = data["columns"]
            self.default_idf = float(data["default_idf"])
            # By position, like the weights: the full column-indexed vector (8 MB) is built
            # only for batches (`idf`).
            self.known_idf = data["idf"].astype(np.float32)
            weights = data["weights"].astype(np.float32)
            self.intercepts = data["intercepts"].astype(np.float32)
            meta = json.loads(str(data["meta"]))
            # For one message at a time: each stored column's row of weights, by position.
            self.columns = columns.astype(np.int64)
            self.dense_weights = weights
        self.thresholds: dict[str, float] = meta["thresholds"]
        self.meta = meta

    @cached_property
    def idf(self) -> np.ndarray:
        """Every column's IDF, the default where training never saw the column (batches only)."""
        idf = np.full(2 * N_FEATURES, self.default_idf, dtype=np.float32)
        idf[self.columns] = self.known_idf
        return idf

    @cached_property
    def weights(self) -> sparse.csr_matrix:
        """Every stored column's weights as a sparse (2 * N_FEATURES) x categories matrix."""
        from scipy import sparse

        return sparse.csr_matrix(
            (
                self.dense_weights.ravel(),
                (
                    np.repeat(self.columns, len(CATEGORIES)),
                    np.tile(np.arange(len(CATEGORIES)), len(self.columns)),
                ),
            ),
            shape=(2 * N_FEATURES, len(CATEGORIES)),
        )

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """One row per text, one column per category in CATEGORIES: the model's probability."""
        scores = (vectorise(texts, self.idf) @ self.weights).toarray() + self.intercepts
        return 1.0 / (1.0 + np.exp(-scores))

    def probabilities_one(self, text: str) -> np.ndarray:
        """``probabilities([text])[0]``, computed directly: the path every comment takes."""
        found = one_counts(text)
        if not found:
            return 1.0 / (1.0 + np.exp(-self.intercepts))
        columns = np.fromiter(found, dtype=np.int64, count=len(found))
        tf = 1.0 + np.log(np.fromiter(found.values(), dtype=np.float32, count=len(found)))
        pos = np.searchsorted(self.columns, columns)
        pos[pos >= len(self.columns)] = 0
        known = self.columns[pos] == columns
        values = tf * np.where(known, self.known_idf[pos], np.float32(self.default_idf))
        values /= np.sqrt(np.dot(values, values))
        scores = values[known] @ self.dense_weights[pos[known]] + self.intercepts
        return 1.0 / (1.0 + np.exp(-scores))

    def categories(self, text: str) -> set[str]:
        """The categories whose probability reaches the threshold chosen on validation data.

        Messages of one word are left to the rules; two or three words need SHORT_THRESHOLD
        (counting Latin words of three letters or more, other scripts' of two).
        """
        words = sum(map(_counts_as_word, normalise(text).split()))
        if words < MIN_WORDS:
            return set()  # a single word is the word lists' job
        probs = self.probabilities_one(text)
        return {
            c
            for c, p in zip(CATEGORIES, probs, strict=True)
            if p >= (self.thresholds[c] if words >= SHORT_WORDS else SHORT_THRESHOLD)
        }


@cache
def load() -> Model | None:
    """The shipped model, read once per process; None if the weights file is missing."""
    if not MODEL_PATH.exists():
        return None
    return Model()
