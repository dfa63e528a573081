"""Officers build surveys through the manage_ pages: questions, conditions, order, preview, copy."""

from datetime import date, timedelta

from flask import url_for
from sqlalchemy import func, select
from sqlalchemy import update as sa_update

from engage.extensions import db
from engage.permissions import Role
from engage.surveys.models import QuestionKind, Survey, SurveyResponse, SurveyStatus
from tests.factories import make_priority, make_user
from tests.surveys.helpers import add_responses, answer_standard, make_survey, question

NEXT_YEAR = date.today().year + 1


def _survey_form(priority, **overrides):
    data = {
        "title": "Parks for young people",
        "introduction": "Tell us what you think about parks.",
        "audience": "young_people",
        "anonymous": "yes",
        "priority_id": str(priority.id),
        "proposal_id": "0",
        "status": "draft",
        "what_next": "",
        # A browser always sends the three boxes of each date, empty or not.
        "opens_on": ["", "", ""],
        "closes_on": ["", "", ""],
        "results_due": ["", "", ""],
    }
    data.update(overrides)
    return data


def _officer(login_as):
    return login_as(make_user(Role.OFFICER))


def _question_url(survey, q=None, action=None):
    if q is None:
        return url_for("surveys.manage_question_new", survey_id=survey.id)
    endpoint = {
        None: "surveys.manage_question_edit",
        "move": "surveys.manage_question_move",
        "delete": "surveys.manage_question_delete",
    }
    return url_for(endpoint[action], survey_id=survey.id, question_id=q.id)


def test_new_survey_defaults_to_anonymous_young_people_draft(login_as):
    client = _officer(login_as)
    page = client.get(url_for("surveys.manage_survey_new")).get_data(as_text=True)
    assert 'value="young_people" checked' in page
    assert "Young people (aged 24 and under)" in page and "under 13 to 24" not in page
    assert 'value="yes" checked' in page and 'value="draft" checked' in page
    priority = make_priority()
    created = client.submit(url_for("surveys.manage_survey_new"), _survey_form(priority))
    assert created.status_code == 302
    survey = db.session.scalar(select(Survey))
    assert survey.anonymous and survey.status == SurveyStatus.DRAFT
    # Going live needs questions and a closing date.
    edit = url_for("surveys.manage_survey_edit", survey_id=survey.id)
    refused = client.submit(edit, _survey_form(priority, status="live"))
    assert refused.status_code == 400
    assert "needs a closing date" in refused.get_data(as_text=True)
    refused = client.submit(
        edit, _survey_form(priority, status="live", closes_on=["1", "5", str(NEXT_YEAR)])
    )
    assert "Add at least one question" in refused.get_data(as_text=True)


def test_age_range_needs_a_sensible_range(login_as):
    client = _officer(login_as)
    priority = make_priority()
    bad = client.submit(
        url_for("surveys.manage_survey_new"),
        _survey_form(priority, audience="age_range", min_age_band="45-64", max_age_band="13-15"),
    )
    assert bad.status_code == 400
    assert "must not be older than the oldest" in bad.get_data(as_text=True)
    good = client.submit(
        url_for("surveys.manage_survey_new"),
        _survey_form(priority, audience="age_range", min_age_band="16-17", max_age_band="25-44"),
    )
    assert good.status_code == 302
    survey = db.session.scalar(select(Survey))
    assert [b.value for b in survey.audience_bands()] == ["16-17", "18-24", "25-44"]


def test_add_every_kind_with_options_and_a_condition(login_as):
    client = _officer(login_as)
    survey = make_survey(status="draft", questions=[])
    specs = [
        ("yes_no", "Do you cycle?", ""),
        ("single", "Which bike?", "Road\nMountain\n\n"),
        ("multiple", "Why?", "Fun\nFitness"),
        ("rating", "How safe are the roads?", ""),
        ("ranking", "Order these", "Lanes\nParking\nLights"),
        ("short_text", "One word", ""),
        ("long_text", "Tell us more", ""),
    ]
    for kind, text, options in specs:
        data = {"kind": kind, "text": text, "options": options, "required": "yes"}
        if kind == "multiple":
            data["allow_other"] = "y"
        if kind == "rating":
            data["faces"] = "y"
        assert client.submit(_question_url(survey), data).status_code == 302, kind
    db.session.expire_all()
    made = db.session.get(Survey, survey.id).questions
    assert [q.kind.value for q in made] == [k for k, _t, _o in specs]
    assert [o.label for o in made[1].options] == ["Road", "Mountain"]
    assert made[2].allow_other and made[3].faces
    # A condition: "Which bike?" only when "Do you cycle?" is yes.
    form = client.get(_question_url(survey, made[1])).get_data(as_text=True)
    assert f'value="{made[0].id}:yes"' in form
    assert f'value="{made[2].id}:' not in form  # later questions cannot be conditions
    saved = client.submit(
        _question_url(survey, made[1]),
        {
            "kind": "single",
            "text": "Which bike?",
            "options": "Road\nMountain",
            "required": "yes",
            "condition": [f"{made[0].id}:yes"],
        },
    )
    assert saved.status_code == 302
    db.session.expire_all()
    q2 = db.session.get(Survey, survey.id).questions[1]
    assert q2.condition_question_id == made[0].id and q2.condition_values == ["yes"]
    overview = client.get(url_for("surveys.manage_survey", survey_id=survey.id)).get_data(
        as_text=True
    )
    assert "Only asked when question 1 is: Yes" in overview


