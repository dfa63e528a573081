"""Search finds people's words in every shipped language's script, on SQLite and PostgreSQL."""

import pytest

from tests.search.helpers import comment, marked, proposal, search

# (language, a comment, a word of it to search for, the word as the page marks it)
SCRIPTS = [
    ("en", "Parking charges near the hospital are far too high.", "parking", "Parking"),
    ("pl", "Potrzebujemy więcej ścieżek rowerowych w centrum miasta.", "ścieżek", "ścieżek"),
    ("pt", "Precisamos de mais autocarros à noite para o hospital.", "autocarros", "autocarros"),
    ("ro", "Avem nevoie de mai multe piste pentru biciclete în oraș.", "biciclete", "biciclete"),
    ("ur", "ہمیں پارک میں رات کو مزید روشنی چاہیے", "روشنی", "روشنی"),
    ("ar", "نحتاج إلى مزيد من مواقف السيارات قرب المستشفى", "السيارات", "السيارات"),
    ("bn", "বাজারের কাছে পার্কিং সমস্যা খুব বেশি", "পার্কিং", "পার্কিং"),
    ("pa", "ਸਾਨੂੰ ਪਾਰਕ ਵਿੱਚ ਹੋਰ ਰੋਸ਼ਨੀ ਚਾਹੀਦੀ ਹੈ", "ਰੋਸ਼ਨੀ", "ਰੋਸ਼ਨੀ"),
]


@pytest.mark.parametrize(
    ("language", "body", "query", "shown"), SCRIPTS, ids=[s[0] for s in SCRIPTS]
)
def test_a_comment_is_found_by_a_word_in_its_own_script(client, language, body, query, shown):
    on = proposal("Town centre")
    comment(on, body)
    comment(on, "Something else entirely, about bins and recycling.")

    status, html = search(client, query, lang=language)

    assert status == 200
    assert marked(html) == [shown]
    assert "bins and recycling" not in html


@pytest.mark.parametrize(
    ("body", "query"),
    [
        ("Potrzebujemy więcej ścieżek rowerowych", "sciezek"),  # Polish without its accents
        ("Precisamos de mais autocarros à noite em São Paulo", "sao"),
        ("نحتاج إلى مزيد من مواقف السيارات", "السَّيَّارَاتِ"),  # Arabic typed with its vowel marks
        ("ہمیں پارک میں رات کو مزید روشنی چاہیے", "روشنــی"),  # Urdu with a tatweel
    ],
)
def test_accents_vowel_marks_and_stretching_do_not_stop_a_match(client, body, query):
    comment(proposal(), body)

    _, html = search(client, query)

    assert len(marked(html)) == 1


@pytest.mark.parametrize(
    ("body", "other_word"),
    [
        # The same consonants with other vowel signs: a word cut at its marks would match.
        ("বাজারের কাছে পার্কিং সমস্যা", "পুর"),
        ("ਸਾਨੂੰ ਪਾਰਕ ਵਿੱਚ ਰੋਸ਼ਨੀ ਚਾਹੀਦੀ", "ਪੁਰ"),
    ],
)
def test_bengali_and_gurmukhi_words_are_kept_whole(client, body, other_word):
    comment(proposal(), body)

    _, html = search(client, other_word)

    assert marked(html) == []
    assert "Nothing was found" in html


def test_a_word_is_found_from_its_first_letters(client):
    comment(proposal(), "Parking charges near the hospital are far too high.")

    _, html = search(client, "park")

    assert marked(html) == ["Parking"]


def test_only_the_last_word_is_found_from_its_first_letters(client):
    comment(proposal(), "Parking charges near the hospital are far too high.")

    _, last = search(client, "hospital park")
    _, earlier = search(client, "hosp parking")

    assert marked(last) == ["Parking", "hospital"]
    assert "Nothing was found" in earlier
