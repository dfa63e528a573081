"""Idea routes: the list, suggesting, an idea's page, backing, comments, officers' answers."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from engage.extensions import db, limiter
from engage.forms import show_error
from engage.i18n import _

# erasure and subject_access connect to privacy at import: person_erased and the copy.
from engage.ideas import bp, erasure, service, subject_access  # noqa: F401
from engage.ideas.forms import (
    ANSWER_LABELS,
    AnswerForm,
    BackForm,
    DeleteForm,
    IdeaCommentForm,
    IdeaForm,
    answer_label,
)
from engage.ideas.models import IdeaAnswer
from engage.moderation import disclosure
from engage.moderation import service as moderation
from engage.moderation.forms import ReportForm
from engage.permissions import authorize, can, require
from engage.proposals import service as proposals
from engage.proposals.models import Priority, Proposal
from engage.urls import page_arg


def _post_limit():
    return current_app.config["POST_RATE_LIMIT"]


def _user_key():
    return f"user:{current_user.get_id()}" if current_user.is_authenticated else "anon"


def _form_status() -> int:
    return 400 if request.method == "POST" else 200


def _priority_or_404(slug: str) -> Priority:
    return db.session.scalar(select(Priority).where(Priority.slug == slug)) or abort(404)


def get_visible_idea_or_404(idea_id: int):
    """An idea the current person may see, or 404 (held ones stay their author's)."""
    idea = service.load_idea(idea_id)
    if idea is None or not can("idea.view", idea):
        abort(404)
    return idea


@bp.record_once
def _helpers(state):
    # Globals, not a context processor: imported macros (ideas/_macros.html) see only globals.
    state.app.jinja_env.globals.update(
        {
            "idea_answer_label": answer_label,
            "ideas_from_proposal": service.ideas_from_proposal,
            "ideas_overdue_count": service.overdue_count,
            "priority_ideas": service.priority_ideas,
        }
    )


# Public pages ----------------------------------------------------------------------------------


def _details_shared(source: str, item_id: int) -> str | None:
    """What to tell a young person whose new words may hold their personal details, or None."""
    if not disclosure.details_shared(source, [item_id], young=current_user.is_young):
        return None
    return _(
        "Thank you. It may have personal details in it, like a name, a school or a phone "
        "number. Nobody else sees it until a moderator has checked it, and they can take the "
        "details out."
    )


def _filters() -> service.Filters:
    args = request.args
    filters = service.Filters()
    if args.get("priority"):
        filters.priority = db.session.scalar(
            select(Priority).where(Priority.slug == args["priority"])
        )
    if args.get("area") in service.areas():
        filters.area = args["area"]
    if args.get("status") in {service.WAITING, *(a.value for a in IdeaAnswer)}:
        filters.answer = args["status"]
    try:
        filters.show = service.Show(args.get("show", service.Show.EVERYONE))
    except ValueError:
        filters.show = service.Show.EVERYONE
    try:
        filters.sort = service.Sort(args.get("sort", service.Sort.NEWEST))
    except ValueError:
        filters.sort = service.Sort.NEWEST
    return filters


@bp.route("/ideas")
def ideas():
    """Everyone's public ideas, filtered by priority, area, answer and who suggested them."""
    filters = _filters()
    pagination = service.public_ideas(filters, page_arg(), current_app.config["IDEAS_PER_PAGE"])
    return render_template(
        "ideas/ideas.html",
        filters=filters,
        pagination=pagination,
        priorities=proposals.list_priorities(),
        areas=service.areas(),
        answers=ANSWER_LABELS,
        waiting=service.WAITING,
        shows=service.Show,
        sorts=service.Sort,
    )


@bp.route("/priorities/<slug>/ideas/new", methods=["GET", "POST"])
@limiter.limit(_post_limit, key_func=_user_key, methods=["POST"])
def suggest(slug):
    """Suggest an idea under a priority; on a problem, the page again with the words kept."""
    priority = _priority_or_404(slug)
    authorize("idea.suggest")
    form = IdeaForm()
    waiting = service.waiting_idea(current_user)
    done = service.already_suggested(current_user, form.sent_token)
    if done is not None and form.validate_on_submit():
        flash(_("You had already posted this. Here it is."), "success")
        return redirect(url_for("ideas.idea", idea_id=done.id))
    if form.validate_on_submit():
        try:
            idea = service.suggest_idea(
                current_user,
                priority,
                form.title.data,
                form.description.data,
                form.area.data,
                token=form.token.data,
            )
        except service.IdeaError as err:
            show_error(form, err)
        else:
            db.session.commit()
            disclosure.offer_help(
                disclosure.disclosure_links("idea", [idea.id], young=current_user.is_young)
            )
            details = idea.status.value == "held" and _details_shared("idea", idea.id)
            if details:
                flash(details, "success")
            elif idea.status.value == "held":
                flash(
                    _("Thank you. A moderator will check your idea before others see it."),
                    "success",
                )
            else:
                flash(_("Your idea has been published."), "success")
            return redirect(url_for("ideas.idea", idea_id=idea.id))
    return render_template(
        "ideas/suggest.html", form=form, priority=priority, waiting=waiting
    ), _form_status()


def render_idea(idea, comment_form=None, status=200):
    """An idea's page; also re-rendered with the comment form's errors."""
    body = render_template(
        "ideas/idea.html",
        idea=idea,
        comments=service.idea_comments(idea, current_user),
        comment_form=comment_form or IdeaCommentForm(),
        back_form=BackForm(),
        backs=service.user_backs(current_user, idea),
        merged_here=service.merged_here(idea),
    )
    return body, status


@bp.route("/ideas/<int:idea_id>")
def idea(idea_id):
    """An idea with its backing, the council's answer and the comments."""
    return render_idea(get_visible_idea_or_404(idea_id))


@bp.route("/ideas/<int:idea_id>/back", methods=["POST"])
def back(idea_id):
    """Back an idea, or take the backing back (`withdraw` in the form)."""
    item = get_visible_idea_or_404(idea_id)
    authorize("idea.back", item)
    if not BackForm().validate_on_submit():
        abort(400)
    try:
        if request.form.get("withdraw"):
            service.unback_idea(current_user, item)
            message = _("You no longer back this idea.")
        else:
            service.back_idea(current_user, item)
            message = _("You back this idea.")
    except service.IdeaError as err:
        flash(str(err), "error")
    else:
        db.session.commit()
        flash(message, "success")
    return redirect(url_for("ideas.idea", idea_id=idea_id, _anchor="backing"))


@bp.route("/ideas/<int:idea_id>/comments", methods=["POST"])
@limiter.limit(_post_limit, key_func=_user_key)
def comment(idea_id):
    """Comment on an idea; on a problem, the page again with the words kept."""
    item = get_visible_idea_or_404(idea_id)
    authorize("idea.comment", item)
    form = IdeaCommentForm()
    done = service.already_commented(current_user, form.sent_token)
    if done is not None and form.validate_on_submit():
        flash(_("You had already posted this. Here it is."), "success")
        return redirect(url_for("ideas.idea", idea_id=idea_id, _anchor=f"ic{done.id}"))
    if form.validate_on_submit():
        try:
            made = service.comment_on_idea(
                current_user, item, form.body.data, token=form.token.data
            )
        except service.IdeaError as err:
            show_error(form, err)
        else:
            db.session.commit()
            disclosure.offer_help(
                disclosure.disclosure_links("idea_comment", [made.id], young=current_user.is_young)
            )
            details = made.status.value == "held" and _details_shared("idea_comment", made.id)
            if details:
                flash(details, "success")
            elif made.status.value == "held":
                flash(
                    _("Thank you. A moderator will check your comment before others see it."),
                    "success",
                )
            else:
                flash(_("Your comment has been posted."), "success")
            return redirect(url_for("ideas.idea", idea_id=idea_id, _anchor=f"ic{made.id}"))
    return render_idea(service.load_idea(idea_id), comment_form=form, status=400)


@bp.route("/idea-comments/<int:comment_id>/delete", methods=["GET", "POST"])
def delete_comment(comment_id):
    """Ask, then delete one's own comment on an idea."""
    item = service.get_idea_comment(comment_id) or abort(404)
    authorize("idea.comment_delete", item)
    form = DeleteForm()
    if form.validate_on_submit():
        idea_id = item.idea_id
        service.delete_idea_comment(current_user, item)
        db.session.commit()
        flash(_("Your comment has been deleted."), "success")
        return redirect(url_for("ideas.idea", idea_id=idea_id))
    return render_template("ideas/delete_comment.html", form=form, comment=item)


def _report(source: str, item, idea):
    authorize("idea.report", item)
    form = ReportForm()
    if form.validate_on_submit():
        try:
            moderation.report_item(current_user, source, item, form.reason.data, form.note.data)
        except moderation.ModerationError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Thank you. A moderator will look at your report."), "success")
            return redirect(url_for("ideas.idea", idea_id=idea.id))
    return render_template(
        "ideas/report.html", form=form, item=item, idea=idea, is_idea=source == "idea"
    ), (400 if form.errors else 200)


@bp.route("/ideas/<int:idea_id>/report", methods=["GET", "POST"])
def report(idea_id):
    """Report a published idea to the moderators."""
    item = get_visible_idea_or_404(idea_id)
    return _report("idea", item, item)


@bp.route("/idea-comments/<int:comment_id>/report", methods=["GET", "POST"])
def report_comment(comment_id):
    """Report a published comment on an idea to the moderators."""
    item = service.get_idea_comment(comment_id) or abort(404)
    idea = get_visible_idea_or_404(item.idea_id)
    return _report("idea_comment", item, idea)


# Officers --------------------------------------------------------------------------------------


@bp.route("/manage/ideas")
@require("idea.answer")
def manage_ideas():
    """Ideas waiting for the council's answer, oldest first, with those overdue marked."""
    answered = request.args.get("show") == "answered"
    return render_template(
        "ideas/manage_ideas.html",
        pagination=service.staff_ideas(answered, page_arg()),
        answered=answered,
        overdue=service.overdue_count(),
        cutoff=service.overdue_cutoff(),
        days=current_app.config["IDEA_ANSWER_DAYS"],
    )


def _answer_choices(form: AnswerForm, item) -> None:
    form.merged_into.choices = [(0, _("Choose an idea"))] + [
        (i.id, i.title) for i in service.merge_choices(item)
    ]
    form.proposal.choices = [(0, _("Choose a proposal"))] + [
        (p.id, p.title) for p in proposals.staff_proposals() if p.is_public
    ]


@bp.route("/manage/ideas/<int:idea_id>", methods=["GET", "POST"])
@require("idea.answer")
def manage_idea(idea_id):
    """Answer an idea with a status and a public reason."""
    item = service.load_idea(idea_id) or abort(404)
    authorize("idea.answer", item)
    form = AnswerForm()
    if request.method == "GET" and item.answer:
        form.answer.data = item.answer.value
        form.reason.data = item.answer_reason
        form.merged_into.data = item.merged_into_id or 0
        form.proposal.data = item.proposal_id or 0
    _answer_choices(form, item)
    if form.validate_on_submit():
        merged = service.load_idea(form.merged_into.data) if form.merged_into.data else None
        proposal = db.session.get(Proposal, form.proposal.data) if form.proposal.data else None
        try:
            service.answer_idea(
                current_user, item, form.answer.data, form.reason.data, merged, proposal
            )
        except service.IdeaError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("The answer is published."), "success")
            return redirect(url_for("ideas.idea", idea_id=item.id, _anchor="answer"))
    return render_template("ideas/manage_idea.html", form=form, idea=item), _form_status()