def test_question_validation_messages(login_as):
    client = _officer(login_as)
    survey = make_survey(status="draft", questions=[])
    one = client.submit(
        _question_url(survey), {"kind": "single", "text": "Pick", "options": "A", "required": "yes"}
    )
    assert one.status_code == 400
    assert "Give at least two options" in one.get_data(as_text=True)
    same = client.submit(
        _question_url(survey),
        {"kind": "ranking", "text": "Order", "options": "A\nA", "required": "yes"},
    )
    assert "Each option must be different" in same.get_data(as_text=True)
    empty = client.submit(_question_url(survey), {"kind": "yes_no", "text": "", "required": "yes"})
    assert "Enter the question" in empty.get_data(as_text=True)


def test_reorder_and_remove_keep_conditions_sound(login_as):
    client = _officer(login_as)
    survey = make_survey(status="draft")
    q1, q2, q3 = (question(survey, n) for n in (1, 2, 3))
    q3_id = q3.id
    # Q2 depends on Q1: it cannot move above it, and Q1 cannot be removed.
    client.submit(_question_url(survey, q2, "move"), {"direction": "up"})
    db.session.expire_all()
    assert [q.id for q in db.session.get(Survey, survey.id).questions[:2]] == [q1.id, q2.id]
    refused = client.submit(_question_url(survey, q1, "delete"))
    assert refused.status_code == 400
    assert "depends on this one" in refused.get_data(as_text=True)
    # Moving Q3 up puts it second.
    client.submit(_question_url(survey, q3, "move"), {"direction": "up"})
    db.session.expire_all()
    order = [q.id for q in db.session.get(Survey, survey.id).questions]
    assert order[:3] == [q1.id, q3.id, q2.id]
    # Remove asks first, then removes and renumbers.
    assert "Remove this question?" in client.get(_question_url(survey, q3, "delete")).get_data(
        as_text=True
    )
    assert client.submit(_question_url(survey, q3, "delete")).status_code == 302
    db.session.expire_all()
    remaining = db.session.get(Survey, survey.id).questions
    assert q3_id not in [q.id for q in remaining]
    assert [q.position for q in remaining] == list(range(1, len(remaining) + 1))


def test_questions_locked_after_responses_except_wording(login_as, app):
    survey = make_survey()
    answer_standard(app.test_client(), survey)
    client = _officer(login_as)
    q2 = question(survey, 2)
    base = {
        "kind": "single",
        "text": "Which park do you use?",
        "required": "yes",
        "condition": [f"{question(survey, 1).id}:yes"],
    }
    more = client.submit(
        _question_url(survey, q2), {**base, "options": "Wardown\nStockwood\nPeople's\nNew"}
    )
    assert more.status_code == 400
    assert "can only have their wording fixed" in more.get_data(as_text=True)
    kind = client.submit(
        _question_url(survey, q2),
        {**base, "kind": "multiple", "options": "Wardown\nStockwood\nPeople's"},
    )
    assert kind.status_code == 400
    fixed = client.submit(
        _question_url(survey, q2), {**base, "options": "Wardown Park\nStockwood\nPeople's"}
    )
    assert fixed.status_code == 302
    db.session.expire_all()
    q2 = question(survey, 2)
    assert q2.text == "Which park do you use?" and q2.options[0].label == "Wardown Park"
    # Adding, moving and removing are refused with the same clear message.
    added = client.submit(
        _question_url(survey), {"kind": "yes_no", "text": "New?", "required": "yes"}
    )
    assert "can only have their wording fixed" in added.get_data(as_text=True)
    removed = client.submit(_question_url(survey, q2, "delete"))
    assert removed.status_code == 400
    client.submit(_question_url(survey, question(survey, 4), "move"), {"direction": "up"})
    db.session.expire_all()
    assert question(survey, 4).text == "How safe do you feel in town?"
    page = client.get(url_for("surveys.manage_survey", survey_id=survey.id)).get_data(as_text=True)
    assert "you can only fix the wording" in page


