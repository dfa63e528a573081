"""The schema lives in Alembic: the migrations must build exactly what the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from engage.extensions import db, include_name, include_object


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
