"""Moderation knows its sources only through the registry the features fill at app set-up."""

import ast
from pathlib import Path

import engage
from engage import FEATURES
from engage.moderation.registry import SOURCES, get_source

MODERATION = Path(engage.__file__).parent / "moderation"
# Accounts (people: sanctions, roles) and proposals (the priorities the queue filters by) are the
# site's shared structure; every other feature reaches moderation through the registry.
ALLOWED = {"moderation", "accounts", "proposals"}


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_moderation_imports_no_feature_module():
    features = set(FEATURES) - ALLOWED
    offenders = []
    for path in sorted(MODERATION.rglob("*.py")):
        for module in _imported_modules(path):
            parts = module.split(".")
            if len(parts) > 1 and parts[0] == "engage" and parts[1] in features:
                offenders.append(f"{path.relative_to(MODERATION)}: {module}")
    assert offenders == []


def test_the_import_check_would_catch_a_feature_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from engage.comments.models import Comment\n")
    assert "engage.comments.models" in _imported_modules(sample)


def test_features_register_their_sources_at_app_set_up(app):
    assert {"comment", "survey_answer"} <= set(SOURCES)
    comment, answer = get_source("comment"), get_source("survey_answer")
    assert type(comment).__module__ == "engage.comments.moderation_source"
    assert type(answer).__module__ == "engage.surveys.moderation_source"
    assert get_source("nothing") is None
