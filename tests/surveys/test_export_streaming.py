"""Exports stream: rows are read in batches and sent as they are read, so memory stays flat."""

import csv
import io
import itertools
import tracemalloc
from datetime import timedelta

from flask import url_for
from openpyxl import load_workbook
from sqlalchemy import insert

from engage.accounts.models import AgeBand
from engage.clock import today
from engage.extensions import db
from engage.permissions import Role
from engage.surveys import export
from engage.surveys.models import Answer, AnswerModeration, AnswerState, SurveyResponse
from tests.factories import make_user
from tests.surveys.helpers import make_code, make_survey

_ids = itertools.count(1)
_AGES = [AgeBand.B13_15, AgeBand.B16_17, AgeBand.UNDER_13]


def _bulk_responses(survey, count: int, code=None) -> None:
    # Inserted in bulk (not through the ORM) so that thousands take well under a second.
    questions = list(survey.questions)
    responses, answers = [], []
    for n in range(count):
        rid = f"r{next(_ids):015d}"
        responses.append(
            {
                "id": rid,
                "survey_id": survey.id,
                "age_band": _AGES[n % 3],
                "join_code_id": code.id if code and n % 2 else None,
                # Several responses a day, so the keyset paging has ties on the date.
                "submitted_on": today() - timedelta(days=n % 7),
            }
        )
        for q in questions:
            text = f"=words {n} for {q.id}" if q.kind.value.endswith("text") else None
            answers.append(
                {
                    "response_id": rid,
                    "question_id": q.id,
                    "state": AnswerState.ANSWERED if text else AnswerState.NOT_ASKED,
                    "values": [],
                    "text": text,
                    "moderation": (
                        None
                        if not text
                        else AnswerModeration.REJECTED
                        if n % 5 == 0
                        else AnswerModeration.PUBLISHED
                    ),
                }
            )
    db.session.execute(insert(SurveyResponse), responses)
    db.session.execute(insert(Answer), answers)
    db.session.commit()


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_the_csv_export_is_streamed_and_batching_changes_nothing(app, login_as, monkeypatch):
    survey = make_survey()
    code = make_code(survey, label="Year 9")
    _bulk_responses(survey, 23, code=code)
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
    _bulk_responses(survey, 11)
    monkeypatch.setattr(export, "BATCH", 3)
    client = login_as(make_user(Role.OFFICER))
    as_csv = client.get(url_for("surveys.manage_export", survey_id=survey.id, fmt="csv"))
    response = client.get(url_for("surveys.manage_export", survey_id=survey.id, fmt="xlsx"))
    assert response.is_streamed
    book = load_workbook(io.BytesIO(response.data), read_only=True)
    rows = [
        ["" if v is None else str(v) for v in row] for row in book.active.iter_rows(values_only=True)
    ]
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
    # Before the exports streamed, 2,000 responses peaked at 12x the memory of 200 (1.1x now).
    monkeypatch.setattr(export, "BATCH", 100)  # both sizes span several batches
    viewer = make_user(Role.OFFICER)
    small, large = make_survey(), make_survey()
    _bulk_responses(small, 200)
    _bulk_responses(large, 2000)
    for exporter in (export.export_csv, export.export_xlsx):
        _peak_bytes(viewer, small, exporter)  # warm caches (translations, imports)
        ratio = _peak_bytes(viewer, large, exporter) / _peak_bytes(viewer, small, exporter)
        assert ratio < 3, (exporter.__name__, ratio)
