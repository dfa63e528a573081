"""Public priority and proposal pages, and the officers' manage_ pages."""

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage import keyset, readability
from engage.comments import service as comments
from engage.extensions import db
from engage.forms import BaseForm, show_error
from engage.i18n import _
from engage.ops import shells
from engage.ops.reader_facts import about, page_subject, reader_facts
from engage.permissions import can, require
from engage.proposals import bp, display, plans, service
from engage.proposals.forms import OutcomeForm, PriorityForm, ProposalForm
from engage.proposals.models import Priority, Proposal, ProposalStatus
from engage.urls import query_arg
from engage.votes import service as votes


def get_public_proposal_or_404(
    proposal_id: int, light: bool = False
) -> Proposal | plans.ProposalPlan:
    """Load a proposal the current person may see, or 404 (drafts stay secret).

    `light` reads its plan now (id, status, dates: what a form sent decides on), not the row; the
    page shown again with a form's errors loads the rest (`plans.full_proposal`).
    """
    load = plans.current_proposal_plan if light else service.load_proposal
    return _visible_or_404(load(proposal_id))


def _visible_or_404(proposal):
    """The proposal (or its plan) when the current person may see it; else 404."""
    if proposal is None or not can("proposal.view", proposal):
        abort(404)
    return proposal


def render_proposal(
    proposal: Proposal | plans.ProposalPlan, comment_form=None, vote_form=None, status=200
):
    """The proposal page; also re-rendered with a form's errors so nothing typed is lost.

    The page is the shell every reader in the same audience shares, with the parts that are the
    reader's own (their vote, the comment box, the header) filled per request
    (engage/ops/shells.py); a reader whose own comments are on the proposal gets it rendered for
    them alone, since those show their Change and Delete links and their held comments.
    """
    wanted = keyset.wanted_page()

    def build():
        shown = plans.full_proposal(proposal) or abort(404)
        pagination, threads = comments.proposal_threads(
            shown, current_user, wanted, current_app.config["COMMENTS_PER_PAGE"]
        )
        return {
            "proposal": shown,
            "threads": threads,
            "pagination": pagination,
            "comment_form": comment_form,
            "vote_form": vote_form,
        }

    fill = {"proposal": proposal, "comment_form": comment_form, "vote_form": vote_form}
    about("proposal", proposal.id)
    shared = not (
        current_user.is_authenticated and reader_facts("proposal", proposal.id)["commented"]
    )
    return shells.render_page("proposals/proposal.html", build, fill, shared=shared), status


@bp.record_once
def _template_globals(state) -> None:
    state.app.jinja_env.globals["summary_keys"] = display.summary_keys


@bp.route("/")
def home():
    """The five priorities, each with its open proposals and what closes soon."""
    return shells.render_page(
        "proposals/home.html", lambda: {"cards": service.priority_cards()}, {}
    )


@bp.route("/priorities/<slug>")
def priority(slug):
    """A priority's proposals, paginated and sorted by a choice the reader makes."""
    # Its plan when one is kept: a kept page's parts need only which priority it is.
    item = plans.priority_plan(slug) or abort(404)
    try:
        sort = service.Sort(query_arg("sort") or service.Sort.NEWEST)
    except ValueError:
        sort = service.Sort.NEWEST
    wanted = keyset.wanted_page()

    def build():
        shown = plans.full_priority(item) or abort(404)
        per_page = current_app.config["PROPOSALS_PER_PAGE"]
        return {
            "priority": shown,
            "pagination": service.priority_proposals(shown, sort, wanted, per_page),
            "sort": sort,
            "sorts": service.Sort,
            "outcomes": service.recent_outcomes(shown),
        }

    about("priority", item.id)
    return shells.render_page("proposals/priority.html", build, {"priority": item})


@bp.route("/proposals/<int:proposal_id>")
def proposal(proposal_id):
    """A proposal with its stage, reasons, dates, comments, votes and outcome."""
    # Its plan when one is kept: a kept shell's holes need only whether it is public and open.
    return render_proposal(_visible_or_404(plans.proposal_plan(proposal_id)))


def _priority_id(args) -> int | None:
    item = plans.priority_plan(args.get("slug", ""))
    return item.id if item is not None else None


# What these pages ask about their reader (their vote, whether they follow it) is read with the
# reader's account, before the view runs, so the page's subject comes from its address.
page_subject("proposals.proposal", "proposal", lambda args: args.get("proposal_id"))
page_subject("proposals.priority", "priority", _priority_id)


# Staff pages ---------------------------------------------------------------------------------


def _proposal_form_choices(form: ProposalForm) -> None:
    form.priority_id.choices = [(p.id, p.title) for p in service.list_priorities()]
    form.plan_id.choices = [(0, _("None"))] + [
        (p.id, f"{p.name} ({p.board.name})") for p in service.list_plans()
    ]


def _proposal_data(form: ProposalForm) -> service.ProposalData:
    return service.ProposalData(
        title=form.title.data,
        summary=form.summary.data,
        youth_summary=form.youth_summary.data,
        body=form.body.data,
        priority_id=form.priority_id.data,
        plan_id=form.plan_id.data or None,
        who_decides=form.who_decides.data,
        opens_on=form.opens_on.data,
        closes_on=form.closes_on.data,
        decision_due=form.decision_due.data,
        status=ProposalStatus(form.status.data),
        documents=[(d.title.data, d.url.data) for d in form.documents if d.title.data],
    )


