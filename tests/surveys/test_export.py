"""Export: one row per response, a column per question; "not asked" is not "skipped"."""

import csv
import io

from flask import url_for
from openpyxl import load_workbook

from engage.permissions import Role
from tests.factories import make_user
from tests.surveys.helpers import answer_standard, make_code, make_survey, option_value, question


def _survey_with_two_responses(app):
    survey = make_survey()
    make_code(survey, label="Year 8", code="Y8Y8")
    first = app.test_client()
    first.get("/s/Y8Y8")
    answer_standard(
        first,
        survey,
        park="yes",
        q3={"answer": [option_value(question(survey, 3), "Toilets"), "other"], "other": "Bins"},
        q6={"answer": "=HYPERLINK(1)"},
    )
    answer_standard(app.test_client(), survey, age="under-13", park="no", q6={"action": "skip"})
    return survey


def _check_rows(rows, survey):
    header = rows[0]
    assert header[:4] == ["Response", "Submitted", "Age group", "Group"]
    assert header[4:] == [f"Q{n}. {q.text}" for n, q in enumerate(survey.questions, start=1)]
    assert len(rows) == 3
    by_park = {r[4]: r for r in rows[1:]}
    teen, child = by_park["Yes"], by_park["No"]
    # Two responses: too few to name an age group or a group (see test_confidentiality_grid).
    small = "Not shown: fewer than 5 in this group"
    assert teen[2] == child[2] == small and teen[3] == child[3] == small
    assert teen[5] == "Stockwood"
    assert child[5] == "not asked"  # hidden by the condition
    assert child[9] == "skipped"  # chose to skip
    assert teen[11] == "prefer not to say"
    assert teen[6] == "Toilets; Other: Bins"
    assert teen[9] == "'=HYPERLINK(1)"  # people's words never run as formulas
    assert teen[7] == "4: Good"
    assert teen[8] == "Youth clubs > Buses > Sport"
    assert len({teen[0], child[0]}) == 2 and all(len(r[0]) == 16 for r in (teen, child))


def test_csv_export(app, login_as):
    survey = _survey_with_two_responses(app)
    client = login_as(make_user(Role.OFFICER))
    response = client.get(url_for("surveys.manage_export", survey_id=survey.id, fmt="csv"))
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.headers["Cache-Control"] == "no-store"
    assert response.data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    _check_rows(list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")))), survey)


def test_xlsx_export(app, login_as):
    survey = _survey_with_two_responses(app)
    client = login_as(make_user(Role.OFFICER))
    response = client.get(url_for("surveys.manage_export", survey_id=survey.id, fmt="xlsx"))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.data), read_only=True)
    rows = [
        ["" if v is None else str(v) for v in row]
        for row in book.active.iter_rows(values_only=True)
    ]
    _check_rows(rows, survey)


def test_unknown_export_format_is_404(login_as):
    survey = make_survey()
    client = login_as(make_user(Role.OFFICER))
    assert client.get(f"/manage/surveys/{survey.id}/export.pdf").status_code == 404
