"""Comment routes: post, reply, edit and delete."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.comments import bp, display, service
from engage.comments.forms import CommentForm, DeleteForm, ReplyForm
from engage.extensions import db, limiter
from engage.i18n import _
from engage.moderation import disclosure
from engage.ops.shells import SUBMIT_MARK, filler, reader_key, render_fragment_kept
from engage.permissions import authorize, can
from engage.proposals import plans
from engage.proposals.routes import get_public_proposal_or_404, render_proposal
from engage.urls import as_id


@bp.record_once
def _template_globals(state) -> None:
    state.app.jinja_env.globals.update(
        comment_key=display.comment_key, thread_keys=display.thread_keys
    )


def _post_limit():
    return current_app.config["POST_RATE_LIMIT"]


def _user_key():
    return f"user:{current_user.get_id()}" if current_user.is_authenticated else "anon"


@filler("comment_box")
def _comment_box(context) -> str:
    """The proposal page's comment box for this reader (a form, with its CSRF token, only if
    they may comment: a reader who is not signed in gets no session cookie)."""
    proposal = context["proposal"]
    form = context.get("comment_form")
    may_comment = can("comment.create", proposal)
    # A form sent back with the reader's words is theirs alone.
    key = None if form else reader_key(proposal.id, may_comment, proposal.is_accepting_input())

    def build() -> dict:
        comment_form = form
        if comment_form is None and may_comment:
            comment_form = CommentForm()
            comment_form.token.data = SUBMIT_MARK  # a fresh token goes in for each reader
        return {"proposal": proposal, "comment_form": comment_form}

    return render_fragment_kept(key, "comments/_comment_box.html", build)


@bp.route("/proposals/<int:proposal_id>/comments", methods=["POST"])
@limiter.limit(_post_limit, key_func=_user_key)
def create(proposal_id):
    """Post a comment or a reply; on a problem, show the page again with the words kept."""
    # Its plan, read now: its words, documents and priority load only if the page is shown again.
    proposal = get_public_proposal_or_404(proposal_id, light=True)
    form = ReplyForm() if request.form.get("parent_id") else CommentForm()
    parent = None
    if form.parent_id.data:
        parent_id = as_id(form.parent_id.data)
        if parent_id is None:
            abort(400)
        parent = service.get_comment(parent_id)
        if parent is None:
            abort(404)
        authorize("comment.reply", parent)
    else:
        authorize("comment.create", proposal)
    done = service.already_posted(current_user, form.sent_token)
    if done is not None and form.validate_on_submit():
        flash(_("You had already posted this. Here it is."), "success")
        return redirect(
            url_for("proposals.proposal", proposal_id=done.proposal_id, _anchor=f"c{done.id}")
        )
    if form.validate_on_submit():
        try:
            comment = service.submit_comment(
                current_user, proposal, form.body.data, parent, token=form.token.data
            )
        except service.CommentError as err:
            form.body.errors = [*form.body.errors, str(err)]
        else:
            # Everything the next page needs is read and worded before the commit expires the
            # comment, the proposal and the account: after it, each would be loaded again.
            help_links = _help_links(comment)
            if comment.hold_reason and comment.hold_reason.value == "unverified_email":
                said = _(
                    "Thank you. Your comment will be published when you confirm your email "
                    "address: open the link we emailed you."
                )
            elif comment.status.value == "held" and _details_shared(comment):
                said = _(
                    "Thank you. Your comment may have personal details in it, like a name, a "
                    "school or a phone number. Nobody else sees it until a moderator has checked "
                    "it. To take them out yourself, choose Change under your comment."
                )
            elif comment.status.value == "held":
                said = _("Thank you. A moderator will check your comment before others see it.")
            else:
                said = _("Your comment has been posted.")
            there = url_for("proposals.proposal", proposal_id=proposal.id, _anchor=f"c{comment.id}")
            db.session.commit()
            disclosure.offer_help(help_links)
            flash(said, "success")
            return redirect(there)
    if parent is not None:
        return render_reply(proposal, parent, form, status=400)
    return render_proposal(proposal, comment_form=form, status=400)


def _help_links(comment) -> list[str]:
    """Support links for the next page, if a young person's words suggest they may need help."""
    young = current_user.is_young
    # Only a young person's words get them (disclosure_links): an adult's comment needs no query.
    if not (young or comment.by_young_person):
        return []
    return disclosure.disclosure_links("comment", [comment.id], young=young)


def _details_shared(comment) -> bool:
    """Whether to tell a young person their comment may hold their personal details."""
    return disclosure.details_shared("comment", [comment.id], young=current_user.is_young)


def render_reply(proposal, parent, form, status=200):
    """The reply page; also re-rendered with the form's errors so nothing typed is lost."""
    # A reply sent decided on the proposal's plan; the page shows its words.
    shown = plans.full_proposal(proposal) or abort(404)
    return render_template("comments/reply.html", form=form, parent=parent, proposal=shown), status


@bp.route("/comments/<int:comment_id>/reply")
def reply(comment_id):
    """The comment being answered, with a box for the reply (it posts to `create`)."""
    parent = service.get_comment(comment_id) or abort(404)
    proposal = get_public_proposal_or_404(parent.proposal_id)
    authorize("comment.reply", parent)
    return render_reply(proposal, parent, ReplyForm())


@bp.route("/comments/<int:comment_id>/edit", methods=["GET", "POST"])
def edit(comment_id):
    """Correct one's own comment within the edit window."""
    comment = service.get_comment(comment_id) or abort(404)
    authorize("comment.edit", comment)
    form = CommentForm(obj=comment)
    if form.validate_on_submit():
        try:
            service.edit_comment(current_user, comment, form.body.data)
        except service.CommentError as err:
            form.body.errors = [*form.body.errors, str(err)]
        else:
            help_links, said = _help_links(comment), _("Your comment has been changed.")
            if _details_shared(comment):
                said = _(
                    "Your comment has been changed. It may still have personal details in it, "
                    "like a name, a school or a phone number. Nobody else sees it until a "
                    "moderator has checked it."
                )
            there = url_for(
                "proposals.proposal", proposal_id=comment.proposal_id, _anchor=f"c{comment.id}"
            )
            db.session.commit()
            disclosure.offer_help(help_links)
            flash(said, "success")
            return redirect(there)
    status = 400 if form.is_submitted() else 200  # shown again with errors, the words kept
    return render_template("comments/edit.html", form=form, comment=comment), status


@bp.route("/comments/<int:comment_id>/delete", methods=["GET", "POST"])
def delete(comment_id):
    """Ask, then delete one's own comment."""
    comment = service.get_comment(comment_id) or abort(404)
    if service.deleted_by(current_user, comment):  # Back after deleting: say what happened
        flash(_("This comment was deleted."), "info")
        return redirect(url_for("proposals.proposal", proposal_id=comment.proposal_id))
    authorize("comment.delete", comment)
    form = DeleteForm()
    if form.validate_on_submit():
        service.delete_comment(current_user, comment)
        db.session.commit()
        flash(_("Your comment has been deleted."), "success")
        return redirect(url_for("proposals.proposal", proposal_id=comment.proposal_id))
    return render_template("comments/delete.html", form=form, comment=comment)
