"""The schema lives in Alembic: the migrations must build exactly what the models describe."""

import re

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.schema import CreateIndex

from engage.extensions import db, include_name, include_object

# SQLite cannot tell Alembic what an index on an expression holds, so the comparison below skips
# those (with these warnings); test_expression_indexes_match_models compares them instead.
_SKIPS_EXPRESSIONS = [
    "ignore:Skipped unsupported reflection of expression-based index",
    "ignore:autogenerate skipping metadata-specified expression-based index",
]


@pytest.mark.filterwarnings(*_SKIPS_EXPRESSIONS)
def test_migrations_match_models(app):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "compare_server_default": False,
                "include_object": include_object,
                "include_name": include_name,
            },
        )
        diff = compare_metadata(context, db.metadata)
    assert diff == [], f"models and migrations differ; run `flask db migrate`: {diff}"


def test_migrations_reach_every_head(app):
    from alembic.script import ScriptDirectory

    config = app.extensions["migrate"].migrate.get_config()
    script = ScriptDirectory.from_config(config)
    with db.engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    assert current == set(script.get_heads())


def _index_terms(definition: str) -> str:
    """What an index is on, from its CREATE INDEX: its table and the terms in its parentheses,
    compared without quotes, spaces, case, schema or PostgreSQL's access method."""
    flat = re.sub(r'["\s]', "", definition.lower()).replace("public.", "").replace("usingbtree", "")
    return flat.removeprefix("createuniqueindex").removeprefix("createindex")


def test_expression_indexes_match_models(app):
    expression_indexes = [
        index
        for table in db.metadata.tables.values()
        for index in table.indexes
        if any(not isinstance(term, sa.Column) for term in index.expressions)
    ]
    assert expression_indexes, "no index on an expression left to compare"
    dialect = db.engine.dialect
    with db.engine.connect() as conn:
        for index in expression_indexes:
            if dialect.name == "sqlite":
                built = conn.scalar(
                    sa.text("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = :n"),
                    {"n": index.name},
                )
            else:
                built = conn.scalar(
                    sa.text("SELECT indexdef FROM pg_indexes WHERE indexname = :n"),
                    {"n": index.name},
                )
            assert built is not None, f"{index.name}: in the models, not made by the migrations"
            modelled = str(CreateIndex(index).compile(dialect=dialect))
            assert _index_terms(built) == _index_terms(modelled), (index.name, built, modelled)
