"""gunicorn settings for Engage Luton: `gunicorn --config deploy/gunicorn.conf.py wsgi:app`.

Every value can be changed with an environment variable (or a command-line flag, which wins).
Sync workers: each handles one request at a time, and the proxy in front (nginx) buffers slow
clients, so a worker is never held by a slow phone connection.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two per core plus one is gunicorn's rule of thumb for sync workers.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 2
# Workers are not recycled (gunicorn's default): a recycled worker starts with empty caches, and
# the benchmark showed each restart holding requests up for a third of a second. Set
# GUNICORN_MAX_REQUESTS (say 100000) only if a leak is ever seen; the jitter keeps restarts apart.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10
# The app writes its own structured request log (with request ids); gunicorn logs only errors.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Heartbeat files in memory, not on a container's overlay disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - gunicorn's own advice
# The master builds the app and warms it (templates compiled, word lists built) once; workers are
# forks of it, so they start in milliseconds and share that memory. Deploy new code with a restart
# (or USR2), not HUP: a preloaded app is not re-imported by HUP.
preload_app = os.environ.get("GUNICORN_PRELOAD", "1") != "0"
proc_name = "engage-luton"
# The app under gunicorn serves pages only: it leaves out the `flask db` commands' machinery.
os.environ.setdefault("ENGAGE_SERVING_WEB", "1")


def _engage_app(app):
    """The Engage Luton app being served, or None (the benchmark's bare reference app, say)."""
    return app if "engage_cache" in getattr(app, "extensions", {}) else None


def _preloaded_engage_app(server):
    """The app the master preloaded, when it is Engage Luton's; else None."""
    return _engage_app(server.app.wsgi()) if server.cfg.preload_app else None


def when_ready(server):
    """In the master, with the app preloaded: warm it before the first worker is forked."""
    app = _preloaded_engage_app(server)
    if app is not None:
        from engage.ops.warm import warm_up

        warm_up(app)
        # What the master built is kept out of the workers' garbage collection, so they neither
        # scan it nor copy its memory pages by touching it (the gc module's advice for forks).
        gc.freeze()


def post_fork(server, worker):
    """A new worker opens its own database connections rather than sharing the master's."""
    app = _preloaded_engage_app(server)
    if app is not None:
        from engage.ops.warm import forget_connections

        forget_connections(app)


def post_worker_init(worker):
    """Without preloading, each worker warms its own app before its first request."""
    app = None if worker.cfg.preload_app else _engage_app(worker.wsgi)
    if app is not None:
        from engage.ops.warm import warm_up

        warm_up(app)
