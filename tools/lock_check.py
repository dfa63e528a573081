"""Check, offline, that requirements.lock agrees with pyproject.toml.

Every requirement of the project (its dependencies, the `test` extra and the build system's) must
be pinned in the lock at a version the requirement allows, with hashes; and the lock must pin
nothing that no longer descends from them (each entry's "# via" names a package in the lock or
pyproject.toml). `make lock` regenerates the lock after pyproject.toml changes.
Exit status 0 when they agree, 1 with one line per problem otherwise.
"""

import re
import sys
import tomllib
from pathlib import Path

try:
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name
except ImportError:  # a bare virtualenv, before `make install`: pip carries its own copy
    from pip._vendor.packaging.requirements import Requirement
    from pip._vendor.packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)")
_VIA = re.compile(r"^\s+#\s+(?:via\s+)?([A-Za-z0-9][A-Za-z0-9._-]*)")


def read_lock(text: str) -> tuple[dict[str, str], dict[str, set[str]], set[str]]:
    """The lock's pins (name -> version), each pin's "via" parents, and pins lacking a hash."""
    pins: dict[str, str] = {}
    parents: dict[str, set[str]] = {}
    unhashed: set[str] = set()
    current = None
    for line in text.splitlines():
        if match := _PIN.match(line):
            current = canonicalize_name(match.group(1))
            pins[current] = match.group(2)
            parents[current] = set()
            if not line.rstrip().endswith("\\"):
                unhashed.add(current)
        elif current and (match := _VIA.match(line)) and "pyproject.toml" not in line:
            parents[current].add(canonicalize_name(match.group(1)))
        elif current and "pyproject.toml" in line:
            parents[current].add("<pyproject>")
    return pins, parents, unhashed


def project_requirements(pyproject: dict) -> list[Requirement]:
    """The dependencies, the `test` extra and the build requirements of pyproject.toml."""
    project = pyproject["project"]
    texts = [
        *project.get("dependencies", []),
        *project.get("optional-dependencies", {}).get("test", []),
        *pyproject.get("build-system", {}).get("requires", []),
    ]
    return [Requirement(t) for t in texts]


def problems(pyproject: dict, lock_text: str) -> list[str]:
    """Every way the lock disagrees with pyproject.toml (empty when they agree)."""
    pins, parents, unhashed = read_lock(lock_text)
    found = []
    for req in project_requirements(pyproject):
        if req.marker is not None and not req.marker.evaluate({"extra": "test"}):
            continue
        name = canonicalize_name(req.name)
        if name not in pins:
            found.append(f"{req.name}: in pyproject.toml but not in requirements.lock")
        elif not req.specifier.contains(pins[name], prereleases=True):
            found.append(f"{req.name}: the lock pins {pins[name]}, pyproject.toml wants {req}")
    for name in sorted(unhashed):
        found.append(f"{name}: pinned without a hash")
    # What the project needs: its requirements, then whatever a needed package pulls in.
    needed = {canonicalize_name(r.name) for r in project_requirements(pyproject)} & set(pins)
    grew = True
    while grew:
        more = {name for name, via in parents.items() if name not in needed and via & needed}
        needed |= more
        grew = bool(more)
    for name in sorted(set(pins) - needed):
        found.append(f"{name}: in the lock but nothing in pyproject.toml needs it")
    return found


def pin_text(lock_text: str, name: str) -> str:
    """One pin of the lock with its hashes, as a requirements file of its own ("" if absent)."""
    lines, inside = [], False
    for line in lock_text.splitlines():
        if match := _PIN.match(line):
            inside = canonicalize_name(match.group(1)) == canonicalize_name(name)
        if inside and not line.lstrip().startswith("#"):
            lines.append(line)
    return "\n".join(lines) + "\n" if lines else ""


def main() -> int:
    """Compare the files and report; with `--pin NAME`, print that pin as a requirements file."""
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text())
    lock = ROOT / "requirements.lock"
    if not lock.exists():
        print("requirements.lock is missing: run `make lock`")
        return 1
    if sys.argv[1:2] == ["--pin"]:
        # The Makefile installs the lock's pip first: Python 3.11's bundled pip (23.2) takes a
        # pinned package asked for with an extra (weasyprint's fonttools[woff]) as unpinned once
        # a newer release of it is published, and refuses the whole lock under --require-hashes.
        text = pin_text(lock.read_text(), sys.argv[2])
        print(text, end="")
        return 0 if text else 1
    found = problems(pyproject, lock.read_text())
    for line in found:
        print(line)
    if found:
        print("requirements.lock is out of step with pyproject.toml: run `make lock`")
        return 1
    print("requirements.lock agrees with pyproject.toml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
