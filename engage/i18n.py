"""Locale choice, text direction and translated content fields; `_` and `_l` come from here."""

import threading
import weakref
from contextlib import nullcontext
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlencode

import flask_babel
from babel import support
from flask import has_request_context, request, session
from flask.globals import _cv_app
from flask_babel import get_locale as _flask_babel_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from jinja2 import pass_eval_context
from markupsafe import Markup, escape

from engage.urls import query_arg

__all__ = [
    "_",
    "_l",
    "ngettext",
    "LOCALES",
    "Locale",
    "select_locale",
    "text_direction",
    "in_locale",
    "detect_language",
]


@dataclass(frozen=True)
class Locale:
    code: str
    name: str  # in its own script, so a reader finds their language without knowing English
    english: str
    rtl: bool = False

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


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
TRANSLATED_LOCALES = tuple(code for code in LOCALES if code != DEFAULT_LOCALE)


# Messages in the reader's language -------------------------------------------------------------
#
# Flask-Babel keeps the request's locale and time zone (or a `force_locale` block's) on a
# namespace of `g`, but finds it through `g`'s proxy three times a call: a page asks for them
# a few hundred times (every `_()` in a template, every date, every translated field), which
# was a fifth of rendering a priority page. These read that namespace directly when it is set,
# and ask Flask-Babel otherwise (its first call in a request chooses and sets them).


def _babel_state():
    ctx = _cv_app.get(None)
    return None if ctx is None else ctx.g.__dict__.get("_flask_babel")


def babel_locale():
    """flask_babel.get_locale(): this request's locale, or the one a force_locale block sets."""
    locale = getattr(_babel_state(), "babel_locale", None)
    return locale if locale is not None else _flask_babel_locale()


def locale_code(locale) -> str:
    """A babel Locale's identifier ("pl"): its language alone for the app's own locales, since
    str() builds the identifier afresh on every call (a few hundred times a page). Outside any
    app context Flask-Babel has no locale: the default language's code."""
    if locale is None:
        return DEFAULT_LOCALE
    if locale.territory is None and locale.script is None and locale.variant is None:
        return locale.language
    return str(locale)


def current_locale_code() -> str:
    """This request's language code ("ur"), found the quick way: cache keys and catalogues."""
    return locale_code(babel_locale())


def babel_timezone():
    """flask_babel.get_timezone(), found the same quick way."""
    tzinfo = getattr(_babel_state(), "babel_tzinfo", None)
    return tzinfo if tzinfo is not None else flask_babel.get_timezone()


# Each app's catalogues by locale, as Flask-Babel loaded them (it keeps them for good as well).
_catalogues: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def translations():
    """The message catalogue for this request's locale (Flask-Babel's own, found quickly)."""
    ctx = _cv_app.get(None)
    if ctx is None:
        return flask_babel.get_translations()
    by_locale = _catalogues.get(ctx.app)
    if by_locale is None:
        by_locale = _catalogues.setdefault(ctx.app, {})
    key = current_locale_code()
    found = by_locale.get(key)
    if found is None:
        found = by_locale[key] = flask_babel.get_translations()
    return found


def _(string: str, **variables) -> str:
    """The message in the reader's language, with `variables` put in (Flask-Babel's gettext)."""
    text = translations().ugettext(string)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    """The singular or plural message for `num` in the reader's language (`%(num)d` is num)."""
    variables.setdefault("num", num)
    return translations().ungettext(singular, plural, num) % variables


@lru_cache(maxsize=4096)
def _date_text(format_with, value, format, locale, tzinfo) -> str:
    # Keyed by the locale and time zone that `format_with` reads from the request, so a kept
    # text is what it would make now; dates on a page repeat (a list's closing dates).
    return format_with(value, format)


def format_date(value=None, format=None) -> str:
    """flask_babel.format_date in the reader's locale and time zone, kept per value."""
    if value is None:
        return flask_babel.format_date(value, format)
    return _date_text(flask_babel.format_date, value, format, babel_locale(), babel_timezone())


def format_datetime(value=None, format=None) -> str:
    """flask_babel.format_datetime in the reader's locale and time zone, kept per value."""
    if value is None:
        return flask_babel.format_datetime(value, format)
    return _date_text(flask_babel.format_datetime, value, format, babel_locale(), babel_timezone())


def requested_locale() -> str | None:
    """The language asked for with ?lang= on this request, if it is one we ship."""
    code = query_arg("lang")
    return code if code in LOCALES else None


def select_locale() -> str:
    """Pick the locale: ?lang=, then the remembered choice, the account, then Accept-Language."""
    code = requested_locale()
    if code:
        session["locale"] = code
        return code
    code = session.get("locale")
    if code in LOCALES:
        return code
    code = getattr(current_user, "locale", None) if current_user else None
    if code in LOCALES:
        return code
    return negotiate(request.accept_languages) or DEFAULT_LOCALE


