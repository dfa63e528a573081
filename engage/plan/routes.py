"""The plan's public pages (the vision, a board, a plan) and staff's pages to edit them."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from engage.extensions import db
from engage.forms import show_error
from engage.i18n import _
from engage.ideas import service as ideas
from engage.permissions import require
from engage.plan import bp, service
from engage.plan.forms import BoardForm, PlanForm
from engage.proposals import service as proposals


@bp.record_once
def _helpers(state):
    state.app.jinja_env.globals["plans_for_priority"] = _plans_for_priority


def _plans_for_priority(priority):
    return service.plans_for_priority(priority.id)


def _form_status() -> int:
    return 400 if request.method == "POST" else 200


@bp.route("/plan")
def overview():
    """The council's vision: its focus areas, priorities, investment, boards and plans."""
    return render_template(
        "plan/overview.html",
        priorities=proposals.list_priorities(),
        boards=service.list_boards(),
    )


@bp.route("/boards/<int:board_id>")
def board(board_id):
    """A partnership board: what it is and the plans it delivers."""
    item = service.load_board(board_id) or abort(404)
    return render_template("plan/board.html", board=item)


@bp.route("/plans/<int:plan_id>")
def plan(plan_id):
    """A plan: what it is, its board, the priorities it serves, its proposals and ideas."""
    item = service.load_plan(plan_id) or abort(404)
    return render_template(
        "plan/plan.html",
        plan=item,
        proposals=service.plan_proposals(item),
        ideas=ideas.ideas_for_priorities([p.id for p in item.priorities]),
    )


# Staff pages -----------------------------------------------------------------------------------


@bp.route("/manage/plan")
@require("plan.manage")
def manage_plan():
    """Every board and plan, to edit."""
    return render_template("plan/manage_plan.html", boards=service.list_boards())


@bp.route("/manage/boards/new", methods=["GET", "POST"], endpoint="manage_board_new")
@bp.route("/manage/boards/<int:board_id>", methods=["GET", "POST"])
@require("plan.manage")
def manage_board(board_id=None):
    """Create or edit a board."""
    item = service.load_board(board_id) or abort(404) if board_id else None
    form = BoardForm(obj=item)
    if form.validate_on_submit():
        try:
            service.save_board(
                current_user, item, service.BoardData(form.name.data, form.description.data)
            )
        except service.PlanError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Saved."), "success")
            return redirect(url_for("plan.manage_plan"))
    return render_template("plan/manage_board.html", form=form, board=item), _form_status()


@bp.route("/manage/plans/new", methods=["GET", "POST"], endpoint="manage_plan_new")
@bp.route("/manage/plans/<int:plan_id>", methods=["GET", "POST"])
@require("plan.manage")
def manage_plan_edit(plan_id=None):
    """Create or edit a plan and the priorities it serves."""
    item = service.load_plan(plan_id) or abort(404) if plan_id else None
    form = PlanForm(obj=item)
    if request.method == "GET" and item is not None:
        form.priority_ids.data = [p.id for p in item.priorities]
    form.board_id.choices = [(b.id, b.name) for b in service.list_boards()]
    form.priority_ids.choices = [(p.id, p.title) for p in proposals.list_priorities()]
    if form.validate_on_submit():
        try:
            service.save_plan(
                current_user,
                item,
                service.PlanData(
                    form.name.data,
                    form.description.data,
                    form.board_id.data,
                    list(form.priority_ids.data or []),
                ),
            )
        except service.PlanError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Saved."), "success")
            return redirect(url_for("plan.manage_plan"))
    return render_template("plan/manage_plan_edit.html", form=form, plan=item), _form_status()
