"""Open data: the public record as a SQLite database, CSV files and a datapackage, to download."""

from flask import Blueprint

bp = Blueprint("opendata", __name__)
