"""issue 18: an index that keeps a page of a proposal's comments in the API cheap

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 17:00:00

"""

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade():
    # The API lists a proposal's published comments in id order: this index hands them over in
    # that order, so a page reads 20 entries instead of sorting every comment of a busy proposal.
    op.create_index("ix_comment_proposal_status_id", "comment", ["proposal_id", "status", "id"])


def downgrade():
    op.drop_index("ix_comment_proposal_status_id", table_name="comment")
