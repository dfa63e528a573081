"""Input a hostile or careless sender can type or craft, found by a sweep of every route and form
(December 2026): each gave a server error, and now gets a clear answer instead."""

import io

import pytest
from flask import url_for
from sqlalchemy import select

from engage.demo.surveys import option_value
from engage.extensions import db
from engage.permissions import Role
from engage.surveys.models import Survey
from engage.urls import comeback_path, safe_next_url
from tests.accounts.test_sign_up import ADULT_URL, adult_form
from tests.analysis.helpers import make_theme
from tests.factories import PASSWORD, make_comment, make_priority, make_proposal, make_user
from tests.surveys.helpers import make_survey, q_url, question

SUPERSCRIPT_TWO = "\u00b2"  # a digit to str.isdigit(), not to int()


def test_a_long_passphrase_is_judged_and_a_huge_one_refused(client, app):
    passphrase = ("pale blue kettle drums " * 4)[:87]  # longer than zxcvbn's 72
    made = client.submit(ADULT_URL, adult_form(password=passphrase))
    assert made.status_code == 200 and "Check your email" in made.get_data(as_text=True)
    other = app.test_client()
    huge = other.submit(ADULT_URL, adult_form(email="other@example.org", password="k" * 100_000))
    page = huge.get_data(as_text=True)
    assert "Your password must be 200 characters or fewer" in page
    assert "Check your email" not in page and "at least 10 characters" not in page


def test_a_changed_password_longer_than_72_characters_is_judged(login_as):
    person = make_user()
    client = login_as(person)
    new = ("quiet orange lantern fields " * 4)[:90]
    changed = client.submit(
        "/account/password",
        {"current_password": PASSWORD, "new_password": new, "password": new},
    )
    assert changed.status_code in (200, 302), changed.status_code


@pytest.mark.parametrize("target", ["/\r\n", "/account\r\nSet-Cookie: a=b", "/a\tb", "/\x00"])
def test_a_next_address_with_control_characters_is_not_followed(client, target):
    assert safe_next_url(target) is None
    person = make_user()
    signed = client.submit(
        "/account/sign-in",
        {"login": person.email, "password": PASSWORD},
        query_string={"next": target},
    )
    assert signed.status_code == 302
    assert "\n" not in signed.headers["Location"] and "Set-Cookie" not in signed.headers["Location"]


def test_a_file_sent_for_a_text_field_is_no_text(client, login_as):
    token = client.csrf_token()
    sent = client.post(
        "/account/sign-in",
        data={"csrf_token": token, "password": "x", "login": (io.BytesIO(b"a@b.org"), "x.txt")},
        content_type="multipart/form-data",
    )
    assert sent.status_code == 400
    assert "Enter your email address or username" in sent.get_data(as_text=True)
    proposal = make_proposal()
    resident = login_as(make_user())
    comment = resident.post(
        f"/proposals/{proposal.id}/comments",
        data={"csrf_token": resident.csrf_token(), "body": (io.BytesIO(b"words"), "b.txt")},
        content_type="multipart/form-data",
    )
    assert comment.status_code == 400


def test_digits_that_are_not_ascii_are_no_number_in_addresses(login_as):
    survey = make_survey()
    proposal = make_proposal()
    make_comment(proposal, make_user())
    theme = make_theme(proposal.id, "Buses")
    officer = login_as(make_user(Role.OFFICER))
    big = "9" * 30
    base = f"/manage/analysis/proposal/{proposal.id}/responses"
    pages = [
        f"/manage/surveys/{survey.id}/results?group={SUPERSCRIPT_TWO}&older-1={SUPERSCRIPT_TWO}",
        f"/manage/surveys/{survey.id}/results?older-{SUPERSCRIPT_TWO}=1",
        f"{base}?page={SUPERSCRIPT_TWO}&theme={SUPERSCRIPT_TWO}",
        f"{base}?theme={big}",
        f"{base}.csv?theme={big}",
    ]
    for page in pages:
        assert officer.get(page).status_code == 200, page
    for item in (SUPERSCRIPT_TWO, big):
        tagged = officer.submit(base, {"tag_theme": str(theme.id), "action": "tag", "item": item})
        assert tagged.status_code in (200, 302, 400), (item, tagged.status_code)
        quoted = officer.submit(
            f"/manage/analysis/proposal/{proposal.id}/themes/{theme.id}",
            {"action": "quotes", "quote": item, "drop": item},
        )
        assert quoted.status_code in (200, 302, 400), (item, quoted.status_code)


