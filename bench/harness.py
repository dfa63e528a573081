"""What the benchmark and the load tests share: a fresh database, gunicorn, and a plain HTTP client.

Only loopback addresses are ever used. gunicorn serves a listening socket that this process made
(port 0, so parallel runs never clash) and passed down as `fd://N`: the server can be killed with
SIGKILL and started again on the same port, and requests sent meanwhile wait in the socket's queue.
"""

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import sqlalchemy as sa
from sqlalchemy.engine import make_url

ROOT = Path(__file__).resolve().parent.parent
GUNICORN_CONF = ROOT / "deploy" / "gunicorn.conf.py"
CSRF_RE = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
# What a load test's server runs with: rate limits off (50 clients post as fast as they can, which
# the limits would rightly stop), the page cache off (every read hits the database), JSON logs.
LOAD_ENV = {
    "RATELIMIT_ENABLED": "false",
    "PAGE_CACHE_SECONDS": "0",
    "LOG_FORMAT": "json",
    "SECRET_KEY": "load-test-secret-shared-by-every-worker",
    "MAIL_BACKEND": "log",
    # Production settings: the server refuses to start without its public address.
    "BASE_URL": "http://127.0.0.1",
    # A slow CI machine must not make gunicorn kill a worker mid-request and fail the test.
    "GUNICORN_TIMEOUT": "120",
}


def flask(database_url: str, *args: str, timeout: float = 3600) -> str:
    """Run `flask ARGS` against a database in a subprocess; return its output."""
    env = {**os.environ, "FLASK_APP": "wsgi.py", "DATABASE_URL": database_url}
    env.setdefault("ENGAGE_ENV", "development")  # set-up commands, not the server under test
    done = subprocess.run(
        [sys.executable, "-m", "flask", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(f"flask {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def fresh_database(url_or_path: str | Path, name: str) -> str:
    """Make an empty database and migrate it: a PostgreSQL URL gets a database `name` beside it."""
    text = str(url_or_path)
    if text.startswith("postgresql"):
        url = make_url(text)
        admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        database_url = url.set(database=name).render_as_string(hide_password=False)
    else:
        path = Path(text) / f"{name}.db"
        for leftover in path.parent.glob(path.name + "*"):
            leftover.unlink()
        database_url = f"sqlite:///{path}"
    flask(database_url, "db", "upgrade", "heads")
    return database_url


def drop_database(database_url: str) -> None:
    """Remove a PostgreSQL database made by fresh_database (SQLite files go with their folder)."""
    if not database_url.startswith("postgresql"):
        return
    url = make_url(database_url)
    admin = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{url.database}" WITH (FORCE)'))
    admin.dispose()


class Server:
    """gunicorn on 127.0.0.1, on a socket this process owns, that can be killed and restarted."""

    def __init__(self, env: dict, log_path: Path, app: str = "wsgi:app", workers: int = 2):
        self.env = {**os.environ, **env}
        self.app = app
        self.workers = workers
        self.log_path = log_path
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1024)
        self.sock.set_inheritable(True)
        self.port = self.sock.getsockname()[1]
        self.proc: subprocess.Popen | None = None

    def start(self, ready_path: str = "/healthz", timeout: float = 60) -> None:
        """Start gunicorn and wait until it answers `ready_path`."""
        fd = self.sock.fileno()
        log = open(self.log_path, "a")  # noqa: SIM115 - the child keeps writing to it
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--config",
                str(GUNICORN_CONF),
                "--bind",
                f"fd://{fd}",
                "--workers",
                str(self.workers),
                self.app,
            ],
            cwd=ROOT,
            env=self.env,
            pass_fds=(fd,),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: SIGKILL reaches every worker
        )
        log.close()
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {self.log_path.read_text()[-3000:]}")
            try:
                status, _h, _b = Client(self.port, timeout=5).get(ready_path)
                if status == 200:
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"gunicorn not ready: {self.log_path.read_text()[-3000:]}")
            time.sleep(0.2)

    def kill(self) -> None:
        """SIGKILL the master and every worker at once, as a crash or power cut would."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def stop(self) -> None:
        """Stop gracefully (SIGTERM), or kill after ten seconds."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()

    def close(self) -> None:
        """Stop the server and let go of the port."""
        self.stop()
        self.sock.close()

    def log(self) -> str:
        """Everything the server wrote."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""


class Client:
    """A browser without the browser: cookies, CSRF tokens, no redirects followed."""

    def __init__(self, port: int, timeout: float = 60, headers: dict | None = None):
        self.port = port
        self.timeout = timeout
        # Sent with every request: an X-Forwarded-For address, for a server behind a "proxy".
        self.headers = dict(headers or {})
        self.cookies: dict[str, str] = {}
        self.token: str | None = None
        self._lock = threading.Lock()

    def request(self, method: str, path: str, form: dict | None = None):
        """Send one request on a new connection; return (status, headers, body text)."""
        headers = {"Host": f"127.0.0.1:{self.port}", **self.headers}
        with self._lock:
            if self.cookies:
                headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            with self._lock:
                for cookie in response.headers.get_all("Set-Cookie") or []:
                    name, _, rest = cookie.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            return response.status, response.headers, text
        finally:
            conn.close()

    def get(self, path: str):
        """GET a page."""
        return self.request("GET", path)

    def post(self, path: str, form: dict):
        """POST a form with this client's CSRF token."""
        return self.request("POST", path, {"csrf_token": self.token, **form})

    def fetch_token(self, path: str) -> str:
        """Read a CSRF token from a page with a form on it."""
        status, _h, text = self.get(path)
        match = CSRF_RE.search(text)
        if status != 200 or not match:
            raise RuntimeError(f"no CSRF token on {path} ({status})")
        self.token = match.group(1)
        return self.token

    def sign_in(self, login: str, password: str) -> None:
        """Sign in through the real form."""
        self.fetch_token("/account/sign-in")
        status, headers, text = self.post(
            "/account/sign-in", {"login": login, "password": password}
        )
        if status != 302:
            raise RuntimeError(f"sign-in failed for {login}: {status} {text[:300]}")


