"""Personal details typed to get past a filter, and organisations' numbers that name nobody
(engage/moderation/disguises.py), through the same check every comment takes."""

import pytest

from engage.moderation.checks import check_text


def _personal(text: str) -> set[str]:
    return {f.kind for f in check_text(text) if f.category == "personal_details"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("my tiktok is l e x i e . m a e 11 so it doesnt get blocked", "handle"),
        ("add me on snap j a k e _ 0 9", "handle"),
        ("codul poștal e L U 1, 1 S P, strada e plină de gropi", "postcode"),
        ("postcode is l u 4 9 a b", "postcode"),
        ("email me j o . k @ m a i l . c o m", "email"),
        ("number is 07700 then 900 then 874 lol cant type it all at once", "phone"),
        ("text me 07700, 900 and 461", "phone"),
        ("mera number 07700 phir 900 phir 112 hai", "phone"),
        ("رجل كبير يرسل لي هدايا ويريد أن نلتقي سراً، حسابه abu.fahad_77", "handle"),
        ("my acc is maya.k_22 if anyone wants to join the group", "handle"),
        ("راسلوني على omar.hassan.ltn على الهوتميل", "email"),
        ("write to sam_b.2009 on gmail", "email"),
    ],
)
def test_a_disguised_detail_is_found(text, kind):
    assert kind in _personal(text), check_text(text)


@pytest.mark.parametrize(
    "text",
    [
        # Organisations' numbers: 03 (non-geographic), 0800 (freephone), 0845 (shared cost).
        "for anyone asking, bins number is 0300 790 0332 or just report it on luton.gov.uk",
        "bins کے لیے council کا نمبر 0300 790 0332 ہے",
        "call the helpline free on 0800 1111 any time",
        "the gas company's line is 0345 600 5000",
        # Not a number typed in pieces: no mobile number is made of them.
        "bus 31 then 32 then 07:45 to town",
        "we scored 07 then 10 then 12 in the last three games",
        # Spaced letters that are not a detail.
        "a b c d e f is how the little ones learn",
        "i got a a a b b in my gcses and im on insta now",
        "the N H S and the C A B both help",
    ],
)
def test_what_names_nobody_is_not_a_personal_detail(text):
    assert not _personal(text), check_text(text)


def test_a_mobile_number_is_still_personal():
    assert "phone" in _personal("ring me on 07700 900 461 after school")


@pytest.mark.parametrize(
    "text",
    [
        "ہمارا گھر اٹھاون Selbourne Road پر ہے، سامنے ہر وقت کوڑا پڑا رہتا ہے",
        "بيتي رقم اثنا عشر في Chapel Street والمجاري مسدودة أمامه",
        "I live at twelve Oak Road",
        "mieszkam pod numerem dwadzieścia jeden Hitchin Road",
    ],
)
def test_a_house_number_in_words_after_a_word_for_home_is_an_address(text):
    assert "address" in _personal(text), check_text(text)


def test_a_number_in_words_before_a_street_without_a_home_is_not_an_address():
    assert "address" not in _personal("we need two Dunstable Road buses an hour")
