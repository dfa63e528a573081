"""Reading age of English text, so officers can check the words young people read first.

The Flesch-Kincaid grade, counted the way textstat counts it for British English (words,
sentences, and syllables from pyphen's en-GB hyphenation dictionary); a test holds the two equal
on the site's own texts. textstat itself is not imported here: it imports NLTK, which imports
SciPy and scikit-learn, 135 MB and a second of start-up in every web worker for one formula. The
US school grade is turned into a reading age by adding five (grade 6 is read by an 11-year-old).
"""

import re
from dataclasses import dataclass
from functools import cache

from pyphen import Pyphen

# The reading age officers aim for in summaries for young people: an 11-year-old (Year 6/7)
# can read it, so most 11 to 17-year-olds read it easily, including those who struggle.
READING_AGE_TARGET = 11
# The bar the site's own youth-facing English text is held to in tests: grade 6, reading age 11.
YOUTH_TEXT_MAX_GRADE = 6.0
_GRADE_TO_AGE = 5

# An apostrophe that does not start a contraction's ending ("don't", "we'll") is punctuation.
_NOT_CONTRACTION = re.compile(r"'(?!(?:[tsd]|ve|ll|re))")
_PUNCTUATION = re.compile(r"[^\w\s']")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")


@cache
def _hyphenation() -> Pyphen:
    return Pyphen(lang="en_GB")


def _words(text: str) -> list[str]:
    return _PUNCTUATION.sub("", _NOT_CONTRACTION.sub("", text)).split()


def _sentences(text: str) -> int:
    # A "sentence" of one or two words (a heading's number, "Yes.") does not count.
    found = _SENTENCE.findall(text)
    return max(1, len(found) - sum(len(_words(s)) <= 2 for s in found))


def _syllables(words: list[str]) -> int:
    hyphenation = _hyphenation()
    return sum(len(hyphenation.positions(word.lower())) + 1 for word in words)


@dataclass(frozen=True)
class ReadingScore:
    grade: float
    reading_age: int
    target: int

    @property
    def meets_target(self) -> bool:
        """True when the text is easy enough for the target reading age."""
        return self.reading_age <= self.target


def grade(text: str) -> float:
    """Flesch-Kincaid grade of English text (0 for empty text)."""
    words = _words(text)
    if not text.strip() or not words:
        return 0.0
    per_sentence = len(words) / _sentences(text)
    per_word = _syllables(words) / len(words)
    return max(0.39 * per_sentence + 11.8 * per_word - 15.59, 0.0)


def reading_age(text: str) -> int:
    """The age, in years, of a reader who can follow the text (grade + 5, at least 5)."""
    return max(round(grade(text)) + _GRADE_TO_AGE, _GRADE_TO_AGE)


def score(text: str | None, target: int = READING_AGE_TARGET) -> ReadingScore | None:
    """The reading score of a text against a target reading age; None when there is no text."""
    if not text or not text.strip():
        return None
    return ReadingScore(grade=round(grade(text), 1), reading_age=reading_age(text), target=target)
