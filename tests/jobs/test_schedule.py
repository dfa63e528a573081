"""The scheduled jobs the consumer runs are registered and do their work when their time comes."""

import json
from datetime import datetime

from engage.jobs.queue import queue_for
from engage.proposals.models import ProposalStatus
from tests.factories import make_proposal
from tests.notifications.helpers import run_periodic


def _due_at(hour: int, minute: int) -> set[str]:
    when = datetime(2026, 12, 3, hour, minute)
    return {task.name for task in queue_for().huey.read_periodic(when)}


def test_housekeeping_runs_at_night_and_safeguarding_checks_all_day(app):
    assert "open_data" in _due_at(2, 30) and "open_data" not in _due_at(14, 30)
    assert "retention" in _due_at(3, 30)
    assert "safeguarding_overdue" in _due_at(2, 30) and "safeguarding_overdue" in _due_at(14, 30)


def test_the_nightly_open_data_job_rebuilds_the_download_from_what_is_public(app, tmp_path):
    make_proposal(title="Open for all")
    make_proposal(ProposalStatus.DRAFT, title="Not yet public")
    before = app.config["OPEN_DATA_DIR"]
    app.config["OPEN_DATA_DIR"] = str(tmp_path / "open-data")
    try:
        run_periodic("open_data")
    finally:
        app.config["OPEN_DATA_DIR"] = before
    package = json.loads((tmp_path / "open-data" / "datapackage.json").read_text())
    assert "proposals" in {resource["name"] for resource in package["resources"]}
    proposals = (tmp_path / "open-data" / "csv" / "proposals.csv").read_text()
    assert "Open for all" in proposals and "Not yet public" not in proposals
