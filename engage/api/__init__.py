"""The public read API at /api/v1: the public record as JSON, its OpenAPI document and docs."""

from flask import Blueprint

# The docs page, the OpenAPI document and the JSON 404; the resources are on the flask-smorest
# blueprint in resources.py, which set_up.py registers with this app's Api.
bp = Blueprint("api", __name__)
