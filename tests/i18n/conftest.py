"""Compiled catalogues for the i18n tests, built from the .po files if they are missing or stale."""

import os
import tempfile
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"


def compile_catalogues() -> None:
    """What `make compile-translations` does, so `pytest` alone also serves every language."""
    for po in TRANSLATIONS.glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parts[-3], domain=po.stem)
        # Written aside and renamed, so parallel test workers never read half a file.
        fd, tmp = tempfile.mkstemp(dir=po.parent, suffix=".mo.tmp")
        with os.fdopen(fd, "wb") as f:
            write_mo(f, catalog)
        os.chmod(tmp, 0o644)
        os.replace(tmp, mo)


@pytest.fixture(scope="session", autouse=True)
def _compiled_catalogues():
    compile_catalogues()
