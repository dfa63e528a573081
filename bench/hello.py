"""The reference: a bare Flask "hello" app, served by the same gunicorn settings as Engage Luton."""

from flask import Flask

app = Flask(__name__)


@app.route("/")
def hello():
    """The least a Flask app can do."""
    return "Hello, World!"


@app.route("/healthz")
def healthz():
    """Ready."""
    return "ok"
