"""issue 15: analysis workspace (themes, tags, suggestions) and consultation reports

Revision ID: 0013
Revises: 0015
Create Date: 2026-12-02 07:20:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0015"
branch_labels = None
depends_on = None


def _enum(*values, name, length=20):
    return sa.Enum(*values, name=name, native_enum=False, length=length)


def _subject():
    return _enum("proposal", "survey", name="subject", length=10)


def _user_fk(column):
    return sa.Column(column, sa.Integer(), sa.ForeignKey("user.id", ondelete="SET NULL"))


def upgrade():
    op.create_table(
        "analysis_theme",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("subject", _subject(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("response", sa.Text(), nullable=False),
        _user_fk("created_by_id"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("subject", "subject_id", "name"),
    )
    op.create_index(
        "ix_analysis_theme_created_by_id", "analysis_theme", ["created_by_id"], unique=False
    )
    op.create_table(
        "analysis_tag",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "theme_id",
            sa.Integer(),
            sa.ForeignKey("analysis_theme.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        _user_fk("tagged_by_id"),
        sa.Column("tagged_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("theme_id", "source", "item_id"),
    )
    op.create_index("ix_analysis_tag_source_item", "analysis_tag", ["source", "item_id"])
    op.create_index("ix_analysis_tag_tagged_by_id", "analysis_tag", ["tagged_by_id"])
    op.create_table(
        "analysis_suggestion",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("subject", _subject(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=120), nullable=False),
        sa.Column("phrases", sa.JSON(), nullable=False),
        sa.Column("item_ids", sa.JSON(), nullable=False),
        sa.Column(
            "state",
            _enum("open", "accepted", "merged", "discarded", name="suggestionstate"),
            nullable=False,
        ),
        sa.Column(
            "theme_id",
            sa.Integer(),
            sa.ForeignKey("analysis_theme.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _user_fk("decided_by_id"),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
    )
    op.create_index(
        "ix_analysis_suggestion_subject", "analysis_suggestion", ["subject", "subject_id"]
    )
    op.create_index("ix_analysis_suggestion_theme_id", "analysis_suggestion", ["theme_id"])
    op.create_index(
        "ix_analysis_suggestion_decided_by_id", "analysis_suggestion", ["decided_by_id"]
    )
    op.create_table(
        "analysis_report",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("subject", _subject(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("what_asked", sa.Text(), nullable=False),
        sa.Column("how_when", sa.Text(), nullable=False),
        sa.Column("young_views", sa.Text(), nullable=False),
        sa.Column("what_next", sa.Text(), nullable=False),
        sa.Column("state", _enum("draft", "published", name="reportstate"), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        _user_fk("published_by_id"),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("subject", "subject_id"),
    )
    op.create_index("ix_analysis_report_published_by_id", "analysis_report", ["published_by_id"])
    op.create_table(
        "analysis_quote",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "theme_id",
            sa.Integer(),
            sa.ForeignKey("analysis_theme.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        _user_fk("chosen_by_id"),
        sa.Column("chosen_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("theme_id", "source", "item_id"),
    )
    op.create_index("ix_analysis_quote_chosen_by_id", "analysis_quote", ["chosen_by_id"])


def downgrade():
    op.drop_table("analysis_quote")
    op.drop_table("analysis_report")
    op.drop_table("analysis_suggestion")
    op.drop_table("analysis_tag")
    op.drop_table("analysis_theme")
