"""Vote route."""

from flask import current_app, flash, redirect, url_for
from flask_login import current_user

from engage.extensions import db, limiter
from engage.i18n import _
from engage.permissions import authorize
from engage.proposals.routes import get_public_proposal_or_404, render_proposal
from engage.votes import bp, service
from engage.votes.forms import VoteForm


def _post_limit():
    return current_app.config["POST_RATE_LIMIT"]


def _user_key():
    return f"vote:{current_user.get_id()}" if current_user.is_authenticated else "anon"


@bp.route("/proposals/<int:proposal_id>/vote", methods=["POST"])
@limiter.limit(_post_limit, key_func=_user_key)
def cast(proposal_id):
    """Record or change the person's vote."""
    proposal = get_public_proposal_or_404(proposal_id)
    authorize("vote.cast", proposal)
    form = VoteForm()
    if form.validate_on_submit():
        try:
            service.cast_vote(current_user, proposal, form.choice.data)
        except service.VoteError as err:
            form.choice.errors = [*form.choice.errors, str(err)]
        else:
            db.session.commit()
            flash(
                _("Your vote has been saved. You can change it until the consultation closes."),
                "success",
            )
            if current_user.email_unverified:
                flash(_("Your vote will count once you confirm your email address."), "info")
            return redirect(url_for("proposals.proposal", proposal_id=proposal.id, _anchor="vote"))
    return render_proposal(proposal, vote_form=form, status=400)
