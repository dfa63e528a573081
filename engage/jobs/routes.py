"""/manage/jobs: the jobs that failed after every retry, and a button to try each again."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from engage.extensions import db
from engage.i18n import _
from engage.jobs import bp, periodic, service
from engage.jobs.forms import RetryForm
from engage.jobs.models import JobFailure
from engage.permissions import require
from engage.urls import page_arg

# Imported for its @periodic registrations: the consumer runs them.
__all__ = ["periodic"]


@bp.route("/manage/jobs")
@require("jobs.manage")
def manage_jobs():
    """Failed jobs, newest first, with the queue's size."""
    return render_template(
        "jobs/manage_jobs.html",
        pagination=service.failures(page_arg()),
        sizes=service.queue_sizes(),
        form=RetryForm(),
    )


@bp.route("/manage/jobs/<int:failure_id>/retry", methods=["POST"])
@require("jobs.manage")
def manage_job_retry(failure_id):
    """Queue a failed job again."""
    failure = db.session.get(JobFailure, failure_id) or abort(404)
    form = RetryForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        service.retry_failure(current_user, failure)
    except service.JobError:
        flash(_("This job was already tried again."), "info")
        return redirect(url_for("jobs.manage_jobs"))
    db.session.commit()
    flash(_("The job is queued again."), "success")
    return redirect(url_for("jobs.manage_jobs"))
