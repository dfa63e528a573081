"""Tests for the automatic moderation checks: each kind, the tricky harmless cases, redact()
and the precision/recall thresholds on the labelled messages."""

import csv
import dataclasses
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from engage.moderation.checks import Category, Flag, categories, check_text, redact

DATA = Path(__file__).parent / "data" / "labelled_messages.csv"
P, A, R = Category.PERSONAL, Category.ABUSE, Category.RISK


def kinds(text: str) -> set[tuple[Category, str]]:
    return {(f.category, f.kind) for f in check_text(text)}


# --------------------------------------------------------------------------------------
# Personal details
# --------------------------------------------------------------------------------------

PERSONAL_POSITIVES = [
    ("mujhe insta pe follow karo, bore ho raha hoon", "handle"),
    ("the girls from Icknield said the youth club is closing", "school"),
    ("my mate Jake Miller is 14 and goes to the club on Saturdays", "name"),
    ("my sister Maya Patel is just 9 and loves the splash park", "name"),
    ("the council can ring me on 01582 412345 after six", "phone"),
    ("the library on 07700 900456 never answers, its the youth worker's", "phone"),
    ("email me on sara.k99@gmail.com", "email"),
    ("EMAIL: Big.Dave@Outlook.co.uk", "email"),
    ("it's jo dot bloggs at hotmail dot com", "email"),
    ("write to mark(at)yahoo(dot)co(dot)uk", "email"),
    ("ana [at] gmail [.] com", "email"),
    ("meu email é rita arroba sapo ponto pt", "email"),
    ("call 07700 900123", "phone"),
    ("07700-900-123 is my mum's", "phone"),
    ("ring 07700.900.123 tonight", "phone"),
    ("+44 7700 900123", "phone"),
    ("+44 (0)7700 900123", "phone"),
    ("0044 7700 900 123", "phone"),
    ("our landline is 01582 123456", "phone"),
    ("(01582) 123 456", "phone"),
    ("0 7 7 0 0 9 0 0 1 2 3", "phone"),
    ("tel 412345 ask for Mo", "phone"),
    ("zadzwoń +48 601 234 567", "phone"),
    ("my postcode is LU1 3JH", "postcode"),
    ("lu13jh", "postcode"),
    ("we are at lu4 9tj near the park", "postcode"),
    ("I live at 14 Hitchin Road", "address"),
    ("flat 2, 3a Dunstable Rd", "address"),
    ("come to 7 birdsfoot lane", "address"),
    ("22 Wardown Crescent", "address"),
    ("i live at 4 oak close", "address"),
    ("number 9 Manor Way, Luton", "address"),
    ("mieszkam na ul. Mickiewicza 12/3", "address"),
    ("strada Victoriei nr. 5", "address"),
    ("Rua das Flores, nº 12", "address"),
    ("আমি ১২ হিচিন রোডে থাকি", "address"),
    ("ask @jess_luton about it", "handle"),
    ("add me on snap", "handle"),
    ("snap me later", "handle"),
    ("my insta is maya.k", "handle"),
    ("sc: ellie_xo09", "handle"),
    ("my discord is zayn#4412", "handle"),
    ("hmu on tiktok", "handle"),
    ("dodaj mnie na snapie", "handle"),
    ("me segue no insta", "handle"),
    ("mujhe insta pe add karo", "handle"),
    ("ضيفني سناب", "handle"),
    ("আমার ইনস্টা tania_bd", "handle"),
    ("ਮੇਰਾ ਸਨੈਪ jas_09 ਹੈ", "handle"),
    ("see https://example.org/petition", "link"),
    ("www.lutonparks.co.uk", "link"),
    ("bit.ly/abc123", "link"),
    ("go to example dot com", "link"),
    ("I go to Stopsley High", "school"),
    ("at Denbigh High School", "school"),
    ("year 9 at cardinal newman", "school"),
    ("my son attends Beech Hill Primary", "school"),
    ("i go to putteridge high", "school"),
    ("Luton Sixth Form College students", "school"),
    ("The Chalk Hills Academy", "school"),
    ("szkoła podstawowa nr 5", "school"),
]


