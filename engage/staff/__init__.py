"""Staff management: invitations, roles, suspension and the record of every change."""

from flask import Blueprint

bp = Blueprint("staff", __name__)
