"""Join codes: a short code opens the survey and tags responses with the group."""

from datetime import timedelta

from flask import url_for
from sqlalchemy import select

from engage.clock import utcnow
from engage.extensions import db
from engage.permissions import Role
from engage.surveys.models import CODE_ALPHABET, JoinCode, SurveyResponse
from tests.factories import make_user
from tests.surveys.helpers import answer_standard, make_code, make_survey


def test_code_opens_survey_and_tags_the_response(client):
    survey = make_survey()
    code = make_code(survey, label="Year 8, Challney", code="K7P2")
    response = client.get("/s/k7p2")  # case does not matter
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/surveys/{survey.id}")
    intro = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "You are answering with your group's code." in intro
    assert "Year 8" not in intro  # the group's name is for staff only
    answer_standard(client, survey)
    db.session.expire_all()
    assert db.session.scalar(select(SurveyResponse.join_code_id)) == code.id


def test_typed_code_is_looked_up(client):
    survey = make_survey()
    make_code(survey, code="M4RC")
    response = client.get(url_for("surveys.code_entry", code=" m4rc "))
    assert response.status_code == 302
    assert (
        client.get(response.headers["Location"])
        .headers["Location"]
        .endswith(f"/surveys/{survey.id}")
    )
    empty = client.get(url_for("surveys.code_entry", code=""))
    assert empty.status_code == 400
    assert "Enter the code you were given" in empty.get_data(as_text=True)


def test_unknown_and_expired_codes_explain_what_to_do(client):
    survey = make_survey()
    make_code(survey, code="OLD1", expires_at=utcnow() - timedelta(minutes=1))
    unknown = client.get("/s/ZZZZ")
    assert unknown.status_code == 404
    assert "We could not find that code" in unknown.get_data(as_text=True)
    expired = client.get("/s/OLD1")
    assert expired.status_code == 410
    assert "This code has expired" in expired.get_data(as_text=True)


def test_code_for_a_draft_survey_is_unknown(client):
    survey = make_survey(status="draft")
    make_code(survey, code="DR4F")
    assert client.get("/s/DR4F").status_code == 404


def test_officer_makes_and_expires_a_code(login_as):
    officer = make_user(Role.OFFICER)
    survey = make_survey()
    client = login_as(officer)
    page_url = url_for("surveys.manage_codes", survey_id=survey.id)
    made = client.submit(
        page_url,
        {
            "label": "Youth club",
            "expires_on": ["1", "1", "2099"],
            "adult_name": "Sam Ali",
            "adult_email": "sam.ali@example.org",
        },
    )
    assert made.status_code == 302
    db.session.expire_all()
    code = db.session.scalar(select(JoinCode).where(JoinCode.survey_id == survey.id))
    assert len(code.code) == 4 and set(code.code) <= set(CODE_ALPHABET)
    assert code.expires_at.year == 2099
    page = client.get(page_url).get_data(as_text=True)
    assert code.code in page and "Youth club" in page and f"/s/{code.code}" in page
    past = client.submit(
        page_url,
        {"label": "Late", "expires_on": ["1", "1", "2001"]},
    )
    assert past.status_code == 400
    client.submit(url_for("surveys.manage_code_expire", survey_id=survey.id, code_id=code.id))
    db.session.expire_all()
    assert not db.session.get(JoinCode, code.id).is_valid()
    assert client.get(f"/s/{code.code}").status_code == 410
