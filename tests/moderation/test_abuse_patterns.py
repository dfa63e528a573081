"""Insults, threats and hate in ordinary words, and phone numbers spelled out in every language."""

import pytest

from engage.moderation.checks import Category, check_text
from engage.moderation.folding import fold
from engage.moderation.phones import find_phones


def _kinds(text: str, category: Category) -> set[str]:
    return {f.kind for f in check_text(text) if f.category == category}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("you are such a pathetic little loser", "insult"),
        ("shut up you brainless muppet", "insult"),
        ("i'm going to find you and batter you", "threat"),
        ("i'll burn your house down", "threat"),
        ("refugees are all criminals", "hate"),
        ("gays shouldn't be allowed to adopt", "hate"),
        ("jesteś zwykłym kretynem", "insult"),
        ("pobiję cię po szkole", "threat"),
        ("eşti un nenorocit", "insult"),
        ("îţi sparg capul", "threat"),
        ("tu és mesmo um palhaço", "insult"),
        ("mato-te amanhã", "threat"),
        ("tum ghatiya insaan ho", "insult"),
        ("tujhe jaan se maar dunga", "threat"),
        ("تم بہت بدتمیز ہو", "insult"),
        ("তোকে খুন করব", "threat"),
        ("ਤੂੰ ਖੋਤਾ ਹੈਂ", "insult"),
        ("انت حيوان", "insult"),
        ("if he blocks my drive again i'll slash his tyres", "threat"),
        ("jak jeszcze raz zaparkuje pod moim domem, to mu szyby wybiję", "threat"),
        ("os ciganos são todos perigosos, não os queiram aqui", "hate"),
        ("اليهود خطر على البلد", "hate"),
        ("ان احمدیوں کو مسجد کے قریب رہنے نہیں دینا چاہیے", "hate"),
    ],
)
def test_abuse_in_ordinary_words_is_held(text, kind):
    assert kind in _kinds(text, Category.ABUSE)


@pytest.mark.parametrize(
    "text",
    [
        "you're dead right about the buses",
        "I'll beat you at FIFA any day",
        "we will cut your council tax",
        "women should be allowed to use the gym at night",
        "immigrants are not criminals",
        "refugees are welcome here",
        "I'd kill for a cinema in Luton",
        "this plan is stupid",
        "the poles are dangerous near the crossing",
        "deixe o seu lixo no contentor",
        "teri battery khatam ho gayi",
        "we went back home after the match",
        "you pig out on chips at the carnival",
        "tum bohat ache ho",
        "szkło na drodze przebije opony rowerów",  # glass on the road will puncture tyres
        "the wind will smash the windows if they don't fix the frames",
        "ہندو اور سکھ کمیونٹی کو بھی ہال ملنا چاہیے",  # Hindus and Sikhs should get a hall too
    ],
)
def test_figures_of_speech_and_targets_that_are_things_are_not_abuse(text):
    assert not _kinds(text, Category.ABUSE) - {"model"}


@pytest.mark.parametrize(
    "text",
    [
        "mera number zero saat aath nau ek do teen char paanch chhe saat hai",
        "zadzwoń: zero siedem dziewięć jeden jeden dwa trzy cztery pięć sześć siedem",
        "sună-mă la zero șapte nouă unu doi trei patru cinci șase șapte opt",
        "liga-me: zero sete nove um dois três quatro cinco seis sete oito",
        "আমার নম্বর শূন্য সাত নয় এক দুই তিন চার পাঁচ ছয় সাত আট",
        "ਮੇਰਾ ਨੰਬਰ ਜ਼ੀਰੋ ਸੱਤ ਨੌਂ ਇੱਕ ਦੋ ਤਿੰਨ ਚਾਰ ਪੰਜ ਛੇ ਸੱਤ ਅੱਠ",
        "مجھے کال کرو صفر سات نو ایک دو تین چار پانچ چھ سات آٹھ",
        "رقمي صفر سبعة تسعة واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية",
    ],
)
def test_phone_numbers_spelled_out_in_every_language(text):
    assert list(find_phones(fold(text)))
    assert "phone" in _kinds(text, Category.PERSONAL)


@pytest.mark.parametrize(
    "text",
    [
        "i do not know, no one two three go",
        "do do do no no ek do teen char the 27 bus",
        "um, dois ou três autocarros por hora",
    ],
)
def test_number_words_in_ordinary_sentences_are_not_phones(text):
    assert list(find_phones(fold(text))) == []


