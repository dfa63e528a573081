"""The officers' analysis workspace: responses, codebook, tagging, suggestions, who took part."""

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from engage.accounts.forms import CONNECTION_LABELS, age_band_label
from engage.accounts.models import ACCOUNT_AGE_BANDS, AgeBand, Connection
from engage.analysis import bp, participation, population, responses, service, suggest
from engage.analysis.forms import AcceptForm, ButtonForm, ThemeEditForm, ThemeForm
from engage.analysis.models import Subject, Suggestion, Theme
from engage.extensions import db
from engage.forms import show_error
from engage.i18n import _, language_name
from engage.permissions import require
from engage.proposals.models import Proposal, ProposalStatus
from engage.surveys.models import AGE_ORDER, Survey, SurveyStatus
from engage.urls import as_id, page_arg
from engage.votes.service import vote_totals

SUBJECTS = "<any(proposal, survey):subject>/<int:subject_id>"


def _subject_or_404(subject: str, subject_id: int):
    item = service.load_subject(Subject(subject), subject_id)
    if item is None:
        abort(404)
    return Subject(subject), item


def _theme_or_404(subject: Subject, item, theme_id: int) -> Theme:
    theme = db.session.get(Theme, theme_id)
    if theme is None or (theme.subject, theme.subject_id) != (subject, item.id):
        abort(404)
    return theme


def _date_arg(name: str) -> date | None:
    try:
        return date.fromisoformat(request.values.get(name, ""))
    except ValueError:
        return None


def _enum_arg(cls, name: str):
    try:
        return cls(request.values.get(name, "")) if request.values.get(name) else None
    except ValueError:
        return None


def _filters() -> responses.Filters:
    """The filters from the query string (or the bulk-tagging form); bad values are ignored."""
    values = request.values
    young = {"young": True, "adult": False}.get(values.get("young", ""))
    vote = values.get("vote", "")
    theme = values.get("theme", "")
    district = values.get("district", "").strip().upper()[:4]
    return responses.Filters(
        age=_enum_arg(AgeBand, "age"),
        young=young,
        connection=_enum_arg(Connection, "connection"),
        district=district or None,
        language=(values.get("language", "").strip()[:8] or None),
        vote=vote if vote in {"agree", "disagree", "unsure", responses.NO_VOTE} else None,
        since=_date_arg("since"),
        until=_date_arg("until"),
        search=values.get("q", "").strip()[:200],
        theme=responses.UNTAGGED if theme == str(responses.UNTAGGED) else as_id(theme),
    )


def _ids(values) -> list[int]:
    """The values that are ids a column can hold (others, "²" or 30 digits, are left out)."""
    return [number for value in values if (number := as_id(value)) is not None]


def _page_number() -> int:
    return min(page_arg(), 10_000)


@bp.route("/manage/analysis")
@require("analysis.manage")
def manage_index():
    """Proposals and surveys that have something to analyse."""
    proposals = db.session.scalars(
        select(Proposal)
        .where(Proposal.status != ProposalStatus.DRAFT)
        .order_by(Proposal.closes_at.desc(), Proposal.id.desc())
    ).all()
    surveys = db.session.scalars(
        select(Survey).where(Survey.status != SurveyStatus.DRAFT).order_by(Survey.id.desc())
    ).all()
    return render_template("analysis/manage_index.html", proposals=proposals, surveys=surveys)


@bp.route(f"/manage/analysis/{SUBJECTS}")
@require("analysis.manage")
def manage_overview(subject, subject_id):
    """One consultation at a glance: who took part, its themes and how their people voted."""
    subject, item = _subject_or_404(subject, subject_id)
    themes = service.codebook(subject, item.id)
    districts = population.reference_districts()
    if subject is Subject.PROPOSAL:
        taking_part = participation.proposal_participation(item.id, districts)
        sentiment = participation.theme_sentiment(item.id, themes)
        totals = vote_totals(item)
        questions = []
    else:
        taking_part = participation.survey_participation(item, districts)
        sentiment, totals = [], None
        questions = responses.text_questions(item)
    return render_template(
        "analysis/manage_overview.html",
        subject=subject,
        item=item,
        themes=themes,
        counts=service.theme_counts(subject, item.id),
        taking_part=population.add_comparisons(taking_part),
        sentiment=sentiment,
        totals=totals,
        questions=questions,
    )


