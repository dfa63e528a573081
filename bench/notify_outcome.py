"""An outcome published on a proposal with 5,000 followers: the officer's request, then the emails.

Run from the repository root: ``python bench/notify_outcome.py [--people 5000] [--workers 4]``.
It builds a fresh database (SQLite in a temporary folder, or DATABASE_URL), 5,000 adults who
chose "at once" and voted on a closed proposal, and a local SMTP server (STARTTLS with a
certificate the run makes and the app is told to trust, as in production). It then publishes
the outcome through the real page as a signed-in officer and reports:

- how long that request took (it only queues a job: the target is under 100 ms);
- emails per second through the SQLite queue and huey's consumer, until every email arrived.
"""

from __future__ import annotations

import argparse
import os
import socket
import ssl
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


class Counter:
    """An SMTP handler that only counts what arrives."""

    def __init__(self):
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        with self.lock:
            self.count += len(envelope.rcpt_tos)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _smtp(folder: Path):
    import trustme
    from aiosmtpd.controller import Controller

    ca = trustme.CA()
    ca_file = folder / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    counter = Counter()
    controller = Controller(
        counter,
        hostname="127.0.0.1",
        port=_free_port(),
        tls_context=context,
        require_starttls=True,
    )
    controller.start()
    return controller, counter, str(ca_file)


def _people(n: int, proposal_id: int) -> None:
    import sqlalchemy as sa

    from engage.accounts.models import AgeBand, User
    from engage.clock import utcnow
    from engage.extensions import db
    from engage.notifications.models import Frequency, NotificationSetting
    from engage.permissions import Role
    from engage.votes.models import Vote, VoteChoice

    now = utcnow()
    hashed = User(password_hash="")
    hashed.set_password("bench password that nobody uses")
    rows = [
        {
            "role": Role.RESIDENT,
            "email": f"bench{i}@example.org",
            "pseudonym": f"Bench Otter {i}",
            "age_band": AgeBand.B25_44,
            "password_hash": hashed.password_hash,
            "email_verified_at": now,
            "locale": ("en", "ur", "pl", "bn")[i % 4],
        }
        for i in range(n)
    ]
    db.session.execute(sa.insert(User), rows)
    ids = list(db.session.scalars(sa.select(User.id).where(User.email.like("bench%"))))
    db.session.execute(
        sa.insert(NotificationSetting), [{"user_id": i, "frequency": Frequency.NOW} for i in ids]
    )
    db.session.execute(
        sa.insert(Vote),
        [{"proposal_id": proposal_id, "user_id": i, "choice": VoteChoice.AGREE} for i in ids],
    )
    from engage.votes.counters import recount_votes

    recount_votes([proposal_id])  # written directly: the totals' counters too
    db.session.commit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    from flask_migrate import upgrade

    from engage import create_app
    from engage.jobs.queue import queue_for
    from engage.permissions import Role
    from engage.proposals.models import ProposalStatus
    from tests.conftest import Client, login
    from tests.factories import make_proposal, make_user

    folder = Path(tempfile.mkdtemp(prefix="engage-bench-notify-"))
    controller, counter, ca_file = _smtp(folder)
    app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL")
            or f"sqlite:///{folder / 'engage.db'}",
            "RATELIMIT_ENABLED": False,
            "SECRET_KEY": "bench",
            "SERVER_NAME": "localhost",
            "JOBS_BACKEND": "sqlite",
            "JOBS_SQLITE_PATH": str(folder / "jobs.db"),
            "MAIL_BACKEND": "smtp",
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": controller.port,
            "MAIL_CA_FILE": ca_file,
            "MAIL_USE_TLS": True,
            "MAIL_USERNAME": "",
        }
    )
    app.test_client_class = Client
    with app.app_context():
        upgrade(directory=str(ROOT / "migrations"), revision="heads")
    with app.test_request_context():
        proposal = make_proposal(ProposalStatus.CLOSED, title="Bench proposal")
        _people(args.people, proposal.id)
        officer = make_user(Role.OFFICER)
        client = login(app.test_client(), officer)
        url = f"/manage/proposals/{proposal.id}/outcome"
        form = {"you_said": "Many things.", "we_did": "One thing.", "why": "Because."}
        client.get(url)  # warm the page and its templates
        queue_for(app)  # and the queue (built on first use, once per process)
        form["csrf_token"] = client.csrf_token()
        started = time.perf_counter()
        client.get(url)  # a yardstick: the same page without publishing anything
        page_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        response = client.post(url, data=form)
        request_ms = (time.perf_counter() - started) * 1000
        assert response.status_code == 302, response.status_code
        assert counter.count == 0, "the request sent emails itself"

        huey = queue_for(app).huey
        consumer = huey.create_consumer(
            workers=args.workers,
            periodic=False,
            worker_type="thread",
            check_worker_health=False,
            initial_delay=0.05,
            max_delay=0.2,
        )
        started = time.perf_counter()
        consumer.scheduler.start()
        for _, worker in consumer.worker_threads:
            worker.start()
        deadline = started + 600
        while counter.count < args.people and time.perf_counter() < deadline:
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        consumer.stop(graceful=True)
    controller.stop()
    print(f"people: {args.people}, consumer threads: {args.workers}")
    print(f"officer's request (publish the outcome): {request_ms:.0f} ms")
    print(f"for comparison, the outcome form page (GET) on this machine now: {page_ms:.0f} ms")
    print(
        f"emails delivered: {counter.count} in {elapsed:.1f} s "
        f"({counter.count / elapsed:.0f} emails per second, SQLite queue, STARTTLS)"
    )


if __name__ == "__main__":
    main()
