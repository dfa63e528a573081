"""Moderation pages: the queue, items, safeguarding, audit, dashboard, people, reports, notices."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import format_timedelta
from flask_login import current_user

from engage.downloads import csv_response
from engage.extensions import db
from engage.forms import show_error
from engage.i18n import LOCALES, _, _l
from engage.moderation import bp, forms, labels, sanctions, service
from engage.moderation.appeals import already_appealed
from engage.moderation.messages import notification_text
from engage.moderation.models import Action, CaseState, ModerationEvent, Notification
from engage.moderation.registry import SOURCES, get_source
from engage.ops.reader_facts import reader_facts
from engage.ops.security_log import log_security_event
from engage.permissions import authorize, can, require
from engage.proposals.routes import get_public_proposal_or_404
from engage.urls import id_arg, page_arg


@bp.app_context_processor
def _moderation_helpers():
    """Header counts (each a single COUNT, run only when a template asks) and labels."""
    return {
        "moderation_queue_size": service.queue_size,
        "safeguarding_queue_size": service.safeguarding_size,
        "unread_notifications": lambda: reader_facts()["unread_notifications"],
        "notification_text": notification_text,
        "format_timedelta": lambda delta: format_timedelta(delta, threshold=1.5),
        "moderation_label": forms.label_for,
        "reason_label": labels.reason_label,
        "state_label": labels.state_label,
        "flag_kind_label": labels.flag_kind_label,
        "moderation_labels": {
            "reject": forms.REJECT_REASON_LABELS,
            "report": forms.REPORT_REASON_LABELS,
            "hold": forms.HOLD_REASON_LABELS,
            "category": forms.CATEGORY_LABELS,
            "action": forms.ACTION_LABELS,
            "waiting": forms.WAITING_LABELS,
        },
    }


def _page() -> int:
    return page_arg()


# The queue -------------------------------------------------------------------------------------


# The queue's own query arguments: the only ones carried back to it after a bulk decision.
QUEUE_ARGS = ("source", "priority", "language", "flag", "waiting", "page")


def _filters() -> service.QueueFilters:
    args = request.args
    source = args.get("source") or None
    language = args.get("language") or None
    flag = args.get("flag") or None
    waiting = args.get("waiting") or None
    return service.QueueFilters(
        source=source if source in SOURCES else None,
        priority_id=id_arg("priority"),
        language=language if language in LOCALES else None,
        flag=flag if flag in {"personal_details", "abuse", "risk", "none"} else None,
        waiting=waiting if waiting in service.WAITING_CHOICES else None,
    )


def _render_queue(bulk_form=None, selected=(), status=200):
    from engage.proposals.service import list_priorities

    filters = _filters()
    pagination, rows = service.queue_page(current_user, filters, _page())
    body = render_template(
        "moderation/manage_queue.html",
        filters=filters,
        pagination=pagination,
        rows=rows,
        sources=SOURCES,
        priorities=list_priorities(),
        bulk_form=bulk_form or forms.BulkForm(),
        selected=set(selected),
        target=service.target_hours(),
        filter_args={k: v for k, v in request.args.items() if k != "page" and v},
    )
    return body, status


@bp.route("/manage/moderation")
@require("moderation.review")
def manage_queue():
    """Every held item from every source, oldest first, with filters."""
    return _render_queue()


@bp.route("/manage/moderation/bulk", methods=["POST"])
@require("moderation.review")
def manage_bulk():
    """Approve or reject the selected items."""
    form = forms.BulkForm()
    keys = request.form.getlist("items")
    action = request.form.get("action", "")
    if form.validate_on_submit():
        try:
            result = service.bulk_decide(current_user, keys, action, form.bulk_reason.data or None)
        except service.ModerationError as err:
            show_error(form, err, "bulk")
        else:
            db.session.commit()
            flash(
                _(
                    "%(done)d done, %(skipped)d skipped.",
                    done=result.done,
                    skipped=len(result.skipped),
                ),
                "success",
            )
            kept = {k: v for k, v in request.args.items() if k in QUEUE_ARGS}
            return redirect(url_for("moderation.manage_queue", **kept))
    return _render_queue(form, keys, 400)


# One item --------------------------------------------------------------------------------------


def _case_or_404(source: str, item_id: int):
    case = service.find_case(source, item_id) if get_source(source) else None
    if case is None:
        abort(404)
    authorize("moderation.review", case)
    return case


def _item_forms(case, src, item) -> dict:
    from engage.moderation import checks

    return {
        "approve": forms.ApproveForm(formdata=None),
        "redact": forms.RedactForm(formdata=None, redact_text=checks.redact(src.text(item))),
        "reject": forms.RejectForm(formdata=None),
        "escalate": forms.EscalateForm(formdata=None),
        "handle": forms.HandleForm(formdata=None),
        "support": forms.SupportForm(formdata=None),
        "undo": forms.UndoForm(formdata=None),
    }


def _render_item(case, posted: dict | None = None, status=200):
    rows = service.build_rows(current_user, [case], safeguarding=case.safeguarding)
    if not rows:
        abort(404)
    row = rows[0]
    all_forms = _item_forms(case, row.source, row.item)
    if posted:
        all_forms.update(posted)
    history = service.item_history(current_user, case.source, case.item_id)
    undoable = next((e for e in reversed(history) if service.can_undo(e)), None)
    body = render_template(
        "moderation/manage_item.html",
        case=case,
        row=row,
        forms=all_forms,
        history=history,
        undoable=undoable,
        appeal_blocked=(
            case.reason.value == "appeal"
            and case.appeal_against_id == current_user.id
            and service.other_moderator_exists(current_user)
        ),
        CaseState=CaseState,
    )
    return body, status


@bp.route("/manage/moderation/<source>/<int:item_id>")
@require("moderation.review")
def manage_item(source, item_id):
    """One item with its context, the author's history, why it was held and the actions."""
    case = _case_or_404(source, item_id)
    safeguarding_routes.open_if_lead(case)
    return _render_item(case)


