"""Taking a survey over HTTP: one question per page, every kind, conditions, checking answers."""

import re

from flask import url_for
from sqlalchemy import select

from engage.extensions import db
from engage.surveys.models import Answer, AnswerModeration, AnswerState, SurveyResponse
from tests.surveys.helpers import (
    STANDARD,
    answer_standard,
    make_survey,
    option_value,
    q_url,
    question,
)


def _answers(survey):
    db.session.expire_all()
    response = db.session.scalar(
        select(SurveyResponse).where(SurveyResponse.survey_id == survey.id)
    )
    assert response is not None
    by_position = {a.question.position: a for a in response.answers}
    return response, by_position


def test_every_question_kind_is_answered_and_stored(client):
    survey = make_survey()
    result = answer_standard(
        client,
        survey,
        q3={"answer": [option_value(question(survey, 3), "Lights"), "other"], "other": "Bins"},
        q7={"answer": "More buses\r\nto Stockwood"},
    )
    assert result.status_code == 302
    assert result.headers["Location"].endswith(f"/surveys/{survey.id}/done")
    response, answers = _answers(survey)
    q = {n: question(survey, n) for n in range(1, 9)}
    assert answers[1].values == ["yes"]
    assert answers[2].values == [option_value(q[2], "Stockwood")]
    assert answers[3].values == [option_value(q[3], "Lights"), "other"]
    assert answers[3].text == "Bins"
    assert answers[4].values == ["4"]
    # Ranking stored first place first: Youth clubs (1), Buses (2), Sport (3).
    assert answers[5].values == [option_value(q[5], n) for n in ("Youth clubs", "Buses", "Sport")]
    assert answers[6].text == "Home"
    assert answers[7].text == "More buses\nto Stockwood"
    assert answers[8].state == AnswerState.PREFER_NOT
    assert response.age_band.value == "13-15"
    # Young people's free text waits for a moderator; answers without text have nothing to moderate.
    assert answers[6].moderation == AnswerModeration.HELD
    assert answers[3].moderation == AnswerModeration.HELD
    assert answers[4].moderation is None


def test_pages_show_question_number_back_link_and_no_script_needed(client):
    survey = make_survey()
    page = client.get(url_for("surveys.age", survey_id=survey.id)).get_data(as_text=True)
    # Age page, Q1, then Q3..Q8 while Q2 (conditional) is not yet shown: 8 pages.
    assert "Question 1 of 8" in page
    assert f'href="/surveys/{survey.id}"' in page  # back to the introduction
    assert "Under 13" in page and "Prefer not to say" in page
    client.submit(url_for("surveys.age", survey_id=survey.id), {"age": "under-13"})
    client.submit(q_url(survey, 1), {"answer": "yes"})
    page = client.get(q_url(survey, 2)).get_data(as_text=True)
    assert "Question 3 of 9" in page  # the conditional question now counts
    assert f'href="{q_url(survey, 1)}"' in page
    assert "<script>" not in page  # the module script only enhances; forms post without it


def test_rating_shows_words_and_faces_hidden_from_screen_readers(client):
    survey = make_survey()
    client.submit(url_for("surveys.age", survey_id=survey.id), {"age": "13-15"})
    page = client.get(q_url(survey, 4)).get_data(as_text=True)
    assert "Very bad" in page and "Very good" in page
    faces = re.findall(r'<svg class="engage-face"[^>]*>', page)
    assert len(faces) == 5
    assert all('aria-hidden="true"' in f for f in faces)


def test_required_question_error_keeps_nothing_lost(client):
    survey = make_survey()
    client.submit(url_for("surveys.age", survey_id=survey.id), {"age": "13-15"})
    response = client.submit(q_url(survey, 1), {})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "There is a problem" in page and "<title>Error:" in page
    assert "Choose an answer" in page