def _form_status() -> int:
    """A form shown again after a POST has errors: 400, so nothing typed is lost (GET: 200)."""
    return 400 if request.method == "POST" else 200


@bp.route("/manage/proposals")
@require("proposal.manage")
def manage_proposals():
    """Every proposal, drafts included, for officers."""
    try:
        status = ProposalStatus(request.args["status"]) if request.args.get("status") else None
    except ValueError:
        status = None
    return render_template(
        "proposals/manage_proposals.html",
        proposals=service.staff_proposals(status),
        status=status,
        statuses=ProposalStatus,
    )


@bp.route("/manage/proposals/new", methods=["GET", "POST"])
@require("proposal.manage")
def manage_proposal_new():
    """Write a new proposal."""
    form = ProposalForm()
    if request.method == "GET":
        form.status.data = ProposalStatus.DRAFT.value
    _proposal_form_choices(form)
    if form.validate_on_submit():
        try:
            item = service.create_proposal(current_user, _proposal_data(form))
        except service.ProposalError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Proposal saved."), "success")
            return redirect(url_for("proposals.manage_proposal_edit", proposal_id=item.id))
    return render_template(
        "proposals/manage_proposal_edit.html",
        form=form,
        proposal=None,
        youth_reading=readability.score(form.youth_summary.data),
    ), _form_status()


@bp.route("/manage/proposals/<int:proposal_id>", methods=["GET", "POST"])
@require("proposal.manage")
def manage_proposal_edit(proposal_id):
    """Edit a proposal and change its status."""
    item = service.load_proposal(proposal_id) or abort(404)
    form = ProposalForm(obj=item)
    if request.method == "GET":
        form.opens_on.data = item.opens_at.date() if item.opens_at else None
        form.closes_on.data = item.closes_at.date() if item.closes_at else None
        form.plan_id.data = item.plan_id or 0
        form.status.data = item.status.value
        for entry, doc in zip(form.documents, item.documents, strict=False):
            entry.title.data, entry.url.data = doc.title, doc.url
    _proposal_form_choices(form)
    if item.status == ProposalStatus.DECIDED:
        form.status.choices = [(ProposalStatus.DECIDED.value, _("Decided"))]
    if form.validate_on_submit():
        try:
            service.update_proposal(current_user, item, _proposal_data(form))
        except service.ProposalError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Proposal saved."), "success")
            return redirect(url_for("proposals.manage_proposal_edit", proposal_id=item.id))
    return render_template(
        "proposals/manage_proposal_edit.html",
        form=form,
        proposal=item,
        youth_reading=readability.score(form.youth_summary.data),
    ), _form_status()


@bp.route("/manage/proposals/<int:proposal_id>/outcome", methods=["GET", "POST"])
@require("proposal.manage")
def manage_proposal_outcome(proposal_id):
    """Publish 'You said, we did' and mark the proposal decided."""
    item = service.load_proposal(proposal_id) or abort(404)
    form = (
        OutcomeForm(
            you_said=item.outcome_you_said, we_did=item.outcome_we_did, why=item.outcome_why
        )
        if request.method == "GET"
        else OutcomeForm()
    )
    if form.validate_on_submit():
        try:
            service.publish_outcome(
                current_user, item, form.you_said.data, form.we_did.data, form.why.data
            )
        except service.ProposalError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("The outcome is published."), "success")
            return redirect(url_for("proposals.proposal", proposal_id=item.id))
    return render_template(
        "proposals/manage_proposal_outcome.html",
        form=form,
        proposal=item,
        totals=votes.vote_totals(item),
    ), _form_status()


@bp.route("/manage/priorities")
@require("priority.manage")
def manage_priorities():
    """Rename and reorder the priorities."""
    return render_template("proposals/manage_priorities.html", priorities=service.list_priorities())


@bp.route("/manage/priorities/<int:priority_id>", methods=["GET", "POST"])
@require("priority.manage")
def manage_priority_edit(priority_id):
    """Change a priority's name and wording."""
    item = db.session.get(Priority, priority_id) or abort(404)
    form = PriorityForm(obj=item)
    if form.validate_on_submit():
        service.update_priority(
            current_user, item, form.title.data, form.description.data, form.youth_description.data
        )
        db.session.commit()
        flash(_("Priority saved."), "success")
        return redirect(url_for("proposals.manage_priorities"))
    return render_template(
        "proposals/manage_priority_edit.html", form=form, priority=item
    ), _form_status()


@bp.route("/manage/priorities/<int:priority_id>/move", methods=["POST"])
@require("priority.manage")
def manage_priority_move(priority_id):
    """Move a priority up or down."""

    if not BaseForm().validate_on_submit():
        abort(400)
    item = db.session.get(Priority, priority_id) or abort(404)
    offset = -1 if request.form.get("direction") == "up" else 1
    service.move_priority(current_user, item, offset)
    db.session.commit()
    return redirect(url_for("proposals.manage_priorities"))
