"""translations: council content in each language

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 19:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "content_translation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source_hash", sa.String(length=16), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["updated_by_id"],
            ["user.id"],
            name=op.f("fk_content_translation_updated_by_id_user"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_translation")),
        sa.UniqueConstraint(
            "entity",
            "entity_id",
            "field",
            "locale",
            name=op.f("uq_content_translation_entity_entity_id_field_locale"),
        ),
    )
    with op.batch_alter_table("content_translation", schema=None) as batch_op:
        batch_op.create_index(
            "ix_content_translation_entity_locale",
            ["entity", "locale", "entity_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_content_translation_updated_by_id"), ["updated_by_id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("content_translation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_content_translation_updated_by_id"))
        batch_op.drop_index("ix_content_translation_entity_locale")
    op.drop_table("content_translation")
