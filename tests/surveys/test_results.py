"""Results: counts, percentages, SVG charts with tables, filters, suppression, publishing."""

import re

import pytest
from flask import url_for
from sqlalchemy import select, update

from engage.accounts.models import AgeBand
from engage.extensions import db
from engage.permissions import Role
from engage.surveys.models import Answer, AnswerModeration, AnswerState
from engage.surveys.results import suppress, suppress_breakdown, survey_results
from tests.factories import make_user
from tests.surveys.helpers import add_responses, make_code, make_survey


@pytest.mark.parametrize(
    ("count", "hidden"), [(0, True), (1, True), (4, True), (5, False), (99, False)]
)
def test_suppress_hides_counts_under_five(count, hidden):
    cell = suppress(count)
    assert cell.suppressed is hidden
    assert (cell.display == "fewer than 5") is hidden


def test_one_hidden_cell_hides_the_next_smallest_too():
    # With a total shown, a single hidden cell could be worked out by subtraction.
    cells = suppress_breakdown([20, 3, 7, 9])
    assert [c.suppressed for c in cells] == [False, True, True, False]
    assert [c.suppressed for c in suppress_breakdown([20, 3, 2])] == [False, True, True]
    assert not any(c.suppressed for c in suppress_breakdown([6, 8]))


def _yes_no_survey():
    return make_survey(questions=[{"kind": "yes_no", "text": "Do you like the library?"}])


def test_officer_sees_counts_percentages_chart_and_table(login_as):
    survey = _yes_no_survey()
    add_responses(survey, 12, values=["yes"])
    add_responses(survey, 6, values=["no"])
    add_responses(survey, 2, values=["not_sure"])
    client = login_as(make_user(Role.OFFICER))
    page = client.get(url_for("surveys.manage_results", survey_id=survey.id)).get_data(as_text=True)
    assert "Responses: 20" in page
    svg = re.search(r"<svg class=\"engage-chart[^\"]*\".*?</svg>", page, re.S).group(0)
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "style=" not in svg  # the CSP forbids inline styles
    assert "60% (12)" in svg and "30% (6)" not in svg
    table = page[page.index("<table", page.index("</svg>")) :]
    assert re.search(r"Yes(</bdi>)?</th>\s*<td[^>]*>12</td>\s*<td[^>]*>60%", table)
    # 2 "not sure" is under 5: hidden, in the chart and the table alike; 6 "no" goes with it.
    assert "fewer than 5" in svg
    assert re.search(r"Not sure(</bdi>)?</th>\s*<td[^>]*>fewer than 5</td>", table)
    assert re.search(r"No(</bdi>)?</th>\s*<td[^>]*>fewer than 5</td>", table)


@pytest.mark.parametrize("lang", ["ur", "ar"])
def test_chart_is_mirrored_in_right_to_left_languages(login_as, lang):
    survey = _yes_no_survey()
    add_responses(survey, 15, values=["yes"])
    add_responses(survey, 5, values=["no"])
    client = login_as(make_user(Role.OFFICER))
    url = url_for("surveys.manage_results", survey_id=survey.id)

    def bars(page):
        svg = re.search(r"<svg class=\"engage-chart[^\"]*\".*?</svg>", page, re.S).group(0)
        rects = re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)
        return svg, [(float(x), float(w)) for x, w in rects]

    ltr_svg, ltr = bars(client.get(url).get_data(as_text=True))
    rtl_svg, rtl = bars(client.get(url, query_string={"lang": lang}).get_data(as_text=True))

    assert all(x == 0 for x, _w in ltr) and 'direction="rtl"' not in ltr_svg
    # Each bar ends at the right edge, as long as it was; text starts from the right edge.
    assert [w for _x, w in rtl] == [w for _x, w in ltr]
    assert all(x + w == 480 for x, w in rtl)
    assert 'direction="rtl"' in rtl_svg
    assert re.search(r'<text x="480"', rtl_svg) and not re.search(r'<text x="0"', rtl_svg)


