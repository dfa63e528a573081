"""CSV downloads that spreadsheets open correctly: UTF-8 with a byte-order mark.

Excel reads a CSV without a BOM in the machine's legacy code page, which mangles Urdu, Arabic,
Bengali and emoji; the BOM tells it the file is UTF-8 (other tools skip it).
"""

from collections.abc import Iterable

from flask import Response, stream_with_context

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
    """A CSV attachment (text or chunks streamed in the request's context) with the BOM.

    Chunks are made after the view has returned and its database session has been closed
    (Flask tears the request down before it sends a streamed body, then pushes its context again
    around each chunk): a generator must load what it reads from ids, never use the view's
    models (or `current_user`), which are detached from any session by then.
    """
    content = with_bom(body) if isinstance(body, str) else stream_with_context(with_bom(body))
    response = Response(content, mimetype=CSV_MIMETYPE)
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers.update(headers)
    return response
