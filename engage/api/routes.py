"""/api/v1 set-up: the Api, JSON errors, conditional GET, CORS for reading, the spec and its docs.

flask-smorest writes the OpenAPI document from the resources' schemas and decorators. Its Api is
made per app when this feature's blueprint is registered; it answers errors in JSON only under
/api/v1, leaving the site's own error pages alone.
"""

from flask import current_app, jsonify, render_template, request
from flask_smorest import Api
from flask_smorest.spec.plugins import integerconverter2paramschema
from werkzeug.exceptions import HTTPException, InternalServerError, NotFound

from engage.api import bp, resources
from engage.api.docs import operations, schemas
from engage.extensions import limiter
from engage.urls import BoundedIntConverter

API_VERSION = "1.0.0"
# Headers a page on another site may read from a response (the rest stay hidden from scripts).
_EXPOSED = "ETag, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After"


class PublicApi(Api):
    """flask-smorest's Api without its app-wide JSON error handler (the site's pages are HTML)."""

    def _register_error_handlers(self):
        """Errors are registered on the API's own blueprints instead (see below)."""


def json_error(error: HTTPException):
    """An error as JSON in the shape the spec documents: {code, status, message, errors}."""
    if error.code == 304:
        return error.get_response()
    payload = {"code": error.code, "status": error.name, "message": error.description}
    data = getattr(error, "data", None) or {}
    if "message" in data:
        payload["message"] = data["message"]
    if "messages" in data:
        payload["errors"] = data["messages"]
    response = jsonify(payload)
    response.status_code = error.code
    headers = getattr(getattr(error, "response", None), "headers", None)
    if headers and "Retry-After" in headers:
        response.headers["Retry-After"] = headers["Retry-After"]
    return response


def _internal_error(error):
    return json_error(InternalServerError())


# By code as well as by class: the app's own handlers for these codes would win otherwise.
for _code in (400, 404, 405, 422, 429):
    resources.blp.register_error_handler(_code, json_error)
    bp.register_error_handler(_code, json_error)
resources.blp.register_error_handler(HTTPException, json_error)
resources.blp.register_error_handler(500, _internal_error)


@bp.record_once
def _set_up(state) -> None:
    app = state.app
    api = PublicApi(
        app,
        spec_kwargs={
            "title": "Engage Luton public API",
            "version": API_VERSION,
            "openapi_version": "3.1.0",
            "info": {
                "description": "What Luton Borough Council asked and what it heard: priorities, "
                "proposals and their outcomes, published comments, vote totals, surveys and "
                "their published results. Read-only, no sign-in, Open Government Licence v3.0.",
                "license": {
                    "name": "Open Government Licence v3.0",
                    "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
                },
            },
            "servers": [{"url": "/"}],
        },
    )
    api.register_converter(BoundedIntConverter, integerconverter2paramschema)
    api.register_blueprint(resources.blp)
    app.extensions["engage_api"] = api


def _after(response):
    """Conditional GET (ETag, 304) and CORS for reading, on every API answer."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers["Access-Control-Expose-Headers"] = _EXPOSED
    if request.method == "OPTIONS":
        # A preflight: reading only, with the one request header a cached copy needs.
        response.headers["Access-Control-Allow-Methods"] = "GET, HEAD"
        response.headers["Access-Control-Allow-Headers"] = "If-None-Match"
        response.headers["Access-Control-Max-Age"] = "86400"
    if request.method in {"GET", "HEAD"} and response.status_code == 200 and response.is_json:
        response.headers["Cache-Control"] = "no-cache"  # keep it, but ask (If-None-Match) first
        response.add_etag()
        response.make_conditional(request)
    return response


resources.blp.after_request(_after)
bp.after_request(_after)
# Per address, one allowance for the whole API (many small requests cannot get round it).
_per_address = limiter.shared_limit(lambda: current_app.config["API_RATE_LIMIT"], scope="api")
_per_address(resources.blp)
_per_address(bp)


@bp.route("/api/v1/openapi.json")
def openapi_json():
    """The OpenAPI 3.1 document, generated from the resources."""
    return jsonify(current_app.extensions["engage_api"].spec.to_dict())


@bp.route("/api/v1/docs")
def docs():
    """The API's documentation, written from the OpenAPI document: no scripts, no other sites."""
    spec = current_app.extensions["engage_api"].spec.to_dict()
    return render_template(
        "api/docs.html", spec=spec, operations=operations(spec), schemas=schemas(spec)
    )


@bp.route("/api/v1/<path:anything>")
def not_found(anything):
    """Any other address under /api/v1 is a JSON 404, not the site's HTML page."""
    return json_error(NotFound())
