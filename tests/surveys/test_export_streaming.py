"""Exports stream: rows are read in batches and sent as they are read, so memory stays flat."""

import csv
import io
import tracemalloc

from flask import url_for
from openpyxl import load_workbook

from engage.permissions import Role
from engage.surveys import export
from tests.factories import make_user
from tests.surveys.helpers import bulk_responses, make_code, make_survey


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_export_is_streamed_and_batching_changes_nothing(app, login_as, monkeypatch):
    survey = make_survey()
    code = make_code(survey, label="Year 9")
    bulk_responses(survey, 23, code=code)
    client = login_as(make_user(Role.OFFICER))
    url = url_for("surveys.manage_export", survey_id=survey.id, fmt="csv")
    response = client.get(url)
    assert response.status_code == 200 and response.is_streamed
    whole = response.get_data(as_text=True)
    # Batches of 4 cross date ties and a short last batch: the file must not change at all.
    monkeypatch.setattr(export, "BATCH", 4)
    assert client.get(url).get_data(as_text=True) == whole
    rows = _csv_rows(whole.removeprefix("\ufeff"))
    assert len(rows) == 24 and len({r[0] for r in rows[1:]}) == 23
    assert [r[1] for r in rows[1:]] == sorted(r[1] for r in rows[1:])  # by submitted date
    # People's words are still kept from running as formulas in every batch.
    texts = [r[9] for r in rows[1:]]
    assert texts.count("[removed by a moderator]") == 5
    assert all(t.startswith("'=words") for t in texts if not t.startswith("[removed"))


def test_the_xlsx_export_is_streamed_with_the_same_rows_as_the_csv(app, login_as, monkeypatch):
    survey = make_survey()
    bulk_responses(survey, 11)
    monkeypatch.setattr(export, "BATCH", 3)
    client = login_as(make_user(Role.OFFICER))
    as_csv = client.get(url_for("surveys.manage_export", survey_id=survey.id, fmt="csv"))
    response = client.get(url_for("surveys.manage_export", survey_id=survey.id, fmt="xlsx"))
    assert response.is_streamed
    book = load_workbook(io.BytesIO(response.data), read_only=True)
    sheet = book.active.iter_rows(values_only=True)
    rows = [["" if v is None else str(v) for v in row] for row in sheet]
    assert rows == _csv_rows(as_csv.get_data(as_text=True).removeprefix("\ufeff"))


def _peak_bytes(viewer, survey, exporter) -> int:
    tracemalloc.start()
    try:
        for _chunk in exporter(viewer, survey):
            pass  # sent on at once, as the response does
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_export_memory_does_not_grow_with_the_responses(app, monkeypatch):
    # Peak memory, not time: ten times the responses may cost a batch more, not ten times more.
    # Before the exports streamed, 2,000 responses peaked at 12x the memory of 200 (1.1x now);
    # the sizes here are a fifth of those (a tenth as long under tracemalloc), the batches too.
    monkeypatch.setattr(export, "BATCH", 20)  # both sizes span several batches
    viewer = make_user(Role.OFFICER)
    small, large = make_survey(), make_survey()
    bulk_responses(small, 40)
    bulk_responses(large, 400)
    for exporter in (export.export_csv, export.export_xlsx):
        _peak_bytes(viewer, small, exporter)  # warm caches (translations, imports)
        ratio = _peak_bytes(viewer, large, exporter) / _peak_bytes(viewer, small, exporter)
        assert ratio < 3, (exporter.__name__, ratio)