def location_path(headers) -> str:
    """The path (and fragment) a redirect points to."""
    parts = urlsplit(headers.get("Location", ""))
    return parts.path + ("#" + parts.fragment if parts.fragment else "")


def bench_app(database_url: str, redis: str | None = None, **config):
    """The app in this process on `database_url`, as the in-process benchmarks measure it.

    Rate limits and the request log off, development mode (no public address on loopback), and
    a server name so `url_for` works outside a request; `redis` for the shared cache (the
    production set-up); `config` adds or overrides settings.
    """
    from engage import create_app

    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database_url,
            "SQLALCHEMY_ENGINE_OPTIONS": {},
            "RATELIMIT_ENABLED": False,
            "SECRET_KEY": "bench",
            "ENGAGE_ENV": "development",
            "SERVER_NAME": "localhost",
            "REQUEST_LOG": False,
            **({"REDIS_URL": redis} if redis else {}),
            **config,
        }
    )


def signed_in_client(app, login: str, password: str):
    """A test client of `app` (in this process) signed in through the real form."""
    client = app.test_client()
    token = CSRF_RE.search(client.get("/account/sign-in").get_data(as_text=True)).group(1)
    done = client.post(
        "/account/sign-in", data={"login": login, "password": password, "csrf_token": token}
    )
    assert done.status_code == 302, done.status_code
    return client


def add_floor_route(app) -> None:
    """Add `/_floor` to `app`: a route that only asks who is reading and returns "ok", so it costs
    what any request costs (session cookie, account read, security headers) and nothing more."""

    @app.route("/_floor")
    def floor():
        from flask_login import current_user

        return "ok" if current_user.is_authenticated else "ok."
