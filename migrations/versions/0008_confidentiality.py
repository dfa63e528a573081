"""confidentiality: survey drafts kept on the server; day-only times for anonymous answers

survey_draft holds in-progress answers instead of the session cookie; moderation_case.date_only
marks cases (anonymous survey answers) whose times are kept as the day only.

Revision ID: 0008
Revises: 0004
Create Date: 2026-12-02 04:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "survey_draft",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("preview", sa.Boolean(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["survey_id"],
            ["survey.id"],
            name=op.f("fk_survey_draft_survey_id_survey"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_draft")),
    )
    with op.batch_alter_table("survey_draft", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_survey_draft_expires_at"), ["expires_at"])
        batch_op.create_index(batch_op.f("ix_survey_draft_survey_id"), ["survey_id"])
    with op.batch_alter_table("moderation_case", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("date_only", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade():
    with op.batch_alter_table("moderation_case", schema=None) as batch_op:
        batch_op.drop_column("date_only")
    with op.batch_alter_table("survey_draft", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_survey_draft_survey_id"))
        batch_op.drop_index(batch_op.f("ix_survey_draft_expires_at"))
    op.drop_table("survey_draft")
