"""Anonymous responses hold nothing identifying; limits stop one person flooding a survey."""

from flask import url_for
from sqlalchemy import func, inspect, select, text

from engage.extensions import db
from engage.permissions import Role
from engage.surveys.models import Participation, SurveyResponse
from tests.factories import make_user
from tests.surveys.helpers import answer_standard, make_survey

_IP = "203.0.113.77"


def _session(client) -> dict:
    with client.session_transaction() as session:
        return dict(session)


def _database_text() -> str:
    """Every value in every survey table as one string, to search for what must not be there."""
    values = []
    for table in inspect(db.engine).get_table_names():
        if not table.startswith("survey"):
            continue
        for row in db.session.execute(text(f'SELECT * FROM "{table}"')):  # noqa: S608
            values.extend(str(v) for v in row)
    return " ".join(values)


def test_anonymous_response_stores_no_user_ip_or_time_and_leaves_nothing_in_session(login_as):
    young = make_user(Role.YOUNG_PERSON)
    client = login_as(young)
    survey = make_survey(anonymous=True)
    client.environ_base["REMOTE_ADDR"] = _IP
    client.submit(url_for("surveys.age", survey_id=survey.id), {"age": "13-15"})
    # In progress: the answers wait in a server-side draft; the session holds only its id.
    assert str(survey.id) in _session(client)["survey_drafts"]
    assert db.session.scalar(select(func.count()).select_from(SurveyResponse)) == 0
    answer_standard(client, survey)
    db.session.expire_all()
    response = db.session.scalar(select(SurveyResponse))
    assert response.user_id is None
    assert not hasattr(response, "ip_address")
    # Only the day is kept, not the time, so a response cannot be matched to who just finished.
    assert type(response.submitted_on).__name__ == "date"
    stored = _database_text()
    assert _IP not in stored and "127.0.0.1" not in stored
    assert young.username not in stored and young.pseudonym not in stored
    # The draft is gone and the session keeps no id for it; only a count of sends remains.
    session = _session(client)
    assert str(survey.id) not in session["survey_drafts"]
    assert session.get("survey_counts") == {str(survey.id): 1}
    # That this person took part is kept apart from which response is theirs.
    assert db.session.get(Participation, (survey.id, young.id)) is not None
    assert {c.name for c in Participation.__table__.columns} == {"survey_id", "user_id"}


def test_no_persistent_cookie_is_set_by_a_survey(client):
    survey = make_survey()
    response = client.submit(url_for("surveys.age", survey_id=survey.id), {"age": "under-13"})
    cookies = response.headers.getlist("Set-Cookie")
    assert cookies, "the session cookie carries the answers"
    for cookie in cookies:
        assert (
            "Expires=" not in cookie and "Max-Age=" not in cookie
        )  # ends with the browser session


def test_anonymous_survey_needs_no_account_and_offers_under_13(client):
    survey = make_survey()
    page = client.get(url_for("surveys.survey", survey_id=survey.id)).get_data(as_text=True)
    assert "You do not need an account" in page and "Start now" in page
    assert answer_standard(client, survey, age="under-13").status_code == 302
    db.session.expire_all()
    assert db.session.scalar(select(SurveyResponse.age_band)).value == "under-13"


def test_signed_in_person_answers_a_named_survey_once(login_as):
    resident = make_user(Role.RESIDENT)
    survey = make_survey(anonymous=False, audience="everyone")
    client = login_as(resident)
    page = client.get(url_for("surveys.age", survey_id=survey.id)).get_data(as_text=True)
    assert "Under 13" not in page  # under-13s have no accounts, so cannot take named surveys
    assert answer_standard(client, survey, age="25-44").status_code == 302
    db.session.expire_all()
    assert db.session.scalar(select(SurveyResponse.user_id)) == resident.id
    again = client.get(url_for("surveys.age", survey_id=survey.id))
    assert again.status_code == 302 and again.headers["Location"].endswith(f"/surveys/{survey.id}")
    intro = client.get(url_for("surveys.survey", survey_id=survey.id)).get_data(as_text=True)
    assert "You have already answered this survey" in intro
    assert db.session.scalar(select(func.count()).select_from(SurveyResponse)) == 1


def test_named_survey_sends_visitors_to_sign_in(client):
    survey = make_survey(anonymous=False, audience="everyone")
    response = client.get(url_for("surveys.age", survey_id=survey.id))
    assert response.status_code == 302 and "/account/sign-in" in response.headers["Location"]


def test_signed_in_person_answers_an_anonymous_survey_once(login_as):
    young = make_user(Role.YOUNG_PERSON)
    survey = make_survey()
    client = login_as(young)
    answer_standard(client, survey)
    second = login_as(young)  # a new browser session: the session limit does not help here
    assert second.get(url_for("surveys.age", survey_id=survey.id)).status_code == 302
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(SurveyResponse)) == 1


def test_anonymous_responses_are_limited_per_browser_session(client, app):
    from engage.surveys.taking import MAX_RESPONSES_PER_SESSION

    survey = make_survey()
    for _ in range(MAX_RESPONSES_PER_SESSION):
        assert answer_standard(client, survey).status_code == 302
    blocked = client.get(url_for("surveys.age", survey_id=survey.id))
    assert blocked.status_code == 302
    intro = client.get(url_for("surveys.survey", survey_id=survey.id)).get_data(as_text=True)
    assert "answered several times in this browser" in intro
    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(SurveyResponse)) == 3
    # A new browser session (the next child on a shared tablet, browser reopened) can answer.
    assert answer_standard(app.test_client(), survey).status_code == 302


def test_submit_is_rate_limited_per_address(app):
    from engage import create_app
    from engage.extensions import limiter
    from tests.conftest import Client

    survey = make_survey()
    check = url_for("surveys.check", survey_id=survey.id)
    # The shared test app runs with limits off; this app, on the same database, has them on.
    limited = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "SQLALCHEMY_ENGINE_OPTIONS": {},
            "SECRET_KEY": "test-secret",
            "SERVER_NAME": "localhost",
            "RATELIMIT_ENABLED": True,
            "RATELIMIT_STORAGE_URI": "memory://",
            "SURVEY_SUBMIT_RATE_LIMIT": "2 per hour",
        }
    )
    limited.test_client_class = Client
    try:
        statuses = []
        for _ in range(3):
            browser = limited.test_client()  # new sessions, same address: only the IP limit applies
            browser.environ_base["REMOTE_ADDR"] = "198.51.100.9"
            statuses.append(browser.submit(check).status_code)
        other = limited.test_client()
        other.environ_base["REMOTE_ADDR"] = "198.51.100.10"
        other_status = other.submit(check).status_code
    finally:
        limiter.enabled = False  # the limiter object is shared with the other tests' app
        with limited.app_context():
            db.engine.dispose()
    assert statuses[:2] == [302, 302]  # (nothing answered yet: sent back to the first page)
    assert statuses[2] == 429
    assert other_status == 302
