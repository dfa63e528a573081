"""The Jinja template class: Jinja's own, with `{% from ... import %}` made cheap to repeat."""

import jinja2


class Template(jinja2.Template):
    """A template whose imports reuse their module while the globals they see are the same.

    On every `{% from "x" import y %}` Jinja compares the importing context's globals with the
    imported template's, a ChainMap lookup per global (about 45 here); the GOV.UK macros import
    each other inside every call, so a form page paid that some thirty times per render. The
    comparison is made once against a frozen copy of the template's global names; when a context
    has a global the copy lacks (one added since), Jinja decides as it always does.
    """

    def _get_default_module(self, ctx=None):
        if ctx is not None:
            names = self.__dict__.get("_engage_global_names")
            if names is None:
                names = self._engage_global_names = frozenset(self.globals)
            if not ctx.globals_keys <= names:
                return super()._get_default_module(ctx)
        return super()._get_default_module(None)
