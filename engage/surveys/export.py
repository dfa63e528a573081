"""Staff exports of a survey's responses (CSV and Excel), with the results page's protections.

Small groups are suppressed here as on the results page: an age group or join-code group with
fewer than five responses is not named in any row (nor the next smallest, so it cannot be worked
out), and words held for safeguarding are left out for everyone but the safeguarding leads.
"""

import csv
import io
from collections import Counter, defaultdict

from sqlalchemy import select

from engage.accounts.forms import age_band_label
from engage.accounts.models import AgeBand
from engage.extensions import db
from engage.i18n import _
from engage.moderation import confidential
from engage.surveys.models import Answer, AnswerModeration, Survey, SurveyResponse
from engage.surveys.results import suppress_breakdown
from engage.surveys.taking import answer_summary, summary_labels

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value: str) -> str:
    # Spreadsheet programs run cells that start like a formula; people's words must stay words.
    return "'" + value if value.startswith(_FORMULA_START) else value


def shown_groups(counts: Counter) -> set:
    """The keys of a breakdown whose counts may be shown, by the results page's suppression."""
    keys = list(counts)
    cells = suppress_breakdown([counts[k] for k in keys])
    return {k for k, cell in zip(keys, cells, strict=True) if not cell.suppressed}


def export_rows(viewer, survey: Survey) -> list[list[str]]:
    """A header row, then one row per response with a column per question."""
    header = [_("Response"), _("Submitted"), _("Age group"), _("Group")]
    header += [
        _("Q%(n)d. %(text)s", n=n, text=q.text) for n, q in enumerate(survey.questions, start=1)
    ]
    rows = [[_safe(h) for h in header]]
    # Labels are looked up once, not for every cell: exports run to thousands of rows.
    labels = {q.id: summary_labels(q) for q in survey.questions}
    ages = {band: str(age_band_label(band)) for band in AgeBand}
    removed = _("[removed by a moderator]")
    withheld_text = str(confidential.WITHHELD)
    small = _("Not shown: fewer than 5 in this group")
    # Plain rows, not ORM objects: a big survey has tens of thousands of answers.
    groups = {c.id: c.label for c in survey.join_codes}
    in_survey = select(Answer.id).join(SurveyResponse).where(SurveyResponse.survey_id == survey.id)
    withheld = confidential.withheld_ids(
        viewer, "survey_answer", in_survey.where(Answer.text.is_not(None))
    )
    by_response: dict[str, dict] = defaultdict(dict)
    for a in db.session.execute(
        select(
            Answer.id,
            Answer.response_id,
            Answer.question_id,
            Answer.state,
            Answer.values,
            Answer.text,
            Answer.moderation,
        )
        .join(SurveyResponse, SurveyResponse.id == Answer.response_id)
        .where(SurveyResponse.survey_id == survey.id)
    ):
        text = a.text
        if text and a.id in withheld:
            text = withheld_text
        elif text and a.moderation == AnswerModeration.REJECTED:
            text = removed
        by_response[a.response_id][a.question_id] = {
            "state": a.state,
            "values": a.values or [],
            "text": text,
        }
    responses = db.session.execute(
        select(
            SurveyResponse.id,
            SurveyResponse.submitted_on,
            SurveyResponse.age_band,
            SurveyResponse.join_code_id,
        )
        .where(SurveyResponse.survey_id == survey.id)
        .order_by(SurveyResponse.submitted_on, SurveyResponse.id)
    ).all()
    shown_ages = shown_groups(Counter(AgeBand(r.age_band) for r in responses))
    shown_codes = shown_groups(Counter(r.join_code_id for r in responses))
    for response in responses:
        answers = by_response.get(response.id, {})
        band = AgeBand(response.age_band)
        code = response.join_code_id
        row = [
            response.id,
            response.submitted_on.isoformat(),
            ages[band] if band in shown_ages else small,
            (groups.get(code, "") if code in shown_codes else small),
        ]
        for question in survey.questions:
            row.append(answer_summary(question, answers.get(question.id), labels[question.id]))
        rows.append([_safe(str(c)) for c in row])
    return rows


def export_csv(viewer, survey: Survey) -> str:
    """The responses as CSV text."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(export_rows(viewer, survey))
    return buffer.getvalue()


def export_xlsx(viewer, survey: Survey) -> bytes:
    """The responses as an Excel workbook."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=_("Responses")[:31])
    for row in export_rows(viewer, survey):
        # Control characters (typed, pasted or stored before NULs were stripped) are not allowed
        # in a workbook's XML: drop them rather than fail the whole export.
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