def test_a_rank_in_digits_that_are_not_ascii_is_asked_again(client):
    survey = make_survey()
    ranking = question(survey, 5)
    steps = [
        (url_for("surveys.age", survey_id=survey.id), {"age": "13-15"}),
        (q_url(survey, 1), {"answer": "no"}),
        (q_url(survey, 3), {"answer": [option_value(question(survey, 3), "Lights")]}),
        (q_url(survey, 4), {"answer": "4"}),
    ]
    for url, data in steps:
        assert client.submit(url, data).status_code == 302, url
    ranks = {f"rank-{option.id}": str(n) for n, option in enumerate(ranking.options, start=1)}
    ranks[f"rank-{ranking.options[0].id}"] = SUPERSCRIPT_TWO
    sent = client.submit(q_url(survey, 5), ranks)
    assert sent.status_code == 400
    assert "position" in sent.get_data(as_text=True)


def test_an_optional_choice_of_only_spaces_is_not_a_choice(login_as):
    from tests.surveys.test_manage import _survey_form

    officer = login_as(make_user(Role.OFFICER))
    priority = make_priority()
    made = officer.submit(url_for("surveys.manage_survey_new"), _survey_form(priority))
    assert made.status_code == 302
    survey_id = db.session.scalar(select(Survey.id).order_by(Survey.id.desc()))
    for field in ("min_age_band", "max_age_band"):
        form = _survey_form(priority, **{field: "   "})
        sent = officer.submit(url_for("surveys.manage_survey_edit", survey_id=survey_id), form)
        assert sent.status_code == 400, (field, sent.status_code)
        assert "Not a valid choice" in sent.get_data(as_text=True)
    question = {"kind": "rating", "text": "How safe is the park?", "required": "yes"}
    url = url_for("surveys.manage_question_new", survey_id=survey_id)
    sent = officer.submit(url, {**question, "scale": "   "})
    assert sent.status_code == 400, sent.status_code


def test_a_field_shown_again_with_its_error_keeps_what_was_typed(login_as):
    priority = make_priority()
    resident = login_as(make_user())
    title = "Water fountains " + "and benches " * 11 + "in Wardown Park"  # over 120
    assert 120 < len(title) < 300
    sent = resident.submit(
        f"/priorities/{priority.slug}/ideas/new",
        {"title": title, "description": "Free drinking water by the playground.", "area": ""},
    )
    assert sent.status_code == 400
    assert f'value="{title}"' in sent.get_data(as_text=True)


def test_a_json_body_is_not_read_as_a_form(client):
    token = client.csrf_token()
    sent = client.post(
        "/account/sign-in",
        json={"login": {"email": "a@b.org"}, "password": ["x"]},
        headers={"X-CSRFToken": token},
    )
    assert sent.status_code == 400
    assert "Enter your email address or username" in sent.get_data(as_text=True)


def test_a_huge_address_asking_for_sign_in_is_not_sent_back_whole(app, client):
    # The query came back in the redirect's Location, encoded again: an 8 KB address made a
    # header a proxy's buffer refuses (a 502), and a 40 KB one more than a client reads.
    long_query = "%C3%A9" * 1300
    sent = client.get(f"/notifications?q={long_query}&page=2")
    assert sent.status_code == 302
    assert sent.location == "/account/sign-in?next=/notifications"
    # Pages behind Flask-Login's @login_required ask the same way.
    account = client.get(f"/account/details?q={long_query}")
    assert account.status_code == 302
    assert account.location == "/account/sign-in?next=/account/details"
    short = client.get("/notifications?page=2")
    assert short.location == "/account/sign-in?next=/notifications?page%3D2"
    # No page that asks for sign-in takes a path this long, but the rule holds for one.
    with app.test_request_context("/notifications" + "/x" * 600):
        assert comeback_path() is None


@pytest.mark.parametrize("number", ["9" * 25, "\u0663\u0664", "-1", "1.5", SUPERSCRIPT_TWO])
@pytest.mark.parametrize("field", ["merged_into", "proposal"])
def test_an_idea_answered_with_an_id_no_column_holds_is_asked_again(login_as, number, field):
    """A 25-digit id went to the database (an overflow there, a server error): the selects of
    ids take only ids a column can hold, whatever their choices are checked against."""
    from tests.ideas.helpers import make_idea

    idea = make_idea()
    answer = "merged" if field == "merged_into" else "proposal"
    response = login_as(make_user(Role.OFFICER)).submit(
        f"/manage/ideas/{idea.id}", {"answer": answer, "reason": "Same as another.", field: number}
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.get_data(as_text=True)
    db.session.expire_all()
    assert idea.answer is None
