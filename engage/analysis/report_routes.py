"""The consultation report: the officers' editor and the public page, PDF and Word file."""

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.analysis import bp, documents, report, service
from engage.analysis.forms import ButtonForm, ReportForm
from engage.analysis.models import Subject
from engage.analysis.routes import SUBJECTS, _subject_or_404
from engage.extensions import db
from engage.i18n import _
from engage.permissions import authorize, can, require


@bp.route(f"/manage/analysis/{SUBJECTS}/report", methods=["GET", "POST"])
@require("analysis.manage")
def manage_report(subject, subject_id):
    """Edit the drafted report; the themes, counts and quotes come from the codebook."""
    subject, item = _subject_or_404(subject, subject_id)
    found = report.find_report(subject, item.id)
    if found is None:
        found = report.start_report(current_user, subject, item)
        db.session.commit()
    form = ReportForm(obj=found)
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            report.update_report(
                current_user,
                found,
                what_asked=form.what_asked.data,
                how_when=form.how_when.data,
                young_views=form.young_views.data,
                what_next=form.what_next.data,
            )
            db.session.commit()
            flash(_("Report saved"), "success")
            return redirect(request.path)
        status = 400
    return render_template(
        "analysis/manage_report.html",
        subject=subject,
        item=item,
        form=form,
        button=ButtonForm(),
        view=report.build_view(found, item),
    ), status


@bp.route(f"/manage/analysis/{SUBJECTS}/report/publish", methods=["POST"])
@require("analysis.manage")
def manage_report_publish(subject, subject_id):
    """Publish the report on the public page, or take it off."""
    subject, item = _subject_or_404(subject, subject_id)
    found = report.find_report(subject, item.id)
    if found is None or not ButtonForm().validate_on_submit():
        abort(400)
    if request.form.get("publish") == "1":
        try:
            report.publish_report(current_user, found)
        except service.AnalysisError as err:
            flash(str(err), "error")
            return redirect(url_for("analysis.manage_report", subject=subject, subject_id=item.id))
        flash(_("The report is published"), "success")
    else:
        report.withdraw_report(current_user, found)
        flash(_("The report is no longer public"), "success")
    db.session.commit()
    return redirect(url_for("analysis.manage_report", subject=subject, subject_id=item.id))


def _published_or_404(subject: str, subject_id: int):
    subject, item = _subject_or_404(subject, subject_id)
    found = report.find_report(subject, item.id)
    if found is None:
        abort(404)
    # Officers may look at the draft as the public will see it; nobody else knows it exists.
    if not found.is_published and not can("analysis.manage"):
        abort(404)
    authorize("analysis.view_report", found)
    return report.build_view(found, item)


@bp.route(f"/consultations/{SUBJECTS}/report")
def report_page(subject, subject_id):
    """The published consultation report."""
    view = _published_or_404(subject, subject_id)
    return render_template("analysis/report.html", view=view)


@bp.route(f"/consultations/{SUBJECTS}/report.<any(pdf, docx):fmt>")
def report_download(subject, subject_id, fmt):
    """The report as PDF (the same HTML, printed) or as a Word file for committee papers."""
    view = _published_or_404(subject, subject_id)
    name = f"consultation-report-{view.subject.value}-{view.item.id}.{fmt}"
    if fmt == "pdf":
        html = render_template("analysis/report_print.html", view=view)
        body, mimetype = documents.to_pdf(html, request.url_root), "application/pdf"
    else:
        body = documents.to_docx(view)
        mimetype = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    if not view.report.is_published:
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.app_template_global()
def published_report_url(subject: str, subject_id: int) -> str | None:
    """The public report's address, for a proposal or survey page to link to (None if none)."""
    if not report.is_report_published(Subject(subject), subject_id):
        return None
    return url_for("analysis.report_page", subject=subject, subject_id=subject_id)
