"""Results counted in the database: figures worked out by hand, free text a page at a time.

The survey below has one question of every kind and thirteen responses in three groups, so
every figure in these tests can be checked on paper:

  A: 6 people, aged 13-15, class A: yes, Wardown, Toilets + Lights, 5, Buses > Youth > Sport,
     "Home" (published), skipped, disability: Yes
  B: 5 people, aged 16-17, no code: no, (not asked), Lights + Other "A bench" (published), 2,
     Sport > Buses > Youth, skipped, "Quiet" (held), prefer not to say
  C: 2 people, aged 13-15, no code: not sure, (not asked), Shelter, 3, Youth > Sport > Buses,
     "Rude" (rejected), "Sam at school" (held, and in safeguarding), disability: No
"""

import sqlalchemy as sa
from flask import url_for

from engage.accounts.models import AgeBand
from engage.clock import today
from engage.demo.surveys import option_value
from engage.extensions import db
from engage.moderation.models import CaseReason, CaseState, ModerationCase
from engage.permissions import Role
from engage.surveys.models import (
    OTHER,
    Answer,
    AnswerModeration,
    AnswerState,
    SurveyResponse,
)
from engage.surveys.results import Filters, survey_results, text_cursors
from tests.factories import make_user
from tests.sql import counting as _counting
from tests.surveys.helpers import bulk_responses, make_code, make_survey

ANSWERED, SKIPPED, NOT_ASKED, PREFER_NOT = (
    AnswerState.ANSWERED,
    AnswerState.SKIPPED,
    AnswerState.NOT_ASKED,
    AnswerState.PREFER_NOT,
)
PUBLISHED, HELD, REJECTED = (
    AnswerModeration.PUBLISHED,
    AnswerModeration.HELD,
    AnswerModeration.REJECTED,
)


def _respond(survey, answers, age=AgeBand.B13_15, code=None) -> list[Answer]:
    """One stored response: answers are (state, values, text, moderation) per question."""
    response = SurveyResponse(
        survey_id=survey.id,
        age_band=age,
        join_code_id=code.id if code else None,
        submitted_on=today(),
    )
    for question, (state, values, text, moderation) in zip(survey.questions, answers, strict=True):
        response.answers.append(
            Answer(
                question_id=question.id,
                state=state,
                values=values,
                text=text,
                moderation=moderation,
            )
        )
    db.session.add(response)
    db.session.flush()
    return response.answers


def _town_survey():
    """The survey of the module docstring; returns it with class A's join code."""
    survey = make_survey()
    qs = survey.questions
    code = make_code(survey, label="Class A", code="CLSA")

    def opt(number, *labels):
        return [option_value(qs[number - 1], label) for label in labels]

    group_a = [
        (ANSWERED, ["yes"], None, None),
        (ANSWERED, opt(2, "Wardown"), None, None),
        (ANSWERED, opt(3, "Toilets", "Lights"), None, None),
        (ANSWERED, ["5"], None, None),
        (ANSWERED, opt(5, "Buses", "Youth clubs", "Sport"), None, None),
        (ANSWERED, [], "Home", PUBLISHED),
        (SKIPPED, [], None, None),
        (ANSWERED, opt(8, "Yes"), None, None),
    ]
    group_b = [
        (ANSWERED, ["no"], None, None),
        (NOT_ASKED, [], None, None),
        (ANSWERED, [*opt(3, "Lights"), OTHER], "A bench", PUBLISHED),
        (ANSWERED, ["2"], None, None),
        (ANSWERED, opt(5, "Sport", "Buses", "Youth clubs"), None, None),
        (SKIPPED, [], None, None),
        (ANSWERED, [], "Quiet", HELD),
        (PREFER_NOT, [], None, None),
    ]
    group_c = [
        (ANSWERED, ["not_sure"], None, None),
        (NOT_ASKED, [], None, None),
        (ANSWERED, opt(3, "Shelter"), None, None),
        (ANSWERED, ["3"], None, None),
        (ANSWERED, opt(5, "Youth clubs", "Sport", "Buses"), None, None),
        (ANSWERED, [], "Rude", REJECTED),
        (ANSWERED, [], "Sam at school", HELD),
        (ANSWERED, opt(8, "No"), None, None),
    ]
    for _ in range(6):
        _respond(survey, group_a, AgeBand.B13_15, code)
    for _ in range(5):
        _respond(survey, group_b, AgeBand.B16_17)
    for _ in range(2):
        answers = _respond(survey, group_c, AgeBand.B13_15)
        db.session.add(
            ModerationCase(
                source="survey_answer",
                item_id=answers[6].id,
                state=CaseState.SAFEGUARDING,
                reason=CaseReason.AUTOMATIC_CHECK,
                safeguarding=True,
            )
        )
    db.session.commit()
    return survey, code


