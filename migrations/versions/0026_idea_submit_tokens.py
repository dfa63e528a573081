"""Ideas and comments on ideas are sent once: a single-use token per box, unique per author

A second post of the same box (Back, then Send again, or a double tap on a slow phone) made a
copy; now it finds the first, as a comment on a proposal does (comment.submit_token).

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07 05:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0026"
down_revision = "0025"
branch_labels = None
depends_on = None


def upgrade():
    for table in ("idea", "idea_comment"):
        op.add_column(table, sa.Column("submit_token", sa.String(length=32), nullable=True))
        op.create_index(
            f"uq_{table}_author_submit_token", table, ["author_id", "submit_token"], unique=True
        )


def downgrade():
    for table in ("idea", "idea_comment"):
        op.drop_index(f"uq_{table}_author_submit_token", table_name=table)
        with op.batch_alter_table(table) as batch:
            batch.drop_column("submit_token")
