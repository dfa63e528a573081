"""issue 19: whether the reader commented on a proposal, from one index on author and proposal

The index on the author alone made a signed-in proposal page read every comment its reader had
ever written; the new one serves the lookups by author alone too, so it replaces that one.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-06 05:10:00

"""

from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade():
    op.create_index(
        "ix_comment_author_proposal", "comment", ["author_id", "proposal_id"], unique=False
    )
    op.drop_index("ix_comment_author_id", table_name="comment")


def downgrade():
    op.create_index("ix_comment_author_id", "comment", ["author_id"], unique=False)
    op.drop_index("ix_comment_author_proposal", table_name="comment")
