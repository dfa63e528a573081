"""Council content in the reader's language, English with lang="en" and a notice where missing."""

import re

import sqlalchemy as sa
from flask_babel import force_locale

from engage.extensions import db
from engage.i18n import _
from engage.permissions import Role
from engage.translations.models import ContentTranslation
from engage.translations.service import source_hash
from tests.factories import make_plan, make_priority, make_proposal, make_user

ENGLISH_NOTICE = "Some of this page has not been translated yet, so it is shown in English."


def notice(locale: str) -> str:
    """The fallback notice as the reader's catalogue words it (and it must be translated)."""
    with force_locale(locale):
        text = _(ENGLISH_NOTICE)
    assert text != ENGLISH_NOTICE
    return text


def translate(obj, field, locale, text):
    """Store a translation directly, as an officer's saved form would."""
    db.session.add(
        ContentTranslation(
            entity=obj.__tablename__,
            entity_id=obj.id,
            field=field,
            locale=locale,
            text=text,
            source_hash=source_hash(getattr(obj, field)),
        )
    )
    db.session.commit()


def test_translated_fields_show_in_the_readers_language(client):
    proposal = make_proposal(title="Safer streets", summary="More lighting.", body="Full text.")
    translate(proposal, "title", "pl", "Bezpieczniejsze ulice")
    translate(proposal, "summary", "pl", "Więcej oświetlenia.")
    translate(proposal, "body", "pl", "Pełny tekst.")
    translate(proposal, "youth_summary", "pl", "W prostych słowach.")
    translate(proposal, "who_decides", "pl", "Zarząd")
    translate(proposal.priority, "title", "pl", "Priorytet")
    page = client.get(f"/proposals/{proposal.id}?lang=pl").get_data(as_text=True)
    assert '<h1 class="govuk-heading-xl">Bezpieczniejsze ulice</h1>' in page
    assert "Więcej oświetlenia." in page and "Pełny tekst." in page
    assert "Safer streets" not in page
    assert notice("pl") not in page
    assert 'lang="en"' not in page.split("<main", 1)[1]


def test_missing_translation_falls_back_to_marked_english_with_a_notice(client):
    proposal = make_proposal(title="Safer streets", body="Full *text*.")
    translate(proposal, "title", "ur", "محفوظ گلیاں")
    page = client.get(f"/proposals/{proposal.id}?lang=ur").get_data(as_text=True)
    assert "محفوظ گلیاں" in page
    assert re.search(
        r'<div class="engage-prose" lang="en" dir="ltr">\s*<p[^>]*>Full <em>text</em>', page
    )
    assert page.count(notice("ur")) == 1  # once per page, however many fields fell back
    # The notice comes before the content it is about.
    assert page.index(notice("ur")) < page.index("Full <em>text</em>")


def test_english_readers_never_see_the_notice(client):
    proposal = make_proposal()
    page = client.get(f"/proposals/{proposal.id}?lang=en").get_data(as_text=True)
    assert 'lang="en" dir="ltr">' not in page.split("<main", 1)[1]
    assert ENGLISH_NOTICE not in page


def test_lists_and_home_page_use_translations(client):
    priority = make_priority(title="Net zero town", description="Cleaner air.")
    first = make_proposal(priority=priority, title="Solar roofs")
    make_proposal(priority=priority, title="Tree planting")
    translate(priority, "title", "ro", "Oraș cu zero emisii")
    translate(first, "title", "ro", "Acoperișuri solare")
    page = client.get(f"/priorities/{priority.slug}?lang=ro").get_data(as_text=True)
    assert "Oraș cu zero emisii" in page and "Acoperișuri solare" in page
    assert re.search(r'lang="en" dir="ltr">Tree planting<', page)
    home = client.get("/?lang=ro").get_data(as_text=True)
    assert "Oraș cu zero emisii" in home
    assert re.search(r'<p class="govuk-body" lang="en" dir="ltr">Cleaner air.</p>', home)


