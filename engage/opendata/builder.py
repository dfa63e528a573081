"""Writing the open data download: one SQLite database, a CSV per table and datapackage.json.

`build_open_data(path)` is a plain function (a nightly job or `flask engage open-data` calls it,
inside an app context). It builds into a new folder beside `path` and swaps it in at the end, so
a download never sees half a build.
"""

import csv
import json
import shutil
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from engage.clock import utcnow
from engage.i18n import in_locale
from engage.opendata.tables import SQL_TYPES, TABLES, Table

if TYPE_CHECKING:
    from sqlite_utils import Database

DATABASE = "engage-luton.db"
DATAPACKAGE = "datapackage.json"
CSV_DIR = "csv"
LICENCE = {
    "name": "OGL-UK-3.0",
    "title": "Open Government Licence v3.0",
    "path": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
}
_BATCH = 1000


def _cell(value, kind: str):
    """A value as SQLite and CSV both hold it (times in ISO 8601 UTC, booleans as true/false)."""
    if value is None:
        return None
    if kind == "datetime" and isinstance(value, datetime):
        return value.replace(tzinfo=UTC).isoformat().replace("+00:00", "Z")
    if kind == "date" and isinstance(value, date):
        return value.isoformat()
    return value


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _write_table(database: "Database", table: Table, csv_path: Path) -> int:
    kinds = {c.name: c.type for c in table.columns}
    names = list(kinds)
    database[table.name].create(
        {c.name: SQL_TYPES.get(c.type, str) for c in table.columns},
        pk=table.primary_key[0]
        if len(table.primary_key) == 1
        else (tuple(table.primary_key) or None),
        foreign_keys=table.foreign_keys or None,
    )
    count = 0
    with csv_path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(names)

        def rows():
            # One stream for both files: each row goes to the CSV as sqlite-utils takes it.
            nonlocal count
            for row in table.rows():
                cells = {name: _cell(row.get(name), kinds[name]) for name in names}
                writer.writerow([_csv_text(cells[name]) for name in names])
                count += 1
                yield cells

        database[table.name].insert_all(rows(), batch_size=_BATCH)
    return count


def _resource(table: Table, count: int) -> dict:
    schema = {
        "fields": [
            {"name": c.name, "type": c.type, "description": c.description} for c in table.columns
        ],
        "missingValues": [""],
    }
    if table.primary_key:
        schema["primaryKey"] = table.primary_key
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": column, "reference": {"resource": other, "fields": other_column}}
            for column, other, other_column in table.foreign_keys
        ]
    return {
        "name": table.name.replace("_", "-"),
        "title": table.title,
        "description": table.description,
        "path": f"{CSV_DIR}/{table.name}.csv",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "licenses": [LICENCE],
        "schema": schema,
        "rows": count,
    }


def build_open_data(path: str | Path) -> dict:
    """Write the whole download into the folder `path` (replacing any earlier one); its summary.

    Needs an app context. Returns the datapackage (with each table's row count).
    """
    # In English, with or without a request (a nightly job has none): labels are the council's.
    with in_locale("en"):
        return _build(Path(path))


def _build(target: Path) -> dict:
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        (work / CSV_DIR).mkdir()
        # Imported here: the web workers that serve the files never write them (14 MB each).
        from sqlite_utils import Database

        database = Database(work / DATABASE)
        # A file nobody reads until it is swapped in whole: no need to sync each batch to disk.
        database.execute("PRAGMA synchronous = OFF")
        resources = []
        for table in TABLES:
            count = _write_table(database, table, work / CSV_DIR / f"{table.name}.csv")
            resources.append(_resource(table, count))
        database.close()
        package = {
            "profile": "tabular-data-package",
            "name": "engage-luton",
            "title": "Engage Luton: what the council asked and what it heard",
            "description": "The public record of Engage Luton, Luton Borough Council's "
            f"consultation site. The same tables are in the SQLite database {DATABASE}. "
            "Only what the site shows publicly is included; small survey numbers are "
            "suppressed and authors appear only as pseudonymous keys.",
            "created": utcnow().replace(microsecond=0, tzinfo=UTC).isoformat(),
            "licenses": [LICENCE],
            "resources": resources,
        }
        (work / DATAPACKAGE).write_text(json.dumps(package, indent=2, ensure_ascii=False))
        work.chmod(0o755)
        _swap_in(work, target)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return package


def _swap_in(work: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{work.name}")
        target.rename(old)
    work.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def load_package(path: str | Path) -> dict | None:
    """The datapackage of the last build in `path`, or None if there is none yet."""
    try:
        return json.loads((Path(path) / DATAPACKAGE).read_text())
    except (FileNotFoundError, ValueError):
        return None
