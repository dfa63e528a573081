"""The council's plan on the site: the vision, its focus areas, the boards and their plans."""

from flask import Blueprint

bp = Blueprint("plan", __name__)
