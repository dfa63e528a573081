"""issue 17: residents' and young people's ideas; plans' descriptions and priorities

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 07:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None

_STATUS = sa.Enum(
    "held", "published", "rejected", "hidden", "deleted",
    name="ideastatus", native_enum=False, length=20,
)  # fmt: skip


def upgrade():
    # Plain ADD COLUMN: a batch rebuild of "plan" would drop a table proposals point at.
    op.add_column("plan", sa.Column("description", sa.Text(), server_default="", nullable=False))
    op.create_table(
        "plan_priority",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("priority_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plan.id"], name=op.f("fk_plan_priority_plan_id_plan"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["priority_id"],
            ["priority.id"],
            name=op.f("fk_plan_priority_priority_id_priority"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("plan_id", "priority_id", name=op.f("pk_plan_priority")),
    )
    op.create_index(
        op.f("ix_plan_priority_priority_id"), "plan_priority", ["priority_id"], unique=False
    )
    op.create_table(
        "idea",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("priority_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("area", sa.String(length=40), nullable=True),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("status", _STATUS, nullable=False),
        sa.Column("hold_reason", sa.String(length=30), nullable=True),
        sa.Column("by_young_person", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("adult_backers", sa.Integer(), nullable=False),
        sa.Column("young_backers", sa.Integer(), nullable=False),
        sa.Column("backer_count", sa.Integer(), nullable=False),
        sa.Column("comment_count", sa.Integer(), nullable=False),
        sa.Column(
            "answer",
            sa.Enum(
                "under_consideration",
                "not_taken_forward",
                "merged",
                "proposal",
                name="ideaanswer",
                native_enum=False,
                length=30,
            ),
            nullable=True,
        ),  # fmt: skip
        sa.Column("answer_reason", sa.Text(), nullable=True),
        sa.Column("answered_at", sa.DateTime(), nullable=True),
        sa.Column("answered_by_id", sa.Integer(), nullable=True),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("proposal_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["answered_by_id"], ["user.id"], name=op.f("fk_idea_answered_by_id_user")
        ),
        sa.ForeignKeyConstraint(["author_id"], ["user.id"], name=op.f("fk_idea_author_id_user")),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["idea.id"],
            name=op.f("fk_idea_merged_into_id_idea"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["priority_id"], ["priority.id"], name=op.f("fk_idea_priority_id_priority")
        ),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_idea_proposal_id_proposal"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idea")),
    )
    op.create_index(op.f("ix_idea_area"), "idea", ["area"], unique=False)
    op.create_index(op.f("ix_idea_author_id"), "idea", ["author_id"], unique=False)
    op.create_index(op.f("ix_idea_proposal_id"), "idea", ["proposal_id"], unique=False)
    op.create_index("ix_idea_status_published", "idea", ["status", "published_at"], unique=False)
    op.create_index("ix_idea_status_backers", "idea", ["status", "backer_count"], unique=False)
    op.create_index(
        "ix_idea_priority_status_published",
        "idea",
        ["priority_id", "status", "published_at"],
        unique=False,
    )
    op.create_table(
        "idea_backing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idea_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("by_young_person", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["idea_id"], ["idea.id"], name=op.f("fk_idea_backing_idea_id_idea"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user.id"], name=op.f("fk_idea_backing_user_id_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idea_backing")),
        sa.UniqueConstraint("idea_id", "user_id", name=op.f("uq_idea_backing_idea_id_user_id")),
    )
    op.create_index(op.f("ix_idea_backing_idea_id"), "idea_backing", ["idea_id"], unique=False)
    op.create_index(op.f("ix_idea_backing_user_id"), "idea_backing", ["user_id"], unique=False)
    op.create_table(
        "idea_comment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("idea_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("status", _STATUS, nullable=False),
        sa.Column("hold_reason", sa.String(length=30), nullable=True),
        sa.Column("by_young_person", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["user.id"], name=op.f("fk_idea_comment_author_id_user")
        ),
        sa.ForeignKeyConstraint(
            ["idea_id"], ["idea.id"], name=op.f("fk_idea_comment_idea_id_idea"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idea_comment")),
    )
    op.create_index(op.f("ix_idea_comment_author_id"), "idea_comment", ["author_id"], unique=False)
    op.create_index(
        "ix_idea_comment_idea_status",
        "idea_comment",
        ["idea_id", "status", "created_at"],
        unique=False,
    )


def downgrade():
    op.drop_table("idea_comment")
    op.drop_table("idea_backing")
    op.drop_table("idea")
    op.drop_table("plan_priority")
    with op.batch_alter_table("plan") as batch:
        batch.drop_column("description")
