"""Site-wide pages: health check, help, house rules, privacy and accessibility."""

from flask import Blueprint

bp = Blueprint("main", __name__)
