"""Whether to show the "demonstration data" banner: the demo is loaded, and this is not production.

Demo content is invented; a reader must never take it for the council's own. The demo officer's
account marks a database the demo was loaded into. The answer is kept for a minute, so pages do
not ask on every request.
"""

import time

from flask import current_app
from sqlalchemy import select

from engage.extensions import db

_KEY = "engage_demo_loaded"
_SECONDS = 60


def demo_data_loaded() -> bool:
    """True when the demo data is in this database and the site is not running in production."""
    app = current_app
    if app.config.get("ENGAGE_ENV", "production") == "production":
        return False
    cached = app.extensions.get(_KEY)
    now = time.monotonic()
    if cached is not None and now - cached[1] < _SECONDS:
        return cached[0]
    from engage.accounts.models import User
    from engage.demo.content import DEMO_USERS

    found = (
        db.session.scalar(select(User.id).where(User.email == DEMO_USERS["officer"]["email"]))
        is not None
    )
    app.extensions[_KEY] = (found, now)
    return found


def forget_demo_loaded(app) -> None:
    """Drop the kept answer: the data it was read from was loaded or emptied just now."""
    app.extensions.pop(_KEY, None)