def _rows(result) -> dict[str, str]:
    """Each value's row as shown: "46% (6)", or the suppressed text."""
    shown = {}
    for (value, _label), row in zip(result.question.value_choices(), result.rows, strict=True):
        shown[value] = (
            row.cell.display if row.percent is None else f"{row.percent}% ({row.cell.display})"
        )
    return shown


def _opt(result, label) -> str:
    return option_value(result.question, label)


def _texts(result) -> list[str]:
    return sorted(t.text for t in result.texts)


def test_every_kind_of_question_counted_as_by_hand():
    survey, _code = _town_survey()
    officer = make_user(Role.OFFICER)
    results = survey_results(survey, viewer=officer)
    assert results.total.display == "13" and not results.too_few
    q = results.questions
    hidden = "fewer than 5"

    # Yes / no: 6, 5, 2; the 2 is hidden, and the 5 with it so it cannot be subtracted out.
    assert (q[0].asked.display, q[0].answered.display) == ("13", "13")
    assert _rows(q[0]) == {"yes": "46% (6)", "no": hidden, "not_sure": hidden}

    # Single choice asked of group A only (a condition): 6 answered, 7 not asked.
    assert (q[1].asked.display, q[1].answered.display) == ("6", "6")
    assert _rows(q[1])[_opt(q[1], "Wardown")] == "100% (6)"
    assert _rows(q[1])[_opt(q[1], "Stockwood")] == hidden

    # Multiple choice: each count on its own (they do not add up to a total), "Other" counted.
    assert q[2].multiple
    assert _rows(q[2]) == {
        _opt(q[2], "Toilets"): "46% (6)",
        _opt(q[2], "Lights"): "85% (11)",
        _opt(q[2], "Shelter"): hidden,
        OTHER: "38% (5)",
    }
    assert _texts(q[2]) == ["A bench"] * 5

    # Rating: 5 x 6, 2 x 5, 3 x 2 = 46 over 13 answers.
    assert _rows(q[3]) == {"1": hidden, "2": "38% (5)", "3": hidden, "4": hidden, "5": "46% (6)"}
    assert q[3].average == 3.5

    # Ranking: put first by 6, 5 and 2 (the 2 hides the 5); places 22, 29 and 27 over 13.
    assert _rows(q[4]) == {
        _opt(q[4], "Buses"): "46% (6)",
        _opt(q[4], "Youth clubs"): hidden,
        _opt(q[4], "Sport"): hidden,
    }
    assert q[4].positions == [("Buses", 1.7), ("Youth clubs", 2.2), ("Sport", 2.1)]

    # Optional short text: 8 answered, 5 skipped; the 2 rejected are counted, never listed.
    assert (q[5].answered.display, q[5].skipped.display) == ("8", "5")
    assert _texts(q[5]) == ["Home"] * 6 and q[5].withheld_texts == 2
    assert [t.moderation for t in q[5].texts] == [PUBLISHED] * 6

    # Long text: the 2 in safeguarding are counted for an officer, their words kept back.
    assert (q[6].answered.display, q[6].skipped.display) == ("7", "6")
    assert _texts(q[6]) == ["Quiet"] * 5 and q[6].safeguarded_texts == 2

    # Personal question: 8 answered, 5 preferred not to say; Yes 6 and No 2 both hidden.
    assert (q[7].answered.display, q[7].prefer_not.display) == ("8", "5")
    assert _rows(q[7]) == {_opt(q[7], "Yes"): hidden, _opt(q[7], "No"): hidden}


