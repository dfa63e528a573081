"""gunicorn settings for Engage Luton: `gunicorn --config deploy/gunicorn.conf.py wsgi:app`.

Every value can be changed with an environment variable (or a command-line flag, which wins).
Sync workers: each handles one request at a time, and the proxy in front (nginx) buffers slow
clients, so a worker is never held by a slow phone connection.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two per core plus one is gunicorn's rule of thumb for sync workers.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 2
# Restart each worker now and then, a little apart, so no slow leak can build up.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = 500
# The app writes its own structured request log (with request ids); gunicorn logs only errors.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Heartbeat files in memory, not on a container's overlay disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - gunicorn's own advice
# Each worker builds its own app and opens its own database connections after the fork.
preload_app = False
proc_name = "engage-luton"


def post_worker_init(worker):
    """Build the moderation checks' word-list patterns before the first request, not during one."""
    from engage.moderation.checks import check_text

    check_text("warm up the word lists")
