"""The app's Jinja environment: Flask's own, with template globals that are quick to look in.

Jinja keeps each template's globals as a ChainMap over the environment's. Every
`{% from "..." import macro %}` (the GOV.UK components import their helpers each time a macro
runs, and included partials import theirs each time they are included) compares the importing
template's globals with the imported one's, through ChainMap's pure-Python `keys()` and
`__contains__`: about 35 imports on a priority page made that a quarter of the Python calls in
rendering it. The same lookups done with dicts give the same answers.
"""

from collections import ChainMap

from flask import Flask
from flask.templating import Environment as FlaskEnvironment


class TemplateGlobals(ChainMap):
    """A template's globals over the environment's, as Jinja makes them, with fast lookups."""

    def __contains__(self, key) -> bool:
        """Whether any layer holds `key` (ChainMap's own builds a generator per call)."""
        for layer in self.maps:  # noqa: SIM110 - any() would build the generator this avoids
            if key in layer:
                return True
        return False

    def keys(self):
        """Every name, as a dict's keys: set operations on them then run in C."""
        merged: dict = {}
        for layer in reversed(self.maps):
            merged.update(layer)
        return merged.keys()


class Environment(FlaskEnvironment):
    """Flask's Jinja environment, making TemplateGlobals for each template."""

    def make_globals(self, d):
        """A template's globals over the environment's (see TemplateGlobals)."""
        return TemplateGlobals({} if d is None else d, self.globals)


class EngageFlask(Flask):
    """The app class: Flask with the Environment above, and each function's sync form kept."""

    jinja_environment = Environment
    # Flask asks whether each before- and after-request function and the view is a coroutine
    # function on every request (about 26 times, through inspect): a twentieth of a kept page.
    _SYNC_KEPT = 512

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._engage_sync: dict = {}

    def ensure_sync(self, func):
        """Flask's sync form of `func`, worked out once per function (Flask's documented hook)."""
        kept = self._engage_sync
        try:
            return kept[func]
        except KeyError:
            pass
        except TypeError:  # an unhashable callable: asked afresh each time
            return super().ensure_sync(func)
        if len(kept) >= self._SYNC_KEPT:
            kept.clear()  # functions made per request (after_this_request) must not pile up
        kept[func] = sync = super().ensure_sync(func)
        return sync
