"""Search: one box over everything public, fed by an index each feature keeps in step."""

from flask import Blueprint

bp = Blueprint("search", __name__)
