"""The search box: a GET form, so a search can be bookmarked, shared and sent again."""

from flask_wtf import FlaskForm
from wtforms import StringField

from engage.i18n import _l


class SearchForm(FlaskForm):
    """What to look for (checked by the service, which keeps the words on an error)."""

    class Meta:
        csrf = False  # a GET that changes nothing

    q = StringField(_l("Search Engage Luton"))
