"""issue 19: indexes that keep a busy proposal's vote totals and first page of comments cheap

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 07:30:00

"""

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade():
    # Vote totals group one proposal's votes by choice and age: this index answers them without
    # reading the table (a proposal with 34,000 votes: 28.6 ms to 2.0 ms in a trial).
    op.create_index(
        "ix_vote_proposal_choice_young", "vote", ["proposal_id", "choice", "by_young_person"]
    )
    # A page of a proposal's comments in order, read from the index instead of sorted.
    op.create_index(
        "ix_comment_proposal_created_id", "comment", ["proposal_id", "created_at", "id"]
    )


def downgrade():
    op.drop_index("ix_comment_proposal_created_id", table_name="comment")
    op.drop_index("ix_vote_proposal_choice_young", table_name="vote")
