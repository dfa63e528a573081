"""The check page tells a young person which typed answers may hold their personal details.

An anonymous survey needs nobody's name; a 13-year-old who writes theirs, their school or their
phone number should learn it before sending, with a Change link beside the answer. Answers that
publish unless a check holds them (adults') get no such note: it would show how to get details
past the checks.
"""

from flask import url_for

from engage.surveys.models import Audience
from tests.surveys.helpers import make_survey, option_value, q_url, question

DETAILS = "I'm Aisha Khan at Challney High, my number is 07700 900123"
NOTE = "Some of your answers may have personal details in them"
ROW = "This answer may have personal details in it."


def _check_page(client, survey, age: str, anything_else: str) -> str:
    sid = survey.id
    q3, q5 = question(survey, 3), question(survey, 5)
    steps = [
        (url_for("surveys.age", survey_id=sid), {"age": age}),
        (q_url(survey, 1), {"answer": "no"}),
        (q_url(survey, 3), {"answer": [option_value(q3, "Toilets")]}),
        (q_url(survey, 4), {"answer": "3"}),
        (q_url(survey, 5), {f"rank-{o.id}": str(i) for i, o in enumerate(q5.options, 1)}),
        (q_url(survey, 6), {"answer": "Home"}),
        (q_url(survey, 7), {"answer": anything_else}),
        (q_url(survey, 8), {"action": "prefer_not"}),
    ]
    for url, data in steps:
        assert client.submit(url, data).status_code == 302, url
    page = client.get(url_for("surveys.check", survey_id=sid))
    assert page.status_code == 200
    return page.get_data(as_text=True)


def test_a_young_persons_answer_with_their_details_is_pointed_out_with_its_change_link(client):
    page = _check_page(client, make_survey(), "13-15", DETAILS)
    assert NOTE in page
    assert page.count(ROW) == 1
    row = page.split(ROW)[0].rsplit("govuk-summary-list__row", 1)[1]
    assert "Aisha Khan" in row  # beside the answer it is about
    change = page.split(ROW, 1)[1].split("</div>", 2)
    assert "change=1" in "".join(change[:2])


def test_an_ordinary_answer_is_not(client):
    page = _check_page(client, make_survey(), "13-15", "More lights by the lake please")
    assert NOTE not in page and ROW not in page


def test_an_adults_answer_that_would_publish_gets_no_note(client):
    survey = make_survey(audience=Audience.EVERYONE)
    page = _check_page(client, survey, "25-44", DETAILS)
    assert NOTE not in page and ROW not in page
