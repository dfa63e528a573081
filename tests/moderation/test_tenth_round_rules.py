"""The tenth round's rules (December 2026): abuse aimed at a person named by their title or
role, in phrasings of our own, with their lookalikes.

Drawn from the misses of heldout9a.csv (the development set). The rules must find these
without the model (`kind != "model"`).
"""

import pytest

from engage.moderation.checks import Category
from tests.moderation.helpers import rule_kinds


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("councillor Patel is an absolute muppet and everyone knows it", "insult"),
        ("the warden on our road is a lying git", "insult"),
        ("that bloke at number 4 is a total disgrace", "insult"),
        ("honestly he's a waste of skin", "insult"),
        ("a dona da loja é uma mentirosa", "insult"),
        ("o presidente da junta é um palhaço ridículo", "insult"),
        ("primarul este un mare incompetent", "insult"),
        ("șoferul de pe 31 e un nesimțit", "insult"),
        ("الجار كذاب وما يحترم احد", "insult"),
        ("Romanian men are all thugs", "hate"),
        ("Somali families are just scroungers", "hate"),
        ("I'll find whoever keyed my car", "threat"),
        ("we're gonna find the lad that reported us", "threat"),
        ("tainu labh ke chhadange", "threat"),
    ],
)
def test_abuse_the_rules_now_find(text, kind):
    assert kind in rule_kinds(text, Category.ABUSE)


@pytest.mark.parametrize(
    "text",
    [
        "the clown is a clown at the children's fair",
        "the new car park is a total waste of space",
        "the mayor is a joke teller at the panto every year",
        "the landlord is a joke, the boiler's been broken for weeks",
        "I will find out who did it and tell the police",
        "I'll find the person who lost this wallet",
        "o palhaço da festa é um palhaço divertido",
        "parcul e o nenorocire de când l-au închis",
        "Polish lads are brilliant at the five-a-side on Sundays",
        "this plan is a joke",
    ],
)
def test_lookalikes_stay_clear(text):
    assert not rule_kinds(text, Category.ABUSE), text