def negotiate(accepted) -> str | None:
    """The first shipped language in the browser's list, in its order of preference.

    Matched on the primary subtag, so `ur-PK` means Urdu even when `en` comes later in the list.
    Panjabi in Shahmukhi script (`pa-PK`, `pa-Arab`) is read by people who read Urdu script; our
    Panjabi is Gurmukhi, so they get Urdu.
    """
    for value, _quality in accepted:
        tags = value.lower().replace("_", "-").split("-")
        if tags[0] == "pa" and ("arab" in tags[1:] or "pk" in tags[1:]):
            return "ur"
        if tags[0] in LOCALES:
            return tags[0]
    return None


def current_locale() -> Locale:
    """The Locale record for this request."""
    return LOCALES.get(current_locale_code(), LOCALES[DEFAULT_LOCALE])


def language_name(code: str) -> str:
    """A language's name in the reader's language (Urdu is "urdu" to a Polish reader)."""
    import babel

    return babel.Locale.parse(code).get_language_name(current_locale().code) or code


def text_direction() -> str:
    """'rtl' or 'ltr' for the <html dir> attribute."""
    return current_locale().direction


def in_locale(code: str | None):
    """Context manager: build a message (an email, a notice) in someone else's language."""
    if code in LOCALES:
        return flask_babel.force_locale(code)
    return nullcontext()


# Content translations -------------------------------------------------------------------------
#
# Staff translate council content (see engage/translations). Templates call tr(obj, field) for
# the text, tr_lang(obj, field) for the lang/dir attributes of the element holding it, and
# tr_span(obj, field) where only inline text fits (macro parameters). The first lookup for a kind
# of object loads the translations of every object of that kind already in the session, so a
# list page costs one query per kind, not one per item.


def _request_state() -> dict:
    """Per-request memo: translations loaded, and whether any English fallback was shown."""
    if not has_request_context():
        return {}
    state = getattr(request, "_engage_content_i18n", None)
    if state is None:
        state = {"loaded": {}, "fallback": False}
        request._engage_content_i18n = state
    return state


def _translations_of(obj, locale: str) -> dict[str, str]:
    from engage.translations.service import load_translations

    state = _request_state()
    loaded = state.setdefault("loaded", {}).setdefault((type(obj), locale), {})
    if obj.id not in loaded:
        loaded.update(load_translations(type(obj), locale, obj.id, loaded.keys()))
    return loaded.get(obj.id, {})


def _lookup(obj, field: str) -> tuple[str, str]:
    """(text, language of that text) for a content field in the reader's language."""
    if obj is None:
        return "", DEFAULT_LOCALE
    english = getattr(obj, field) or ""
    locale = current_locale().code
    if locale == DEFAULT_LOCALE or getattr(obj, "id", None) is None:
        return english, DEFAULT_LOCALE
    text = _translations_of(obj, locale).get(field)
    if text:
        return text, locale
    if english:
        _request_state()["fallback"] = True
    return english, DEFAULT_LOCALE


def translated(obj, field: str) -> str:
    """The value of a content field in the reader's language, falling back to English."""
    return _lookup(obj, field)[0]


def translated_with_lang(obj, field: str) -> tuple[str, str]:
    """(text, its language code) for a content field, for output that is not HTML (feeds)."""
    return _lookup(obj, field)


def translated_lang(obj, field: str) -> Markup:
    """` lang="en" dir="ltr"` for an element whose content fell back to English, else nothing."""
    text, lang = _lookup(obj, field)
    if lang == current_locale().code or not text:
        return Markup("")
    return Markup(' lang="%s" dir="%s"') % (lang, LOCALES[lang].direction)


def translated_span(obj, field: str) -> Markup:
    """The field as inline HTML, wrapped in <span lang="en"> when it fell back to English."""
    attrs = translated_lang(obj, field)
    text = escape(translated(obj, field))
    return Markup("<span%s>%s</span>") % (attrs, text) if attrs else text


def shown_english_fallback() -> bool:
    """True once any content field on this page fell back to English."""
    return bool(_request_state().get("fallback"))


# People's own words ---------------------------------------------------------------------------

_LINGUA_NAMES = {
    "en": "ENGLISH",
    "ur": "URDU",
    "pl": "POLISH",
    "bn": "BENGALI",
    "ro": "ROMANIAN",
    "pa": "PUNJABI",
    "pt": "PORTUGUESE",
    "ar": "ARABIC",
}
_detector = None
_detector_lock = threading.Lock()
MIN_DETECT_LETTERS = 12  # below this a guess is noise; trust the writer's interface language


def _get_detector(preload: bool = False):
    global _detector
    if _detector is None:
        with _detector_lock:
            if _detector is None:
                from lingua import Language, LanguageDetectorBuilder

                languages = [getattr(Language, name) for name in _LINGUA_NAMES.values()]
                builder = LanguageDetectorBuilder.from_languages(*languages)
                builder = builder.with_minimum_relative_distance(0.1)
                # Trigrams only: 16 MB of models rather than 229 MB, for 96.3 % of messages
                # tagged right rather than 97.7 % (docs/production.md, "Memory per worker").
                builder = builder.with_low_accuracy_mode()
                if preload:
                    builder = builder.with_preloaded_language_models()
                _detector = builder.build()
    return _detector


