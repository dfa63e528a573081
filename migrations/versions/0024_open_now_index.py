"""issue 19: the home page counts each priority's open proposals from one covering index

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-05 05:00:00

"""

from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_proposal_open_now",
        "proposal",
        ["status", "priority_id", "opens_at", "closes_at"],
        unique=False,
    )


def downgrade():
    op.drop_index("ix_proposal_open_now", table_name="proposal")
