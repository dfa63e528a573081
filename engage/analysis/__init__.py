"""Analysis: officers theme what people said and publish the consultation report."""

from flask import Blueprint

bp = Blueprint("analysis", __name__)
