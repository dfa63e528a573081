"""Staff pages for privacy requests: compiling a person's data for a subject access request."""

import json

from flask import Response, render_template
from flask_login import current_user

from engage.clock import utcnow
from engage.extensions import db
from engage.i18n import _
from engage.me import service as me
from engage.permissions import require
from engage.privacy import bp, subject_access
from engage.privacy.forms import SubjectAccessForm


@bp.route("/manage/subject-access", methods=["GET", "POST"])
@require("privacy.subject_access")
def manage_subject_access():
    """Find a person by email address or username and download everything held about them."""
    form = SubjectAccessForm()
    if form.validate_on_submit():
        person = subject_access.find_person(form.who.data)
        subject_access.record_request(current_user, person, form.reference.data)
        db.session.commit()
        if person is not None:
            body = json.dumps(me.export_data(person), ensure_ascii=False, indent=2)
            response = Response(body, mimetype="application/json")
            name = f"subject-access-{person.id}-{utcnow():%Y-%m-%d}.json"
            response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
            response.headers["Cache-Control"] = "no-store"
            return response
        form.who.errors = [_("No account has that email address or username")]
    status = 400 if form.errors else 200
    return render_template(
        "privacy/manage_subject_access.html", form=form, log=subject_access.recent_requests()
    ), status
