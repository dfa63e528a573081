"""Health check and the site's information pages."""

from flask import jsonify, render_template

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
