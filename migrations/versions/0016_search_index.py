"""search index: search_entry, with FTS5 on SQLite and a tsvector column on PostgreSQL

Revision ID: 0016
Revises: 0013
Create Date: 2026-12-02 07:30:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0013"
branch_labels = None
depends_on = None

# Letters, digits, private use and MARKS are parts of words: without M*, unicode61 cuts Bengali
# and Gurmukhi words at every vowel sign and virama (পার্কিং becomes প, র, ক...).
FTS_TOKENIZER = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'"


def upgrade():
    op.create_table(
        "search_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entry")),
        sa.UniqueConstraint("kind", "item_id", name=op.f("uq_search_entry_kind_item_id")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE search_entry ADD COLUMN document tsvector")
        op.execute("CREATE INDEX ix_search_entry_document ON search_entry USING gin (document)")
        return
    # The words live once, in search_entry (external content); triggers keep the index in step,
    # so deleting an entry takes its words out of the index in the same statement.
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='search_entry', "
        f"content_rowid='id', tokenize=\"{FTS_TOKENIZER}\")"
    )
    op.execute(
        "CREATE TRIGGER search_entry_ai AFTER INSERT ON search_entry BEGIN "
        "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END"
    )
    op.execute(
        "CREATE TRIGGER search_entry_ad AFTER DELETE ON search_entry BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, title, body) "
        "VALUES ('delete', old.id, old.title, old.body); END"
    )
    op.execute(
        "CREATE TRIGGER search_entry_au AFTER UPDATE ON search_entry BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, title, body) "
        "VALUES ('delete', old.id, old.title, old.body); "
        "INSERT INTO search_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END"
    )


def downgrade():
    if op.get_bind().dialect.name != "postgresql":
        for trigger in ("search_entry_au", "search_entry_ad", "search_entry_ai"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_entry")
