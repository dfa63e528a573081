"""Locale choice, text direction and translated content fields; `_` and `_l` come from here."""

from dataclasses import dataclass
from urllib.parse import urlencode

import flask_babel
from flask import g, request, session
from flask_babel import get_locale as babel_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_login import current_user

__all__ = ["_", "_l", "ngettext", "LOCALES", "Locale", "select_locale", "text_direction"]


@dataclass(frozen=True)
class Locale:
    code: str
    name: str  # in its own script, so a reader finds their language without knowing English
    english: str
    rtl: bool = False


LOCALES: dict[str, Locale] = {
    loc.code: loc
    for loc in (
        Locale("en", "English", "English"),
        Locale("ur", "اردو", "Urdu", rtl=True),
        Locale("pl", "Polski", "Polish"),
        Locale("bn", "বাংলা", "Bengali"),
        Locale("ro", "Română", "Romanian"),
        Locale("pa", "ਪੰਜਾਬੀ", "Panjabi"),
        Locale("pt", "Português", "Portuguese"),
        Locale("ar", "العربية", "Arabic", rtl=True),
    )
}
DEFAULT_LOCALE = "en"


def select_locale() -> str:
    """Pick the locale: ?lang=, then the remembered choice, the account, then Accept-Language."""
    if "locale" in g:
        return g.locale
    code = request.args.get("lang")
    if code in LOCALES:
        session["locale"] = code
    else:
        code = session.get("locale")
        if code not in LOCALES:
            code = getattr(current_user, "locale", None) if current_user else None
            if code not in LOCALES:
                code = request.accept_languages.best_match(LOCALES.keys(), DEFAULT_LOCALE)
    g.locale = code
    return code


def current_locale() -> Locale:
    """The Locale record for this request."""
    return LOCALES.get(str(babel_locale()), LOCALES[DEFAULT_LOCALE])


def text_direction() -> str:
    """'rtl' or 'ltr' for the <html dir> attribute."""
    return "rtl" if current_locale().rtl else "ltr"


def translated(obj, field: str) -> str:
    """The value of a content field in the reader's language, falling back to English."""
    return getattr(obj, field) or ""


def language_url(code: str) -> str:
    """This page's address in another language (GET, so a form page re-opens empty)."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [code]
    return f"{request.path}?{urlencode(args, doseq=True)}"


def init_app(app) -> None:
    """Expose locale helpers to templates."""
    app.jinja_env.globals.update(
        LOCALES=LOCALES,
        current_locale=current_locale,
        text_direction=text_direction,
        tr=translated,
        language_url=language_url,
    )
    # Dates and numbers in the reader's locale; naive datetimes are UTC, shown in UK time.
    app.jinja_env.filters.update(
        format_date=flask_babel.format_date,
        format_datetime=flask_babel.format_datetime,
        format_number=flask_babel.format_number,
    )
