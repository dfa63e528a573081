"""Council content is found in every language staff translated it into."""

from engage.extensions import db
from engage.proposals.service import update_proposal
from engage.translations.service import field_states, save_translations
from tests.search.helpers import marked, officer, proposal, proposal_data, search


def _translate(by, item, locale, **fields):
    values = {
        s.key: fields[s.field.name]
        for s in field_states(item, locale)
        if s.obj is item and s.field.name in fields
    }
    save_translations(by, item, locale, values)
    db.session.commit()


def test_a_bengali_reader_finds_a_proposal_by_its_bengali_title(client):
    staff = officer()
    item = proposal("Library opening hours", by=staff)
    _translate(staff, item, "bn", title="গ্রন্থাগার খোলার সময়", summary="কেন্দ্রীয় গ্রন্থাগার কখন খোলে")

    _, html = search(client, "গ্রন্থাগার", lang="bn")

    assert "গ্রন্থাগার" in marked(html)
    assert "Library opening hours" not in html  # shown in the reader's language


def test_the_english_title_still_finds_a_translated_proposal(client):
    staff = officer()
    item = proposal("Library opening hours", by=staff)
    _translate(staff, item, "ur", title="لائبریری کے اوقات")

    _, html = search(client, "library", lang="ur")

    # Found by its English words; shown to the Urdu reader with its Urdu title.
    assert "لائبریری کے اوقات" in html


def test_an_out_of_date_translation_is_not_searched(client):
    staff = officer()
    item = proposal("Library opening hours", by=staff)
    _translate(staff, item, "pl", title="Godziny otwarcia biblioteki")
    assert "biblioteki" in marked(search(client, "biblioteki", lang="pl")[1])

    update_proposal(staff, item, proposal_data("Library hours", item.priority_id))
    db.session.commit()

    assert marked(search(client, "biblioteki", lang="pl")[1]) == []