@pytest.mark.parametrize(("text", "kind"), PERSONAL_POSITIVES)
def test_personal_details_found(text, kind):
    assert (P, kind) in kinds(text)


@pytest.mark.parametrize(
    "digits",
    [
        "٠٧٧٠٠ ٩٠٠١٢٣",  # Arabic-Indic
        "۰۷۷۰۰ ۹۰۰۱۲۳",  # Extended Arabic-Indic (Urdu)
        "০৭৭০০ ৯০০১২৩",  # Bengali
        "੦੭੭੦੦ ੯੦੦੧੨੩",  # Gurmukhi
        "０７７００ ９００１２３",  # full width
    ],
)
def test_phone_in_non_latin_digits(digits):
    flags = [f for f in check_text(f"number {digits} please") if f.kind == "phone"]
    assert [f.match for f in flags] == [digits]


@pytest.mark.parametrize(
    "text",
    [
        "I live in LU1",
        "The LU3 area needs a youth club",
        "buses in lu4 are awful",
        "the A6 2pm traffic",
        "the M1 is closed",
    ],
)
def test_postcode_district_alone_is_allowed(text):
    assert P not in categories(text)


def test_full_postcode_is_flagged_but_district_is_not():
    assert [f.match for f in check_text("LU1 and LU1 3JH")] == ["LU1 3JH"]


PERSONAL_NEGATIVES = [
    # "Me" with a platform but no request; a bus from an area; a park named like a person.
    "mainu insta te ik video dikhayi si about the new park",
    "the 31 from Stopsley was 20 minutes late again this morning",
    "we won 4-2 against Harpenden, the new pitch at Popes Meadow is brilliant",
    # A landline given as a public building's; an age-like number that is no age.
    "is the council number still 01582 546000? rang it twice and nobody picked up",
    "ring the library on 01582 547418, they were really helpful",
    "Harry Potter is 10 times better than this plan",
    "Stockwood Park is 10 minutes from the town centre by bus",
    "The 27 bus takes 45 minutes on Dunstable Road",
    "Fix the potholes on Marsh Road please",
    "The 2 way street near the station is confusing",
    "There are 3 big trees at the end of the road",
    "I paid £12 Park and Ride",
    "Bus number 27 at 10 15 is always full",
    "In 2023 and 2024 the council cut the budget",
    "call for 2024 2025 budgets to be published",
    "during 2019 2020 the park was closed",
    "Meet at 7.30 in room 12",
    "Open 10 till 4, tickets £2.50",
    "My phone number changed, how do I update it?",
    "at 5 pm me and my mates go out",
    "Snap decision by the council",
    "please add me to the mailing list",
    "we should follow the council on tiktok",
    "The council posts on instagram are helpful",
    "Get the kids off tiktok and insta",
    "We need a safe crossing near the primary school",
    "Primary school places are a worry",
    "the new academy near Marsh Farm",
    "Great school, shame about the parking",
    "the football academy at the park",
    "the swimming pool at Lea Manor recreation centre",
    "e.g. more benches, i.e. somewhere to sit",
    "Call the council on their main line",
    "The bus left at 6.45am and arrived at 7.30am",
]


@pytest.mark.parametrize("text", PERSONAL_NEGATIVES)
def test_personal_details_negatives(text):
    assert P not in categories(text), check_text(text)


# --------------------------------------------------------------------------------------
# Abuse
# --------------------------------------------------------------------------------------

