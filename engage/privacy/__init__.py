"""Privacy: erasure that reaches every table, retention, and subject access requests."""

from flask import Blueprint

bp = Blueprint("privacy", __name__)
