"""Notifications: following, people's email choices, and the emails and notices they get."""

from flask import Blueprint

bp = Blueprint("notifications", __name__)


@bp.record_once
def _connect(state) -> None:
    # Module-level receivers: blinker keeps each once, however many apps are set up.
    from engage.notifications import listeners

    listeners.connect()
