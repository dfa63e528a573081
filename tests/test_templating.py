"""engage/templating.py: imports reuse their module, and still see globals added since."""

import jinja2

from engage.templating import Template

MACROS = "{% macro show() %}{{ extra }}|{{ shared }}{% endmacro %}"


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        autoescape=True,
        loader=jinja2.DictLoader(
            {"m.html": MACROS, "p.html": "{% from 'm.html' import show %}{{ show() }}"}
        ),
    )
    env.template_class = Template
    env.globals["shared"] = "S"
    return env


def test_imports_see_the_same_globals_as_with_jinjas_own_class():
    env, plain = _env(), _env()
    plain.template_class = jinja2.Template
    for e in (env, plain):
        assert e.get_template("p.html").render() == "|S"
    # A global the importing template has and the imported one lacks is seen through the import.
    own = {"extra": "X"}
    assert env.get_template("p.html", globals=own).render() == "X|S"
    assert plain.get_template("p.html", globals=own).render() == "X|S"
    # And one added to the environment after the first render.
    env.globals["extra"] = "late"
    plain.globals["extra"] = "late"
    assert env.get_template("p.html").render() == plain.get_template("p.html").render()


def test_an_import_reuses_its_module_while_the_globals_are_the_same():
    env = _env()
    macros = env.get_template("m.html")
    env.get_template("p.html").render()
    first = macros._module
    env.get_template("p.html").render()
    assert first is not None and macros._module is first