def test_filters_by_age_band_and_group_and_suppresses_small_groups(login_as):
    survey = _yes_no_survey()
    class_a = make_code(survey, label="Class A", code="AAAA")
    class_b = make_code(survey, label="Class B", code="BBBB")
    add_responses(survey, 7, age=AgeBand.UNDER_13, join_code=class_a, values=["yes"])
    add_responses(survey, 3, age=AgeBand.B13_15, join_code=class_b, values=["no"])
    client = login_as(make_user(Role.OFFICER))
    base = url_for("surveys.manage_results", survey_id=survey.id)
    by_group = client.get(base, query_string={"group": class_a.id}).get_data(as_text=True)
    assert "Responses: 7" in by_group
    by_age = client.get(base, query_string={"age": "under-13"}).get_data(as_text=True)
    assert "Responses: 7" in by_age
    small = client.get(base, query_string={"group": class_b.id}).get_data(as_text=True)
    assert "Fewer than 5 people answered, so results are not shown" in small
    assert "engage-chart" not in small
    # Filters are offered for every group and age band.
    page = client.get(base).get_data(as_text=True)
    assert "Class A (AAAA)" in page and "Under 13" in page


def test_free_text_listed_for_officers_published_only_publicly(login_as, client):
    survey = make_survey(questions=[{"kind": "long_text", "text": "Ideas?"}])
    add_responses(survey, 5, text="A skate park", moderation=AnswerModeration.PUBLISHED)
    add_responses(survey, 1, text="My name is Sam at Challney", moderation=AnswerModeration.HELD)
    add_responses(survey, 1, text="Rude words", moderation=AnswerModeration.REJECTED)
    officer = login_as(make_user(Role.OFFICER))
    staff_page = officer.get(url_for("surveys.manage_results", survey_id=survey.id)).get_data(
        as_text=True
    )
    assert "A skate park" in staff_page and "My name is Sam" in staff_page
    assert "Waiting for a moderator" in staff_page
    assert "Rude words" not in staff_page
    assert "1 written answer was removed by a moderator" in staff_page
    # Not public until published.
    public_url = url_for("surveys.survey", survey_id=survey.id)
    assert "A skate park" not in client.get(public_url).get_data(as_text=True)
    officer.submit(url_for("surveys.manage_publish", survey_id=survey.id), {"publish": "1"})
    public = client.get(public_url).get_data(as_text=True)
    assert "A skate park" in public
    assert "My name is Sam" not in public and "Rude words" not in public
    officer.submit(url_for("surveys.manage_publish", survey_id=survey.id), {"publish": "0"})
    assert "A skate park" not in client.get(public_url).get_data(as_text=True)


def test_published_results_listed_on_surveys_page(login_as, client):
    survey = _yes_no_survey()
    add_responses(survey, 5, values=["yes"])
    login_as(make_user(Role.OFFICER)).submit(
        url_for("surveys.manage_publish", survey_id=survey.id), {"publish": "1"}
    )
    db.session.expire_all()
    page = client.get(url_for("surveys.surveys")).get_data(as_text=True)
    assert f"Results: {survey.title}" in page
    public = client.get(url_for("surveys.survey", survey_id=survey.id)).get_data(as_text=True)
    assert "100% (5)" in public


def test_breakdown_only_counts_ways_the_question_could_be_left(login_as):
    survey = make_survey(questions=[{"kind": "short_text", "text": "Ideas?", "required": False}])
    add_responses(survey, 30, text="More trees", moderation=AnswerModeration.PUBLISHED)
    add_responses(survey, 12)  # turned into skips below
    db.session.execute(
        update(Answer).where(Answer.text.is_(None)).values(state=AnswerState.SKIPPED)
    )
    db.session.commit()
    result = survey_results(survey).questions[0]
    # No "prefer not to say" is possible here, so its zero does not hide the 12 skips.
    assert result.skipped.display == "12" and result.answered.display == "30"


def test_a_hidden_answered_count_hides_every_row_of_the_question(login_as):
    survey = make_survey(
        questions=[{"kind": "yes_no", "text": "Do you like the library?", "required": False}]
    )
    add_responses(survey, 7, values=["yes"])
    add_responses(survey, 2)  # turned into skips below
    # Chosen here, not in SQL: PostgreSQL has no equality operator for json values.
    for answer in db.session.scalars(select(Answer)):
        if not answer.values:
            answer.state = AnswerState.SKIPPED
    db.session.commit()
    result = survey_results(survey).questions[0]
    # Two skips are hidden, so "Answered: 7" is hidden too; "Yes: 100% (7)" would undo both.
    assert result.answered.suppressed and result.skipped.suppressed
    assert all(row.cell.suppressed and row.percent is None for row in result.rows)
    client = login_as(make_user(Role.OFFICER))
    html = client.get(url_for("surveys.manage_results", survey_id=survey.id)).get_data(as_text=True)
    assert ">100%" not in html and "(7)" not in html
