"""Council content's translations as words to index, for the search indexers of each feature."""

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import select

from engage.extensions import db
from engage.translations.models import ContentTranslation
from engage.translations.service import source_hash


def current_translations(
    objects: Iterable[object], fields: Iterable[str]
) -> dict[int, list[tuple[str, str, str]]]:
    """{id: [(field, locale, text)]} of these objects' up-to-date translations of `fields`.

    A translation of English that has since changed is left out, as pages leave it out.
    """
    by_id = {obj.id: obj for obj in objects}
    found: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
    if not by_id:
        return found
    entity = next(iter(by_id.values())).__tablename__
    ids = sorted(by_id)
    for start in range(0, len(ids), 500):
        rows = _rows(entity, ids[start : start + 500], list(fields))
        for entity_id, field, locale, text, fingerprint in rows:
            english = getattr(by_id[entity_id], field, "") or ""
            if fingerprint == source_hash(english):
                found[entity_id].append((field, locale, text))
    return found


def _rows(entity: str, ids: list[int], fields: list[str]):
    """(entity_id, field, locale, text, source_hash) rows of these items' translations."""
    return db.session.execute(
        select(
            ContentTranslation.entity_id,
            ContentTranslation.field,
            ContentTranslation.locale,
            ContentTranslation.text,
            ContentTranslation.source_hash,
        ).where(
            ContentTranslation.entity == entity,
            ContentTranslation.entity_id.in_(ids),
            ContentTranslation.field.in_(fields),
        )
    ).all()
