"""A translation of one field of one piece of council content into one language."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from engage.clock import utcnow
from engage.extensions import db


class ContentTranslation(db.Model):
    """One field (a proposal's title, a question's hint...) in one language.

    Generic over the kind of content, so a new translatable model needs no new table: `entity` is
    the model's table name and `entity_id` its primary key.
    """

    __tablename__ = "content_translation"
    __table_args__ = (
        sa.UniqueConstraint("entity", "entity_id", "field", "locale"),
        sa.Index("ix_content_translation_entity_locale", "entity", "locale", "entity_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entity: Mapped[str] = mapped_column(sa.String(40))
    entity_id: Mapped[int] = mapped_column()
    field: Mapped[str] = mapped_column(sa.String(40))
    locale: Mapped[str] = mapped_column(sa.String(8))
    text: Mapped[str] = mapped_column(sa.Text)
    # A fingerprint of the English this was translated from, so staff see when it has changed.
    source_hash: Mapped[str] = mapped_column(sa.String(16), default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("user.id", ondelete="SET NULL"), index=True
    )

    def __repr__(self) -> str:
        return f"<ContentTranslation {self.entity}:{self.entity_id}.{self.field} {self.locale}>"
