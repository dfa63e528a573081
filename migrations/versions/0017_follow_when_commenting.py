"""notification_setting.follow_when_commenting: a person may turn off following on commenting

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 12:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade():
    # Existing rows keep today's behaviour: commenting follows the proposal.
    with op.batch_alter_table("notification_setting") as batch:
        batch.add_column(
            sa.Column(
                "follow_when_commenting", sa.Boolean(), server_default=sa.true(), nullable=False
            )
        )


def downgrade():
    with op.batch_alter_table("notification_setting") as batch:
        batch.drop_column("follow_when_commenting")