ABUSE_POSITIVES = [
    "f*** it, the bus is late again",
    "f****k this, f**king buses",
    "sh** idea from the council tbh",
    "ki bal er plan eta, rastar gorto thik koro",
    "বালের প্ল্যান, আগে রাস্তা ঠিক করো",
    "fuck the council",
    "f*ck this",
    "f***ing joke",
    "fuuuuuck",
    "f.u.c.k",
    "f u c k you",
    "total c*nt",
    "shut up b1tch",
    "bullsh1t plan",
    "@$$hole driver",
    "you f4gg0t",
    "motherfucker",
    "what a wanker!",
    "go back to your own country",
    "kys",
    "kurwa mać",
    "jebać to",
    "spierdalaj",
    "filho da puta",
    "vai tomar no cu",
    "futu-ți",
    "muie psd",
    "bhenchod bus",
    "chutiya council",
    "یہ حرامی ہیں",
    "ਕੰਜਰ ਲੋਕ",
    "হারামজাদা",
    "يا حمار",
    "والشرموطة",
]


@pytest.mark.parametrize("text", ABUSE_POSITIVES)
def test_abuse_found(text):
    assert (A, "abuse") in kinds(text)


ABUSE_NEGATIVES = [
    "I got an A** in maths and an A* in art",  # exam grades, not masked words
    "the roads near the school are dangerous for cyclists",
    "bal przebierańców w sobotę w domu kultury",  # Polish: a ball (a dance)
    "am fost la bal aseară cu prietenii",  # Romanian: a ball
    "Scunthorpe",
    "assessment",
    "the class sizes",
    "Essex and Sussex",
    "a cocktail bar",
    "the therapist",
    "grape juice",
    "Pakistan community centre",
    "pakki baat hai",
    "fag ends everywhere",
    "this is crap",
    "the Niger delta",
    "a chink in the fence",
    "os putos no parque",
    "a curva da estrada",
    "the bike pedal is broken",
    "الكلاب في الحديقة",
    "کتے پارک میں",
    "ਕੁੱਤੇ ਪਾਰਕ ਵਿੱਚ",
    "চোদ্দ বছর",
    "shiitake mushrooms",
]


@pytest.mark.parametrize("text", ABUSE_NEGATIVES)
def test_abuse_negatives(text):
    assert A not in categories(text), check_text(text)


def test_an_insult_aimed_at_people_is_held():
    # Was an abuse negative: the house rules forbid insults, so calling people idiots is held
    # for a moderator now (by the model; the word lists still leave mild words alone).
    assert A in categories("the council are idiots")
    assert A not in categories("this is crap")


# --------------------------------------------------------------------------------------
# Risk
# --------------------------------------------------------------------------------------

RISK_POSITIVES = [
    ("i always hide my arms in PE now", "self_harm"),
    ("I wear long sleeves even in the heatwave so nobody sees my wrists", "self_harm"),
    ("whats the point of the 2030 plan, i wont make it to next christmas", "suicide"),
    ("احيانا اتمنى ان اختفي للأبد", "suicide"),
    ("كل ما احس بضيق اجرح ذراعي", "self_harm"),
    ("طردني أبي من البيت وأنام في محطة القطار", "running_away"),
    ("أنام في الشارع منذ أسبوع", "running_away"),
    ("I want to die", "suicide"),
    ("i just wanna dieeee", "suicide"),
    ("going to kill myself", "suicide"),
    ("nobody would miss me", "suicide"),
    ("everyone would be better off without me", "suicide"),
    ("i wanna kms", "suicide"),
    ("I'd rather be dead", "suicide"),
    ("I don't want to live anymore", "suicide"),
    ("chcę umrzeć", "suicide"),
    ("chce umrzec", "suicide"),
    ("میں مرنا چاہتا ہوں", "suicide"),
    ("main mar jana chahta hoon", "suicide"),
    ("أريد أن أموت", "suicide"),
    ("quero morrer", "suicide"),
    ("vreau să mor", "suicide"),
    ("vreau sa mor", "suicide"),
    ("আমি মরতে চাই", "suicide"),
    ("ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦਾ ਹਾਂ", "suicide"),
    ("I cut myself again", "self_harm"),
    ("I cut myself on purpose", "self_harm"),
    ("been self-harming", "self_harm"),
    ("tnę się", "self_harm"),
    ("he hits me", "abuse_disclosure"),
    ("my stepdad touches me", "abuse_disclosure"),
    ("I don't feel safe at home", "abuse_disclosure"),
    ("my dad beats me at home", "abuse_disclosure"),
    ("tata mnie bije", "abuse_disclosure"),
    ("أبي يضربني", "abuse_disclosure"),
    ("they bully me every day", "bullying"),
    ("I'm being bullied", "bullying"),
    ("everyone at school hates me", "bullying"),
    ("gozam comigo", "bullying"),
    ("I'm going to run away", "running_away"),
    ("thinking about running away from home", "running_away"),
    ("ucieknę z domu", "running_away"),
    ("main ghar se bhaag jaunga", "running_away"),
]


