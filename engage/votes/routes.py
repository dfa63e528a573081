"""Vote route."""

from flask import current_app, flash, redirect, url_for
from flask_login import current_user

from engage.extensions import db, limiter
from engage.i18n import _
from engage.ops.cache import fetch_with_generation
from engage.ops.reader_facts import reader_facts
from engage.ops.shells import filler, reader_key, render_fragment_kept
from engage.permissions import authorize, can
from engage.proposals.routes import get_public_proposal_or_404, render_proposal
from engage.votes import bp, service
from engage.votes.forms import VoteForm


def _post_limit():
    return current_app.config["POST_RATE_LIMIT"]


def _user_key():
    return f"vote:{current_user.get_id()}" if current_user.is_authenticated else "anon"


# Every reader of a proposal page reads its shared totals: with Redis, fetched in the round trip
# that reads the content generation.
fetch_with_generation("proposals.proposal", lambda args: [service.totals_key(args["proposal_id"])])


@filler("votes")
def _votes(context) -> str:
    """The proposal page's vote totals, the reader's vote and the vote form, for this reader.

    Totals are shared by every reader and forgotten when a vote is cast, so someone who has just
    voted sees their vote counted.
    """
    proposal = context["proposal"]
    signed_in = current_user.is_authenticated
    my_choice = reader_facts("proposal", proposal.id)["vote_choice"] if signed_in else None
    totals = service.shared_vote_totals(proposal)
    may_vote = can("vote.cast", proposal)
    form = context.get("vote_form")
    choice = my_choice.value if my_choice else None
    # A form sent back with its errors is this reader's alone; otherwise the part depends on these.
    accepting = proposal.is_accepting_input()
    key = None if form else reader_key(proposal.id, may_vote, accepting, choice, totals.key)

    def build() -> dict:
        vote_form = form
        if vote_form is None and may_vote:
            vote_form = VoteForm(choice=choice)
        return {
            "proposal": proposal,
            "totals": totals,
            "my_choice": my_choice,
            "vote_form": vote_form,
        }

    return render_fragment_kept(key, "votes/_votes.html", build)


@bp.route("/proposals/<int:proposal_id>/vote", methods=["POST"])
@limiter.limit(_post_limit, key_func=_user_key)
def cast(proposal_id):
    """Record or change the person's vote."""
    # Its plan, read now: its words, documents and priority load only if the page is shown again.
    proposal = get_public_proposal_or_404(proposal_id, light=True)
    authorize("vote.cast", proposal)
    form = VoteForm()
    if form.validate_on_submit():
        try:
            service.cast_vote(current_user, proposal, form.choice.data)
        except service.VoteError as err:
            form.choice.errors = [*form.choice.errors, str(err)]
        else:
            # Worded before the commit expires the account (the language is read from it), so
            # nothing is loaded again after it.
            saved = [
                (
                    _("Your vote has been saved. You can change it until the consultation closes."),
                    "success",
                )
            ]
            if current_user.email_unverified:
                saved.append(
                    (_("Your vote will count once you confirm your email address."), "info")
                )
            db.session.commit()
            service.forget_vote_totals(proposal_id)
            for message, category in saved:
                flash(message, category)
            return redirect(url_for("proposals.proposal", proposal_id=proposal_id, _anchor="vote"))
    return render_proposal(proposal, vote_form=form, status=400)
