"""Choosing what one hears about: email frequency, following, and stopping emails from a link."""

from collections.abc import Callable

from flask import abort, flash, make_response, redirect, render_template, request, url_for
from flask_login import current_user

from engage.extensions import csrf, db
from engage.i18n import DEFAULT_LOCALE, _, in_locale, negotiate, requested_locale, translated
from engage.moderation.messages import notification_link
from engage.notifications import bp, feeds, jobs, service
from engage.notifications.emails import frequency_label, user_for_token
from engage.notifications.forms import FollowForm, SettingsForm, UnsubscribeForm
from engage.notifications.models import Frequency
from engage.ops.reader_facts import reader_facts
from engage.ops.shells import filler, reader_key, render_fragment_kept
from engage.permissions import authorize, can, require
from engage.urls import external_url

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
    """How often to be emailed (adults), following on commenting, and everything one follows."""
    emailable = service.may_email(current_user)
    form = SettingsForm()
    if not emailable:
        del form.frequency  # young people and unconfirmed addresses are never emailed
    if request.method == "GET":
        if emailable:
            form.frequency.data = service.frequency_of(current_user).value
        form.follow_when_commenting.data = service.follows_when_commenting(current_user.id)
    if form.validate_on_submit():
        try:
            if emailable:
                service.set_frequency(current_user, Frequency(form.frequency.data))
            if form.follow_shown.data == "1":
                service.set_follow_when_commenting(
                    current_user, bool(form.follow_when_commenting.data)
                )
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


# Atom feeds -----------------------------------------------------------------------------------


def _feed_locale() -> str:
    # A feed reader keeps no session: ?lang= (the link on the page carries it) or Accept-Language,
    # and never a write to the session, so the response sets no cookie.
    return requested_locale() or negotiate(request.accept_languages) or DEFAULT_LOCALE


def _feed_response(body: bytes):
    response = make_response(body)
    response.headers["Content-Type"] = feeds.CONTENT_TYPE
    response.headers["Cache-Control"] = "public, max-age=300"
    response.vary.add("Accept-Language")
    response.add_etag()
    return response.make_conditional(request)


@bp.route("/priorities/<slug>/feed.atom")
def priority_feed(slug):
    """A priority's public proposals and their outcomes, as an Atom feed."""
    from sqlalchemy import select

    from engage.proposals.models import Priority

    item = db.session.scalar(select(Priority).where(Priority.slug == slug)) or abort(404)
    code = _feed_locale()
    with in_locale(code):
        body = feeds.render_feed(
            translated(item, "title"),
            external_url("proposals.priority", slug=item.slug),
            external_url("notifications.priority_feed", slug=item.slug, lang=code),
            feeds.priority_entries(item),
        )
    return _feed_response(body)


@bp.route("/outcomes.atom")
def outcomes_feed():
    """Every published "You said, we did", as an Atom feed."""
    code = _feed_locale()
    with in_locale(code):
        body = feeds.render_feed(
            _("You said, we did"),
            external_url("proposals.home"),
            external_url("notifications.outcomes_feed", lang=code),
            feeds.outcome_entries(),
        )
    return _feed_response(body)


# The follow button shows whether this reader follows: a personal part of a page that readers
# otherwise share (engage/ops/shells.py), so it is a hole filled for each reader.
def _follow_button(subject, kind: str, action: Callable[[], str]) -> str:
    """The follow button for this reader: kept per reader state (whether they follow); the
    form's address is built only when the part is rendered."""
    may_follow = current_user.is_authenticated and can("notification.follow", subject)
    follows = may_follow and bool(reader_facts(kind, subject.id)[f"follows_{kind}"])
    return render_fragment_kept(
        reader_key(kind, subject.id, may_follow, follows),
        "notifications/_follow.html",
        lambda: {"subject": subject, "kind": kind, "action": action(), "follows": follows},
    )


@filler("follow_proposal")
def _follow_proposal_button(context) -> str:
    """The follow button of a proposal page, for this reader."""
    proposal = context["proposal"]
    return _follow_button(
        proposal,
        "proposal",
        lambda: url_for("notifications.follow_proposal", proposal_id=proposal.id),
    )


@filler("follow_priority")
def _follow_priority_button(context) -> str:
    """The follow button of a priority page, for this reader."""
    priority = context["priority"]
    return _follow_button(
        priority, "priority", lambda: url_for("notifications.follow_priority", slug=priority.slug)
    )
