"""The search index: one row per findable item, with its words folded for matching.

On SQLite an FTS5 table (`search_fts`) indexes these rows' `title` and `body` through triggers; on
PostgreSQL a `document` tsvector column with a GIN index does. Both are made by the migration for
their database only, so the models leave them out (UNMANAGED_SCHEMA).
"""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from engage.clock import utcnow
from engage.extensions import UNMANAGED_SCHEMA, db

FTS_TABLE = "search_fts"
UNMANAGED_SCHEMA.update(
    {
        FTS_TABLE,
        *(f"{FTS_TABLE}_{shadow}" for shadow in ("data", "idx", "docsize", "config", "content")),
        "search_entry.document",
        "ix_search_entry_document",
    }
)


class SearchEntry(db.Model):
    """An item someone can find: what kind it is, which one, who may find it, and its words."""

    __tablename__ = "search_entry"
    __table_args__ = (sa.UniqueConstraint("kind", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(sa.String(20))
    item_id: Mapped[int] = mapped_column()
    # False for drafts: only staff who may see unpublished content find them.
    public: Mapped[bool] = mapped_column(default=True)
    # Folded words (engage.search.text.fold), every language the item is written in.
    title: Mapped[str] = mapped_column(sa.Text, default="")
    body: Mapped[str] = mapped_column(sa.Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
