"""Health check and the site's information pages."""

from ipaddress import ip_address

from flask import abort, current_app, jsonify, render_template, request

from engage import mail
from engage.extensions import limiter
from engage.main import bp, service


@bp.route("/healthz")
@limiter.exempt
def healthz():
    """JSON health report for load balancers: 200 when healthy, 503 when not."""
    healthy, report = service.health()
    return jsonify(status="ok" if healthy else "error", **report), 200 if healthy else 503


@bp.route("/help")
def help_page():
    """How to take part, and where young people can get help."""
    return render_template("main/help.html")


@bp.route("/house-rules")
def house_rules():
    """What is welcome in comments, in plain words."""
    return render_template("main/house_rules.html")


@bp.route("/privacy")
def privacy():
    """The privacy notice, with a version for young people."""
    return render_template("main/privacy.html")


@bp.route("/accessibility")
def accessibility():
    """The accessibility statement public bodies must publish."""
    return render_template("main/accessibility.html")


@bp.record_once
def _helpers(state):
    state.app.jinja_env.globals["dev_mail_shown"] = dev_mail_shown


def dev_mail_shown() -> bool:
    """Whether this request may read the emails a development copy wrote instead of sending."""
    return mail.outbox_readable(current_app) and _from_this_machine()


# A proxy on the same machine (nginx in front of a staging copy) makes every visitor loopback;
# it says so in these headers, which a browser on this computer does not send.
_PROXIED = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


def _from_this_machine() -> bool:
    if any(name in request.headers for name in _PROXIED):
        return False
    try:
        return ip_address(request.remote_addr or "").is_loopback
    except ValueError:
        return False


@bp.route("/dev/mail")
def dev_mail():
    """Development only: the emails this copy wrote instead of sending, for this computer."""
    # `make run HOST=0.0.0.0` lets other machines in; the emails hold reset and confirmation links.
    if not dev_mail_shown():
        abort(404)
    return render_template("main/dev_mail.html", emails=mail.written_emails())