def test_safeguarding_lead_reads_the_held_words_and_the_public_only_published_ones():
    survey, _code = _town_survey()
    lead = survey_results(survey, viewer=make_user(Role.SAFEGUARDING_LEAD)).questions
    assert _texts(lead[6]) == ["Quiet"] * 5 + ["Sam at school"] * 2
    assert lead[6].safeguarded_texts == 0
    public = survey_results(survey, public=True, viewer=make_user(Role.SAFEGUARDING_LEAD))
    q = public.questions
    assert _texts(q[6]) == [] and _texts(q[5]) == ["Home"] * 6 and _texts(q[2]) == ["A bench"] * 5
    assert q[5].withheld_texts == 0  # rejected words are not even counted publicly
    # The figures are the same for everyone.
    assert _rows(q[0]) == _rows(lead[0]) and q[4].positions == lead[4].positions


def test_filters_count_only_the_chosen_group():
    survey, code = _town_survey()
    officer = make_user(Role.OFFICER)
    hidden = "fewer than 5"

    by_age = survey_results(survey, Filters(age=AgeBand.B13_15), viewer=officer)
    assert by_age.total.display == "8"
    q = by_age.questions
    # Yes 6, no 0, not sure 2: two hidden already, so nothing more is hidden.
    assert _rows(q[0]) == {"yes": "75% (6)", "no": hidden, "not_sure": hidden}
    assert q[3].average == 4.5  # (5 x 6 + 3 x 2) / 8
    assert _texts(q[5]) == ["Home"] * 6 and q[5].withheld_texts == 2
    assert _texts(q[6]) == [] and q[6].safeguarded_texts == 2

    by_code = survey_results(survey, Filters(group=code.id), viewer=officer).questions
    assert _rows(by_code[0])["yes"] == "100% (6)"
    # Long text: 0 answered and 6 skipped; the hidden 0 hides the 6, and so every row.
    assert by_code[6].answered.suppressed and by_code[6].skipped.suppressed
    assert _rows(by_code[4])[_opt(by_code[4], "Buses")] == "100% (6)"
    assert by_code[4].positions == [("Buses", 1.0), ("Youth clubs", 2.0), ("Sport", 3.0)]

    no_code = survey_results(survey, Filters(group=0), viewer=officer)
    assert no_code.total.display == "7"
    q = no_code.questions
    assert _rows(q[2])[_opt(q[2], "Lights")] == "71% (5)" and _rows(q[2])[OTHER] == "71% (5)"
    assert _rows(q[2])[_opt(q[2], "Toilets")] == hidden
    # Places over 7: Buses 2 x 5 + 3 x 2, Youth clubs 3 x 5 + 1 x 2, Sport 1 x 5 + 2 x 2.
    assert q[4].positions == [("Buses", 2.3), ("Youth clubs", 2.4), ("Sport", 1.3)]

    too_few = survey_results(survey, Filters(age=AgeBand.UNDER_13), viewer=officer)
    assert too_few.too_few and too_few.questions == []


def _text_survey(published=45, held=3, rejected=2, safeguarded=2):
    """A long-text question with numbered published answers, and some that must not be listed."""
    survey = make_survey(questions=[{"kind": "long_text", "text": "Ideas?"}])
    for n in range(published):
        _respond(survey, [(ANSWERED, [], f"Idea {n:02d}", PUBLISHED)])
    for n in range(held):
        _respond(survey, [(ANSWERED, [], f"Held {n}", HELD)])
    for n in range(rejected):
        _respond(survey, [(ANSWERED, [], f"Rejected {n}", REJECTED)])
    for n in range(safeguarded):
        (answer,) = _respond(survey, [(ANSWERED, [], f"Safeguarded {n}", PUBLISHED)])
        db.session.add(
            ModerationCase(
                source="survey_answer",
                item_id=answer.id,
                state=CaseState.SAFEGUARDING,
                reason=CaseReason.AUTOMATIC_CHECK,
                safeguarding=True,
            )
        )
    db.session.commit()
    return survey


def _pages(survey, per_page, **kwargs) -> list[list[str]]:
    """Every page of the first question's texts, following the cursor to the end."""
    pages, before = [], None
    while True:
        older = {survey.questions[0].id: before} if before else None
        result = survey_results(survey, texts_per_page=per_page, older=older, **kwargs)
        (question,) = result.questions
        pages.append([t.text for t in question.texts])
        assert question.paged is (before is not None)
        before = question.older_than
        if before is None:
            return pages