def test_a_list_page_loads_translations_in_one_query(client, app):
    priority = make_priority()
    for n in range(8):
        proposal = make_proposal(priority=priority, title=f"Proposal {n}")
        translate(proposal, "title", "pt", f"Proposta {n}")
    statements = []

    def count(conn, cursor, statement, *args):
        if "content_translation" in statement:
            statements.append(statement)

    sa.event.listen(db.engine, "before_cursor_execute", count)
    try:
        page = client.get(f"/priorities/{priority.slug}?lang=pt").get_data(as_text=True)
    finally:
        sa.event.remove(db.engine, "before_cursor_execute", count)
    assert all(f"Proposta {n}" in page for n in range(8))
    # One query for the proposals on the page, one for the priority: not one per proposal.
    assert len(statements) <= 3, statements


def test_officer_sees_english_and_translation_side_by_side(login_as):
    officer = make_user(Role.OFFICER)
    proposal = make_proposal(title="Bus lanes", summary="Faster buses.", youth_summary="")
    translate(proposal, "title", "bn", "বাস লেন")
    client = login_as(officer)
    page = client.get(f"/manage/translations/proposal/{proposal.id}/bn").get_data(as_text=True)
    assert 'lang="en" dir="ltr">' in page and "Faster buses." in page
    assert 'value="বাস লেন"' in page
    assert re.search(r'<textarea[^>]*lang="bn"', page) or re.search(r'<input[^>]*lang="bn"', page)
    # Fields with no English (the empty young people's summary) have nothing to translate.
    assert f"t_proposal_{proposal.id}_youth_summary" not in page
    overview = client.get("/manage/translations").get_data(as_text=True)
    assert "Bus lanes" in overview and "missing" in overview


def test_saving_a_translation_and_clearing_one(login_as, client):
    officer = make_user(Role.OFFICER)
    proposal = make_proposal(title="Bus lanes", summary="Faster buses.")
    translate(proposal, "summary", "ar", "حافلات أسرع")
    staff = login_as(officer)
    url = f"/manage/translations/proposal/{proposal.id}/ar"
    response = staff.submit(
        url,
        {
            f"t_proposal_{proposal.id}_title": "ممرات الحافلات",
            f"t_proposal_{proposal.id}_summary": "",
        },
    )
    assert response.status_code == 302
    rows = {
        r.field: r
        for r in db.session.scalars(
            sa.select(ContentTranslation).where(ContentTranslation.locale == "ar")
        )
    }
    assert rows["title"].text == "ممرات الحافلات" and rows["title"].updated_by_id == officer.id
    assert "summary" not in rows
    page = client.get(f"/proposals/{proposal.id}?lang=ar").get_data(as_text=True)
    assert "ممرات الحافلات" in page


def test_too_long_translation_is_refused_and_kept(login_as):
    officer = make_user(Role.OFFICER)
    proposal = make_proposal(title="Bus lanes")
    response = login_as(officer).submit(
        f"/manage/translations/proposal/{proposal.id}/pl",
        {f"t_proposal_{proposal.id}_title": "x" * 161},
    )
    assert response.status_code == 400
    assert "x" * 161 in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ContentTranslation)) == 0


def test_changed_english_is_flagged_for_checking(login_as):
    officer = make_user(Role.OFFICER)
    proposal = make_proposal(title="Bus lanes")
    translate(proposal, "title", "pl", "Buspasy")
    proposal.title = "Bus and cycle lanes"
    db.session.commit()
    page = login_as(officer).get(f"/manage/translations/proposal/{proposal.id}/pl")
    assert "English changed since this was translated" in page.get_data(as_text=True)


def test_plans_and_boards_are_translatable(client, login_as):
    plan = make_plan(name="Economic Recovery Plan")
    proposal = make_proposal(plan_id=plan.id)
    translate(plan, "name", "pl", "Plan odbudowy gospodarczej")
    page = client.get(f"/proposals/{proposal.id}?lang=pl").get_data(as_text=True)
    assert "Plan odbudowy gospodarczej" in page
    officer = make_user(Role.OFFICER)
    overview = login_as(officer).get("/manage/translations").get_data(as_text=True)
    assert "Economic Recovery Plan" in overview


