"""Translations of the council's own content (priorities, plans, proposals, surveys)."""

from flask import Blueprint

bp = Blueprint("translations", __name__)
