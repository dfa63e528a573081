"""The search pages for the browser suite: the results page, and the form with its error."""

from flask import url_for

from engage.extensions import db
from engage.permissions import Role
from tests.browser.pages import Page, submit_empty


def _index(w) -> None:
    # The world is made with factories, not the services that keep the index: rebuild it.
    from engage.search.service import reindex

    reindex()
    db.session.commit()


WORLD_BUILDERS = [_index]

PAGES = [
    Page(
        "search",
        lambda w: url_for("search.search"),
        error=submit_empty("main form[role=search]"),
    ),
    Page("search results", lambda w: url_for("search.search", q="youth")),
    Page(
        "search results (young person)",
        lambda w: url_for("search.search", q="son"),
        Role.YOUNG_PERSON,
        youth=True,
    ),
    Page("search results (none found)", lambda w: url_for("search.search", q="xylophone")),
]
