"""Exports suppress small age groups and join-code groups as the results page does."""

import csv
import io

import pytest
from flask import url_for
from openpyxl import load_workbook

from engage.accounts.models import AgeBand
from engage.permissions import Role
from tests.factories import make_user
from tests.surveys.helpers import add_responses, make_code, make_survey

SMALL = "Not shown: fewer than 5 in this group"


def _rows(response, fmt) -> list[list[str]]:
    if fmt == "csv":
        return list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    book = load_workbook(io.BytesIO(response.data), read_only=True)
    sheet = book.active.iter_rows(values_only=True)
    return [["" if v is None else str(v) for v in row] for row in sheet]


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_breakdown_of_three_is_not_named_in_the_export(fmt, login_as):
    survey = make_survey()
    big, small = make_code(survey, label="Big class"), make_code(survey, label="Small club")
    add_responses(survey, 6, age=AgeBand.B13_15, join_code=big)
    add_responses(survey, 5, age=AgeBand.B16_17)
    add_responses(survey, 3, age=AgeBand.UNDER_13, join_code=small)
    client = login_as(make_user(Role.OFFICER))
    response = client.get(url_for("surveys.manage_export", survey_id=survey.id, fmt=fmt))
    rows = _rows(response, fmt)[1:]
    assert len(rows) == 14
    ages = [r[2] for r in rows]
    groups = [r[3] for r in rows]
    # Three under-13s are not named; nor the 16 to 17s, or the three could be worked out.
    assert "Under 13" not in ages and "16 to 17" not in ages
    assert ages.count("13 to 15") == 6 and ages.count(SMALL) == 8
    # The club of three is not named, nor the five with no code (the next smallest).
    assert "Small club" not in groups and "" not in groups
    assert groups.count("Big class") == 6 and groups.count(SMALL) == 8
