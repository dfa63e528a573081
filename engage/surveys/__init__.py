"""Surveys: officers build them, young people and residents answer, officers read results."""

from flask import Blueprint

bp = Blueprint("surveys", __name__)
