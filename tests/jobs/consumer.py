"""A second app on the test database with a real queue, and huey's own consumer running it."""

import contextlib
import time

from engage import create_app
from tests.conftest import Client


def queue_app(app, **settings):
    """An app like the test app (same database) whose jobs go to a real queue, not at once."""
    config = {
        "TESTING": True,
        "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
        "SQLALCHEMY_ENGINE_OPTIONS": {},
        "RATELIMIT_ENABLED": False,
        "SECRET_KEY": app.config["SECRET_KEY"],
        "SERVER_NAME": "localhost",
        **settings,
    }
    other = create_app(config)
    other.test_client_class = Client
    return other


@contextlib.contextmanager
def running_consumer(app, workers: int = 2):
    """huey's consumer (scheduler and worker threads) on `app`'s queue, for the block.

    Started without Consumer.run(), which would take over this process's signal handlers.
    """
    from engage.jobs.queue import queue_for

    huey = queue_for(app).huey
    consumer = huey.create_consumer(
        workers=workers,
        periodic=False,
        worker_type="thread",
        check_worker_health=False,
        initial_delay=0.05,
        max_delay=0.2,
    )
    consumer.scheduler.start()
    for _, worker in consumer.worker_threads:
        worker.start()
    try:
        yield consumer
    finally:
        consumer.stop(graceful=True)


def wait_for(predicate, timeout: float = 30.0):
    """Wait until predicate() is true (the consumer works in other threads); fail after timeout."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("the consumer did not finish the job in time")