@pytest.mark.parametrize(("text", "kind"), RISK_POSITIVES)
def test_risk_found(text, kind):
    assert (R, kind) in kinds(text)


RISK_NEGATIVES = [
    "killing myself at the gym every morning, please keep the leisure centre open",
    "ਜਿਮ ਵਿੱਚ ਰੋਜ਼ ਆਪਣੇ ਆਪ ਨੂੰ ਮਾਰ ਲੈਂਦੀ ਹਾਂ, ਫੀਸ ਘੱਟ ਕਰੋ",  # "killing myself" at the gym
    "we won't see next year's budget until March",
    "جرحت يدي وأنا أطبخ",  # cut my hand while cooking
    "أنام في الحديقة في الصيف أحيانا لأن الجو جميل",  # the garden on a summer night
    "طردوني من المباراة لأني تأخرت",  # sent off from a match
    "am fugit de acasă direct la antrenament, terenul din Lewsey e super",  # hurried
    "I killed it at football",
    "this traffic is killing me",  # documented decision: figurative, not flagged
    "dying to see the new park",
    "the bus route is dead",
    "run away from the council tax rise",
    "I want to run away from the council tax rise lol",
    "I cut the grass",
    "I cut myself on a broken bottle in the park",
    "I hurt myself on the broken swing",
    "I'd rather die than take the 27 again",
    "I could die for a decent cafe",
    "the kids are dying of boredom",
    "my brother beat me at FIFA",
    "the ball hit me in the face",
    "I nearly got hit by a bus",
    "My dad hits the gym every day",
    "nobody cares about the toilets",
    "Everyone hates the new one way system",
    "I don't want to live in Luton anymore, rents are crazy",
    "We're sick of living next to a building site",
    "5 kms of new cycle lanes",
    "I left home at 7 to catch the bus",
    "Ten korek mnie zabija",
    "Este trânsito está a matar-me",
    "Vou matar o tempo no parque",
    "Traficul ăsta mă omoară",
    "هذه الزحمة تقتلني",
    "ਇਹ ਟ੍ਰੈਫਿਕ ਮੈਨੂੰ ਮਾਰ ਰਿਹਾ ਹੈ",
    "more funding for suicide prevention charities",
]


@pytest.mark.parametrize("text", RISK_NEGATIVES)
def test_risk_negatives(text):
    assert R not in categories(text), check_text(text)


def test_long_sleeves_for_a_reason_given_raise_no_rule():
    # The rule is for sleeves that hide something; a reason given (faith, eczema) is no sign.
    # The model may still hold the message: only the rule is tested here.
    from engage.moderation.checks import _risk_hits

    assert _risk_hits("i wear long sleeves in summer because of my faith") == []
    assert _risk_hits("long sleeves even in summer, nobody needs to know why")


# --------------------------------------------------------------------------------------
# API behaviour and redact()
# --------------------------------------------------------------------------------------


def test_flag_is_frozen_and_categories_are_strings():
    flag = check_text("call 07700 900123")[0]
    assert flag == Flag(Category.PERSONAL, "phone", "07700 900123")
    assert Category.PERSONAL == "personal_details"
    with pytest.raises(dataclasses.FrozenInstanceError):
        flag.kind = "email"  # type: ignore[misc]


