"""issue 19: vote totals kept as counters, filled from the votes that count

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-03 08:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "vote_count",
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("choice", sa.String(length=10), nullable=False),
        sa.Column("by_young_person", sa.Boolean(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_vote_count_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "proposal_id", "choice", "by_young_person", name=op.f("pk_vote_count")
        ),
    )
    # One set-based statement, with the totals' own rule: votes from an address nobody has
    # confirmed do not count; accounts without an address (young people) always do.
    op.execute(
        "INSERT INTO vote_count (proposal_id, choice, by_young_person, n) "
        "SELECT v.proposal_id, v.choice, v.by_young_person, count(*) FROM vote v "
        'JOIN "user" u ON u.id = v.user_id '
        "WHERE u.email IS NULL OR u.email_verified_at IS NOT NULL "
        "GROUP BY v.proposal_id, v.choice, v.by_young_person"
    )


def downgrade():
    op.drop_table("vote_count")
