"""Reading age of English text, so officers can check the words young people read first.

A thin wrapper around textstat's Flesch-Kincaid grade. The US school grade is turned into a
reading age by adding five (grade 6 is read by an 11-year-old). Syllables come from pyphen's
British English hyphenation dictionary: textstat would otherwise download NLTK's CMU dictionary
at run time, and this service makes no requests to other sites.
"""

from dataclasses import dataclass

from textstat.textstat import textstatistics

# The reading age officers aim for in summaries for young people: an 11-year-old (Year 6/7)
# can read it, so most 11 to 17-year-olds read it easily, including those who struggle.
READING_AGE_TARGET = 11
# The bar the site's own youth-facing English text is held to in tests: grade 6, reading age 11.
YOUTH_TEXT_MAX_GRADE = 6.0
_GRADE_TO_AGE = 5

_stats = textstatistics()
_stats.set_lang("en-GB")


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
    return max(float(_stats.flesch_kincaid_grade(text)), 0.0) if text.strip() else 0.0


def reading_age(text: str) -> int:
    """The age, in years, of a reader who can follow the text (grade + 5, at least 5)."""
    return max(round(grade(text)) + _GRADE_TO_AGE, _GRADE_TO_AGE)


def score(text: str | None, target: int = READING_AGE_TARGET) -> ReadingScore | None:
    """The reading score of a text against a target reading age; None when there is no text."""
    if not text or not text.strip():
        return None
    return ReadingScore(grade=round(grade(text), 1), reading_age=reading_age(text), target=target)