def test_duplicate_copies_questions_options_and_conditions(login_as):
    survey = make_survey()
    add_responses(survey, 5, values=["yes"])
    client = _officer(login_as)
    copied = client.submit(url_for("surveys.manage_survey_duplicate", survey_id=survey.id))
    assert copied.status_code == 302
    db.session.expire_all()
    copy = db.session.scalar(select(Survey).where(Survey.id != survey.id))
    original = db.session.get(Survey, survey.id)
    assert copy.title == f"Copy of {original.title}" and copy.status == SurveyStatus.DRAFT
    assert [q.text for q in copy.questions] == [q.text for q in original.questions]
    assert [o.label for o in copy.questions[1].options] == ["Wardown", "Stockwood", "People's"]
    assert copy.questions[1].condition_question_id == copy.questions[0].id
    assert copy.questions[1].condition_values == ["yes"]
    # Option-valued conditions point at the copy's own options.
    assert {o.id for o in copy.questions[2].options}.isdisjoint(
        {o.id for o in original.questions[2].options}
    )
    count = (
        select(func.count()).select_from(SurveyResponse).where(SurveyResponse.survey_id == copy.id)
    )
    assert db.session.scalar(count) == 0


def test_preview_walks_a_draft_and_saves_nothing(login_as):
    survey = make_survey(status="draft")
    client = _officer(login_as)
    start = client.submit(url_for("surveys.manage_survey_preview", survey_id=survey.id))
    assert start.headers["Location"].endswith(f"/surveys/{survey.id}/age")
    page = client.get(start.headers["Location"]).get_data(as_text=True)
    assert "Preview: nothing you answer is saved." in page
    done = answer_standard(client, survey)
    assert done.status_code == 302
    assert "Preview finished" in client.get(done.headers["Location"]).get_data(as_text=True)
    assert db.session.scalar(select(func.count()).select_from(SurveyResponse)) == 0


def test_live_survey_with_dates_shows_on_public_list(login_as, client):
    officer = _officer(login_as)
    survey = make_survey(status="draft", closes_at=None)
    priority_id = survey.priority_id
    closes = date.today() + timedelta(days=10)
    saved = officer.submit(
        url_for("surveys.manage_survey_edit", survey_id=survey.id),
        {
            "title": survey.title,
            "introduction": "Intro",
            "audience": "young_people",
            "anonymous": "yes",
            "priority_id": str(priority_id),
            "proposal_id": "0",
            "status": "live",
            "closes_on": [str(closes.day), str(closes.month), str(closes.year)],
        },
    )
    assert saved.status_code == 302
    assert survey.title in client.get(url_for("surveys.surveys")).get_data(as_text=True)
    assert QuestionKind.RANKING.has_options


def test_officers_choose_the_words_of_a_rating_scale(login_as, client):
    from engage.surveys.models import RatingScale

    officer = _officer(login_as)
    survey = make_survey(status="draft", questions=[])
    form = officer.get(_question_url(survey)).get_data(as_text=True)
    assert 'value="importance"' in form and 'value="quality" checked' in form
    data = {
        "kind": "rating",
        "text": "How important is a youth club near you?",
        "required": "yes",
        "scale": "importance",
    }
    assert officer.submit(_question_url(survey), data).status_code == 302
    db.session.expire_all()
    (made,) = db.session.get(Survey, survey.id).questions
    assert made.scale == RatingScale.IMPORTANCE
    assert 'value="importance" checked' in officer.get(_question_url(survey, made)).get_data(
        as_text=True
    )
    db.session.execute(
        sa_update(Survey).where(Survey.id == survey.id).values(status=SurveyStatus.LIVE)
    )
    db.session.commit()
    page = client.get(url_for("surveys.survey", survey_id=survey.id))
    assert page.status_code == 200
    client.submit(url_for("surveys.age", survey_id=survey.id), {"age": "13-15"})
    question = client.get(url_for("surveys.question", survey_id=survey.id, number=1))
    html = question.get_data(as_text=True)
    assert "Not at all important" in html and "Very important" in html
    assert "Very good" not in html and "Very bad" not in html
    urdu = client.get(url_for("surveys.question", survey_id=survey.id, number=1, lang="ur"))
    assert "Very important" not in urdu.get_data(as_text=True)  # the presets are translated