def test_text_too_long_is_refused_and_kept(client):
    survey = make_survey()
    client.submit(url_for("surveys.age", survey_id=survey.id), {"age": "13-15"})
    words = "Skate park please " * 10
    response = client.submit(q_url(survey, 6), {"answer": words})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "150 characters or fewer" in page
    assert words.strip() in page  # what was typed is still there


def test_multiple_choice_other_needs_words_and_keeps_ticks(client):
    survey = make_survey()
    lights = option_value(question(survey, 3), "Lights")
    client.submit(url_for("surveys.age", survey_id=survey.id), {"age": "13-15"})
    response = client.submit(q_url(survey, 3), {"answer": [lights, "other"], "other": ""})
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Say what your other answer is" in page
    assert re.search(rf'value="{lights}"\s+checked', page)


def test_ranking_needs_a_different_position_for_each_option(client):
    survey = make_survey()
    q5 = question(survey, 5)
    ids = [str(o.id) for o in q5.options]
    client.submit(url_for("surveys.age", survey_id=survey.id), {"age": "13-15"})
    response = client.submit(
        q_url(survey, 5), {f"rank-{ids[0]}": "1", f"rank-{ids[1]}": "1", f"rank-{ids[2]}": "2"}
    )
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Give each option a different position: 1 is chosen more than once" in page
    # The choices made are shown again.
    assert re.search(rf'id="rank-{ids[2]}".*?<option value="2" selected', page, re.S)
    response = client.submit(q_url(survey, 5), {f"rank-{ids[0]}": "1", f"rank-{ids[1]}": "2"})
    assert "Choose a position for every option" in response.get_data(as_text=True)


def test_skip_only_on_optional_and_prefer_not_only_on_personal(client):
    survey = make_survey()
    client.submit(url_for("surveys.age", survey_id=survey.id), {"age": "13-15"})
    required_page = client.get(q_url(survey, 1)).get_data(as_text=True)
    assert "Skip this question" not in required_page and "Prefer not to say" not in required_page
    assert "Skip this question" in client.get(q_url(survey, 6)).get_data(as_text=True)
    assert "Prefer not to say" in client.get(q_url(survey, 8)).get_data(as_text=True)
    assert client.submit(q_url(survey, 1), {"action": "skip"}).status_code == 400
    assert client.submit(q_url(survey, 1), {"action": "prefer_not"}).status_code == 400
    assert "(optional)" in client.get(q_url(survey, 6)).get_data(as_text=True)


def test_condition_hides_question_and_records_not_asked(client):
    survey = make_survey()
    client.submit(url_for("surveys.age", survey_id=survey.id), {"age": "16-17"})
    after_no = client.submit(q_url(survey, 1), {"answer": "no"})
    assert after_no.headers["Location"].endswith(q_url(survey, 3))  # question 2 is skipped over
    # Asking for the hidden question directly goes on to the next unanswered page.
    assert client.get(q_url(survey, 2)).status_code == 302
    answer_standard(client, survey, age="16-17", park="no")
    _response, answers = _answers(survey)
    assert answers[2].state == AnswerState.NOT_ASKED
    assert answers[7].state == AnswerState.SKIPPED


