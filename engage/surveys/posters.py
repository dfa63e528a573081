"""Join-code posters for a classroom wall: the code, its address and a QR code drawn here.

The QR code is an SVG made on the server (segno), so the poster needs no third-party service
and no script, and prints sharply at any size.
"""

import io

import segno
from markupsafe import Markup


def qr_svg(url: str, label: str) -> Markup:
    """An inline SVG QR code for `url`, titled `label` for screen readers."""
    qr = segno.make(url, error="m")
    out = io.BytesIO()
    qr.save(
        out, kind="svg", xmldecl=False, svgns=True, nl=False, border=4, omitsize=True, title=label
    )
    # segno escapes the title; the rest is its own fixed markup (no styles, no scripts).
    svg = out.getvalue().decode()
    return Markup(svg.replace("<svg ", '<svg role="img" focusable="false" ', 1))  # noqa: S704  # nosec B704 (segno's own SVG, no user text)
