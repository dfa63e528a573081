"""The learned moderation model, the phone parser, Luton's places, and `flask engage check-text`."""

import json

import numpy as np
import pytest

from engage.moderation import model
from engage.moderation.checks import Category, categories, check_text
from engage.moderation.phones import find_phones, spoken_digits
from engage.moderation.places import school_spans

P, R, A = "personal_details", "safeguarding_risk", "abuse"


def model_says(text: str) -> set[str]:
    return model.load().categories(text)


def test_model_loads_with_thresholds_chosen_on_validation():
    loaded = model.load()
    assert loaded is not None
    assert set(loaded.thresholds) == set(model.CATEGORIES)
    assert all(0.0 < t < 1.0 for t in loaded.thresholds.values())
    assert model.load() is loaded  # once per process


# Clear examples of each kind in each language: the model alone must flag them.
CLEAR = [
    (R, "en", "i just want to give up on everything, i won't be around much longer"),
    (R, "en", "an older guy keeps buying me trainers and says don't tell my mum"),
    (R, "en", "there's no food at home again and mum doesn't get up"),
    (R, "en", "i hide my arms in PE so nobody sees the marks"),
    (R, "en", "i've packed a bag and i'm leaving tonight"),
    (R, "ur", "میں اب مزید نہیں جینا چاہتا"),
    (R, "ur", "ghar wale zabardasti meri shaadi karwa rahe hain"),
    (R, "bn", "আমি আর বাঁচতে চাই না"),
    (R, "pa", "ਮੈਂ ਹੁਣ ਹੋਰ ਨਹੀਂ ਜੀਣਾ ਚਾਹੁੰਦਾ"),
    (R, "pa", "main hun hor nahi jeena chaunda"),
    (R, "pl", "nie chcę już żyć"),
    (R, "ro", "nu mai vreau să trăiesc"),
    (R, "pt", "não quero mais viver"),
    (R, "ar", "أبي يضربني كل يوم"),
    (A, "en", "i know where you live and i'm coming for you"),
    (A, "en", "send them all back where they came from"),
    (A, "en", "shut up you pathetic loser"),
    (A, "en", "wtf is this"),
    (A, "ur", "chup kar gadhe tu bilkul bekaar hai"),
    (A, "pl", "zamknij się idioto jeden"),
    (A, "ro", "ești un prost"),
    (A, "pt", "cala a boca seu imbecil patético"),
    (A, "ar", "أنت غبي جداً وما تفهم شي"),
    (P, "en", "add me on snap jade_xo09"),
    (P, "en", "my name is Aisha Khan, i'm 14 and i live in Leagrave"),
]


@pytest.mark.parametrize(("category", "lang", "text"), CLEAR)
def test_model_flags_clear_examples(category, lang, text):
    assert category in model_says(text)


TRICKY_HARMLESS = [
    "i wanna run away to the seaside this summer lol",
    "the team is killing it this season",
    "I'm dying to see the new park",
    "see the plans at https://www.luton.gov.uk/bins",
    "the drop-in is at Luton Town Hall, George Street, LU1 2BQ",
    "autobuzul-ul 27 e mereu plin",
    "please put more bins near the skatepark",
    "the 25 and 27 buses should run every 10 minutes",
    "More benches in the park please",
]


@pytest.mark.parametrize("text", TRICKY_HARMLESS)
def test_tricky_harmless_messages_are_left_alone(text):
    # The shipped check (rules OR model) holds none of these.
    assert categories(text) == set()


def test_model_is_deterministic():
    texts = ["i don't see the point anymore", "the bins are full", "you absolute muppet"]
    loaded = model.load()
    first = loaded.probabilities(texts)
    again = loaded.probabilities(texts)
    one_by_one = np.vstack([loaded.probabilities([t]) for t in texts])
    assert np.array_equal(first, again)
    assert np.allclose(first, one_by_one)


def test_model_flag_is_added_when_the_rules_see_nothing():
    # Grooming: gifts and secrecy, with none of the rules' words.
    flags = check_text("an older guy keeps buying me trainers and says not to tell my mum")
    assert [(f.category, f.kind) for f in flags] == [(Category.RISK, "model")]


