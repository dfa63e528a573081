"""`make run`'s own steps, as it runs them: the development settings, not the tests' own.

The suite's app sets SERVER_NAME; `make run` does not, so a command that builds addresses the way
only a request (or SERVER_NAME) allows passes every other test and stops `make run` on a fresh
machine. These run the Makefile's commands in a new process, with its environment.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _flask(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "FLASK_APP": "wsgi.py",  # as the Makefile exports them
        "ENGAGE_ENV": "development",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'engage.db'}",
    }
    return subprocess.run(
        [sys.executable, "-m", "flask", *args],
        cwd=ROOT,
        env=env,
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
