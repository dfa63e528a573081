"""Taking surveys (one question per page, no JavaScript needed) and the officers' manage_ pages."""

from flask import (
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from engage.accounts.models import AgeBand
from engage.downloads import CSV_MIMETYPE, with_bom
from engage.extensions import db, limiter
from engage.forms import character_count_texts, show_error
from engage.i18n import _, translated
from engage.moderation import disclosure
from engage.ops.security_log import log_security_event
from engage.permissions import authorize, can, require
from engage.surveys import bp, drafts, export, service
from engage.surveys.forms import (
    ButtonForm,
    CodeEntryForm,
    JoinCodeForm,
    QuestionForm,
    SurveyForm,
)
from engage.surveys.models import (
    LONG_TEXT_MAX,
    SHORT_TEXT_MAX,
    Audience,
    JoinCode,
    Question,
    QuestionKind,
    RatingScale,
    Survey,
    SurveyStatus,
)
from engage.surveys.posters import qr_svg

# In-progress answers live on the server (engage/surveys/drafts.py); the session cookie, which
# ends with the browser session, holds only each draft's random id.
_DRAFTS = "survey_drafts"
_FINISHED = "survey_finished"
_COUNTS = "survey_counts"


def _draft_id(survey: Survey) -> str | None:
    return session.get(_DRAFTS, {}).get(str(survey.id))


def _get_draft(survey: Survey) -> dict:
    return drafts.load_draft(_draft_id(survey), survey) or service.new_draft()


def _save_draft(survey: Survey, draft: dict) -> None:
    row = drafts.save_draft(_draft_id(survey), survey, draft)
    db.session.commit()
    ids = dict(session.get(_DRAFTS, {}))
    ids[str(survey.id)] = row.id
    session[_DRAFTS] = ids


def _send_response(survey: Survey, draft: dict):
    """Write the response; on an anonymous survey, note who took part in a transaction of its own.

    The two commits are deliberate: a row naming the person and the anonymous response must never
    be written together (see service.record_participation). The participation goes first so two
    quick presses of "Send" cannot give two responses; if the response then fails, it is undone.
    """
    if not service.records_participation(current_user, survey):
        return service.submit_response(current_user, survey, draft)
    service.check_response(current_user, survey, draft)
    try:
        service.record_participation(current_user, survey)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise service.SurveyError(_("You have already answered this survey. Thank you.")) from None
    try:
        return service.submit_response(current_user, survey, draft, participated=True)
    except Exception:
        db.session.rollback()
        service.withdraw_participation(current_user, survey)
        db.session.commit()
        raise


def _forget_draft(survey: Survey) -> None:
    """Delete the draft (the caller commits) and its id in the session."""
    drafts.discard_draft(_draft_id(survey))
    ids = dict(session.get(_DRAFTS, {}))
    ids.pop(str(survey.id), None)
    session[_DRAFTS] = ids


def _session_count(survey: Survey) -> int:
    return int(session.get(_COUNTS, {}).get(str(survey.id), 0))


def _limit_reached(survey: Survey) -> bool:
    return survey.anonymous and _session_count(survey) >= service.MAX_RESPONSES_PER_SESSION


def _submit_limit() -> str:
    return current_app.config["SURVEY_SUBMIT_RATE_LIMIT"]


def _visible_survey_or_404(survey_id: int) -> Survey:
    survey = service.load_survey(survey_id)
    if survey is None or not can("survey.view", survey):
        abort(404)
    return survey


def _is_preview(draft: dict) -> bool:
    return bool(draft.get("preview")) and can("survey.manage")


def _taking(survey_id: int) -> tuple[Survey, dict]:
    """Load a survey the current person may answer now, with their answers so far."""
    survey = service.load_survey(survey_id) or abort(404)
    draft = _get_draft(survey)
    if _is_preview(draft):
        return survey, draft
    if not can("survey.view", survey):
        abort(404)
    if not survey.anonymous and not current_user.is_authenticated:
        abort(401)
    if (
        not can("survey.take", survey)
        or service.already_taken(current_user, survey)
        or _limit_reached(survey)
    ):
        abort(redirect(url_for("surveys.survey", survey_id=survey.id)))
    return survey, draft


def _step_url(survey: Survey, step: Question | None, change: bool = False) -> str:
    args = {"change": 1} if change else {}
    if step is None:
        return url_for("surveys.age", survey_id=survey.id, **args)
    return url_for(
        "surveys.question",
        survey_id=survey.id,
        number=service.question_number(survey, step),
        **args,
    )


def _after_answer(survey: Survey, draft: dict, step: Question | None, change: bool) -> str:
    """Where to go after a page: the next page, or back to the check page after a change."""
    if change:
        target = service.first_unanswered(survey, draft)
        if target is False:
            return url_for("surveys.check", survey_id=survey.id)
        return _step_url(survey, target, change=True)
    steps = service.steps(survey, draft)
    index = steps.index(step)
    if index + 1 < len(steps):
        return _step_url(survey, steps[index + 1])
    return url_for("surveys.check", survey_id=survey.id)


def _back_url(survey: Survey, draft: dict, step: Question | None, change: bool) -> str:
    if change:
        return url_for("surveys.check", survey_id=survey.id)
    steps = service.steps(survey, draft)
    index = steps.index(step)
    if index == 0:
        return url_for("surveys.survey", survey_id=survey.id)
    return _step_url(survey, steps[index - 1])


# Public pages ------------------------------------------------------------------------------


@bp.route("/surveys")
def surveys():
    """Surveys open now, results published, and a box for a join code."""
    open_now, published = service.public_surveys()
    return render_template(
        "surveys/list.html", open_now=open_now, published=published, form=CodeEntryForm()
    )


@bp.route("/s")
def code_entry():
    """Look up a typed join code (a GET form, so it works from a bookmark or a poster)."""
    form = CodeEntryForm(request.args)
    # Only a typed code is an answer: ?lang= from the language switcher is not.
    typed = "code" in request.args
    if typed and form.validate():
        return redirect(url_for("surveys.join", code=form.code.data))
    status = 400 if typed else 200
    return render_template("surveys/code.html", form=form, problem=None), status


@bp.route("/s/<code>")
def join(code):
    """Open a survey through a group's join code; responses are tagged with the group."""
    join_code = service.find_join_code(code)
    form = CodeEntryForm(code=code)
    if join_code is None or not join_code.survey.is_public:
        return render_template("surveys/code.html", form=form, problem="unknown"), 404
    if not join_code.is_valid():
        return render_template("surveys/code.html", form=form, problem="expired"), 410
    survey = join_code.survey
    draft = _get_draft(survey)
    draft["code"] = join_code.id
    _save_draft(survey, draft)
    return redirect(url_for("surveys.survey", survey_id=survey.id))


@bp.route("/surveys/<int:survey_id>")
def survey(survey_id):
    """A survey's introduction and start button, or its published results."""
    item = _visible_survey_or_404(survey_id)
    draft = _get_draft(item)
    results = None
    if can("survey.view_results", item):
        results = service.survey_results(item, public=True)  # no viewer: no safeguarded words
    return render_template(
        "surveys/survey.html",
        survey=item,
        results=results,
        can_take=can("survey.take", item),
        needs_sign_in=not item.anonymous and not current_user.is_authenticated,
        taken=service.already_taken(current_user, item),
        limit_reached=_limit_reached(item),
        with_code=bool(draft.get("code")),
        in_progress=bool(draft.get("age")),
    )


@bp.route("/surveys/<int:survey_id>/age", methods=["GET", "POST"])
def age(survey_id):
    """The first page: the person's age group (the only personal question asked of everyone)."""
    item, draft = _taking(survey_id)
    change = bool(request.args.get("change"))
    form = ButtonForm()
    error = None
    chosen = draft.get("age")
    if chosen is None and current_user.is_authenticated:
        account_band = AgeBand(current_user.age_band).value
        if account_band in dict(service.age_choices(item)):
            chosen = account_band
    if request.method == "POST":
        chosen = request.form.get("age")
        if form.validate_on_submit():
            try:
                draft["age"] = service.parse_age(item, chosen)
            except service.SurveyError as err:
                error = err
            else:
                _save_draft(item, draft)
                return redirect(_after_answer(item, draft, None, change))
        else:
            abort(400)
    steps = service.steps(item, draft)
    return render_template(
        "surveys/age.html",
        survey=item,
        form=form,
        error=error,
        chosen=chosen,
        choices=service.age_choices(item),
        number=1,
        total=len(steps),
        back_url=_back_url(item, draft, None, change),
        preview=_is_preview(draft),
    ), 400 if error else 200


def _posted_entry(question: Question) -> dict:
    """What the person sent, to show again after a problem."""
    form = request.form
    return {
        "values": form.getlist("answer"),
        "text": form.get("answer", "") if question.kind.is_text else form.get("other", ""),
        "ranks": {str(o.id): form.get(f"rank-{o.id}", "") for o in question.options},
    }


def _stored_entry(question: Question, entry: dict | None) -> dict:
    entry = entry or {}
    values = entry.get("values", []) if entry.get("state") == "answered" else []
    ranks = {}
    if question.kind == QuestionKind.RANKING:
        ranks = {v: str(i) for i, v in enumerate(values, start=1)}
    return {"values": values, "text": entry.get("text") or "", "ranks": ranks}


@bp.route("/surveys/<int:survey_id>/q/<int:number>", methods=["GET", "POST"])
def question(survey_id, number):
    """One question on its own page, with Skip or Prefer not to say where they apply."""
    item, draft = _taking(survey_id)
    current = service.question_by_number(item, number) or abort(404)
    change = bool(request.args.get("change"))
    if not draft.get("age"):
        return redirect(_step_url(item, None))
    steps = service.steps(item, draft)
    if current not in steps:
        # Hidden by a condition on an earlier answer: go to the next page that applies.
        target = service.first_unanswered(item, draft)
        if target is False:
            return redirect(url_for("surveys.check", survey_id=item.id))
        return redirect(_step_url(item, target, change))
    form = ButtonForm()
    error = None
    shown = _stored_entry(current, draft.get("answers", {}).get(str(current.id)))
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        action = request.form.get("action")
        try:
            entry = service.parse_answer(current, request.form, action)
        except service.SurveyError as err:
            error = err
            shown = _posted_entry(current)
        else:
            service.store_answer(draft, current, entry)
            _save_draft(item, draft)
            return redirect(_after_answer(item, draft, current, change))
    return render_template(
        "surveys/question.html",
        survey=item,
        question=current,
        form=form,
        error=error,
        shown=shown,
        number=steps.index(current) + 1,
        total=len(steps),
        back_url=_back_url(item, draft, current, change),
        preview=_is_preview(draft),
        under_13=draft.get("age") == AgeBand.UNDER_13.value,
        short_max=SHORT_TEXT_MAX,
        long_max=LONG_TEXT_MAX,
    ), 400 if error else 200


@bp.route("/surveys/<int:survey_id>/check", methods=["GET", "POST"])
@limiter.limit(_submit_limit, methods=["POST"])
def check(survey_id):
    """Check your answers, with a change link for each, then send them."""
    item, draft = _taking(survey_id)
    target = service.first_unanswered(item, draft)
    if target is not False:
        return redirect(_step_url(item, target))
    form = ButtonForm()
    error = None
    preview = _is_preview(draft)
    if request.method == "POST":
        if not form.validate_on_submit():
            abort(400)
        if preview:
            _forget_draft(item)
            db.session.commit()
            session[_FINISHED] = {"id": item.id, "preview": True}
            return redirect(url_for("surveys.done", survey_id=item.id))
        try:
            response = _send_response(item, draft)
        except service.SurveyError as err:
            error = err
        else:
            # Nothing of the answers stays behind once they are sent; other people's drafts that
            # expired or whose survey closed go too, in case the hourly cleanup is not set up.
            _forget_draft(item)
            drafts.clear_drafts()
            db.session.commit()
            # Words suggesting a young person may need help bring support links on the next page.
            disclosure.offer_help(
                disclosure.disclosure_links(
                    "survey_answer",
                    [a.id for a in response.answers if a.text],
                    young=item.for_young_people,
                )
            )
            if item.anonymous:
                counts = dict(session.get(_COUNTS, {}))
                counts[str(item.id)] = counts.get(str(item.id), 0) + 1
                session[_COUNTS] = counts
            session[_FINISHED] = {"id": item.id, "preview": False}
            return redirect(url_for("surveys.done", survey_id=item.id))
    answers = draft.get("answers", {})
    rows = [
        {
            "key": _("Your age group"),
            "value": dict(service.age_choices(item)).get(draft.get("age"), ""),
            "href": _step_url(item, None, change=True),
        }
    ]
    for q in service.visible_questions(item, answers):
        rows.append(
            {
                "key": translated(q, "text"),
                "value": service.check_summary(q, answers.get(str(q.id))),
                "href": _step_url(item, q, change=True),
            }
        )
    return render_template(
        "surveys/check.html",
        survey=item,
        form=form,
        rows=rows,
        error=error,
        preview=preview,
        back_url=_step_url(item, service.steps(item, draft)[-1]),
    ), 400 if error else 200


@bp.route("/surveys/<int:survey_id>/done")
def done(survey_id):
    """Confirmation: what happens next and when the results will be shown."""
    item = service.load_survey(survey_id) or abort(404)
    finished = session.pop(_FINISHED, None)
    if not finished or finished.get("id") != item.id:
        return redirect(url_for("surveys.survey", survey_id=item.id))
    return render_template("surveys/done.html", survey=item, preview=finished.get("preview"))


# Staff pages -------------------------------------------------------------------------------


def _survey_form_choices(form: SurveyForm) -> None:
    priorities, proposals = service.list_choices()
    form.priority_id.choices = [(p.id, p.title) for p in priorities]
    form.proposal_id.choices = [(0, _("None"))] + [(p.id, p.title) for p in proposals]


def _survey_data(form: SurveyForm) -> service.SurveyData:
    return service.SurveyData(
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
            item = service.create_survey(current_user, _survey_data(form))
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
            service.update_survey(current_user, item, _survey_data(form))
        except service.SurveyError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Survey saved."), "success")
            return redirect(url_for("surveys.manage_survey", survey_id=item.id))
    status = 400 if form.errors else 200
    return render_template("surveys/manage_survey_edit.html", form=form, survey=item), status


def _question_data(form: QuestionForm) -> service.QuestionData:
    return service.QuestionData(
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
    form.condition.choices = service.condition_choices(item, None)
    if request.method == "GET" and request.args.get("kind") in dict(form.kind.choices):
        form.kind.data = request.args["kind"]
    if form.validate_on_submit():
        try:
            service.add_question(current_user, item, _question_data(form))
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
    form.condition.choices = service.condition_choices(item, current)
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
            service.update_question(current_user, current, _question_data(form))
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
        service.move_question(
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
            service.delete_question(current_user, current)
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
    _save_draft(item, service.new_draft(preview=True))
    return redirect(url_for("surveys.age", survey_id=item.id))


@bp.route("/manage/surveys/<int:survey_id>/duplicate", methods=["POST"])
@require("survey.manage")
def manage_survey_duplicate(survey_id):
    """Copy a survey as a new draft, questions and conditions included."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    item = _manage_survey_or_404(survey_id)
    copy = service.duplicate_survey(current_user, item)
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
            code = service.create_join_code(
                current_user,
                item,
                form.label.data,
                form.expires_on.data,
                service.ResponsibleAdult(
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
    service.expire_join_code(current_user, code)
    db.session.commit()
    flash(_("Join code %(code)s no longer works.", code=code.code), "success")
    return redirect(url_for("surveys.manage_codes", survey_id=survey_id))


def _filters(item: Survey) -> service.Filters:
    filters = service.Filters()
    try:
        if request.args.get("age"):
            filters.age = AgeBand(request.args["age"])
    except ValueError:
        filters.age = None
    group = request.args.get("group", "")
    if group.isdigit() and int(group) in {c for c, _label in service.group_choices(item)}:
        filters.group = int(group)
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
        results=service.survey_results(item, filters, viewer=current_user),
        filters=filters,
        ages=service.age_choices(item),
        groups=service.group_choices(item),
        button=ButtonForm(),
    )


@bp.route("/manage/surveys/<int:survey_id>/export.<fmt>")
@require("survey.results")
def manage_export(survey_id, fmt):
    """Every response as CSV or Excel: one row per response, one column per question."""
    item = _manage_survey_or_404(survey_id)
    name = f"survey-{item.id}-responses.{fmt}"
    if fmt == "csv":
        body, mimetype = with_bom(export.export_csv(current_user, item)), CSV_MIMETYPE
    elif fmt == "xlsx":
        body = export.export_xlsx(current_user, item)
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        abort(404)
    log_security_event("export.survey", current_user.id, survey_id=item.id, format=fmt)
    response = Response(body, mimetype=mimetype)
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
        service.set_results_published(current_user, item, publish)
    except service.SurveyError as err:
        flash(str(err), "error")
    else:
        db.session.commit()
        if publish:
            flash(_("The results are on the survey's public page."), "success")
        else:
            flash(_("The results are no longer public."), "success")
    return redirect(url_for("surveys.manage_results", survey_id=item.id))


_TAKING = {"surveys.age", "surveys.question", "surveys.check", "surveys.done", "surveys.join"}


@bp.after_request
def _no_store(response):
    # Pages holding someone's answers must not be kept by the browser (a shared school tablet's
    # back button) or by anything in between.
    if request.endpoint in _TAKING:
        response.headers["Cache-Control"] = "no-store"
    return response


@bp.context_processor
def _template_helpers():
    return {
        "survey_status_label": service.status_label,
        "audience_label": service.audience_label,
        "kind_label": service.kind_label,
        "value_label": service.value_label,
        "rating_word": service.rating_word,
        "character_count_texts": character_count_texts,
    }
