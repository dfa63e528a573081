"""Moderation and safeguarding: one queue, reports, sanctions, notices and the audit record."""

from flask import Blueprint

bp = Blueprint("moderation", __name__)
