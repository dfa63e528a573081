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
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("username_key", sa.String(length=80), nullable=True))
    conn = op.get_bind()
    users = sa.table("user", sa.column("id"), sa.column("username"), sa.column("username_key"))
    for user_id, name in conn.execute(
        sa.select(users.c.id, users.c.username).where(users.c.username.is_not(None))
    ).all():
        conn.execute(
            users.update().where(users.c.id == user_id).values(username_key=_username_key(name))
        )
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.create_unique_constraint("uq_user_username_key", ["username_key"])
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.add_column(sa.Column("submit_token", sa.String(length=32), nullable=True))
        batch_op.create_unique_constraint(
            "uq_comment_author_submit_token", ["author_id", "submit_token"]
        )
    with op.batch_alter_table("survey_question", schema=None) as batch_op:
        batch_op.add_column(
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
            )
        )


def downgrade():
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_constraint("uq_user_username_key", type_="unique")
        batch_op.drop_column("username_key")
    with op.batch_alter_table("survey_question", schema=None) as batch_op:
        batch_op.drop_column("scale")
    with op.batch_alter_table("comment", schema=None) as batch_op:
        batch_op.drop_constraint("uq_comment_author_submit_token", type_="unique")
        batch_op.drop_column("submit_token")
