"""issue 16: following, email choices, the notification outbox and failed jobs

Revision ID: 0014
Revises: 0010
Create Date: 2026-12-02 07:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "follow",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=True),
        sa.Column("priority_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(proposal_id IS NULL) <> (priority_id IS NULL)", name="ck_follow_one_subject"
        ),
        sa.ForeignKeyConstraint(
            ["priority_id"],
            ["priority.id"],
            name="fk_follow_priority_id_priority",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name="fk_follow_proposal_id_proposal",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name="fk_follow_user_id_user", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_follow"),
        sa.UniqueConstraint("user_id", "priority_id", name="uq_follow_user_id_priority_id"),
        sa.UniqueConstraint("user_id", "proposal_id", name="uq_follow_user_id_proposal_id"),
    )
    op.create_index("ix_follow_priority_id", "follow", ["priority_id"])
    op.create_index("ix_follow_proposal_id", "follow", ["proposal_id"])
    op.create_table(
        "notification_setting",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column(
            "frequency",
            sa.Enum(
                "now", "daily", "weekly", "never", name="frequency", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name="fk_notification_setting_user_id_user",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", name="pk_notification_setting"),
    )
    op.create_table(
        "notification_delivery",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("essential", sa.Boolean(), nullable=False),
        sa.Column(
            "email_state",
            sa.Enum(
                "none",
                "pending",
                "sent",
                "skipped",
                name="emailstate",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user.id"],
            name="fk_notification_delivery_user_id_user",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_notification_delivery"),
        sa.UniqueConstraint("user_id", "key", name="uq_notification_delivery_user_id_key"),
    )
    op.create_index(
        "ix_notification_delivery_state_user",
        "notification_delivery",
        ["email_state", "user_id"],
    )
    op.create_table(
        "job_failure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("args", sa.JSON(), nullable=False),
        sa.Column("error", sa.String(length=300), nullable=False),
        sa.Column("failed_at", sa.DateTime(), nullable=False),
        sa.Column("retried_at", sa.DateTime(), nullable=True),
        sa.Column("retried_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["retried_by_id"],
            ["user.id"],
            name="fk_job_failure_retried_by_id_user",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_job_failure"),
    )
    op.create_index("ix_job_failure_retried_failed", "job_failure", ["retried_at", "failed_at"])


def downgrade():
    op.drop_index("ix_job_failure_retried_failed", table_name="job_failure")
    op.drop_table("job_failure")
    op.drop_index("ix_notification_delivery_state_user", table_name="notification_delivery")
    op.drop_table("notification_delivery")
    op.drop_table("notification_setting")
    op.drop_index("ix_follow_proposal_id", table_name="follow")
    op.drop_index("ix_follow_priority_id", table_name="follow")
    op.drop_table("follow")
