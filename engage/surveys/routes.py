"""Taking surveys (one question per page, no JavaScript needed) and the officers' manage_ pages."""

from flask import (
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from engage.accounts.models import AgeBand
from engage.extensions import db, limiter
from engage.forms import character_count_texts
from engage.i18n import _, translated
from engage.moderation import disclosure
from engage.ops import shells
from engage.ops.shells import filler, reader_key, render_fragment_kept
from engage.permissions import can
from engage.surveys import (
    bp,
    drafts,
    join_codes,
    labels,
    plans,
    results,
    service,
    taking,
)
from engage.surveys.forms import (
    ButtonForm,
    CodeEntryForm,
)
from engage.surveys.models import (
    LONG_TEXT_MAX,
    SHORT_TEXT_MAX,
    Question,
    QuestionKind,
    Survey,
)
from engage.urls import query_arg

# In-progress answers live on the server (engage/surveys/drafts.py); the session cookie, which
# ends with the browser session, holds only each draft's random id.
_DRAFTS = "survey_drafts"
_FINISHED = "survey_finished"
_COUNTS = "survey_counts"


def _draft_id(survey: Survey) -> str | None:
    return session.get(_DRAFTS, {}).get(str(survey.id))


def _get_draft(survey: Survey) -> dict:
    return drafts.load_draft(_draft_id(survey), survey) or taking.new_draft()


def save_draft(survey: Survey, draft: dict) -> None:
    """Keep the answers so far on the server and their draft id in the session."""
    row = drafts.save_draft(_draft_id(survey), survey, draft)
    db.session.commit()
    ids = dict(session.get(_DRAFTS, {}))
    ids[str(survey.id)] = row.id
    session[_DRAFTS] = ids


def _send_response(survey: Survey, draft: dict):
    """Write the response; on an anonymous survey, note who took part in a transaction of its own.

    The two commits are deliberate: a row naming the person and the anonymous response must never
    be written together (see taking.record_participation). The participation goes first so two
    quick presses of "Send" cannot give two responses; if the response then fails, it is undone.
    """
    if not taking.records_participation(current_user, survey):
        return taking.submit_response(current_user, survey, draft)
    taking.check_response(current_user, survey, draft)
    try:
        taking.record_participation(current_user, survey)
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise service.SurveyError(_("You have already answered this survey. Thank you.")) from None
    try:
        return taking.submit_response(current_user, survey, draft, participated=True)
    except Exception:
        db.session.rollback()
        taking.withdraw_participation(current_user, survey)
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
    return survey.anonymous and _session_count(survey) >= taking.MAX_RESPONSES_PER_SESSION


def _submit_limit() -> str:
    return current_app.config["SURVEY_SUBMIT_RATE_LIMIT"]


def _visible_survey_or_404(survey_id: int) -> Survey:
    survey = service.load_survey(survey_id)
    if survey is None or not can("survey.view", survey):
        abort(404)
    return survey


def _is_preview(draft: dict) -> bool:
    return bool(draft.get("preview")) and can("survey.manage")


def _taking(survey_id: int, plan: bool = False) -> tuple[Survey, dict]:
    """Load a survey the current person may answer now, with their answers so far.

    `plan`: the survey's kept plan (plans.py) will do, for a page that only shows a question.
    """
    load = plans.load_survey_plan if plan else service.load_survey
    survey = load(survey_id) or abort(404)
    draft = _get_draft(survey)
    if _is_preview(draft):
        return survey, draft
    if not can("survey.view", survey):
        abort(404)
    if not survey.anonymous and not current_user.is_authenticated:
        abort(401)
    if (
        not can("survey.take", survey)
        or taking.already_taken(current_user, survey)
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
        number=taking.question_number(survey, step),
        **args,
    )


def _after_answer(survey: Survey, draft: dict, step: Question | None, change: bool) -> str:
    """Where to go after a page: the next page, or back to the check page after a change."""
    if change:
        target = taking.first_unanswered(survey, draft)
        if target is False:
            return url_for("surveys.check", survey_id=survey.id)
        return _step_url(survey, target, change=True)
    steps = taking.steps(survey, draft)
    index = steps.index(step)
    if index + 1 < len(steps):
        return _step_url(survey, steps[index + 1])
    return url_for("surveys.check", survey_id=survey.id)


def _back_url(survey: Survey, draft: dict, step: Question | None, change: bool) -> str:
    if change:
        return url_for("surveys.check", survey_id=survey.id)
    steps = taking.steps(survey, draft)
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
    join_code = join_codes.find_join_code(code)
    form = CodeEntryForm(code=code)
    if join_code is None or not join_code.survey.is_public:
        return render_template("surveys/code.html", form=form, problem="unknown"), 404
    if not join_code.is_valid():
        return render_template("surveys/code.html", form=form, problem="expired"), 410
    survey = join_code.survey
    draft = _get_draft(survey)
    draft["code"] = join_code.id
    save_draft(survey, draft)
    return redirect(url_for("surveys.survey", survey_id=survey.id))


@bp.route("/surveys/<int:survey_id>")
def survey(survey_id):
    """A survey's introduction and start button, or its published results."""
    item = _visible_survey_or_404(survey_id)
    draft = _get_draft(item)
    shown = None
    if can("survey.view_results", item):
        shown = results.survey_results(  # no viewer: no safeguarded words
            item,
            public=True,
            texts_per_page=current_app.config["SURVEY_TEXTS_PER_PAGE"],
            older=results.text_cursors(request.args),
        )
    return render_template(
        "surveys/survey.html",
        survey=item,
        results=shown,
        texts_link=results.texts_link("surveys.survey", item.id, request.args),
        can_take=can("survey.take", item),
        needs_sign_in=not item.anonymous and not current_user.is_authenticated,
        taken=taking.already_taken(current_user, item),
        limit_reached=_limit_reached(item),
        with_code=bool(draft.get("code")),
        in_progress=bool(draft.get("age")),
    )


@bp.route("/surveys/<int:survey_id>/age", methods=["GET", "POST"])
def age(survey_id):
    """The first page: the person's age group (the only personal question asked of everyone)."""
    item, draft = _taking(survey_id)
    change = bool(query_arg("change"))
    form = ButtonForm()
    error = None
    chosen = draft.get("age")
    if chosen is None and current_user.is_authenticated:
        account_band = AgeBand(current_user.age_band).value
        if account_band in dict(taking.age_choices(item)):
            chosen = account_band
    if request.method == "POST":
        chosen = request.form.get("age")
        if form.validate_on_submit():
            try:
                draft["age"] = taking.parse_age(item, chosen)
            except service.SurveyError as err:
                error = err
            else:
                save_draft(item, draft)
                return redirect(_after_answer(item, draft, None, change))
        else:
            abort(400)
    steps = taking.steps(item, draft)
    return render_template(
        "surveys/age.html",
        survey=item,
        form=form,
        error=error,
        chosen=chosen,
        choices=taking.age_choices(item),
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
    item, draft = _taking(survey_id, plan=request.method == "GET")
    current = taking.question_by_number(item, number) or abort(404)
    change = bool(query_arg("change"))
    if not draft.get("age"):
        return redirect(_step_url(item, None))
    steps = taking.steps(item, draft)
    if current not in steps:
        # Hidden by a condition on an earlier answer: go to the next page that applies.
        target = taking.first_unanswered(item, draft)
        if target is False:
            return redirect(url_for("surveys.check", survey_id=item.id))
        return redirect(_step_url(item, target, change))
    form = None
    error = None
    shown = _stored_entry(current, draft.get("answers", {}).get(str(current.id)))
    if request.method == "POST":
        form = ButtonForm()
        action = request.form.get("action")
        try:
            if not form.validate_on_submit():
                if not form.form_errors:
                    abort(400)
                # A page open too long (its token expired) comes back with the answer to send
                # again; a forged or missing token never gets here (the site-wide check).
                raise service.SurveyError(form.form_errors[0])
            entry = taking.parse_answer(current, request.form, action)
        except service.SurveyError as err:
            error = err
            shown = _posted_entry(current)
        else:
            taking.store_answer(draft, current, entry)
            save_draft(item, draft)
            return redirect(_after_answer(item, draft, current, change))
    page = {
        "number": steps.index(current) + 1,
        "total": len(steps),
        "back_url": _back_url(item, draft, current, change),
        "preview": _is_preview(draft),
        "under_13": draft.get("age") == AgeBand.UNDER_13.value,
    }
    fill = {"survey": item, "question": current, "form": form, "error": error, "shown": shown}

    def build() -> dict:
        survey, question = plans.load_full(item, current)
        return {**page, "survey": survey, "question": question or abort(404), "error": error}

    # The page is its audience's shell for this question and place in the survey (what `page`
    # holds); the respondent's answer so far, CSRF token and any error are the answer form's hole.
    html = shells.render_page(
        "surveys/question.html", build, {**page, **fill}, vary=tuple(page.values())
    )
    return html, 400 if error else 200


@filler("survey_answer")
def _answer_form(context) -> str:
    """The question's form for this respondent: their answer so far, CSRF token and any error."""
    item, current, shown, error = (context[k] for k in ("survey", "question", "shown", "error"))
    # Their own words (typed text, a form sent back with a problem) are never kept; a choice is
    # one of the question's own values, so a part kept under it shows nothing of anyone else's.
    own_words = error is not None or context["form"] is not None or bool(shown["text"])
    key = None
    if not own_words:
        values = tuple(shown["values"])
        key = reader_key(item.id, current.id, context["under_13"], context["preview"], values)

    def build() -> dict:
        survey, question = plans.load_full(item, current)
        return {
            "survey": survey,
            "question": question or abort(404),
            "form": context["form"] or ButtonForm(),
            "error": error,
            "shown": shown,
            "under_13": context["under_13"],
            "preview": context["preview"],
            "short_max": SHORT_TEXT_MAX,
            "long_max": LONG_TEXT_MAX,
        }

    return render_fragment_kept(key, "surveys/_answer_form.html", build)


@bp.route("/surveys/<int:survey_id>/check", methods=["GET", "POST"])
@limiter.limit(_submit_limit, methods=["POST"])
def check(survey_id):
    """Check your answers, with a change link for each, then send them."""
    item, draft = _taking(survey_id)
    target = taking.first_unanswered(item, draft)
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
    details = taking.answers_with_details(current_user, item, draft)
    rows = [
        {
            "key": _("Your age group"),
            "value": dict(taking.age_choices(item)).get(draft.get("age"), ""),
            "href": _step_url(item, None, change=True),
        }
    ]
    for q in taking.visible_questions(item, answers):
        rows.append(
            {
                "key": translated(q, "text"),
                "value": taking.check_summary(q, answers.get(str(q.id))),
                "href": _step_url(item, q, change=True),
                "details": q.id in details,
            }
        )
    return render_template(
        "surveys/check.html",
        survey=item,
        form=form,
        rows=rows,
        error=error,
        preview=preview,
        back_url=_step_url(item, taking.steps(item, draft)[-1]),
    ), 400 if error else 200


@bp.route("/surveys/<int:survey_id>/done")
def done(survey_id):
    """Confirmation: what happens next and when the results will be shown."""
    item = service.load_survey(survey_id) or abort(404)
    finished = session.pop(_FINISHED, None)
    if not finished or finished.get("id") != item.id:
        return redirect(url_for("surveys.survey", survey_id=item.id))
    return render_template("surveys/done.html", survey=item, preview=finished.get("preview"))


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
        "survey_status_label": labels.status_label,
        "audience_label": labels.audience_label,
        "kind_label": labels.kind_label,
        "value_label": labels.value_label,
        "rating_word": labels.rating_word,
        "character_count_texts": character_count_texts,
    }


from engage.surveys import manage_routes  # noqa: E402, F401 (the officers' pages)
