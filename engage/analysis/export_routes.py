"""The officers' downloads from the workspace: responses as CSV or Excel, and the codebook."""

from flask import abort, send_file
from flask_login import current_user

from engage.analysis import bp, exports, responses, service
from engage.analysis.models import Subject
from engage.analysis.routes import SUBJECTS, _filters, _subject_or_404
from engage.downloads import XLSX_MIMETYPE, csv_response
from engage.ops.security_log import log_security_event
from engage.permissions import require


def _download(subject: Subject, item, target_id: int, fmt: str, name: str):
    """The responses (as the workspace filters them) as a streamed CSV or an Excel workbook."""
    filters = _filters()
    log_security_event(
        "export.analysis", current_user.id, subject=subject.value, subject_id=item.id, format=fmt
    )
    if fmt == "csv":
        rows = exports.response_rows(subject, target_id, filters)
        chunks = exports.csv_chunks(exports.response_header(subject), rows)
        response = csv_response(chunks, f"{name}.csv", **{"Cache-Control": "no-store"})
        # Nothing after the view (the access log asks for the length) may read the whole file
        # into memory to answer: the rows are made as the officer's browser reads them.
        response.implicit_sequence_conversion = False
        return response
    workbook = exports.responses_xlsx(subject, item.id, target_id, filters)
    response = send_file(
        workbook, mimetype=XLSX_MIMETYPE, as_attachment=True, download_name=f"{name}.xlsx"
    )
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/manage/analysis/proposal/<int:subject_id>/responses.<any(csv, xlsx):fmt>")
@require("analysis.manage")
def manage_responses_export(subject_id, fmt):
    """A proposal's published comments and replies with their themes, as CSV or Excel."""
    subject, item = _subject_or_404("proposal", subject_id)
    return _download(subject, item, item.id, fmt, f"proposal-{item.id}-responses")


@bp.route(
    "/manage/analysis/survey/<int:subject_id>/questions/<int:question_id>.<any(csv, xlsx):fmt>"
)
@require("analysis.manage")
def manage_answers_export(subject_id, question_id, fmt):
    """One survey question's published written answers with their themes, as CSV or Excel."""
    subject, item = _subject_or_404("survey", subject_id)
    question = service.question_of(item, question_id)
    if question is None or question not in responses.text_questions(item):
        abort(404)
    name = f"survey-{item.id}-question-{question.id}-answers"
    return _download(subject, item, question.id, fmt, name)


@bp.route(f"/manage/analysis/{SUBJECTS}/codebook.csv")
@require("analysis.manage")
def manage_codebook_export(subject, subject_id):
    """The codebook as CSV: each theme, its description and how many responses carry it."""
    subject, item = _subject_or_404(subject, subject_id)
    log_security_event(
        "export.analysis", current_user.id, subject=subject.value, subject_id=item.id, format="csv"
    )
    chunks = exports.csv_chunks(exports.codebook_header(), exports.codebook_rows(subject, item.id))
    return csv_response(
        chunks, f"{subject.value}-{item.id}-codebook.csv", **{"Cache-Control": "no-store"}
    )
