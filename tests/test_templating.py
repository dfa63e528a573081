"""The app's Jinja environment keeps Jinja's rules for globals (engage/templating.py)."""

from engage.templating import Environment, TemplateGlobals


def test_the_app_renders_with_fast_template_globals(app):
    template = app.jinja_env.get_template("base.html")
    assert isinstance(app.jinja_env, Environment)
    assert isinstance(template.globals, TemplateGlobals)


def test_template_globals_overlay_the_environments_and_see_later_ones(app):
    env = app.jinja_env
    template = env.from_string("{{ greeting }} {{ name }}", globals={"greeting": "Salaam"})
    env.globals["name"] = "Luton"  # Jinja advises against it, but it must still show
    try:
        assert template.render() == "Salaam Luton"
        assert "greeting" in template.globals and "name" in template.globals
        assert "nobody" not in template.globals
        assert set(template.globals.keys()) >= {"greeting", "name", "url_for"}
        assert "greeting" not in env.globals  # a template's globals stay its own
    finally:
        del env.globals["name"]


def test_an_imported_macro_sees_the_importing_templates_globals(app):
    # Jinja's rule since 3.0: a template global of the importer reaches imported macros, which
    # means a new module for that import; without one the cached module is reused.
    env = app.jinja_env
    macros = env.from_string("{% macro hello() %}{{ who | default('nobody') }}{% endmacro %}")
    importer = env.from_string(
        "{% from macros import hello %}{{ hello() }}", globals={"who": "Leagrave"}
    )
    assert importer.render(macros=macros) == "Leagrave"
    plain = env.from_string("{% from macros import hello %}{{ hello() }}")
    assert plain.render(macros=macros) == "nobody"
    first = macros._get_default_module(plain.new_context())
    assert macros._get_default_module(plain.new_context()) is first
