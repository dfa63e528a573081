"""Scheduled work the consumer runs: retention, the open data build, overdue safeguarding.

The same work is available as `flask engage retention` and `flask engage safeguarding-overdue`
for sites that run cron instead of a consumer; each is safe to run twice.
"""

from engage.extensions import db
from engage.jobs.queue import periodic


@periodic("retention", hour="3", minute="30")
def run_retention() -> None:
    """Remove what is past its retention period (daily, 03:30 UTC)."""
    from engage.privacy.retention import apply_retention, remove_backups

    plan = apply_retention()
    db.session.commit()
    remove_backups(plan.backups)


@periodic("open_data", hour="2", minute="30")
def rebuild_open_data() -> None:
    """Rebuild the open data download from what is public now (nightly, 02:30 UTC)."""
    from flask import current_app

    from engage.opendata.builder import build_open_data

    build_open_data(current_app.config["OPEN_DATA_DIR"])


@periodic("safeguarding_overdue", minute="*/10")
def remind_overdue_safeguarding() -> None:
    """Email each safeguarding lead about items not opened in time (each item once per lead)."""
    from engage.moderation.safeguarding import notify_overdue_lead, safeguarding_leads

    for lead in safeguarding_leads():
        notify_overdue_lead(lead)
        db.session.commit()  # each lead's alerts are kept once their email has gone
