"""CSV downloads that spreadsheets open correctly: UTF-8 with a byte-order mark.

Excel reads a CSV without a BOM in the machine's legacy code page, which mangles Urdu, Arabic,
Bengali and emoji; the BOM tells it the file is UTF-8 (other tools skip it).
"""

from collections.abc import Iterable

from flask import Response

BOM = "\ufeff"
CSV_MIMETYPE = "text/csv; charset=utf-8"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula (None becomes empty)."""
    text = "" if value is None else str(value)
    # Spreadsheets run cells that start like a formula; people's words must stay words.
    return "'" + text if text.startswith(_FORMULA_START) else text


def with_bom(body: str | Iterable[str]) -> str | Iterable[str]:
    """The CSV text (or stream of chunks) with the UTF-8 byte-order mark in front."""
    if isinstance(body, str):
        return BOM + body

    def chunks():
        yield BOM
        yield from body

    return chunks()


def csv_response(body: str | Iterable[str], filename: str, **headers: str) -> Response:
    """A CSV attachment (text or streamed chunks) with the BOM, named `filename`."""
    response = Response(with_bom(body), mimetype=CSV_MIMETYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers.update(headers)
    return response