# --------------------------------------------------------------------------------------
# Phones and places
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("oh seven seven double oh nine double oh one two three", "07700900123"),
        ("zero seven nine one two", "07912"),
        ("triple five", "555"),
        ("0,7,9,1,2", "07912"),
    ],
)
def test_spoken_digits(text, digits):
    assert spoken_digits(text) == digits


@pytest.mark.parametrize(
    "text",
    [
        "text me oh seven nine double two three four five six seven eight",
        "my num is 0 7 9 5 6 1 2 3 4 8 9",
        "ring 07,954,321,876 after school",
        "zero seven seven one two nine eight seven six five four is my number",
        "call 01582 546000",
    ],
)
def test_disguised_phone_numbers_are_found(text):
    assert list(find_phones(text))
    assert any(f.kind == "phone" for f in check_text(text))


@pytest.mark.parametrize(
    "text",
    ["the 25 and 27 buses at 10 30", "in 2019 there were 345 678 people", "one two three go"],
)
def test_other_numbers_are_not_phones(text):
    assert list(find_phones(text)) == []


@pytest.mark.parametrize(
    ("text", "school"),
    [
        ("i go to challney", "challney"),
        ("year 9 at icknield", "icknield"),
        ("me at lealands", "lealands"),
    ],
)
def test_luton_schools_named_without_a_suffix(text, school):
    assert [text[s:e] for s, e in school_spans(text)] == [school]


def test_an_area_alone_is_not_a_school():
    assert list(school_spans("the park in stopsley is nice")) == []


def test_full_name_with_an_area_is_personal_details():
    assert any(f.kind == "name" for f in check_text("Bilal Hussain from Bury Park broke it"))
    assert not any(f.kind == "name" for f in check_text("We went to Wardown Park with Tom"))


# --------------------------------------------------------------------------------------
# flask engage check-text
# --------------------------------------------------------------------------------------


def test_check_text_command_prints_one_json_line_per_message(app):
    lines = [
        {"text": "call me on 07700 900123"},
        {"text": "More benches in the park please"},
        {"text": "i want to die"},
        {"text": "you fucking idiot, i know you live at 12 Hitchin Road"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\n\n"
    result = app.test_cli_runner().invoke(args=["engage", "check-text"], input=stdin)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        '{"categories": ["personal_details"]}',
        '{"categories": []}',
        '{"categories": ["safeguarding_risk"]}',
        '{"categories": ["personal_details", "abuse"]}',
    ]


def test_check_text_command_reports_a_bad_line_and_goes_on(app):
    stdin = 'not json\n{"text": "the bins are full"}\n'
    result = app.test_cli_runner().invoke(args=["engage", "check-text"], input=stdin)
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.output.splitlines()]
    assert "error" in out[0]
    assert out[1] == {"categories": []}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i'm on snap as jaydenx_07", True),
        ("find me on insta as maya.k", True),
        ("i was on snap as usual", False),
        ("we met on tiktok as well", False),
    ],
)
def test_on_a_platform_as_a_username(text, expected):
    assert any(f.kind == "handle" for f in check_text(text)) is expected


@pytest.mark.parametrize(
    "text",
    [
        "i dont see the point in anything anymore",
        "add me on snap as jo_22",
        "ŁÓDŹ jest ładna 😀",
        "میں اب اور نہیں جینا چاہتا",
        "ok",
        "",
    ],
)
def test_the_one_message_path_scores_like_the_batch_path(text):
    loaded = model.load()
    assert loaded.probabilities_one(text) == pytest.approx(
        loaded.probabilities([text])[0], abs=1e-5
    )


def test_the_serving_analysers_give_scikit_learns_columns():
    # Web workers hash n-grams without scikit-learn (model.char_ngrams, word_ngrams and mmh3);
    # training uses HashingVectorizer. Every message of a development set, in eight languages
    # and with emoji and odd spacing, must land in the same columns with the same counts.
    import csv

    texts = ["", "a", "ab", "  spaced   out\ttext ", "😀😀 x", "ŁÓDŹ   jest", "a b c d e f"]
    with open(model.MODEL_PATH.parent / "heldout3.csv", encoding="utf-8") as f:
        texts += [row["text"] for row in csv.DictReader(f)]
    batch = model.counts(texts).tocsr()
    for i, text in enumerate(texts):
        row = batch.getrow(i)
        expected = dict(zip(row.indices.tolist(), row.data.tolist(), strict=True))
        assert model.one_counts(text) == expected, text