def test_flags_are_deduplicated_and_in_order():
    text = "fuck this, I want to die, email a@b.com, fuck this"
    flags = check_text(text)
    assert len(flags) == len(set(flags))
    assert [f.category for f in flags] == [A, R, P]
    assert check_text(text) == flags  # stable


def test_empty_and_harmless_text():
    assert check_text("") == []
    assert categories("More benches in the park please") == set()
    assert redact("") == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I I I I I " * 500, set()),
        ("a" * 5000, set()),
        ("a." * 2500, set()),
        ("@" + "a" * 5000, {P}),
        ("i am going to " * 400, set()),
        # A run of stars after a letter: each hidden letter takes one star, or the engine tried
        # every way of sharing the run between them ("f" and 200 stars: over 30 s).
        ("f" + "*" * 5000, {A}),
        # Every "kill myself" looks for its clause: once, by bisection, not per hit.
        ("kill myself at the gym, " * 200, set()),
    ],
)
def test_long_pathological_posts(text, expected):
    # Inputs that make a backtracking regex blow up; bench/moderation_checks.py times them.
    assert categories(text) == expected


# Runs that made a rule's work grow with the square of the text, or worse. Before its parts were
# bounded, every place an address, link or name search could start read to the end of the text
# ("a-" 5,000 times took 2.5 s); a phone run read from each "+" of ",+,+,+..." (5,000 took 77 s);
# "*fucker" read a run of "f" from each of its letters (10,000 took 2.6 s); and a run of digits
# could be split anywhere, so 24 digits and a letter took 25 s, each more digit twice as long
# (and 20 of "umaath", which is "um aath" or "uma ath", and a letter, as long).
# Linear, all of them take a few seconds together; the deadline is far from both.
HOSTILE_RUNS = [
    "a-", "-", "1-", "aa-", "a_", "a.", "a dot ", "a'", "www.", "a-b. ",
    ",+", "(+", "+ ", "f", "ff", "1" * 29 + "a ", "seven" * 9 + "x ", "umaath" * 20 + "x ",
]  # fmt: skip


def test_runs_that_made_the_checks_slow_finish_in_a_child_process():
    script = (
        "import sys; from engage.moderation.checks import check_text, redact\n"
        "for atom in sys.argv[1:]:\n"
        "    text = atom * (20_000 // len(atom))\n"
        "    check_text(text); redact(text)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *HOSTILE_RUNS],
        timeout=60,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_thousands_of_details_are_checked_in_linear_time_in_a_child_process():
    # Each new detail was compared with every one found before it: "@game " repeated to 400,000
    # characters (66,000 handles) took over a minute and a half; now about two seconds.
    script = "from engage.moderation.checks import check_text\ncheck_text('@game ' * 66_667)\n"
    done = subprocess.run(
        [sys.executable, "-c", script], timeout=30, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "text",
    [
        "Cllr Patel came to Round Green and promised a crossing by the school",
        "Councillor Hughes in Biscot said the bins would be fixed",
        "from Stopsley it takes an hour to get to Milton Keynes by bus",
    ],
)
def test_people_in_a_public_role_and_towns_near_luton_are_not_private_names(text):
    assert P not in categories(text)


def test_a_private_persons_name_with_an_area_still_is():
    assert P in categories("my son Adam Wright, 12, lives in Lewsey")


def test_categories_collects_all():
    text = "I want to die, you c*nt, my number is 07700 900123"
    assert categories(text) == {P, A, R}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call me on 07700 900123 tonight", "call me on [removed] tonight"),
        ("email jo.b@gmail.com or jo at hotmail dot com", "email [removed] or [removed]"),
        ("I live at 14 Hitchin Road, LU1 3JH", "I live at [removed], [removed]"),
        ("my insta is @maya.k", "my insta is [removed]"),
        ("add me on snap: ellie_09", "add me on snap: [removed]"),
        ("see www.example.com/x.", "see [removed]."),
        ("I go to Stopsley High", "I go to [removed]"),
        ("نمبر ٠٧٧٠٠ ٩٠٠١٢٣ ہے", "نمبر [removed] ہے"),
        ("I live in LU1 and love the park", "I live in LU1 and love the park"),
        ("fuck the council", "fuck the council"),
    ],
)
def test_redact(text, expected):
    assert redact(text) == expected


