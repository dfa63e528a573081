"""The ninth round's rules (December 2026), each with phrasings of our own and its lookalikes.

Drawn from the misses of heldout8a.csv (the development set): having nowhere to stay said in
each language, someone else's self-harm, bruises explained away, forced marriage, "sent back
where they came from", a group called racists in Urdu, and the school named before a year group
in Urdu, Bengali and Panjabi. The rules must find these without the model: `kind != "model"`.
"""

import pytest

from engage.moderation.checks import Category, check_text
from tests.moderation.helpers import rule_kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("we've got nowhere to stay since the landlord changed the locks", "running_away"),
        ("honestly I have nowhere safe to sleep most nights", "running_away"),
        ("been sofa-surfing between my aunties for months", "running_away"),
        ("od miesiąca nie mam gdzie mieszkać", "running_away"),
        ("n-am unde să dorm de când m-a dat afară", "running_away"),
        ("não tenho onde dormir esta semana", "running_away"),
        ("میرے پاس آج رات سونے کی جگہ نہیں", "running_away"),
        ("mere paas rehne ki koi jagah nahi hai", "running_away"),
        ("আমার রাতে থাকার কোনো জায়গা নেই", "running_away"),
        ("ਮੇਰੇ ਕੋਲ ਰਹਿਣ ਲਈ ਕੋਈ ਥਾਂ ਨਹੀਂ", "running_away"),
        ("ما عندي مكان انام فيه الليلة", "running_away"),
        ("my cousin keeps cutting herself and makes me promise not to say", "self_harm"),
        ("he slashes his wrists when he's upset", "self_harm"),
        ("she covers her arms with bracelets so teachers don't see", "self_harm"),
        (
            "his face had a black eye again and he told everyone he walked into a door",
            "abuse_disclosure",
        ),
        ("there were bruises on her neck in PE today", "abuse_disclosure"),
        ("my uncle wants to get me married in Pakistan and I'm 15", "abuse_disclosure"),
        ("they are forcing me to marry a man I've never met", "abuse_disclosure"),
        ("my family plan to marry me off after my GCSEs", "abuse_disclosure"),
        ("zmuszają mnie do ślubu", "abuse_disclosure"),
        ("părinții mă obligă să mă mărit", "abuse_disclosure"),
        ("os meus pais querem obrigar-me a casar", "abuse_disclosure"),
        ("ghar wale zabardasti shadi kar rahe hain", "abuse_disclosure"),
        ("اهلي يجبروني على الزواج", "abuse_disclosure"),
    ],
)
def test_risk_the_rules_now_find(text, kind):
    assert kind in rule_kinds(text, Category.RISK)


@pytest.mark.parametrize(
    "text",
    [
        "there is nowhere to park near the hospital",
        "the town has nowhere to sleep for visitors since the hotel shut",
        "people in Luton have no place to live that they can afford",
        "the kids keep hurting themselves on the broken swings",
        "my mum keeps cutting her hair short to save money",
        "she keeps burning herself on the oven at work, needs better gloves",
        "he cut his wrist on the glass at the park",
        "my mate has bruises on her legs from netball, the court needs resurfacing",
        "my sister is 16 and her wedding dress is lovely",
        "the forced marriage unit needs more funding",
        "the faulty bins should be sent back to the supplier",
        "main Luton mein year 10 mein hoon",
    ],
)
def test_lookalikes_stay_clear(text):
    flagged = {f.category for f in check_text(text) if f.kind != "model"}
    assert not flagged & {Category.RISK, Category.ABUSE, Category.PERSONAL}, text


@pytest.mark.parametrize(
    "text",
    [
        "honestly people like that should be sent back where they came from",
        "they ought to get shipped back where they came from",
        "یہ سب کے سب نسل پرست ہیں",
        "گوروں کو مسئلہ ہے تو نکل جائیں",
        "ye sab log racist hain",
    ],
)
def test_hate_the_rules_now_find(text):
    assert "hate" in rule_kinds(text, Category.ABUSE)


@pytest.mark.parametrize(
    "text",
    [
        "main Challney mein year 8 mein parhti hoon",
        "میں لیلینڈز میں ایئر 11 میں ہوں",
        "আমি ডেনবি তে ক্লাস ৯ এ পড়ি",
        "ਮੈਂ ਆਈਕਨੀਲਡ ਵਿੱਚ ਜਮਾਤ 10 ਵਿੱਚ ਹਾਂ",
    ],
)
def test_the_school_before_a_year_group_is_a_personal_detail(text):
    assert "school" in rule_kinds(text, Category.PERSONAL)
