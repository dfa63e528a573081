"""Choosing what one hears about: email frequency, following, and stopping emails from a link."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.extensions import csrf, db
from engage.i18n import _
from engage.moderation.messages import notification_link
from engage.notifications import bp, jobs, service
from engage.notifications.emails import frequency_label, user_for_token
from engage.notifications.forms import FollowForm, FrequencyForm, UnsubscribeForm
from engage.notifications.models import Frequency
from engage.permissions import authorize, require

# Imported for its @job registrations: every app's queue wraps them.
__all__ = ["jobs"]


@bp.app_context_processor
def _follow_helpers():
    """`following(proposal=...)` for the follow button (one query, only when a page asks), and
    the link of each notice on the notifications page."""

    def following(**subject):
        if not current_user.is_authenticated:
            return False
        return service.is_following(current_user, **subject)

    return {"following": following, "notification_link": notification_link}


@bp.route("/me/notifications", methods=["GET", "POST"])
@require("notification.settings")
def settings():
    """How often to be emailed (adults), and everything one follows."""
    emailable = service.may_email(current_user)
    form = FrequencyForm()
    if request.method == "GET":
        form.frequency.data = service.frequency_of(current_user).value
    if emailable and form.validate_on_submit():
        try:
            service.set_frequency(current_user, Frequency(form.frequency.data))
        except service.NotificationError as err:
            form.frequency.errors = [str(err)]
        else:
            db.session.commit()
            flash(_("Your choice is saved."), "success")
            return redirect(url_for("notifications.settings"))
    proposals, priorities = service.my_follows(current_user)
    status = 400 if form.errors else 200
    return render_template(
        "notifications/settings.html",
        form=form,
        emailable=emailable,
        proposals=proposals,
        priorities=priorities,
    ), status


def _follow(subject, back: str, **kind):
    form = FollowForm()
    if not form.validate_on_submit():
        abort(400)
    following = form.follow.data == "1"
    service.set_following(current_user, following, **kind)
    db.session.commit()
    if following:
        flash(_("You are following this. We will tell you when there is news."), "success")
    else:
        flash(_("You no longer follow this."), "info")
    if request.form.get("back") == "settings":
        return redirect(url_for("notifications.settings"))
    return redirect(back)


@bp.route("/proposals/<int:proposal_id>/follow", methods=["POST"])
def follow_proposal(proposal_id):
    """Follow or stop following a proposal."""
    from engage.proposals.routes import get_public_proposal_or_404

    proposal = get_public_proposal_or_404(proposal_id)
    authorize("notification.follow", proposal)
    back = url_for("proposals.proposal", proposal_id=proposal.id)
    return _follow(proposal, back, proposal=proposal)


@bp.route("/priorities/<slug>/follow", methods=["POST"])
def follow_priority(slug):
    """Follow or stop following a priority (new proposals under it)."""
    from sqlalchemy import select

    from engage.proposals.models import Priority

    priority = db.session.scalar(select(Priority).where(Priority.slug == slug)) or abort(404)
    authorize("notification.follow", priority)
    return _follow(priority, url_for("proposals.priority", slug=priority.slug), priority=priority)


@bp.route("/notifications/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # RFC 8058: a mail program posts here with no session; the signed token is the key
def unsubscribe(token):
    """Stop notification emails without signing in (one click from the email, or this page)."""
    from engage.accounts.models import User

    user_id = user_for_token(token)
    user = db.session.get(User, user_id) if user_id is not None else None
    if user is None:
        abort(404)
    if request.method == "POST":
        service.set_frequency(user, Frequency.NEVER)
        db.session.commit()
        return render_template("notifications/unsubscribed.html")
    return render_template(
        "notifications/unsubscribe.html",
        form=UnsubscribeForm(),
        choice=frequency_label(service.frequency_of(user)),
    )
