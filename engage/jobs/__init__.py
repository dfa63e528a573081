"""Jobs: the queue every feature hands slow work to, and the failed jobs an administrator sees."""

from flask import Blueprint

bp = Blueprint("jobs", __name__)
