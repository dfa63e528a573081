"""`flask engage open-data`: build the download now."""

import click
from flask import current_app
from flask.cli import with_appcontext

from engage.opendata.builder import build_open_data


@click.command("open-data")
@click.option("--out", default=None, help="Folder to write (default: the OPEN_DATA_DIR setting).")
@with_appcontext
def open_data_command(out):
    """Build the open data download (SQLite, CSV, datapackage.json); run it nightly."""
    folder = out or current_app.config["OPEN_DATA_DIR"]
    package = build_open_data(folder)
    for resource in package["resources"]:
        click.echo(f"{resource['name']}: {resource['rows']} rows")
    click.echo(f"Open data written to {folder} at {package['created']}.")
