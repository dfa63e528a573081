"""issue 13: single-use comment forms, rating scale words, username comparison keys

Revision ID: 0010
Revises: 0004
Create Date: 2026-12-02 04:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def _username_key(name: str) -> str:
    # The same as engage.accounts.usernames.username_key, frozen here for this migration.
    import unicodedata

    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name.strip()).casefold())


def upgrade():
    # Plain ADD COLUMN and unique indexes: a batch rebuild of "user" or "comment" would drop a
    # table that other rows point at, which SQLite refuses once the site holds data.
    op.add_column("user", sa.Column("username_key", sa.String(length=80), nullable=True))
    conn = op.get_bind()
    users = sa.table("user", sa.column("id"), sa.column("username"), sa.column("username_key"))
    for user_id, name in conn.execute(
        sa.select(users.c.id, users.c.username).where(users.c.username.is_not(None))
    ).all():
        conn.execute(
            users.update().where(users.c.id == user_id).values(username_key=_username_key(name))
        )
    op.create_index("uq_user_username_key", "user", ["username_key"], unique=True)
    op.add_column("comment", sa.Column("submit_token", sa.String(length=32), nullable=True))
    op.create_index(
        "uq_comment_author_submit_token", "comment", ["author_id", "submit_token"], unique=True
    )
    op.add_column(
        "survey_question",
        sa.Column(
            "scale",
            sa.Enum(
                "quality",
                "importance",
                "agreement",
                "satisfaction",
                name="ratingscale",
                native_enum=False,
                length=20,
            ),
            server_default="quality",
            nullable=False,
        ),
    )


def downgrade():
    op.drop_index("uq_user_username_key", table_name="user")
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_column("username_key")
    with op.batch_alter_table("survey_question", schema=None) as batch_op:
        batch_op.drop_column("scale")
    op.drop_index("uq_comment_author_submit_token", table_name="comment")
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.drop_column("submit_token")