def preload_language_models() -> None:
    """Load every shipped language's detection models now, rather than at the first comments.

    Loaded by the master before it forks (engage/ops/warm.py), the workers share one copy (16 MB)
    rather than each loading its own at its first comment.
    """
    _get_detector(preload=True)


def detect_language(text: str, fallback: str | None = None) -> str | None:
    """Which shipped language a person wrote in (offline), or `fallback` when unsure."""
    letters = sum(ch.isalpha() for ch in text or "")
    if letters >= MIN_DETECT_LETTERS:
        found = _get_detector().detect_language_of(text)
        if found is not None:
            by_name = {v: k for k, v in _LINGUA_NAMES.items()}
            return by_name.get(found.name, fallback)
    return fallback if fallback in LOCALES else None


# Page helpers ---------------------------------------------------------------------------------


def language_url(code: str) -> str:
    """This page's address in another language (GET, so a form page re-opens empty)."""
    args = request.args.to_dict(flat=False)
    args["lang"] = [code]
    return f"{request.path}?{urlencode(args, doseq=True)}"


def _remember_choice() -> None:
    """A signed-in person who picks a language keeps it on their account too."""
    code = requested_locale()
    if not code or not current_user or not current_user.is_authenticated:
        return
    if current_user.locale != code:
        from engage.accounts.service import set_locale
        from engage.extensions import db

        set_locale(current_user, code)
        db.session.commit()


def init_app(app) -> None:
    """Expose locale helpers to templates; choose the locale afresh on every request."""

    @app.before_request
    def _fresh_locale():
        # Flask-Babel memoises the locale on `g`, which outlives a request when an app context
        # is already pushed (tests, CLI); each request must choose again.
        flask_babel.refresh()
        _remember_choice()

    app.jinja_env.globals.update(
        LOCALES=LOCALES,
        current_locale=current_locale,
        text_direction=text_direction,
        language_name=language_name,
        tr=translated,
        tr_lang=translated_lang,
        tr_span=translated_span,
        shown_english_fallback=shown_english_fallback,
        language_url=language_url,
    )
    # Dates and numbers in the reader's locale; naive datetimes are UTC, shown in UK time.
    app.jinja_env.filters.update(
        format_date=format_date,
        format_datetime=format_datetime,
        format_number=flask_babel.format_number,
    )
    # Templates' _(), gettext() and ngettext(), in place of those Flask-Babel installs (its
    # pgettext() and npgettext(), which no template uses, stay): the catalogue found quickly
    # (above), and escaped and filled in as Jinja's newstyle gettext does, asking only whether the
    # template escapes. Jinja's take the whole template context, and a function taking it inside a
    # loop or a block is handed a copy of it, every variable and block (16 copies on the home
    # page); and its _() calls gettext() through the context again.
    app.jinja_env.globals.update(
        _=_template_gettext, gettext=_template_gettext, ngettext=_template_ngettext
    )


def _filled(eval_ctx, text: str, variables: dict):
    """A message with `variables` put in, as Jinja's newstyle gettext does: in a template that
    escapes, the catalogue's text is trusted markup and what `%` puts in is escaped."""
    if eval_ctx.autoescape:
        text = Markup(text)  # noqa: S704  # nosec B704 - the catalogue's own text
    return text % variables


@pass_eval_context
def _template_gettext(eval_ctx, string: str, **variables):
    """A template's _(): the message in the reader's language, with `variables` put in."""
    return _filled(eval_ctx, translations().ugettext(string), variables)


@pass_eval_context
def _template_ngettext(eval_ctx, singular: str, plural: str, num: int, **variables):
    """A template's ngettext(): as _(), the form for `num`, which is also `%(num)d`."""
    variables.setdefault("num", num)
    return _filled(eval_ctx, translations().ungettext(singular, plural, num), variables)


# WTForms' own messages ("Not a valid integer value." and the like) ------------------------------

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
_wtforms_catalogues: dict[str, support.Translations | support.NullTranslations] = {}


class _WTFormsTranslations:
    """WTForms' built-in messages from our own `wtforms` catalogues.

    WTForms ships catalogues for only some of our languages (not Urdu, Bengali or Panjabi), and
    those are incomplete, so we keep a complete `wtforms` domain beside `messages`.
    """

    def _catalogue(self):
        code = current_locale().code if has_request_context() else DEFAULT_LOCALE
        if code not in _wtforms_catalogues:
            _wtforms_catalogues[code] = support.Translations.load(
                str(TRANSLATIONS_DIR), [code], domain="wtforms"
            )
        return _wtforms_catalogues[code]

    def gettext(self, string: str) -> str:
        """Translate one of WTForms' messages."""
        return self._catalogue().gettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Translate one of WTForms' counted messages."""
        return self._catalogue().ngettext(singular, plural, n)


wtforms_translations = _WTFormsTranslations()
