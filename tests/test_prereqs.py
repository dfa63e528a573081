"""`make test` stops at once with one clear line when Debian's chromium is missing."""

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check-prereqs.sh"


def _run(chromium: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CHROMIUM": chromium}
    return subprocess.run(["sh", str(SCRIPT)], env=env, capture_output=True, text=True)


def test_missing_chromium_stops_with_one_line_saying_how_to_install_it(tmp_path):
    result = _run(str(tmp_path / "no-chromium"))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "apt-get install chromium" in lines[0]


def test_present_chromium_passes(tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert _run(str(fake)).returncode == 0


def test_make_test_checks_before_running_pytest():
    makefile = (SCRIPT.parents[1] / "Makefile").read_text()
    recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert recipe.index("check-prereqs.sh") < recipe.index("pytest")