def test_redact_leaves_no_detail_behind():
    text = "Ring 01582 412 987 or write to sam_w@outlook.com, 22 Wardown Crescent LU2 7EZ"
    cleaned = redact(text)
    assert P not in categories(cleaned)
    assert cleaned.count("[removed]") == 4


# --------------------------------------------------------------------------------------
# The labelled messages
# --------------------------------------------------------------------------------------


def load_rows() -> list[dict]:
    with DATA.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_labelled_set_shape():
    rows = load_rows()
    assert list(rows[0]) == ["text", "language", "categories", "split"]
    assert len(rows) >= 340
    langs = Counter(r["language"] for r in rows)
    assert set(langs) == {"en", "ur", "pl", "bn", "ro", "pa", "pt", "ar"}
    assert all(n >= 10 for n in langs.values())
    assert {r["split"] for r in rows} == {"dev", "holdout"}
    assert sum(r["split"] == "holdout" for r in rows) >= 40
    allowed = {c.value for c in Category}
    assert all(set(filter(None, r["categories"].split(";"))) <= allowed for r in rows)
    assert len({r["text"] for r in rows}) == len(rows)


def test_labelled_set_precision_and_recall():
    rows = load_rows()
    counts = {c: Counter() for c in Category}
    for row in rows:
        expected = {Category(c) for c in row["categories"].split(";") if c}
        predicted = categories(row["text"])
        for c in Category:
            key = {(True, True): "tp", (False, True): "fp", (True, False): "fn"}.get(
                (c in expected, c in predicted)
            )
            if key:
                counts[c][key] += 1

    def precision(c):
        return counts[c]["tp"] / ((counts[c]["tp"] + counts[c]["fp"]) or 1)

    def recall(c):
        return counts[c]["tp"] / ((counts[c]["tp"] + counts[c]["fn"]) or 1)

    assert recall(P) >= 0.95, counts[P]
    assert recall(R) >= 0.95, counts[R]
    for c in Category:
        assert precision(c) >= 0.8, (c, counts[c])


def test_compiled_patterns_match_as_one_plain_alternation_does():
    # folding._compile lets runs of patterns that start at a word boundary share one \b check,
    # for speed. One plain alternation of the same patterns is the reference: on every message
    # of the development and training sets, folded as the checks fold them, the same pattern
    # must match at the same places.
    import csv
    import re
    from pathlib import Path

    from engage.moderation.abuse_patterns import ABUSE_PATTERNS
    from engage.moderation.folding import _compile, _fold_pattern, _View
    from engage.moderation.risk_patterns import RISK_PATTERNS

    data = Path(__file__).resolve().parents[2] / "engage" / "moderation" / "data"
    texts = []
    for name in ("heldout2.csv", "heldout3.csv", "hand/multi4.csv", "hand/multi5_risk.csv"):
        with open(data / name, encoding="utf-8") as f:
            texts += [row["text"] for row in csv.DictReader(f)]
    views = [_View.fold(t).text for t in texts] + [_View.fold(t).leet().text for t in texts]
    found = 0
    for patterns in [*RISK_PATTERNS.values(), *ABUSE_PATTERNS.values()]:
        plain = re.compile("|".join(f"(?:{_fold_pattern(p)})" for p in patterns))
        fast = _compile(patterns)
        assert fast.pattern != plain.pattern  # the boundary checks were shared
        for view in views:
            expected = [m.span() for m in plain.finditer(view)]
            assert [m.span() for m in fast.finditer(view)] == expected, view
            found += len(expected)
    assert found > 200  # real matches were compared, not only misses
