"""Priorities and proposals: what the council asks, and what it decided."""

from flask import Blueprint

bp = Blueprint("proposals", __name__)
