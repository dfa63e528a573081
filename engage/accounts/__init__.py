"""Accounts: sign up, sign in, passwords and recovery."""

from flask import Blueprint

bp = Blueprint("accounts", __name__, url_prefix="/account")