_ACTIONS = {
    "approve": (
        forms.ApproveForm,
        lambda f, c: service.approve_item(current_user, c, f.approve_note.data),
    ),
    "redact": (
        forms.RedactForm,
        lambda f, c: service.approve_redacted(
            current_user, c, f.redact_text.data, f.redact_note.data
        ),
    ),
    "reject": (
        forms.RejectForm,
        lambda f, c: service.reject_item(current_user, c, f.reject_reason.data, f.reject_note.data),
    ),
    "escalate": (
        forms.EscalateForm,
        lambda f, c: service.escalate_item(current_user, c, f.escalate_note.data),
    ),
    "handle": (
        forms.HandleForm,
        lambda f, c: service.handle_item(current_user, c, f.handle_note.data),
    ),
}
_DONE = {
    "approve": _l("Approved and published."),
    "redact": _l("Published with the personal details removed."),
    "reject": _l("Rejected. The author has been told why."),
    "escalate": _l("Sent to the safeguarding lead."),
    "handle": _l("Marked as handled."),
}


@bp.route("/manage/moderation/<source>/<int:item_id>/<action>", methods=["POST"])
@require("moderation.review")
def manage_item_action(source, item_id, action):
    """Approve, approve with redaction, reject, escalate or (safeguarding) mark handled."""
    if action not in _ACTIONS:
        abort(404)
    case = _case_or_404(source, item_id)
    if action == "handle":
        authorize("safeguarding.review")
    form_class, perform = _ACTIONS[action]
    form = form_class()
    if form.validate_on_submit():
        try:
            perform(form, case)
        except service.ModerationError as err:
            show_error(form, err, action)
        else:
            db.session.commit()
            flash(str(_DONE[action]), "success")
            if case.safeguarding:
                return redirect(url_for("moderation.manage_safeguarding"))
            return redirect(url_for("moderation.manage_queue"))
    return _render_item(case, {action: form}, 400)


