"""Runs of digits and number words (engage/moderation/phones.py): the same runs as the regex
they were first found with, without its slow cases."""

import random
import re

import pytest

from engage.moderation import phones
from engage.moderation.checks import Category, categories

# The first regex, kept here as the runs' specification: fast on a short text, but a run of
# digits followed by a letter could be split every way (2 to the power of its length), and so
# could words that join two ways ("tinno": "tin no" or "tinn o").
FIRST_REGEX = re.compile(
    rf"(?<![\w+\u0980-\u09ff\u0a00-\u0a7f])(?:{phones._TOKEN}{phones._SEP})+"
    rf"(?:\d+|{phones._NUMBER_WORDS})(?!{phones._W})",
    re.IGNORECASE,
)
PIECES = [
    "1", "7", "0", "23", "07700", "900123", "+", "+44", " ", "  ", ",", ".", "-", "(", ")",
    "/", "\n", "\u060c", "a", "x", "o", "oh", "do", "doi", "ik", "tin", "nine", "double",
    "triple", "seven", "no", "nove", "um", "uma", "saat", "zero", "ب", "দু", "\u09be", "ਦੋ",
    "سات", "dois", "tinn", "umaath", "tinno", "doisaat", "aath", "ath", "aat", "uma",
]  # fmt: skip


def test_runs_are_the_first_regexs_on_random_texts():
    draw = random.Random(19)
    pieces = PIECES + sorted(phones._WORDS)
    checked = 0
    while checked < 4000:
        text = "".join(draw.choices(pieces, k=draw.randint(1, 12)))
        if re.search(r"\d{13}", text):
            continue  # too slow for the first regex when no run follows
        assert list(phones.runs(text)) == [m.span() for m in FIRST_REGEX.finditer(text)], text
        checked += 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call 07700 900123", [(5, 17)]),
        ("ring oh seven seven double oh nine", [(5, 34)]),
        ("77", [(0, 2)]),
        ("7", []),  # one digit: no run
        ("seven", []),
        ("tinnine", [(0, 7)]),  # "tin" and "nine", though "tinn" is a word too
        ("1" * 30 + "a", []),
        ("umaath" * 30 + "x", []),  # each "um aath" or "uma ath": 2 to the 30th ways
        ("tinno tinno", [(0, 11)]),
        (",+" * 20 + "7 7", [(1, 43)]),
    ],
)
def test_runs(text, expected):
    assert list(phones.runs(text)) == expected


def test_a_disguised_number_is_still_found():
    assert categories("my number is oh seven seven double oh, 900 one two three") == {
        Category.PERSONAL
    }
