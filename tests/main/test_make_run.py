"""`make run`'s own steps, as it runs them: the development settings, not the tests' own.

The suite's app sets SERVER_NAME; `make run` does not, so a command that builds addresses the way
only a request (or SERVER_NAME) allows passes every other test and stops `make run` on a fresh
machine. These run the Makefile's commands in a new process, with its environment.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path) -> dict:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "FLASK_APP": "wsgi.py",  # as the Makefile exports them
        "ENGAGE_ENV": "development",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'engage.db'}",
    }


def _flask(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "flask", *args],
        cwd=ROOT,
        env=_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


@pytest.mark.same_on_every_database
def test_make_runs_database_steps_finish_and_print_real_addresses(tmp_path):
    migrated = _flask(tmp_path, "db", "upgrade")
    assert migrated.returncode == 0, migrated.stderr[-3000:]
    for _ in range(2):  # the first run loads the demo; the second (make run again) adds nothing
        seeded = _flask(tmp_path, "engage", "seed-demo")
        assert seeded.returncode == 0, seeded.stderr[-3000:]
        assert "Demo logins" in seeded.stdout
        assert re.search(r"type one at /s\b", seeded.stdout), seeded.stdout[-2000:]
        assert re.search(r"K7P2\s+/s/K7P2\b", seeded.stdout), seeded.stdout[-2000:]
    assert "nothing added" in seeded.stdout
    _serves_the_demo(tmp_path)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _serves_the_demo(tmp_path) -> None:
    """`make run`'s last step: the job worker beside the development server, which serves the
    demo (its home page, and a join code's address opening its survey)."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    # As the Makefile starts them: the worker's emails link to the server it starts beside.
    commands = (
        (["engage", "worker"], {"BASE_URL": base}),
        (["run", "--host", "127.0.0.1", "--port", str(port)], {}),
    )
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "flask", *command],
            cwd=ROOT,
            env={**_env(tmp_path), **extra},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for command, extra in commands
    ]
    try:
        home = _get_when_up(f"{base}/", started)
        assert "Luton" in home.read().decode()
        joined = _get_when_up(f"{base}/s/K7P2", started)
        assert "/surveys/" in joined.url
        # The demo's safeguarding item emails the lead through the worker; someone trying the
        # site reads it at /dev/mail, and its link must open this server.
        _wait_for_mail(f"{base}/dev/mail", f"{base}/manage/safeguarding", started)
        assert started[0].poll() is None, "the job worker stopped"
    finally:
        for process in started:
            process.terminate()
            process.wait(timeout=30)


def _get_when_up(url: str, started: list[subprocess.Popen]):
    deadline = time.monotonic() + 60
    while True:
        try:
            return urllib.request.urlopen(url, timeout=10)  # noqa: S310 - the server just started
        except (urllib.error.URLError, ConnectionError):
            stopped = [p for p in started if p.poll() is not None]
            if stopped or time.monotonic() > deadline:
                raise AssertionError(stopped[0].stdout.read() if stopped else "not up") from None
            time.sleep(0.2)


def _wait_for_mail(url: str, link: str, started: list[subprocess.Popen]) -> None:
    deadline = time.monotonic() + 60
    while link not in _get_when_up(url, started).read().decode():
        if time.monotonic() > deadline:
            raise AssertionError(f"no email with {link} at {url}")
        time.sleep(0.5)
