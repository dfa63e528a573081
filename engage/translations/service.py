"""Which content can be translated, loading translations for pages, and saving staff's work."""

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy import select

from engage import events
from engage.extensions import db
from engage.i18n import TRANSLATED_LOCALES, _l
from engage.translations.models import ContentTranslation


@dataclass(frozen=True)
class TextField:
    name: str
    label: object  # a lazy string
    multiline: bool = False


@dataclass(frozen=True)
class Kind:
    """A model whose text staff translate, and how its translation page is laid out."""

    entity: str  # the model's table name, stored in ContentTranslation.entity
    label: object
    fields: tuple[TextField, ...]
    title_field: str
    # Content translated on the same page as its parent (a survey's questions and options).
    children: Callable[[object], Iterable[object]] = field(default=lambda obj: ())
    # Top-level kinds are listed on the overview page; children appear inside their parent.
    listed: bool = True

    @property
    def model(self):
        return _model_for(self.entity)


def _model_for(entity: str):
    """The model class for a table name, or None while that feature is not installed."""
    for mapper in db.Model.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == entity:
            return mapper.class_
    return None


def _question_children(question):
    return list(question.options)


def _survey_children(survey):
    items = []
    for question in survey.questions:
        items.append(question)
        items.extend(question.options)
    return items


KINDS: dict[str, Kind] = {
    kind.entity: kind
    for kind in (
        Kind(
            "priority",
            _l("Priority"),
            (
                TextField("title", _l("Title")),
                TextField("description", _l("Description"), multiline=True),
                TextField("youth_description", _l("Description for young people"), True),
            ),
            "title",
        ),
        Kind(
            "board",
            _l("Board"),
            (
                TextField("name", _l("Name")),
                TextField("description", _l("Description"), multiline=True),
            ),
            "name",
        ),
        Kind(
            "plan",
            _l("Plan"),
            (
                TextField("name", _l("Name")),
                TextField("description", _l("Description"), multiline=True),
            ),
            "name",
        ),
        Kind(
            "proposal",
            _l("Proposal"),
            (
                TextField("title", _l("Title")),
                TextField("summary", _l("Summary"), multiline=True),
                TextField("youth_summary", _l("Summary for young people"), multiline=True),
                TextField("body", _l("Full proposal"), multiline=True),
                TextField("who_decides", _l("Who decides")),
                TextField("outcome_you_said", _l("You said"), multiline=True),
                TextField("outcome_we_did", _l("We did"), multiline=True),
                TextField("outcome_why", _l("Why"), multiline=True),
            ),
            "title",
            children=lambda proposal: list(proposal.documents),
        ),
        Kind(
            "proposal_document",
            _l("Supporting document"),
            (TextField("title", _l("Document title")),),
            "title",
            listed=False,
        ),
        Kind(
            "survey",
            _l("Survey"),
            (
                TextField("title", _l("Title")),
                TextField("introduction", _l("Introduction"), multiline=True),
                TextField("what_next", _l("What happens next"), multiline=True),
            ),
            "title",
            children=_survey_children,
        ),
        Kind(
            "survey_question",
            _l("Question"),
            (TextField("text", _l("Question")), TextField("hint", _l("Hint"), multiline=True)),
            "text",
            listed=False,
        ),
        Kind(
            "survey_question_option",
            _l("Answer option"),
            (TextField("label", _l("Answer option")),),
            "label",
            listed=False,
        ),
    )
}


def kind_of(obj) -> Kind:
    """The translation kind of a model instance."""
    return KINDS[obj.__tablename__]


def source_hash(text: str) -> str:
    """A short fingerprint of English text, to notice when it changes after translation."""
    return hashlib.sha256((text or "").encode()).hexdigest()[:16]


def load_translations(
    model, locale: str, wanted_id: int, already: Iterable[int]
) -> dict[int, dict[str, str]]:
    """Translations for `wanted_id` and every other `model` object already in the session.

    Pages load their content before rendering it, so one query here serves a whole list.
    A translation made before the English last changed is left out: readers get the current
    English with the "not translated yet" notice rather than an old text with no warning.
    """
    in_session = {
        obj.id: obj
        for obj in list(db.session.identity_map.values())
        if isinstance(obj, model) and obj.id is not None
    }
    ids = ({wanted_id} | set(in_session)) - set(already)
    result: dict[int, dict[str, str]] = {i: {} for i in ids}
    if not ids:
        return result
    rows = db.session.execute(
        select(
            ContentTranslation.entity_id,
            ContentTranslation.field,
            ContentTranslation.text,
            ContentTranslation.source_hash,
        ).where(
            ContentTranslation.entity == model.__tablename__,
            ContentTranslation.locale == locale,
            ContentTranslation.entity_id.in_(sorted(ids)),
        )
    )
    for entity_id, name, text, fingerprint in rows:
        obj = in_session.get(entity_id) or db.session.get(model, entity_id)
        if obj is not None and fingerprint != source_hash(getattr(obj, name, "") or ""):
            continue  # out of date
        result[entity_id][name] = text
    return result