@bp.route("/manage/moderation/events/<int:event_id>/undo", methods=["POST"])
@require("moderation.review")
def manage_undo(event_id):
    """Undo the latest decision on an item (restore, unpublish, reopen); the undo is recorded."""
    event = db.session.get(ModerationEvent, event_id) or abort(404)
    if event.source is None:
        abort(404)
    case = _case_or_404(event.source, event.item_id)
    form = forms.UndoForm()
    if form.validate_on_submit():
        try:
            service.undo_event(current_user, event, form.undo_note.data)
        except service.ModerationError as err:
            show_error(form, err, "undo")
        else:
            db.session.commit()
            flash(_("Undone. The change is in the audit record."), "success")
            return redirect(
                url_for("moderation.manage_item", source=case.source, item_id=case.item_id)
            )
    return _render_item(case, {"undo": form}, 400)


# Safeguarding ----------------------------------------------------------------------------------


@bp.route("/manage/safeguarding")
@require("safeguarding.review")
def manage_safeguarding():
    """Items suggesting someone may be at risk: never published, for the safeguarding lead."""
    handled = request.args.get("handled") == "1"
    pagination, rows = service.safeguarding_page(current_user, _page(), handled=handled)
    return render_template(
        "moderation/manage_safeguarding.html",
        pagination=pagination,
        rows=rows,
        handled=handled,
        target=service.target_hours(True),
    )


# Audit record ----------------------------------------------------------------------------------


def _audit_filters() -> service.AuditFilters:
    args = request.args
    return service.AuditFilters(
        action=args.get("action") or None,
        source=args.get("source") if args.get("source") in SOURCES else None,
        actor_id=id_arg("actor"),
        subject_user_id=id_arg("person"),
    )


@bp.route("/manage/moderation/audit")
@require("moderation.audit")
def manage_audit():
    """The append-only audit record, newest first."""
    pagination, events = service.audit_page(current_user, _audit_filters(), _page())
    return render_template(
        "moderation/manage_audit.html",
        pagination=pagination,
        events=events,
        actions=list(Action),
        sources=SOURCES,
        filter_args={k: v for k, v in request.args.items() if k != "page" and v},
    )


@bp.route("/manage/moderation/audit.csv")
@require("moderation.audit_export")
def manage_audit_csv():
    """The whole audit record as CSV, for admins."""
    log_security_event("export.audit", current_user.id, format="csv")
    return csv_response(
        service.audit_csv_rows_for(current_user.id, _audit_filters()),
        "moderation-audit.csv",
    )


@bp.route("/manage/moderation/dashboard")
@require("moderation.review")
def manage_dashboard():
    """Queue sizes, time to decision, overdue items and agreement with the automatic flags."""
    return render_template(
        "moderation/manage_dashboard.html",
        d=service.dashboard(),
        target=service.target_hours(),
        safeguarding_target=service.target_hours(True),
    )


# People and sanctions --------------------------------------------------------------------------


def _person_or_404(user_id: int):
    from engage.accounts.models import User

    return db.session.get(User, user_id) or abort(404)


def _render_person(person, posted: dict | None = None, status=200):
    person_forms = {
        "suspend": forms.SuspendForm(formdata=None),
        "ban": forms.BanForm(formdata=None),
        "lift": forms.LiftForm(formdata=None),
    }
    person_forms.update(posted or {})
    body = render_template(
        "moderation/manage_person.html",
        person=person,
        forms=person_forms,
        history=service.person_history(current_user, person.id),
        status_now=sanctions._sanction_status(person),
        sources=SOURCES,
    )
    return body, status


@bp.route("/manage/people/<int:user_id>")
@require("moderation.sanction")
def manage_person(user_id):
    """A person's moderation history and their sanctions."""
    return _render_person(_person_or_404(user_id))


