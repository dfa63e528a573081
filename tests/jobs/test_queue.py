"""The job queue: one per app, retries with growing delays, the dead-letter list an administrator
retries from, jobs that never send twice, and a real consumer on SQLite and on Redis."""

import os
import uuid
from datetime import timedelta

import pytest
import sqlalchemy as sa

from engage.extensions import db
from engage.jobs.models import JobFailure
from engage.jobs.queue import backend_for, enqueue, queue_for, sqlite_path
from engage.moderation.models import Notification
from engage.notifications.models import Delivery, EmailState, Frequency
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from tests.factories import make_proposal, make_user, make_vote
from tests.jobs.consumer import queue_app, running_consumer, wait_for
from tests.notifications.conftest import free_port, mail_settings
from tests.notifications.helpers import adult


def test_each_app_has_its_own_queue_and_setting_one_up_leaves_the_other_alone(app, tmp_path):
    before = queue_for(app)
    assert before.backend == "immediate" and before.huey.immediate
    other = queue_app(app, JOBS_BACKEND="sqlite", JOBS_SQLITE_PATH=str(tmp_path / "q.db"))
    theirs = queue_for(other)
    assert theirs.backend == "sqlite" and not theirs.huey.immediate
    assert theirs.huey is not before.huey
    assert queue_for(app) is before and before.huey.immediate  # untouched
    assert theirs.tasks["send_emails"] is not before.tasks["send_emails"]


def test_the_default_queue_file_sits_beside_the_embedded_database(app):
    other = queue_app(
        app,
        JOBS_BACKEND=None,
        TESTING=False,
        BASE_URL="https://engage.example",
        SQLALCHEMY_DATABASE_URI="sqlite:////srv/data/engage.db",
    )
    assert sqlite_path(other) == "/srv/data/engage-jobs.db"
    assert backend_for(other) == "sqlite"
    other.config["REDIS_URL"] = "redis://127.0.0.1:6379/0"
    assert backend_for(other) == "redis"


def _outcome_for(person):
    proposal = make_proposal(ProposalStatus.DECIDED, title="Bus station", outcome_we_did="Done.")
    make_vote(proposal, person)
    return proposal


def test_running_a_job_twice_tells_nobody_twice(inbox):
    person = adult(Frequency.NOW)
    proposal = _outcome_for(person)
    enqueue("notify_outcome", proposal.id)
    enqueue("notify_outcome", proposal.id)
    ids = list(db.session.scalars(sa.select(Delivery.id)))
    enqueue("send_emails", ids)  # a retried send of what already went
    assert len(inbox.to(person.email)) == 1
    notices = db.session.scalars(
        sa.select(Notification.kind).where(Notification.user_id == person.id)
    )
    assert list(notices) == ["outcome"]


def _retry_schedule(huey):
    """Run every retry huey scheduled, as the consumer's scheduler would when each falls due."""
    delays = []
    while True:
        due = list(huey.scheduled())
        if not due:
            return delays
        for task in huey.read_schedule(due[0].eta + timedelta(days=1)):
            delays.append(task.retry_delay)
            huey.execute(task, timestamp=task.eta + timedelta(seconds=1))


def test_a_failing_job_is_retried_with_growing_delays_then_kept_for_an_administrator(
    app, monkeypatch, inbox, login_as, smtp_server
):
    person = adult(Frequency.NOW)
    proposal = _outcome_for(person)
    monkeypatch.setitem(app.config, "MAIL_PORT", free_port())  # nothing listens there
    enqueue("notify_outcome", proposal.id)
    delays = _retry_schedule(queue_for().huey)
    assert delays == [60, 120, 240, 480, 960]  # 30 s doubled before each of the five retries
    assert inbox.messages == []
    db.session.expire_all()
    (failure,) = db.session.scalars(sa.select(JobFailure))
    assert failure.name == "send_emails" and failure.retried_at is None
    assert "ConnectionRefusedError" in failure.error
    # The mail server is back: an administrator sees the job and tries it again.
    monkeypatch.setitem(app.config, "MAIL_PORT", smtp_server[0].port)
    admin = login_as(make_user(Role.ADMIN))
    page = admin.get("/manage/jobs").get_data(as_text=True)
    assert "send_emails" in page and "ConnectionRefusedError" in page
    assert admin.submit(f"/manage/jobs/{failure.id}/retry").status_code == 302
    assert len(inbox.to(person.email)) == 1
    db.session.expire_all()
    assert db.session.get(JobFailure, failure.id).retried_at is not None
    again = admin.submit(f"/manage/jobs/{failure.id}/retry")
    assert again.status_code == 302
    assert len(inbox.to(person.email)) == 1  # a second click sends nothing more
    state = db.session.scalar(sa.select(Delivery.email_state))
    assert state == EmailState.SENT


def _through_a_real_queue(app, smtp_server, **settings):
    controller, inbox, ca_file = smtp_server
    other = queue_app(app, **mail_settings(controller.port, ca_file), **settings)
    person = adult(Frequency.NOW)
    proposal = make_proposal(ProposalStatus.CLOSED, title="Park and ride")
    make_vote(proposal, person)
    officer = make_user(Role.OFFICER)
    from tests.conftest import login

    client = login(other.test_client(), officer)
    response = client.submit(
        f"/manage/proposals/{proposal.id}/outcome",
        {"you_said": "Fewer cars.", "we_did": "A new route.", "why": "Air quality."},
    )
    assert response.status_code == 302
    # Queued, not sent: the officer's request only put a job in the queue.
    assert inbox.messages == []
    assert queue_for(other).huey.pending_count() >= 1
    with running_consumer(other):
        wait_for(lambda: inbox.to(person.email))
    (message,) = inbox.to(person.email)
    assert "Park and ride" in message["Subject"]
    return other


def test_a_real_consumer_on_the_sqlite_queue_sends_the_email(app, smtp_server, tmp_path):
    _through_a_real_queue(
        app, smtp_server, JOBS_BACKEND="sqlite", JOBS_SQLITE_PATH=str(tmp_path / "jobs.db")
    )


@pytest.mark.skipif(not os.environ.get("TEST_REDIS_URL"), reason="TEST_REDIS_URL not set")
def test_a_real_consumer_on_the_redis_queue_sends_the_email(app, smtp_server):
    name = f"engage-test-{uuid.uuid4().hex[:8]}"
    other = _through_a_real_queue(
        app,
        smtp_server,
        JOBS_BACKEND="redis",
        REDIS_URL=os.environ["TEST_REDIS_URL"],
        JOBS_QUEUE_NAME=name,
    )
    queue_for(other).huey.storage.flush_all()
