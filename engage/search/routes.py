"""The results page: HTTP only; matching and ranking live in service.py."""

from flask import current_app, render_template, request
from flask_login import current_user

from engage.extensions import limiter
from engage.permissions import require
from engage.search import bp, service
from engage.search.forms import SearchForm
from engage.urls import page_arg


def _limit() -> str:
    return current_app.config["SEARCH_RATE_LIMIT"]


@bp.route("/search")
@limiter.limit(_limit)
@require("search.use")
def search():
    """Search proposals, comments, surveys and outcomes; no words typed shows the empty form."""
    form = SearchForm(request.args)
    query = (form.q.data or "").strip()
    results = error = None
    if "q" in request.args:
        try:
            results = service.search(
                current_user, query, page_arg(), current_app.config["SEARCH_PER_PAGE"]
            )
        except service.SearchError as err:
            error = str(err)
            form.q.errors = [error]
    status = 400 if error else 200
    return render_template(
        "search/results.html", form=form, query=query, results=results, error=error
    ), status
