"""The open data page and its files, served from the last build in OPEN_DATA_DIR."""

from datetime import datetime

from flask import abort, current_app, render_template, send_from_directory

from engage.opendata import bp
from engage.opendata.builder import CSV_DIR, DATABASE, DATAPACKAGE, load_package


def _folder() -> str:
    return current_app.config["OPEN_DATA_DIR"]


@bp.route("/open-data")
def download_page():
    """What is in the download, when it was built, and how to open it."""
    package = load_package(_folder())
    built = None
    if package:
        built = datetime.fromisoformat(package["created"]).replace(tzinfo=None)
    return render_template(
        "opendata/download.html",
        package=package,
        built=built,
        database=DATABASE,
    )


@bp.route("/open-data/<any(" + f'"{DATABASE}", "{DATAPACKAGE}"' + "):name>")
def download(name):
    """The SQLite database or the datapackage description."""
    if load_package(_folder()) is None:
        abort(404)
    return send_from_directory(_folder(), name, as_attachment=name == DATABASE)


@bp.route("/open-data/csv/<name>.csv")
def download_csv(name):
    """One table as CSV (only the tables the last build wrote)."""
    package = load_package(_folder()) or abort(404)
    paths = {r["path"] for r in package["resources"]}
    path = f"{CSV_DIR}/{name}.csv"
    if path not in paths:
        abort(404)
    return send_from_directory(_folder(), path, as_attachment=True, mimetype="text/csv")
