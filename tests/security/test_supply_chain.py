"""The lock file pins every dependency with hashes and agrees with pyproject.toml; bandit finds
nothing unexplained in the app's code. Both offline."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tools.lock_check import pin_text, problems

pytestmark = pytest.mark.same_on_every_database  # static checks, no database

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
LOCK = (ROOT / "requirements.lock").read_text()


def test_the_lock_agrees_with_pyproject():
    assert problems(PYPROJECT, LOCK) == []


def _with(dependencies: list[str]) -> dict:
    project = {**PYPROJECT["project"], "dependencies": dependencies}
    return {**PYPROJECT, "project": project}


def test_a_new_dependency_missing_from_the_lock_is_found():
    found = problems(_with([*PYPROJECT["project"]["dependencies"], "left-pad>=1"]), LOCK)
    assert found == ["left-pad: in pyproject.toml but not in requirements.lock"]


def test_a_version_the_lock_does_not_satisfy_is_found():
    deps = [d for d in PYPROJECT["project"]["dependencies"] if not d.startswith("flask>")]
    found = problems(_with([*deps, "flask>=99"]), LOCK)
    assert len(found) == 1 and found[0].startswith("flask: the lock pins")


def test_a_pin_without_hashes_or_no_longer_needed_is_found():
    lock = LOCK + "left-pad==1.0\n    # via engage-luton (pyproject.toml)\n"
    found = problems(PYPROJECT, lock)
    assert "left-pad: pinned without a hash" in found
    assert "left-pad: in the lock but nothing in pyproject.toml needs it" in found


def test_every_pin_has_a_hash_and_make_installs_with_require_hashes():
    pins = [line for line in LOCK.splitlines() if "==" in line and not line.startswith("#")]
    assert len(pins) > 50
    assert all(line.rstrip().endswith("\\") for line in pins)
    makefile = (ROOT / "Makefile").read_text()
    assert "pip install --quiet --require-hashes -r requirements.lock" in makefile
    assert "pip install --quiet --no-deps --no-build-isolation -e ." in makefile
    assert "lock-check" in makefile.split("\ntest:", 1)[1].split("\n", 1)[0]


def test_make_installs_the_locks_pip_before_the_lock():
    pip = pin_text(LOCK, "pip")
    assert pip.startswith("pip==") and pip.count("--hash=sha256:") >= 1
    assert "setuptools" not in pip and "# via" not in pip
    assert pin_text(LOCK, "left-pad") == ""
    install = (ROOT / "Makefile").read_text().split("$(VENV)/.installed:", 1)[1]
    steps = [line.strip() for line in install.splitlines()[1:5]]
    assert steps[0] == "$(BIN)/python tools/lock_check.py --pin pip > $(VENV)/pip.lock"
    assert steps[1].endswith("--require-hashes --no-deps -r $(VENV)/pip.lock")
    assert steps[2].endswith("-r requirements.lock")


def test_bandit_finds_nothing_unexplained_in_the_app():
    done = subprocess.run(
        [sys.executable, "-m", "bandit", "-q", "-r", str(ROOT / "engage"), "-f", "txt"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:]
