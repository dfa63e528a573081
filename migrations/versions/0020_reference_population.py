"""issue 15: Luton's population by age band and postcode district, entered by officers with a source

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02 16:50:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "analysis_reference_population",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "breakdown",
            sa.Enum("age", "district", name="populationbreakdown", native_enum=False, length=10),
            nullable=False,
        ),
        sa.Column("publisher", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("url", sa.String(length=500), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("user.id", ondelete="SET NULL")),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("breakdown"),
    )
    op.create_index(
        "ix_analysis_reference_population_updated_by_id",
        "analysis_reference_population",
        ["updated_by_id"],
    )
    op.create_table(
        "analysis_reference_share",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "population_id",
            sa.Integer(),
            sa.ForeignKey("analysis_reference_population.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("group_key", sa.String(length=20), nullable=False),
        sa.Column("hundredths", sa.Integer(), nullable=False),
        sa.UniqueConstraint("population_id", "group_key"),
    )


def downgrade():
    op.drop_table("analysis_reference_share")
    op.drop_index(
        "ix_analysis_reference_population_updated_by_id",
        table_name="analysis_reference_population",
    )
    op.drop_table("analysis_reference_population")