_SANCTIONS = {
    "suspend": (
        forms.SuspendForm,
        lambda f, p: service.suspend_user(
            current_user, p, f.suspend_days.data, f.suspend_reason.data, f.suspend_note.data
        ),
        _l("Suspended. They can still read but cannot post."),
    ),
    "ban": (
        forms.BanForm,
        lambda f, p: service.ban_user(current_user, p, f.ban_reason.data, f.ban_note.data),
        _l("Banned. They can still read but cannot post."),
    ),
    "lift": (
        forms.LiftForm,
        lambda f, p: service.lift_sanction(current_user, p, f.lift_note.data),
        _l("Lifted. They can post again."),
    ),
}


@bp.route("/manage/people/<int:user_id>/<action>", methods=["POST"])
@require("moderation.sanction")
def manage_person_action(user_id, action):
    """Suspend, ban, or lift a sanction; each is recorded and the person is told."""
    if action not in _SANCTIONS:
        abort(404)
    person = _person_or_404(user_id)
    authorize("moderation.sanction", person)
    form_class, perform, done = _SANCTIONS[action]
    form = form_class()
    if form.validate_on_submit():
        try:
            perform(form, person)
        except service.ModerationError as err:
            show_error(form, err, action)
        else:
            db.session.commit()
            flash(str(done), "success")
            return redirect(url_for("moderation.manage_person", user_id=person.id))
    return _render_person(person, {action: form}, 400)


# Reports, notifications and appeals ------------------------------------------------------------


@bp.route("/comments/<int:comment_id>/report", methods=["GET", "POST"])
def report_comment(comment_id):
    """Report a published comment to the moderators."""
    source = get_source("comment") or abort(404)
    comment = source.load(comment_id) or abort(404)
    get_public_proposal_or_404(comment.proposal_id)  # a draft's comments stay unseen
    authorize("comment.report", comment)
    form = forms.ReportForm()
    status = 200
    if form.validate_on_submit():
        try:
            service.report_item(current_user, "comment", comment, form.reason.data, form.note.data)
        except service.ModerationError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Thank you. A moderator will look at your report."), "success")
            return redirect(source.context(comment).url)
    if form.errors:
        status = 400
    return render_template("moderation/report.html", form=form, comment=comment), status


@bp.route("/notifications")
def notifications():
    """What happened to the things a person wrote, and to their account, in their language."""
    authorize("notification.view")
    pagination = service.user_notifications(current_user, _page())
    items = list(pagination.items)
    unread = {n.id for n in items if n.read_at is None}
    appealable = {n.id for n in items if can("moderation.appeal", n)}
    body = render_template(
        "moderation/notifications.html",
        pagination=pagination,
        items=items,
        unread=unread,
        appealable=appealable,
        needs_help=any(n.kind in {"held_help", "support"} for n in items),
    )
    service.mark_read(current_user, items)
    db.session.commit()
    return body


@bp.route("/notifications/<int:notification_id>/appeal", methods=["GET", "POST"])
def appeal(notification_id):
    """Appeal a rejection, once, with a note."""
    note = db.session.get(Notification, notification_id) or abort(404)
    authorize("notification.view", note)
    if already_appealed(note):  # e.g. Back, then Send again: say so rather than "cannot"
        flash(_("You have already appealed this decision."), "info")
        return redirect(url_for("moderation.notifications"))
    form = forms.AppealForm()
    status = 200
    if form.validate_on_submit():
        try:
            service.appeal_rejection(current_user, note, form.note.data)
        except service.ModerationError as err:
            show_error(form, err)
        else:
            db.session.commit()
            flash(_("Your appeal has been sent. A different moderator will look at it."), "success")
            return redirect(url_for("moderation.notifications"))
    elif request.method == "GET" and not can("moderation.appeal", note):
        abort(403)
    if form.errors:
        status = 400
    return render_template("moderation/appeal.html", form=form, notification=note), status


# Safeguarding's own routes and helpers live in their module; loaded with these routes.
from engage.moderation import safeguarding_routes  # noqa: E402
