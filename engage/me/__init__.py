"""Me: see, download and delete one's own contributions, and delete one's account."""

from flask import Blueprint

bp = Blueprint("me", __name__, url_prefix="/me")
