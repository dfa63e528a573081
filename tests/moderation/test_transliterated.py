"""Luton's schools and streets written in Urdu, Arabic, Bengali or Panjabi letters
(engage/moderation/transliterated.py), through the same check every comment takes."""

import pytest

from engage.moderation.checks import check_text
from engage.moderation.transliterated import foreign_place_spans, skeleton


def _kinds(text: str) -> set[str]:
    return {f.kind for f in check_text(text) if f.category == "personal_details"}


@pytest.mark.parametrize(
    ("latin", "spelled"),
    [("Leagrave", "لیگریو"), ("Challney", "چالنی"), ("Stopsley", "ਸਟੌਪਸਲੀ"), ("Denbigh", "ডেনবি")],
)
def test_a_name_and_its_spelling_in_another_script_share_a_skeleton(latin, spelled):
    from anyascii import anyascii

    assert skeleton(latin) == skeleton(anyascii(spelled))


@pytest.mark.parametrize(
    "text",
    [
        "میں چالنی میں year 8 میں ہوں اور ہمارے پاس کوئی کلب نہیں",  # Urdu: Challney
        "আমি ডেনবিতে ইয়ার ৮ এ পড়ি, বাস সবসময় দেরি করে",  # Bengali, a case ending on the name
        "ਮੈਂ ਸਟੌਪਸਲੀ ਵਿੱਚ ਨੌਵੀਂ ਜਮਾਤ ਵਿੱਚ ਪੜ੍ਹਦਾ ਹਾਂ",  # Panjabi: Stopsley, named like an area
        "أدرس في الصف الثامن في دنبي",  # Arabic: Denbigh
    ],
)
def test_a_school_in_another_script_is_a_personal_detail_when_the_message_is_about_school(text):
    assert "school" in _kinds(text)


def test_a_house_number_before_a_street_in_arabic_letters_is_an_address():
    assert "address" in _kinds("عنواني ١٩ بارك ستريت، الأضواء في الشارع لا تعمل")


@pytest.mark.parametrize(
    "text",
    [
        "مجھے چلنا پسند ہے، پارک میں نئی بینچ چاہیے",  # "to walk" sounds like Challney
        "الحافلة 27 في بارك ستريت متأخرة دائما",  # a bus number a word before the street
        "চালনির পাশে নতুন পার্ক দরকার",  # near Challney, nothing about anyone's school
        "ਡਨਸਟੇਬਲ ਰੋਡ ਤੇ ਬੱਸਾਂ ਹਮੇਸ਼ਾ ਲੇਟ ਹੁੰਦੀਆਂ",  # a street with no house number
    ],
)
def test_places_in_another_script_without_a_person_are_not_flagged(text):
    assert not list(foreign_place_spans(text))


def test_romanian_school_year_then_a_school_named_like_an_area():
    assert "school" in _kinds("sunt în clasa a 7-a la Barnfield și nu avem niciun club")