def test_free_text_pages_newest_first_nothing_lost_or_repeated():
    survey = _text_survey()
    pages = _pages(survey, 20, public=True)
    assert [len(p) for p in pages] == [20, 20, 5]
    listed = [text for page in pages for text in page]
    # Newest first, each published answer exactly once, nothing held, rejected or safeguarded.
    assert listed == [f"Idea {n:02d}" for n in reversed(range(45))]

    staff = _pages(survey, 20, viewer=make_user(Role.OFFICER))
    listed = [text for page in staff for text in page]
    assert len(listed) == len(set(listed)) == 48
    assert listed[:3] == ["Held 2", "Held 1", "Held 0"]
    assert not [t for t in listed if t.startswith(("Rejected", "Safeguarded"))]

    # Exactly one page's worth: no link to an empty older page.
    assert _pages(_text_survey(published=20, held=0), 20, public=True) == [
        [f"Idea {n:02d}" for n in reversed(range(20))]
    ]
    # Without a page size (the API): everything at once.
    (question,) = survey_results(survey, public=True).questions
    assert len(question.texts) == 45 and question.older_than is None


def test_older_answers_links_on_the_public_and_staff_pages(app, client, login_as, monkeypatch):
    survey = _text_survey(published=25)
    survey.results_published = True
    db.session.commit()
    monkeypatch.setitem(app.config, "SURVEY_TEXTS_PER_PAGE", 10)
    qid = survey.questions[0].id

    public_url = url_for("surveys.survey", survey_id=survey.id)
    first = client.get(public_url).get_data(as_text=True)
    assert "Idea 24" in first and "Idea 15" in first and "Idea 14" not in first
    assert "Held 0" not in first and "Safeguarded 0" not in first
    link = url_for("surveys.survey", survey_id=survey.id, **_older(survey, "Idea 15"))
    assert f'href="{link}#result-1"' in first
    second = client.get(link).get_data(as_text=True)
    assert "Idea 14" in second and "Idea 05" in second
    assert "Idea 15" not in second and "Idea 04" not in second
    assert "Newest answers to question 1" in second and "Older answers to question 1" in second
    last = client.get(url_for("surveys.survey", survey_id=survey.id, **_older(survey, "Idea 05")))
    last = last.get_data(as_text=True)
    assert "Idea 04" in last and "Idea 00" in last and "Older answers" not in last

    # The officers' page keeps its filters in the link, and lists held words (tagged).
    officer = login_as(make_user(Role.OFFICER))
    manage = url_for("surveys.manage_results", survey_id=survey.id, age="13-15")
    page = officer.get(manage).get_data(as_text=True)
    assert "Held 2" in page and "Waiting for a moderator" in page
    assert "Rejected 0" not in page and "Safeguarded 0" not in page
    assert "age=13-15" in page[page.index("Older answers to question 1") - 300 :]
    # A cursor that is not a number is ignored: the newest page.
    assert "Held 2" in officer.get(manage + f"&older-{qid}=x").get_data(as_text=True)


def _older(survey, text) -> dict[str, int]:
    """The query argument for the answers older than the one with this text."""
    question_id = survey.questions[0].id
    answer_id = db.session.scalar(
        sa.select(Answer.id).where(Answer.text == text, Answer.question_id == question_id)
    )
    return {f"older-{question_id}": answer_id}


def test_text_cursors_read_only_numbers():
    args = {"older-12": "345", "older-x": "1", "older-13": "abc", "age": "13-15"}
    args["older-14"] = "9" * 19  # more than a bigint holds
    assert text_cursors(args) == {12: 345}


def test_statements_do_not_grow_with_responses(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "SURVEY_TEXTS_PER_PAGE", 20)
    survey = make_survey(results_published=True)
    code = make_code(survey, label="Class A")
    officer = make_user(Role.OFFICER)
    url = url_for("surveys.survey", survey_id=survey.id)
    counts = []
    for added, total in ((30, 30), (270, 300)):
        bulk_responses(survey, added, code=code, choices=True)
        db.session.expire_all()
        with _counting() as statements:
            results = survey_results(survey, viewer=officer, texts_per_page=20)
        assert results.total.display == str(total)
        assert len(results.questions[5].texts) == 20
        counts.append(len(statements))
        client.get(url)  # warm: the first request may fill per-process caches
        with _counting() as statements:
            page = client.get(url).get_data(as_text=True)
        assert f"Responses: {total}" in page
        counts.append(len(statements))
    assert counts[0] == counts[2] and counts[1] == counts[3], counts
    # A count, the safeguarding check, three groupings, two pages of text, the survey's
    # questions and their options: nothing per response.
    assert counts[0] <= 20, counts
