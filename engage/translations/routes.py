"""Officers' pages for translating council content: an overview and a side-by-side editor."""

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from engage.extensions import db
from engage.i18n import LOCALES, TRANSLATED_LOCALES, _
from engage.permissions import require
from engage.translations import bp, service
from engage.translations.forms import translation_form


def _groups(states):
    """The fields to translate, grouped by the object they belong to, in page order."""
    groups = []
    for state in states:
        if not state.needed:
            continue
        if not groups or groups[-1][1] is not state.obj:
            groups.append((service.kind_of(state.obj), state.obj, []))
        groups[-1][2].append(state)
    return groups


@bp.route("/manage/translations")
@require("content.translate")
def manage_translations():
    """Every piece of council content with the fields still to translate in each language."""
    return render_template(
        "translations/manage_translations.html",
        items=service.overview(),
        locales=[LOCALES[code] for code in TRANSLATED_LOCALES],
    )


@bp.route("/manage/translations/<entity>/<int:entity_id>/<locale>", methods=["GET", "POST"])
@require("content.translate")
def manage_translation_edit(entity, entity_id, locale):
    """The English beside its translation into one language, field by field."""
    item = service.load_item(entity, entity_id)
    if item is None or locale not in TRANSLATED_LOCALES:
        abort(404)
    states = service.field_states(item, locale)
    form = translation_form(states)
    if form.validate_on_submit():
        values = {s.key: form[s.key].data for s in states if s.key in form}
        service.save_translations(current_user, item, locale, values)
        db.session.commit()
        flash(_("Translation saved."), "success")
        return redirect(
            url_for(
                "translations.manage_translation_edit",
                entity=entity,
                entity_id=entity_id,
                locale=locale,
            )
        )
    return render_template(
        "translations/manage_translation_edit.html",
        item=item,
        kind=service.kind_of(item),
        locale=LOCALES[locale],
        locales=[LOCALES[code] for code in TRANSLATED_LOCALES],
        groups=_groups(states),
        status=service.item_status(item),
        form=form,
    ), (400 if form.errors else 200)
