"""Agree, disagree or unsure on proposals."""

from flask import Blueprint

bp = Blueprint("votes", __name__)