def test_only_officers_translate(login_as, client):
    proposal = make_proposal()
    resident = login_as(make_user())
    assert resident.get("/manage/translations").status_code == 403
    assert resident.get(f"/manage/translations/proposal/{proposal.id}/pl").status_code == 403
    assert client.get("/manage/translations").status_code == 302
    officer = login_as(make_user(Role.OFFICER))
    assert officer.get(f"/manage/translations/proposal/{proposal.id}/en").status_code == 404
    assert officer.get(f"/manage/translations/comment/{proposal.id}/pl").status_code == 404


def test_survey_questions_and_options_are_translated_on_one_page(client, login_as):
    from tests.surveys.helpers import make_survey

    survey = make_survey(
        questions=[
            {"kind": "single", "text": "Which park?", "options": ["Wardown", "Stockwood"]},
            {"kind": "yes_no", "text": "Do you go to a park?", "hint": "Any park in Luton."},
        ]
    )
    first, second = survey.questions
    officer = login_as(make_user(Role.OFFICER))
    url = f"/manage/translations/survey/{survey.id}/ur"
    page = officer.get(url).get_data(as_text=True)
    assert "Which park?" in page and "Wardown" in page and "Any park in Luton." in page
    values = {
        f"t_survey_{survey.id}_title": "پارکوں کا سروے",
        f"t_survey_question_{first.id}_text": "کون سا پارک؟",
        f"t_survey_question_option_{first.options[0].id}_label": "وارڈاؤن",
    }
    assert officer.submit(url, values).status_code == 302

    client.get(f"/surveys/{survey.id}?lang=ur")
    client.submit(f"/surveys/{survey.id}/age?lang=ur", {"age": "13-15"})
    question = client.get(f"/surveys/{survey.id}/q/1?lang=ur").get_data(as_text=True)
    assert "کون سا پارک؟" in question and "وارڈاؤن" in question
    # The untranslated option stays English, marked so screen readers read it as English.
    assert re.search(r'<span lang="en" dir="ltr">Stockwood</span>', question)
    assert notice("ur") in question
    listing = client.get("/surveys?lang=ur").get_data(as_text=True)
    assert "پارکوں کا سروے" in listing


def _with_documents(*titles):
    from engage.proposals.models import ProposalDocument

    proposal = make_proposal(title="Library hours")
    for n, title in enumerate(titles):
        db.session.add(
            ProposalDocument(proposal_id=proposal.id, title=title, url=f"https://luton.example/{n}")
        )
    db.session.commit()
    return proposal


def test_supporting_document_titles_are_translated_with_their_proposal(client, login_as):
    proposal = _with_documents("Equality impact assessment", "Costs")
    first, second = proposal.documents
    officer = login_as(make_user(Role.OFFICER))
    url = f"/manage/translations/proposal/{proposal.id}/ur"
    assert "Equality impact assessment" in officer.get(url).get_data(as_text=True)

    saved = officer.submit(url, {f"t_proposal_document_{first.id}_title": "مساوات کا جائزہ"})

    assert saved.status_code == 302
    page = client.get(f"/proposals/{proposal.id}?lang=ur").get_data(as_text=True)
    assert re.search(r'rel="noopener noreferrer">مساوات کا جائزہ</a>', page)
    # The untranslated one stays English, marked as such.
    assert re.search(r'rel="noopener noreferrer" lang="en" dir="ltr">Costs</a>', page)