def _responses_page(subject: Subject, item, target_id: int, question=None):
    filters = _filters()
    themes = service.codebook(subject, item.id)
    button = ButtonForm()
    if request.method == "POST":
        if not button.validate_on_submit():
            abort(400)
        theme_id = request.form.get("tag_theme", "")
        theme = next((t for t in themes if str(t.id) == theme_id), None)
        if theme is None:
            flash(_("Choose a theme to tag the responses with"), "error")
        else:
            action = request.form.get("action")
            if action == "tag_all":
                ids = responses.matching_ids(subject, target_id, filters)
            else:
                ids = _ids(request.form.getlist("item"))
            if not ids:
                flash(_("Select at least one response"), "error")
            elif action == "untag":
                n = service.untag_items(current_user, theme, ids)
                db.session.commit()
                flash(
                    _("%(theme)s taken off %(count)d responses", theme=theme.name, count=n),
                    "success",
                )
            else:
                n = service.tag_items(current_user, theme, ids)
                db.session.commit()
                flash(
                    _("%(count)d responses tagged %(theme)s", theme=theme.name, count=n),
                    "success",
                )
        return redirect(request.full_path.rstrip("?"))
    page = _page_number()
    total = responses.count(subject, target_id, filters)
    args = filters.as_args()

    def page_url(number: int) -> str:
        return url_for(request.endpoint, **request.view_args, **args, page=number)

    return render_template(
        "analysis/manage_responses.html",
        subject=subject,
        item=item,
        question=question,
        items=responses.page_of(subject, target_id, filters, page),
        total=total,
        page=page,
        pages=max(1, -(-total // responses.PAGE_SIZE)),
        filters=filters,
        page_url=page_url,
        themes=themes,
        button=button,
        ages=[
            (b.value, age_band_label(b))
            for b in (
                ACCOUNT_AGE_BANDS
                if subject is Subject.PROPOSAL
                else [*AGE_ORDER, AgeBand.PREFER_NOT]
            )
        ],
        connections=[(c.value, CONNECTION_LABELS[c]) for c in Connection],
        districts=responses.districts(subject, target_id),
        languages=[
            (code, language_name(code))
            for code in (responses.languages(item.id) if subject is Subject.PROPOSAL else [])
        ],
    )


@bp.route("/manage/analysis/proposal/<int:subject_id>/responses", methods=["GET", "POST"])
@require("analysis.manage")
def manage_responses(subject_id):
    """Every published comment and reply on a proposal, filtered, searched and tagged."""
    subject, item = _subject_or_404("proposal", subject_id)
    return _responses_page(subject, item, item.id)


@bp.route(
    "/manage/analysis/survey/<int:subject_id>/questions/<int:question_id>",
    methods=["GET", "POST"],
)
@require("analysis.manage")
def manage_answers(subject_id, question_id):
    """Every published written answer to one survey question, filtered, searched and tagged."""
    subject, item = _subject_or_404("survey", subject_id)
    question = service.question_of(item, question_id)
    if question is None or question not in responses.text_questions(item):
        abort(404)
    return _responses_page(subject, item, question.id, question)


@bp.route(f"/manage/analysis/{SUBJECTS}/themes", methods=["GET", "POST"])
@require("analysis.manage")
def manage_themes(subject, subject_id):
    """The codebook: add a theme, see how many responses carry each."""
    subject, item = _subject_or_404(subject, subject_id)
    form = ThemeForm()
    status = 200
    if request.method == "POST":
        if form.validate_on_submit():
            try:
                theme = service.add_theme(
                    current_user, subject, item.id, form.name.data, form.description.data
                )
            except service.AnalysisError as err:
                show_error(form, err)
            else:
                db.session.commit()
                flash(_("Theme %(name)s added", name=theme.name), "success")
                return redirect(
                    url_for("analysis.manage_themes", subject=subject, subject_id=item.id)
                )
        status = 400
    return render_template(
        "analysis/manage_themes.html",
        subject=subject,
        item=item,
        form=form,
        themes=service.codebook(subject, item.id),
        counts=service.theme_counts(subject, item.id),
    ), status


@bp.route(f"/manage/analysis/{SUBJECTS}/themes/<int:theme_id>", methods=["GET", "POST"])
@require("analysis.manage")
def manage_theme(subject, subject_id, theme_id):
    """One theme: rename it, describe it, say what was done, see who tagged what and when."""
    from engage.analysis import report

    subject, item = _subject_or_404(subject, subject_id)
    theme = _theme_or_404(subject, item, theme_id)
    form = ThemeEditForm(obj=theme)
    status = 200
    if request.method == "POST" and request.form.get("action") != "quotes":
        if form.validate_on_submit():
            try:
                service.update_theme(
                    current_user, theme, form.name.data, form.description.data, form.response.data
                )
            except service.AnalysisError as err:
                show_error(form, err)
            else:
                db.session.commit()
                flash(_("Theme saved"), "success")
                return redirect(request.path)
        status = 400
    elif request.method == "POST":
        if not ButtonForm().validate_on_submit():
            abort(400)
        chosen = _ids(request.form.getlist("quote"))
        dropped = set(_ids(request.form.getlist("drop")))
        for quote in list(theme.quotes):
            if quote.id in dropped:
                report.drop_quote(current_user, quote)
        added = report.choose_quotes(current_user, theme, chosen)
        db.session.commit()
        flash(_("%(count)d quotes chosen", count=added), "success")
        return redirect(request.path)
    tagged = responses.load_items(
        subject,
        db.session.execute(_tagged_query(subject, item, theme).limit(200)).all(),
    )
    quoted = {q.item_id: q for q in theme.quotes}
    return render_template(
        "analysis/manage_theme.html",
        subject=subject,
        item=item,
        theme=theme,
        form=form,
        button=ButtonForm(),
        record=service.tags_record(theme)[:200],
        tagged=tagged,
        quoted=quoted,
        max_quotes=report.MAX_QUOTES,
    ), status


def _tagged_query(subject: Subject, item, theme: Theme):
    filters = responses.Filters(theme=theme.id)
    if subject is Subject.PROPOSAL:
        return responses.comment_query(item.id, filters)
    return responses.answer_query([q.id for q in responses.text_questions(item)], filters)


@bp.route(f"/manage/analysis/{SUBJECTS}/themes/<int:theme_id>/delete", methods=["POST"])
@require("analysis.manage")
def manage_theme_delete(subject, subject_id, theme_id):
    """Remove a theme with its tags and quotes."""
    subject, item = _subject_or_404(subject, subject_id)
    theme = _theme_or_404(subject, item, theme_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    name = theme.name
    service.delete_theme(current_user, theme)
    db.session.commit()
    flash(_("Theme %(name)s removed", name=name), "success")
    return redirect(url_for("analysis.manage_themes", subject=subject, subject_id=item.id))


def _suggestion_or_404(subject: Subject, item, suggestion_id: int) -> Suggestion:
    suggestion = db.session.get(Suggestion, suggestion_id)
    if suggestion is None or (suggestion.subject, suggestion.subject_id) != (subject, item.id):
        abort(404)
    return suggestion


def _examples(subject: Subject, suggestions: list[Suggestion]) -> dict[int, list[str]]:
    """Three responses from each suggestion, so the officer can judge it."""
    from engage.analysis.report import item_texts

    wanted = {s.id: s.item_ids[:3] for s in suggestions}
    texts = item_texts(subject.source, {i for ids in wanted.values() for i in ids})
    return {sid: [texts[i] for i in ids if i in texts] for sid, ids in wanted.items()}


@bp.route(f"/manage/analysis/{SUBJECTS}/suggestions", methods=["GET", "POST"])
@require("analysis.manage")
def manage_suggestions(subject, subject_id):
    """Suggested themes: make them (POST), then accept, rename, merge or discard each."""
    subject, item = _subject_or_404(subject, subject_id)
    button = ButtonForm()
    if request.method == "POST":
        if not button.validate_on_submit():
            abort(400)
        made = suggest.refresh_suggestions(subject, item)
        db.session.commit()
        if made:
            flash(_("%(count)d suggested themes", count=made), "success")
        else:
            flash(
                _("There are not enough similar responses yet to suggest themes"),
                "error",
            )
        return redirect(request.path)
    suggestions = service.open_suggestions(subject, item.id)
    return render_template(
        "analysis/manage_suggestions.html",
        subject=subject,
        item=item,
        suggestions=suggestions,
        examples=_examples(subject, suggestions),
        themes=service.codebook(subject, item.id),
        button=button,
        forms={
            s.id: AcceptForm(prefix=f"s{s.id}", name=s.label, meta={"csrf": False})
            for s in suggestions
        },
    )


@bp.route(f"/manage/analysis/{SUBJECTS}/suggestions/<int:suggestion_id>", methods=["POST"])
@require("analysis.manage")
def manage_suggestion_decide(subject, subject_id, suggestion_id):
    """Accept (under a name), merge into a theme, or discard one suggestion."""
    subject, item = _subject_or_404(subject, subject_id)
    suggestion = _suggestion_or_404(subject, item, suggestion_id)
    # The CSRF token is the page's one (ButtonForm), not a prefixed copy per suggestion.
    form = AcceptForm(prefix=f"s{suggestion.id}", meta={"csrf": False})
    action = request.form.get("action")
    back = redirect(url_for("analysis.manage_suggestions", subject=subject, subject_id=item.id))
    if not form.is_submitted() or not ButtonForm().validate_on_submit():
        abort(400)
    try:
        if action == "accept":
            if not form.validate():
                flash(_("Enter a name for the theme"), "error")
                return back
            theme = service.accept_suggestion(
                current_user, suggestion, form.name.data, bool(form.tag.data)
            )
            flash(_("Theme %(name)s added", name=theme.name), "success")
        elif action == "merge":
            theme_id = as_id(request.form.get("theme"))
            theme = db.session.get(Theme, theme_id) if theme_id is not None else None
            if theme is None:
                flash(_("Choose a theme to merge the suggestion into"), "error")
                return back
            service.merge_suggestion(current_user, suggestion, theme, bool(form.tag.data))
            flash(_("Suggestion merged into %(name)s", name=theme.name), "success")
        elif action == "discard":
            service.discard_suggestion(current_user, suggestion)
            flash(_("Suggestion discarded"), "success")
        else:
            abort(400)
    except service.AnalysisError as err:
        db.session.rollback()
        flash(str(err), "error")
        return back
    db.session.commit()
    return back


# The report's pages and the officers' downloads, same blueprint.
from engage.analysis import export_routes, population_routes, report_routes  # noqa: E402,F401
