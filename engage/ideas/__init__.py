"""Residents' and young people's ideas under a priority: suggested, backed, discussed, answered."""

from flask import Blueprint

bp = Blueprint("ideas", __name__)