def test_editing_a_proposal_keeps_its_document_translations(app):
    from engage.proposals import service

    proposal = _with_documents("Equality impact assessment", "Costs")
    first, second = proposal.documents
    translate(first, "title", "pl", "Ocena wpływu na równość")
    translate(second, "title", "pl", "Koszty")
    officer = make_user(Role.OFFICER)
    data = service.ProposalData(
        title=proposal.title,
        summary=proposal.summary,
        youth_summary=proposal.youth_summary,
        body=proposal.body,
        priority_id=proposal.priority_id,
        plan_id=None,
        who_decides=proposal.who_decides,
        opens_on=proposal.opens_at.date(),
        closes_on=proposal.closes_at.date(),
        decision_due=None,
        status=proposal.status,
        documents=[("Equality impact assessment (revised)", "https://luton.example/0")],
    )

    service.update_proposal(officer, proposal, data)
    db.session.commit()

    (kept,) = proposal.documents
    assert kept.id == first.id and kept.title == "Equality impact assessment (revised)"
    rows = db.session.scalars(sa.select(ContentTranslation)).all()
    assert [(r.entity_id, r.text) for r in rows] == [(first.id, "Ocena wpływu na równość")]
    assert rows[0].source_hash != source_hash(kept.title)  # flagged for checking, not lost


def test_a_translation_older_than_its_english_is_not_shown_and_is_counted(client, login_as):
    proposal = make_proposal(title="Safer streets", summary="More lighting.")
    translate(proposal, "title", "pl", "Bezpieczniejsze ulice")
    translate(proposal, "summary", "pl", "Więcej oświetlenia.")
    proposal.title = "Safer streets near schools"  # the English changed after translating
    db.session.commit()
    db.session.expire_all()
    page = client.get(f"/proposals/{proposal.id}?lang=pl").get_data(as_text=True)
    assert "Bezpieczniejsze ulice" not in page
    assert "Safer streets near schools" in page and notice("pl") in page
    assert "Więcej oświetlenia." in page  # the current translation still shows
    # Staff see it counted: nothing missing, one field to check.
    officer = login_as(make_user(Role.OFFICER))
    overview = officer.get("/manage/translations").get_data(as_text=True)
    assert "1 to check" in overview


def test_a_kept_list_of_summaries_still_notes_english_and_shows_changes(client, app):
    """A priority's summaries are kept as one fragment: a page served from it still carries the
    notice for the English it shows, and any change to what a summary shows renders it afresh."""
    priority = make_priority(title="Net zero town")
    translate(priority, "title", "ro", "Oraș cu zero emisii")
    translate(priority, "description", "ro", "Aer mai curat.")
    solar = make_proposal(priority=priority, title="Solar roofs", summary="Panels on roofs.")
    translate(solar, "title", "ro", "Acoperișuri solare")
    url = f"/priorities/{priority.slug}?lang=ro"
    app.jinja_env.large_fragment_cache.clear()
    app.jinja_env.fragment_cache.clear()

    first = client.get(url).get_data(as_text=True)
    kept = len(app.jinja_env.fragment_cache) + len(app.jinja_env.large_fragment_cache)
    second = client.get(url).get_data(as_text=True)
    again = len(app.jinja_env.fragment_cache) + len(app.jinja_env.large_fragment_cache)
    translate(solar, "summary", "ro", "Panouri pe acoperișuri.")
    translated = client.get(url).get_data(as_text=True)
    solar.comment_count = 7
    db.session.commit()
    counted = client.get(url).get_data(as_text=True)

    assert again == kept  # the second page was served from what the first kept
    for page in (first, second):
        assert "Acoperișuri solare" in page
        assert re.search(r'lang="en" dir="ltr">Panels on roofs.<', page)
        assert page.count(notice("ro")) == 1
    assert "Panouri pe acoperișuri." in translated and notice("ro") not in translated
    assert "7 " in counted.split("Panouri pe acoperișuri.", 1)[1].split("</li>", 1)[0]


def test_young_people_and_adults_get_their_own_kept_summaries(client, login_as):
    priority = make_priority()
    make_proposal(priority=priority, summary="The full summary.", youth_summary="In short.")
    url = f"/priorities/{priority.slug}"

    adult = login_as(make_user()).get(url).get_data(as_text=True)
    young = login_as(make_user(Role.YOUNG_PERSON)).get(url).get_data(as_text=True)
    adult_again = login_as(make_user()).get(url).get_data(as_text=True)

    assert "The full summary." in adult and "In short." not in adult
    assert "In short." in young and "The full summary." not in young
    assert "The full summary." in adult_again and "In short." not in adult_again
