"""Every shipped catalogue is complete, keeps the English placeholders and has the right plurals."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
import wtforms.i18n
from babel.messages.pofile import read_po

from engage.i18n import LOCALES, TRANSLATED_LOCALES

pytestmark = pytest.mark.same_on_every_database  # static checks, no database

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "translations"
DOMAINS = ("messages", "wtforms")
# %(name)s / %(n)d, a bare %s, GOV.UK Frontend's %{count} (written %%{count}) and {name}.
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sdif]|%%\{[a-z_]+\}|%[sd]|\{[a-z_]+\}")
# Plural forms per language (CLDR, as Babel knows them).
EXPECTED_PLURALS = {"ur": 2, "pl": 3, "bn": 2, "ro": 3, "pa": 2, "pt": 3, "ar": 6}


def _catalogue(locale: str, domain: str):
    path = TRANSLATIONS / locale / "LC_MESSAGES" / f"{domain}.po"
    assert path.exists(), f"missing catalogue {path.relative_to(ROOT)}"
    with path.open("rb") as f:
        return read_po(f, locale=locale, domain=domain)


def _template(domain: str, tmp_path: Path):
    """The strings the source asks for now: messages extracted afresh, WTForms' own .pot."""
    if domain == "wtforms":
        path = Path(wtforms.i18n.messages_path()) / "wtforms.pot"
    else:
        path = tmp_path / "messages.pot"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "babel.messages.frontend",
                "--quiet",
                "extract",
                "-F",
                "babel.cfg",
                "-k",
                "_l",
                "-k",
                "ngettext:1,2",
                "--no-location",
                # Babel skips directories starting with "_" by default: templates/_partials.
                "--ignore-dirs=.* node_modules instance",
                "-o",
                str(path),
                ".",
            ],
            cwd=ROOT,
            check=True,
        )
    with path.open("rb") as f:
        return read_po(f)


def _placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def _problems(locale: str, domain: str) -> list[str]:
    catalog = _catalogue(locale, domain)
    problems = []
    if catalog.num_plurals != EXPECTED_PLURALS[locale]:
        problems.append(f"Plural-Forms has {catalog.num_plurals} forms")
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        label = ids[0][:60]
        if message.fuzzy:
            problems.append(f"fuzzy: {label!r}")
        if isinstance(message.id, tuple) and len(strings) != catalog.num_plurals:
            problems.append(f"{len(strings)} plural forms: {label!r}")
        if not all(strings):
            problems.append(f"untranslated: {label!r}")
            continue
        expected = _placeholders(ids[-1]) | _placeholders(ids[0])
        for text in strings:
            found = _placeholders(text)
            # A singular form may leave out the number ("one comment"), never invent one.
            if found - expected or (not isinstance(message.id, tuple) and found != expected):
                problems.append(f"placeholders {sorted(found)} != {sorted(expected)}: {label!r}")
    return problems


def test_every_locale_has_a_catalogue_per_domain():
    shipped = {p.name for p in TRANSLATIONS.iterdir() if p.is_dir()}
    assert shipped == set(TRANSLATED_LOCALES)
    assert set(LOCALES) == {"en", *EXPECTED_PLURALS}


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("locale", TRANSLATED_LOCALES)
def test_catalogue_is_complete_and_keeps_placeholders(locale, domain):
    problems = _problems(locale, domain)
    assert not problems, f"{locale}/{domain}.po:\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("domain", DOMAINS)
def test_catalogues_have_every_string_the_source_uses(domain, tmp_path):
    wanted = {m.id for m in _template(domain, tmp_path) if m.id}
    for locale in TRANSLATED_LOCALES:
        have = {m.id for m in _catalogue(locale, domain) if m.id and not m.fuzzy}
        missing = wanted - have
        assert not missing, (
            f"{locale}/{domain}.po lacks {len(missing)} strings (run `make translations`, "
            f"then translate them): "
            + "; ".join(repr(m)[:60] for m in sorted(missing, key=str)[:10])
        )


def test_placeholder_check_catches_a_changed_name():
    assert _placeholders("Closes %(date)s") != _placeholders("Zamknięcie %(data)s")
    assert _placeholders("You have %%{count} characters") == {"%%{count}"}
