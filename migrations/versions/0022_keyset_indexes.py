"""issue 19: indexes that let a priority's deep pages be read from a cursor, in order

Revision ID: 0022
Revises: 0020
Create Date: 2026-12-02 17:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade():
    # "Most discussed": the page after a cursor is a backward range scan of this index.
    op.create_index(
        "ix_proposal_priority_comments", "proposal", ["priority_id", "comment_count", "id"]
    )
    # The priority page's latest decisions, without sorting every decided proposal.
    op.create_index(
        "ix_proposal_priority_status_decided",
        "proposal",
        ["priority_id", "status", "decided_at", "id"],
    )
    # "Newest" (the default) sorts by opening date, else creation: an index on that expression.
    op.create_index(
        "ix_proposal_priority_newest",
        "proposal",
        ["priority_id", sa.text("coalesce(opens_at, created_at)"), "id"],
    )


def downgrade():
    op.drop_index("ix_proposal_priority_newest", table_name="proposal")
    op.drop_index("ix_proposal_priority_status_decided", table_name="proposal")
    op.drop_index("ix_proposal_priority_comments", table_name="proposal")
