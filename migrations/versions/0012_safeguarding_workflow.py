"""safeguarding workflow: join codes' responsible adult, opened items, overdue alerts

Revision ID: 0012
Revises: 0004
Create Date: 2026-12-02 04:20:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("survey_join_code") as batch:
        batch.add_column(sa.Column("adult_name", sa.String(length=120), nullable=True))
        batch.add_column(sa.Column("adult_role", sa.String(length=120), nullable=True))
        batch.add_column(sa.Column("adult_email", sa.String(length=254), nullable=True))
        batch.add_column(sa.Column("adult_phone", sa.String(length=40), nullable=True))
    with op.batch_alter_table("moderation_case") as batch:
        batch.add_column(sa.Column("opened_at", sa.DateTime(), nullable=True))
    op.create_table(
        "safeguarding_alert",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("lead_id", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["moderation_case.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["lead_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("case_id", "lead_id"),
    )
    with op.batch_alter_table("safeguarding_alert") as batch:
        batch.create_index("ix_safeguarding_alert_case_id", ["case_id"], unique=False)


def downgrade():
    with op.batch_alter_table("safeguarding_alert") as batch:
        batch.drop_index("ix_safeguarding_alert_case_id")
    op.drop_table("safeguarding_alert")
    with op.batch_alter_table("moderation_case") as batch:
        batch.drop_column("opened_at")
    with op.batch_alter_table("survey_join_code") as batch:
        batch.drop_column("adult_phone")
        batch.drop_column("adult_email")
        batch.drop_column("adult_role")
        batch.drop_column("adult_name")
