"""The quick message, locale and date lookups (engage/i18n.py) answer as Flask-Babel does.

They read Flask-Babel's per-request namespace directly, so these tests hold them to Flask-Babel's
own answers: in the request's language, inside a `force_locale` block (an email in its
recipient's language) and back out of it, in templates and in Python.
"""

from datetime import datetime

import flask_babel
from flask import render_template_string

from engage import i18n

WHEN = datetime(2026, 7, 14, 23, 30)  # UTC: already 15 July in UK summer time


def _answers():
    """What the quick lookups say, beside what Flask-Babel itself says."""
    ours = {
        "text": i18n._("Stage"),
        "plural": i18n.ngettext("%(num)d comment", "%(num)d comments", 3),
        "template": render_template_string(
            "{{ _('Stage') }}|{{ ngettext('%(num)d comment', "
            "'%(num)d comments', 3) }}|{{ when|format_date('d MMMM yyyy') }}"
            "|{{ when|format_datetime('d MMM yyyy, HH:mm') }}",
            when=WHEN,
        ),
        "locale": i18n.current_locale().code,
    }
    theirs = {
        "text": flask_babel.gettext("Stage"),
        "plural": flask_babel.ngettext("%(num)d comment", "%(num)d comments", 3),
        "template": "|".join(
            [
                flask_babel.gettext("Stage"),
                flask_babel.ngettext("%(num)d comment", "%(num)d comments", 3),
                flask_babel.format_date(WHEN, "d MMMM yyyy"),
                flask_babel.format_datetime(WHEN, "d MMM yyyy, HH:mm"),
            ]
        ),
        "locale": str(flask_babel.get_locale()),
    }
    return ours, theirs


def test_messages_and_dates_follow_the_request_and_a_forced_locale(app):
    with app.test_request_context("/?lang=pl"):
        app.preprocess_request()
        polish, babel_polish = _answers()
        with i18n.in_locale("ur"):
            urdu, babel_urdu = _answers()
        again, _ = _answers()

    assert polish == babel_polish and polish["locale"] == "pl"
    assert urdu == babel_urdu and urdu["locale"] == "ur"
    assert again == polish
    # Translated for real, not English three times over, and the date in UK time.
    assert len({polish["text"], urdu["text"], "Stage"}) == 3
    assert polish["template"] != urdu["template"]
    assert "15" in polish["template"].split("|")[2]


def test_each_request_chooses_its_language_afresh(app):
    seen = []
    for code in ("pl", "en", "ar"):
        with app.test_request_context(f"/?lang={code}"):
            app.preprocess_request()
            ours, theirs = _answers()
            assert ours == theirs
            seen.append((ours["locale"], ours["text"], ours["template"]))

    assert [locale for locale, _, _ in seen] == ["pl", "en", "ar"]
    assert len({text for _, text, _ in seen}) == 3
    assert len({dates for _, _, dates in seen}) == 3


def test_a_locale_code_is_the_locales_own_identifier():
    from babel import Locale

    for code in ("pl", "ur", "pa", "pt_BR", "pa_Arab_PK", "zh_Hant"):
        assert i18n.locale_code(Locale.parse(code)) == str(Locale.parse(code))


def test_outside_any_app_context_the_default_language_answers():
    # A new thread starts with no app context (the tests' own is not inherited): no request,
    # no app, English, as before these lookups were made quick.
    import threading

    seen = {}

    def look():
        seen["answers"] = (
            i18n.current_locale().code,
            i18n._("Stage"),
            i18n.ngettext("%(num)d comment", "%(num)d comments", 2),
        )

    thread = threading.Thread(target=look)
    thread.start()
    thread.join()
    assert seen["answers"] == ("en", "Stage", "2 comments")


def test_templates_gettext_escapes_and_fills_in_as_jinjas_own_does(app):
    """Templates' _() and ngettext() (engage/i18n.py) give what Jinja's own newstyle gettext
    gives with the same catalogue, in a template that escapes and in one that does not (plain-text
    emails), at the top level, inside a block, a loop and a macro."""
    from jinja2 import Environment

    source = (
        "{% macro m(x) %}{{ _('%(name)s said %(what)s', name=x, what='<b>') }}{% endmacro %}"
        "{{ _('Stage') }}|{{ _('%(name)s said %(what)s', name=who, what='<b>') }}|"
        "{% for n in [1, 3] %}{% set k = n %}"
        "{{ ngettext('%(num)d comment', '%(num)d comments', k) }};{% endfor %}|"
        "{% block b %}{% set y = who %}{{ _('%(name)s said %(what)s', name=y, what=1) }}"
        "{% endblock %}|{{ m(who) }}"
    )
    who = "O'Brien & <i>co</i>"
    rendered = {}
    with app.test_request_context("/?lang=pl"):
        catalogue = i18n.translations()
        for autoescape in (True, False):
            # The plain-text case is the point: emails are rendered without escaping.
            jinja = Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)  # noqa: S701
            jinja.install_gettext_callables(catalogue.ugettext, catalogue.ungettext, newstyle=True)
            ours = app.jinja_env.overlay(autoescape=autoescape)
            rendered[autoescape] = ours.from_string(source).render(who=who)
            assert rendered[autoescape] == jinja.from_string(source).render(who=who)
    assert rendered[True].startswith("Etap|O&#39;Brien &amp; &lt;i&gt;co&lt;/i&gt; said &lt;b&gt;|")
    assert "|1 komentarz;3 komentarze;|" in rendered[True]
    assert rendered[False].startswith("Etap|O'Brien & <i>co</i> said <b>|")


def test_templates_gettext_in_loops_and_blocks_copies_no_context(app, monkeypatch):
    """Jinja hands a function taking the template context, called in a loop or a block, a copy
    of that context (every variable and block): templates' _() and ngettext() take none."""
    from jinja2.runtime import Context

    copies = []
    derived = Context.derived
    monkeypatch.setattr(
        Context, "derived", lambda self, *a, **k: copies.append(1) or derived(self, *a, **k)
    )
    source = (
        "{% for n in [1, 2] %}{% set k = n %}{{ _('Stage') }}"
        "{{ ngettext('%(num)d comment', '%(num)d comments', k) }}{% endfor %}"
        "{% block b %}{% set y = 1 %}{{ _('Stage') }}{% endblock %}"
    )
    with app.test_request_context("/"):
        assert app.jinja_env.from_string(source).render()
    assert copies == []
