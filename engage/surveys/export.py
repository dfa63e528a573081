"""Staff exports of a survey's responses (CSV and Excel), with the results page's protections.

Small groups are suppressed here as on the results page: an age group or join-code group with
fewer than five responses is not named in any row (nor the next smallest, so it cannot be worked
out), and words held for safeguarding are left out for everyone but the safeguarding leads.

Both exports stream: responses are read in batches (keyset paging over submitted date and id)
and written out as they are read, so a survey with 100,000 responses costs the memory of one
batch, not of the whole survey.
"""

import csv
import io
import tempfile
from collections import Counter
from collections.abc import Iterator

from sqlalchemy import and_, func, or_, select

from engage.accounts.forms import age_band_label
from engage.accounts.models import AgeBand
from engage.extensions import db
from engage.i18n import _
from engage.moderation import confidential
from engage.surveys.models import Answer, AnswerModeration, Survey, SurveyResponse
from engage.surveys.results import suppress_breakdown
from engage.surveys.taking import answer_summary, summary_labels

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Responses read (and written) per round trip: big enough to keep queries few, small enough that
# memory stays that of one batch.
BATCH = 500
_XLSX_CHUNK = 64 * 1024


def _safe(value: str) -> str:
    # Spreadsheet programs run cells that start like a formula; people's words must stay words.
    return "'" + value if value.startswith(_FORMULA_START) else value


def shown_groups(counts: Counter) -> set:
    """The keys of a breakdown whose counts may be shown, by the results page's suppression."""
    keys = list(counts)
    cells = suppress_breakdown([counts[k] for k in keys])
    return {k for k, cell in zip(keys, cells, strict=True) if not cell.suppressed}


def _group_counts(survey: Survey, column) -> Counter:
    # Counted in the database: the suppression needs group sizes, not the rows themselves.
    rows = db.session.execute(
        select(column, func.count()).where(SurveyResponse.survey_id == survey.id).group_by(column)
    )
    return Counter(dict(rows.all()))


def _response_batches(survey: Survey) -> Iterator[list]:
    # Keyset paging in the export's order (submitted date, then id): each batch starts after the
    # last row of the previous one, so no batch rereads or skips rows, however deep.
    columns = (
        SurveyResponse.id,
        SurveyResponse.submitted_on,
        SurveyResponse.age_band,
        SurveyResponse.join_code_id,
    )
    last = None
    while True:
        query = select(*columns).where(SurveyResponse.survey_id == survey.id)
        if last is not None:
            query = query.where(
                or_(
                    SurveyResponse.submitted_on > last.submitted_on,
                    and_(
                        SurveyResponse.submitted_on == last.submitted_on,
                        SurveyResponse.id > last.id,
                    ),
                )
            )
        batch = db.session.execute(
            query.order_by(SurveyResponse.submitted_on, SurveyResponse.id).limit(BATCH)
        ).all()
        if not batch:
            return
        yield batch
        if len(batch) < BATCH:
            return
        last = batch[-1]


def _answers_for(viewer, response_ids: list[str], removed: str, withheld_text: str) -> dict:
    # Plain rows, not ORM objects, and only this batch's: a big survey has millions of answers.
    answers = db.session.execute(
        select(
            Answer.id,
            Answer.response_id,
            Answer.question_id,
            Answer.state,
            Answer.values,
            Answer.text,
            Answer.moderation,
        ).where(Answer.response_id.in_(response_ids))
    ).all()
    with_text = [a.id for a in answers if a.text]
    withheld = confidential.withheld_ids(viewer, "survey_answer", with_text) if with_text else set()
    by_response: dict[str, dict] = {}
    for a in answers:
        text = a.text
        if text and a.id in withheld:
            text = withheld_text
        elif text and a.moderation == AnswerModeration.REJECTED:
            text = removed
        by_response.setdefault(a.response_id, {})[a.question_id] = {
            "state": a.state,
            "values": a.values or [],
            "text": text,
        }
    return by_response


def export_rows(viewer, survey: Survey) -> Iterator[list[str]]:
    """A header row, then one row per response with a column per question, read in batches."""
    questions = list(survey.questions)
    header = [_("Response"), _("Submitted"), _("Age group"), _("Group")]
    header += [_("Q%(n)d. %(text)s", n=n, text=q.text) for n, q in enumerate(questions, start=1)]
    yield [_safe(str(h)) for h in header]
    # Labels are looked up once, not for every cell: exports run to thousands of rows.
    labels = {q.id: summary_labels(q) for q in questions}
    ages = {band: str(age_band_label(band)) for band in AgeBand}
    removed = _("[removed by a moderator]")
    withheld_text = str(confidential.WITHHELD)
    small = _("Not shown: fewer than 5 in this group")
    groups = {c.id: c.label for c in survey.join_codes}
    shown_ages = shown_groups(
        Counter({AgeBand(k): n for k, n in _group_counts(survey, SurveyResponse.age_band).items()})
    )
    shown_codes = shown_groups(_group_counts(survey, SurveyResponse.join_code_id))
    for batch in _response_batches(survey):
        by_response = _answers_for(viewer, [r.id for r in batch], removed, withheld_text)
        for response in batch:
            answers = by_response.get(response.id, {})
            band = AgeBand(response.age_band)
            code = response.join_code_id
            row = [
                response.id,
                response.submitted_on.isoformat(),
                ages[band] if band in shown_ages else small,
                (groups.get(code, "") if code in shown_codes else small),
            ]
            for question in questions:
                row.append(answer_summary(question, answers.get(question.id), labels[question.id]))
            yield [_safe(str(c)) for c in row]


def export_for(make, viewer_id: int, survey_id: int) -> Iterator:
    """`make(viewer, survey)` (export_csv or export_xlsx) for the account and survey with these
    ids, loaded as the file is sent: a streamed body outlives the view's session."""
    from engage.accounts.models import User

    yield from make(db.session.get(User, viewer_id), db.session.get(Survey, survey_id))


def export_csv(viewer, survey: Survey) -> Iterator[str]:
    """The responses as CSV text, yielded a batch of rows at a time."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for n, row in enumerate(export_rows(viewer, survey), start=1):
        writer.writerow(row)
        if n % BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def export_xlsx(viewer, survey: Survey) -> Iterator[bytes]:
    """The responses as an Excel workbook, written to a temporary file and yielded in chunks."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    # Write-only mode keeps no cells in memory; the finished file spills to disk past 1 MB.
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_("Responses")[:31])
    for row in export_rows(viewer, survey):
        # Control characters (typed, pasted or stored before NULs were stripped) are not allowed
        # in a workbook's XML: drop them rather than fail the whole export.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    with tempfile.SpooledTemporaryFile(max_size=1024 * 1024) as out:
        book.save(out)
        out.seek(0)
        while chunk := out.read(_XLSX_CHUNK):
            yield chunk