def test_a_word_after_a_spelled_out_number_is_left_out_of_it():
    text = "call me zero seven nine one one two three four five six seven no later than nine"
    spans = list(find_phones(fold(text)))
    assert [fold(text)[s:e] for s, e in spans] == [
        "zero seven nine one one two three four five six seven"
    ]


@pytest.mark.parametrize(
    "text",
    ["dodaj mnie na snapie, nick kasia_lu12", "insta pe mera id hai hira_x22 follow karo"],
)
def test_a_username_near_a_platform_is_a_personal_detail(text):
    assert "handle" in _kinds(text, Category.PERSONAL)


@pytest.mark.parametrize(
    "text", ["saw it on insta at 5.30pm", "the council is on instagram, see luton.gov.uk"]
)
def test_times_and_council_links_near_a_platform_are_not_handles(text):
    assert "handle" not in _kinds(text, Category.PERSONAL)


def test_the_grouped_word_list_finds_what_one_alternation_finds():
    # engage/moderation/abuse_rules.py groups the word list's terms by their first letter, for
    # speed; one plain alternation of the same terms, in the same order, is the reference. Every
    # message of the development and training sets, plus masked and stretched swearing, must give
    # the same matches at the same places.
    import csv
    import re

    from engage.moderation import abuse_rules
    from engage.moderation.folding import _B_START, _View

    parts = abuse_rules._term_alternatives()
    flat = re.compile(_B_START + "(?:" + "|".join(f"(?:{rx})" for _first, rx in parts) + ")")
    grouped = abuse_rules._abuse_regex()
    data = abuse_rules.WORDLIST_DIR.parent / "data"
    texts = ["f u c k off", "fuuuuck", "sh!t", "ya kalb", "wal kalb", "motherfucker", "f*ck you"]
    sets = ("heldout2.csv", "heldout3.csv", "hand/multi4.csv", "hand/en.csv", "hand/bn_ar.csv")
    for name in sets:
        with open(data / name, encoding="utf-8") as f:
            texts += [row["text"] for row in csv.DictReader(f)]
    found = 0
    for text in texts:
        view = _View.fold(text).leet().text
        expected = [m.span() for m in flat.finditer(view)]
        assert [m.span() for m in grouped.finditer(view)] == expected, text
        found += bool(expected)
    assert found > 50  # the sets hold plenty of swearing: the comparison saw real matches


# The eighth round (heldout7a.csv's misses, in phrasings of our own): a person named as an
# insult in the third person, plural and paired insults, threats to find or catch someone, and
# a group said to be "all" criminals after a clause.
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("the warden on our estate? he's a lying scumbag", "insult"),
        ("she is an absolute muppet", "insult"),
        ("honestly you're a sad little man", "insult"),
        ("vecinii mei sunt niște proști nenorociți", "insult"),
        ("prostilor, lăsați parcul în pace", "insult"),
        ("dacă vă mai prind aici, vă găsesc", "threat"),
        ("o vereador é um idiota", "insult"),
        ("estes imigrantes que vieram agora são todos ladrões", "hate"),
        ("وہ الو کے پٹھے ہیں", "insult"),
        ("المدير غبي ولا يفهم شي", "insult"),
        ("لو مسكتك مرة ثانية هنا", "threat"),
        ("ওকে রাস্তায় পেলে দেখে নেব", "threat"),
        ("لا تسكنوا اللاجئين هنا، كلهم لصوص", "hate"),
    ],
)
def test_the_eighth_rounds_abuse_is_held_by_a_rule(text, kind):
    assert kind in _kinds(text, Category.ABUSE)


def test_a_curse_on_someones_father_is_on_the_word_list():
    assert "abuse" in _kinds("يلعن أبو هالزحمة كل يوم", Category.ABUSE)


@pytest.mark.parametrize(
    "text",
    [
        "he's a clown at children's parties",
        "she's a clown for the hospital charity",
        "you're a lovely little man",
        "هذا القرار غبي",
        "لو شفتك بكرا نروح سوا",
        "আমি দেখে নেব কবে খোলে",
        "o palhaço da festa é um amigo",
        "te rog să vă găsiți locuri",
    ],
)
def test_the_eighth_rounds_rules_leave_jobs_things_and_plans_alone(text):
    assert not _kinds(text, Category.ABUSE) & {"insult", "threat", "hate"}
