"""Embeddable views of a proposal and a priority, for the council's own web pages to frame."""

from flask import Blueprint

bp = Blueprint("embeds", __name__)