def translations_for(
    objects: Iterable[object],
) -> dict[tuple[str, int, str, str], ContentTranslation]:
    """Every translation of these objects, keyed by (entity, id, field, locale)."""
    by_entity: dict[str, set[int]] = {}
    for obj in objects:
        by_entity.setdefault(obj.__tablename__, set()).add(obj.id)
    found = {}
    for entity, ids in by_entity.items():
        for row in db.session.scalars(
            select(ContentTranslation).where(
                ContentTranslation.entity == entity, ContentTranslation.entity_id.in_(sorted(ids))
            )
        ):
            found[(row.entity, row.entity_id, row.field, row.locale)] = row
    return found


@dataclass
class FieldState:
    """One field of one item in one language, as the translation page shows it."""

    obj: object
    field: TextField
    english: str
    translation: ContentTranslation | None

    @property
    def key(self) -> str:
        return f"t_{self.obj.__tablename__}_{self.obj.id}_{self.field.name}"

    @property
    def needed(self) -> bool:
        return bool(self.english.strip())

    @property
    def missing(self) -> bool:
        return self.needed and self.translation is None

    @property
    def outdated(self) -> bool:
        return (
            self.needed
            and self.translation is not None
            and self.translation.source_hash != source_hash(self.english)
        )


def item_objects(obj) -> list[object]:
    """The item and everything translated on its page with it."""
    return [obj, *kind_of(obj).children(obj)]


def field_states(obj, locale: str, found=None) -> list[FieldState]:
    """Every translatable field of an item (and its children) in one language."""
    objects = item_objects(obj)
    found = translations_for(objects) if found is None else found
    states = []
    for item in objects:
        for text_field in kind_of(item).fields:
            states.append(
                FieldState(
                    item,
                    text_field,
                    getattr(item, text_field.name) or "",
                    found.get((item.__tablename__, item.id, text_field.name, locale)),
                )
            )
    return states


@dataclass
class ItemStatus:
    """How far one item is translated into each language."""

    obj: object
    kind: Kind
    needed: int
    missing: dict[str, int]
    outdated: dict[str, int]


def overview() -> list[ItemStatus]:
    """Every translatable item with the number of fields missing per language, in few queries."""
    items: list[object] = []
    for kind in KINDS.values():
        if not kind.listed or kind.model is None:
            continue
        items.extend(db.session.scalars(select(kind.model).order_by(kind.model.id.desc())))
    found = translations_for([o for obj in items for o in item_objects(obj)])
    return [item_status(obj, found) for obj in items]


def item_status(obj, found=None) -> ItemStatus:
    """How many of an item's fields are missing or out of date in each language."""
    if found is None:
        found = translations_for(item_objects(obj))
    missing, outdated = {}, {}
    needed = 0
    for locale in TRANSLATED_LOCALES:
        states = field_states(obj, locale, found)
        needed = sum(s.needed for s in states)
        missing[locale] = sum(s.missing for s in states)
        outdated[locale] = sum(s.outdated for s in states)
    return ItemStatus(obj, kind_of(obj), needed, missing, outdated)


def load_item(entity: str, entity_id: int):
    """A listed item by kind and id, or None."""
    kind = KINDS.get(entity)
    if kind is None or not kind.listed or kind.model is None:
        return None
    return db.session.get(kind.model, entity_id)


def save_translations(user, obj, locale: str, values: dict[str, str]) -> int:
    """Store the translations typed for an item; an emptied box removes that translation.

    `values` maps FieldState.key to text. Returns how many fields changed.
    """
    if locale not in TRANSLATED_LOCALES:
        raise ValueError(locale)
    changed = 0
    for state in field_states(obj, locale):
        if state.key not in values:
            continue
        text = (values[state.key] or "").strip()
        row = state.translation
        if not text:
            if row is not None:
                db.session.delete(row)
                changed += 1
            continue
        fingerprint = source_hash(state.english)
        if row is None:
            row = ContentTranslation(
                entity=state.obj.__tablename__,
                entity_id=state.obj.id,
                field=state.field.name,
                locale=locale,
            )
            db.session.add(row)
        elif row.text == text and row.source_hash == fingerprint:
            continue
        row.text = text
        row.source_hash = fingerprint
        row.updated_by_id = user.id
        changed += 1
    db.session.flush()
    if changed:
        events.content_translated.send(obj, locale=locale)
    return changed


def delete_translations_of(obj) -> None:
    """Remove every translation of an item that is being deleted."""
    db.session.execute(
        sa.delete(ContentTranslation).where(
            ContentTranslation.entity == obj.__tablename__, ContentTranslation.entity_id == obj.id
        )
    )