def test_check_answers_lists_everything_with_change_links(client):
    survey = make_survey()
    sid = survey.id
    client.submit(url_for("surveys.age", survey_id=sid), {"age": "13-15"})
    # The check page sends people back to what they have not answered yet.
    early = client.get(url_for("surveys.check", survey_id=sid))
    assert early.headers["Location"].endswith(q_url(survey, 1))
    steps = [
        (1, {"answer": "no"}),
        (3, {"answer": [option_value(question(survey, 3), "Toilets")]}),
        (4, {"answer": "2"}),
        (6, {"action": "skip"}),
        (7, {"action": "skip"}),
        (8, {"action": "prefer_not"}),
    ]
    q5 = question(survey, 5)
    steps.insert(3, (5, {f"rank-{o.id}": str(i) for i, o in enumerate(q5.options, start=1)}))
    for number, data in steps:
        assert client.submit(q_url(survey, number), data).status_code == 302
    page = client.get(url_for("surveys.check", survey_id=sid)).get_data(as_text=True)
    assert "Check your answers" in page
    assert "Toilets" in page and "2: Bad" in page and "Buses &gt; Youth clubs &gt; Sport" in page
    assert "Skipped" in page and "Prefer not to say" in page
    assert "Which park?" not in page  # not asked, so not listed
    change_q1 = q_url(survey, 1, change=1)
    assert f'href="{change_q1}"' in page
    # Changing Q1 to yes makes Q2 appear: it is asked next, then back to the check page.
    changed = client.submit(change_q1, {"answer": "yes"})
    assert changed.headers["Location"].endswith(q_url(survey, 2, change=1))
    back = client.submit(
        q_url(survey, 2, change=1), {"answer": option_value(question(survey, 2), "Wardown")}
    )
    assert back.headers["Location"].endswith(url_for("surveys.check", survey_id=sid))
    page = client.get(url_for("surveys.check", survey_id=sid)).get_data(as_text=True)
    assert "Wardown" in page
    # Answers are kept across pages: going back shows the earlier choice.
    assert re.search(r'value="2"\s+checked', client.get(q_url(survey, 4)).get_data(as_text=True))
    sent = client.submit(url_for("surveys.check", survey_id=sid))
    assert sent.status_code == 302
    done = client.get(sent.headers["Location"]).get_data(as_text=True)
    assert "Your answers have been sent" in done
    assert "The Youth Council reads every answer." in done
    assert "results will be shown" in done


def test_standard_survey_covers_every_kind():
    kinds = {spec["kind"] for spec in STANDARD}
    from engage.surveys.models import QuestionKind

    assert kinds == {k.value for k in QuestionKind}


def test_adult_free_text_publishes_without_waiting(client):
    survey = make_survey(audience="everyone")
    answer_standard(client, survey, age="25-44")
    _response, answers = _answers(survey)
    assert answers[6].moderation == AnswerModeration.PUBLISHED
    assert (
        db.session.scalar(select(Answer.id).where(Answer.moderation == AnswerModeration.HELD))
        is None
    )


def test_free_text_joins_the_moderation_queue(client):
    from engage.moderation.models import ModerationCase

    survey = make_survey()
    answer_standard(client, survey, q7={"answer": "We need a skate park"})
    _response, answers = _answers(survey)
    cases = db.session.scalars(
        select(ModerationCase).where(ModerationCase.source == "survey_answer")
    )
    # Only the two answers with words in them wait for a moderator.
    assert {c.item_id for c in cases} == {answers[6].id, answers[7].id}


def test_adult_text_with_contact_details_is_held(client):
    survey = make_survey(audience="everyone")
    answer_standard(client, survey, age="45-64", q7={"answer": "Ring me on 07700 900123 please"})
    _response, answers = _answers(survey)
    assert answers[6].moderation == AnswerModeration.PUBLISHED  # "Home": nothing to flag
    assert answers[7].moderation == AnswerModeration.HELD


def test_answer_pages_are_not_stored_by_the_browser(client):
    survey = make_survey()
    page = client.get(url_for("surveys.age", survey_id=survey.id))
    assert page.headers["Cache-Control"] == "no-store"


def test_the_proposal_a_survey_is_about_is_a_link_not_html_shown_as_text(client):
    from tests.factories import make_proposal

    proposal = make_proposal(title="Play streets & parks")
    survey = make_survey(proposal_id=proposal.id)
    html = client.get(url_for("surveys.survey", survey_id=survey.id)).get_data(as_text=True)
    assert "&lt;a" not in html
    link = f'<a class="govuk-link" href="/proposals/{proposal.id}">'
    assert re.search(re.escape(link) + r"(<span[^>]*>)?Play streets &amp; parks", html)
