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


def test_each_functions_sync_form_is_worked_out_once(monkeypatch):
    """Flask asks whether every request hook is a coroutine function on each request; the app
    asks once per function and gives the same answer, and cannot grow without bound."""
    import flask.app

    from engage.templating import EngageFlask

    asked = []
    real = flask.app.iscoroutinefunction
    monkeypatch.setattr(flask.app, "iscoroutinefunction", lambda f: asked.append(f) or real(f))
    app = EngageFlask(__name__)
    calls = []

    @app.before_request
    def note():
        calls.append(1)

    @app.route("/")
    def home():
        return "ok"

    client = app.test_client()
    for _ in range(3):
        assert client.get("/").data == b"ok"
    assert len(calls) == 3
    assert asked.count(note) == 1 and asked.count(home) == 1
    for n in range(EngageFlask._SYNC_KEPT * 2):
        assert app.ensure_sync(lambda n=n: n)() == n
    assert len(app.__dict__["_engage_sync"]) <= EngageFlask._SYNC_KEPT


def test_a_coroutine_function_still_gets_flasks_treatment():
    """Never handed back as it is: Flask wraps it to run (here, without the async extra
    installed, refuses it), every time it is asked."""
    import flask.app
    import pytest

    from engage.templating import EngageFlask

    app = EngageFlask(__name__)

    async def view():
        return "awaited"

    expected = flask.Flask(__name__)
    try:
        wrapped = expected.ensure_sync(view)
    except RuntimeError as refused:
        for _ in range(2):
            with pytest.raises(RuntimeError, match=str(refused)[:20]):
                app.ensure_sync(view)
    else:
        assert wrapped is not view and app.ensure_sync(view) is not view
    assert flask.app.iscoroutinefunction(view)
