"""What a person typed, given back on the page that says why it could not be taken.

A comment written while the proposal closed, a reply to a comment taken down meanwhile, an edit
after its time ran out, a session that ended while someone wrote: each used to answer with a bare
error page, and the words were gone. The error pages now show the words the request carried in
the site's text boxes (every form's TextAreaField), so the person can copy them and keep them.

Only what the same person just sent is shown, and only when the request is known to come from
this site's own page: its CSRF token passed, or the browser says so (Origin, Sec-Fetch-Site).
A page elsewhere could otherwise post text to be shown under this site's name. Passwords and
other one-line fields are never shown: only text boxes.
"""

from flask import g, request
from flask_wtf.csrf import same_origin
from wtforms import TextAreaField
from wtforms.fields.core import UnboundField

from engage.forms import BaseForm

# Enough for any form here (a plan has six boxes); a made-up request cannot fill a page with them.
_MOST_BOXES = 8


def _text_box_names() -> frozenset[str]:
    """The field names every form here gives a text box (a TextAreaField)."""
    names = set()
    pending = [BaseForm]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        for name in dir(cls):
            field = getattr(cls, name, None)
            if isinstance(field, UnboundField) and issubclass(field.field_class, TextAreaField):
                names.add(name)
    return frozenset(names)


def _from_this_site() -> bool:
    if g.get("csrf_valid"):
        return True
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    return origin is not None and same_origin(origin, request.host_url)


def words_sent() -> list[str]:
    """The words typed into text boxes of the form just sent, in order; [] for anything else."""
    if request.method != "POST" or not _from_this_site():
        return []
    try:
        form = request.form
    except Exception:  # noqa: BLE001 - a body too large or malformed to read holds nothing to give back
        return []
    names = _text_box_names()
    words = [value for name, value in form.items(multi=True) if name in names and value.strip()]
    return words[:_MOST_BOXES]
