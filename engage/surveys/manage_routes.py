"""Officers' survey pages: build, preview, join codes, results, exports and publishing."""

from flask import (
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from flask_login import current_user

from engage.accounts.models import AgeBand
from engage.downloads import CSV_MIMETYPE, XLSX_MIMETYPE, with_bom
from engage.extensions import db
from engage.forms import show_error
from engage.i18n import _
from engage.ops.security_log import log_security_event
from engage.permissions import authorize, require
from engage.surveys import (
    bp,
    building,
    export,
    join_codes,
    results,
    service,
    taking,
)
from engage.surveys.forms import (
    ButtonForm,
    JoinCodeForm,
    QuestionForm,
    SurveyForm,
)
from engage.surveys.models import (
    Audience,
    JoinCode,
    Question,
    QuestionKind,
    RatingScale,
    Survey,
    SurveyStatus,
)
from engage.surveys.posters import qr_svg
from engage.surveys.routes import save_draft
from engage.urls import id_arg


def _survey_form_choices(form: SurveyForm) -> None:
    priorities, proposals = service.list_choices()
    form.priority_id.choices = [(p.id, p.title) for p in priorities]
    form.proposal_id.choices = [(0, _("None"))] + [(p.id, p.title) for p in proposals]


def _survey_data(form: SurveyForm) -> building.SurveyData:
    return building.SurveyData(
        title=form.title.data,
        introduction=form.introduction.data,
        audience=Audience(form.audience.data),
        min_age_band=AgeBand(form.min_age_band.data) if form.min_age_band.data else None,
        max_age_band=AgeBand(form.max_age_band.data) if form.max_age_band.data else None,
        anonymous=form.anonymous.data == "yes",
        priority_id=form.priority_id.data,
        proposal_id=form.proposal_id.data or None,
        opens_on=form.opens_on.data,
        closes_on=form.closes_on.data,
        results_due=form.results_due.data,
        what_next=form.what_next.data or "",
        status=SurveyStatus(form.status.data),
    )


def _manage_survey_or_404(survey_id: int) -> Survey:
    return service.load_survey(survey_id) or abort(404)


@bp.route("/manage/surveys")
@require("survey.manage")
def manage_surveys():
    """Every survey with its status and number of responses."""
    return render_template("surveys/manage_surveys.html", rows=service.staff_surveys())


@bp.route("/manage/surveys/new", methods=["GET", "POST"])
@require("survey.manage")
def manage_survey_new():
    """Start a new survey."""
    form = SurveyForm()
    if request.method == "GET":
        form.status.data = SurveyStatus.DRAFT.value
        form.audience.data = Audience.YOUNG_PEOPLE.value
        form.anonymous.data = "yes"  # the default for young people's surveys
    _survey_form_choices(form)
    if form.validate_on_submit():
        try:
            item = building.create_survey(current_user, _survey_data(form))
        except service.SurveyError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Survey saved. Now add its questions."), "success")
            return redirect(url_for("surveys.manage_survey", survey_id=item.id))
    status = 400 if form.errors else 200
    return render_template("surveys/manage_survey_edit.html", form=form, survey=None), status


@bp.route("/manage/surveys/<int:survey_id>")
@require("survey.manage")
def manage_survey(survey_id):
    """A survey's questions, join codes and the things an officer can do with it."""
    item = _manage_survey_or_404(survey_id)
    return render_template(
        "surveys/manage_survey.html",
        survey=item,
        responses=service.response_count(item),
        locked=service.has_responses(item),
        button=ButtonForm(),
    )


@bp.route("/manage/surveys/<int:survey_id>/edit", methods=["GET", "POST"])
@require("survey.manage")
def manage_survey_edit(survey_id):
    """Change a survey's settings and status."""
    item = _manage_survey_or_404(survey_id)
    form = SurveyForm(obj=item)
    if request.method == "GET":
        form.opens_on.data = item.opens_at.date() if item.opens_at else None
        form.closes_on.data = item.closes_at.date() if item.closes_at else None
        form.proposal_id.data = item.proposal_id or 0
        form.status.data = item.status.value
        form.audience.data = item.audience.value
        form.anonymous.data = "yes" if item.anonymous else "no"
        form.min_age_band.data = item.min_age_band.value if item.min_age_band else ""
        form.max_age_band.data = item.max_age_band.value if item.max_age_band else ""
    _survey_form_choices(form)
    if form.validate_on_submit():
        try:
            building.update_survey(current_user, item, _survey_data(form))
        except service.SurveyError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Survey saved."), "success")
            return redirect(url_for("surveys.manage_survey", survey_id=item.id))
    status = 400 if form.errors else 200
    return render_template("surveys/manage_survey_edit.html", form=form, survey=item), status


def _question_data(form: QuestionForm) -> building.QuestionData:
    return building.QuestionData(
        kind=QuestionKind(form.kind.data),
        text=form.text.data,
        hint=form.hint.data or "",
        required=form.required.data == "yes",
        personal=bool(form.personal.data),
        options=(form.options.data or "").splitlines(),
        allow_other=bool(form.allow_other.data),
        faces=bool(form.faces.data),
        scale=RatingScale(form.scale.data or RatingScale.QUALITY),
        condition=list(form.condition.data or []),
    )


def _render_question_form(item: Survey, question: Question | None, form: QuestionForm):
    status = 400 if form.errors else 200
    return render_template(
        "surveys/manage_question_edit.html",
        form=form,
        survey=item,
        question=question,
        locked=service.has_responses(item),
    ), status


@bp.route("/manage/surveys/<int:survey_id>/questions/new", methods=["GET", "POST"])
@require("survey.manage")
def manage_question_new(survey_id):
    """Add a question at the end of the survey."""
    item = _manage_survey_or_404(survey_id)
    form = QuestionForm()
    form.condition.choices = building.condition_choices(item, None)
    if request.method == "GET" and request.args.get("kind") in dict(form.kind.choices):
        form.kind.data = request.args["kind"]
    if form.validate_on_submit():
        try:
            building.add_question(current_user, item, _question_data(form))
        except service.SurveyError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Question added."), "success")
            return redirect(url_for("surveys.manage_survey", survey_id=item.id))
    return _render_question_form(item, None, form)


def _question_or_404(item: Survey, question_id: int) -> Question:
    for q in item.questions:
        if q.id == question_id:
            return q
    abort(404)


@bp.route("/manage/surveys/<int:survey_id>/questions/<int:question_id>", methods=["GET", "POST"])
@require("survey.manage")
def manage_question_edit(survey_id, question_id):
    """Change a question (only its wording once the survey has responses)."""
    item = _manage_survey_or_404(survey_id)
    current = _question_or_404(item, question_id)
    form = QuestionForm()
    form.condition.choices = building.condition_choices(item, current)
    if request.method == "GET":
        form.kind.data = current.kind.value
        form.text.data = current.text
        form.hint.data = current.hint
        form.options.data = "\n".join(o.label for o in current.options)
        form.required.data = "yes" if current.required else "no"
        form.personal.data = current.personal
        form.allow_other.data = current.allow_other
        form.faces.data = current.faces
        form.scale.data = current.scale.value
        form.condition.data = [
            f"{current.condition_question_id}:{v}" for v in current.condition_values or []
        ]
    if form.validate_on_submit():
        try:
            building.update_question(current_user, current, _question_data(form))
        except service.SurveyError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Question saved."), "success")
            return redirect(url_for("surveys.manage_survey", survey_id=item.id))
    return _render_question_form(item, current, form)


@bp.route("/manage/surveys/<int:survey_id>/questions/<int:question_id>/move", methods=["POST"])
@require("survey.manage")
def manage_question_move(survey_id, question_id):
    """Move a question up or down."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    item = _manage_survey_or_404(survey_id)
    current = _question_or_404(item, question_id)
    try:
        building.move_question(
            current_user, current, -1 if request.form.get("direction") == "up" else 1
        )
    except service.SurveyError as err:
        db.session.rollback()
        flash(str(err), "error")
    else:
        db.session.commit()
    return redirect(url_for("surveys.manage_survey", survey_id=item.id, _anchor="questions"))


@bp.route(
    "/manage/surveys/<int:survey_id>/questions/<int:question_id>/delete", methods=["GET", "POST"]
)
@require("survey.manage")
def manage_question_delete(survey_id, question_id):
    """Ask, then remove a question."""
    item = _manage_survey_or_404(survey_id)
    current = _question_or_404(item, question_id)
    form = ButtonForm()
    error = None
    if form.validate_on_submit():
        try:
            building.delete_question(current_user, current)
        except service.SurveyError as err:
            db.session.rollback()
            error = err
        else:
            db.session.commit()
            flash(_("Question removed."), "success")
            return redirect(url_for("surveys.manage_survey", survey_id=item.id))
    return render_template(
        "surveys/manage_question_delete.html",
        survey=item,
        question=current,
        form=form,
        error=error,
    ), 400 if error else 200


@bp.route("/manage/surveys/<int:survey_id>/preview", methods=["POST"])
@require("survey.manage")
def manage_survey_preview(survey_id):
    """Walk through the survey as a respondent would; nothing is saved."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    item = _manage_survey_or_404(survey_id)
    save_draft(item, taking.new_draft(preview=True))
    return redirect(url_for("surveys.age", survey_id=item.id))


@bp.route("/manage/surveys/<int:survey_id>/duplicate", methods=["POST"])
@require("survey.manage")
def manage_survey_duplicate(survey_id):
    """Copy a survey as a new draft, questions and conditions included."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    item = _manage_survey_or_404(survey_id)
    copy = building.duplicate_survey(current_user, item)
    db.session.commit()
    flash(_("This is a copy. Change what you need, then make it live."), "success")
    return redirect(url_for("surveys.manage_survey", survey_id=copy.id))


@bp.route("/manage/surveys/<int:survey_id>/codes", methods=["GET", "POST"])
@require("survey.manage")
def manage_codes(survey_id):
    """Join codes: one per group, each tagging its group's responses."""
    item = _manage_survey_or_404(survey_id)
    form = JoinCodeForm()
    if form.validate_on_submit():
        try:
            code = join_codes.create_join_code(
                current_user,
                item,
                form.label.data,
                form.expires_on.data,
                join_codes.ResponsibleAdult(
                    name=form.adult_name.data,
                    role=form.adult_role.data,
                    email=form.adult_email.data,
                    phone=form.adult_phone.data,
                ),
            )
        except service.SurveyError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Join code %(code)s made for %(group)s.", code=code.code, group=code.label))
            return redirect(url_for("surveys.manage_codes", survey_id=item.id))
    status = 400 if form.errors else 200
    return render_template(
        "surveys/manage_codes.html", survey=item, form=form, button=ButtonForm()
    ), status


@bp.route("/manage/surveys/<int:survey_id>/codes/<int:code_id>/poster")
@require("survey.manage")
def manage_code_poster(survey_id, code_id):
    """A printable poster for one join code: the code, its link and a QR code."""
    item = _manage_survey_or_404(survey_id)
    join_code = next((c for c in item.join_codes if c.id == code_id), None) or abort(404)
    link = url_for("surveys.join", code=join_code.code, _external=True)
    return render_template(
        "surveys/manage_code_poster.html",
        survey=item,
        join_code=join_code,
        link=link,
        entry=url_for("surveys.code_entry", _external=True),
        qr=qr_svg(link, _("QR code for %(link)s", link=link)),
    )


@bp.route("/manage/surveys/<int:survey_id>/codes/<int:code_id>/expire", methods=["POST"])
@require("survey.manage")
def manage_code_expire(survey_id, code_id):
    """Stop a join code working now."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    code = db.session.get(JoinCode, code_id)
    if code is None or code.survey_id != survey_id:
        abort(404)
    join_codes.expire_join_code(current_user, code)
    db.session.commit()
    flash(_("Join code %(code)s no longer works.", code=code.code), "success")
    return redirect(url_for("surveys.manage_codes", survey_id=survey_id))


def _filters(item: Survey) -> results.Filters:
    filters = results.Filters()
    try:
        if request.args.get("age"):
            filters.age = AgeBand(request.args["age"])
    except ValueError:
        filters.age = None
    group = id_arg("group")
    if group is not None and group in {c for c, _label in results.group_choices(item)}:
        filters.group = group
    return filters


@bp.route("/manage/surveys/<int:survey_id>/results")
@require("survey.results")
def manage_results(survey_id):
    """Charts and tables per question, filtered by age group and join-code group."""
    item = _manage_survey_or_404(survey_id)
    authorize("survey.results", item)
    filters = _filters(item)
    return render_template(
        "surveys/manage_results.html",
        survey=item,
        results=results.survey_results(
            item,
            filters,
            viewer=current_user,
            texts_per_page=current_app.config["SURVEY_TEXTS_PER_PAGE"],
            older=results.text_cursors(request.args),
        ),
        texts_link=results.texts_link("surveys.manage_results", item.id, request.args),
        filters=filters,
        ages=taking.age_choices(item),
        groups=results.group_choices(item),
        button=ButtonForm(),
    )


@bp.route("/manage/surveys/<int:survey_id>/export.<fmt>")
@require("survey.results")
def manage_export(survey_id, fmt):
    """Every response as CSV or Excel: one row per response, one column per question."""
    item = _manage_survey_or_404(survey_id)
    name = f"survey-{item.id}-responses.{fmt}"
    if fmt == "csv":
        body, mimetype = export.export_csv, CSV_MIMETYPE
    elif fmt == "xlsx":
        body, mimetype = export.export_xlsx, XLSX_MIMETYPE
    else:
        abort(404)
    log_security_event("export.survey", current_user.id, survey_id=item.id, format=fmt)
    # Streamed: the rows are read and sent in batches, so memory does not grow with the survey;
    # made after the view's session has closed, so from ids (engage.downloads.csv_response).
    body = stream_with_context(export.export_for(body, current_user.id, item.id))
    response = Response(with_bom(body) if fmt == "csv" else body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/manage/surveys/<int:survey_id>/publish", methods=["POST"])
@require("survey.manage")
def manage_publish(survey_id):
    """Show or hide the results on the survey's public page."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    item = _manage_survey_or_404(survey_id)
    publish = request.form.get("publish") == "1"
    try:
        building.set_results_published(current_user, item, publish)
    except service.SurveyError as err:
        flash(str(err), "error")
    else:
        db.session.commit()
        if publish:
            flash(_("The results are on the survey's public page."), "success")
        else:
            flash(_("The results are no longer public."), "success")
    return redirect(url_for("surveys.manage_results", survey_id=item.id))
