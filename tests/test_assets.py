"""Tests for the built front-end assets and how engage.assets serves them."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
from flask import Flask, render_template_string

from engage.assets import MissingAssetsError, init_app

DIST_DIR = Path(__file__).resolve().parent.parent / "engage" / "static" / "dist"
MANIFEST = DIST_DIR / "manifest.json"

built = pytest.mark.skipif(
    not MANIFEST.exists(),
    reason="front-end assets are not built: run `make assets` (npm ci && npm run build)",
)


# Not named `app`: a bare Flask app must not shadow the project's own fixture.
@pytest.fixture
def assets_app() -> Flask:
    app = Flask(__name__)
    init_app(app)
    return app


def asset_url(app: Flask, name: str) -> str:
    with app.app_context():
        return render_template_string("{{ asset_url(name) }}", name=name)


def fetch(app: Flask, name: str, **headers: str):
    return app.test_client().get(asset_url(app, name), headers=headers)


def read_dist(name: str) -> str:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    return (DIST_DIR / manifest[name]).read_text(encoding="utf-8-sig")


def contrast(a: str, b: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@built
def test_css_is_hashed_and_served_with_immutable_cache(assets_app: Flask) -> None:
    url = asset_url(assets_app, "engage.css")
    assert re.fullmatch(r"/static/dist/engage\.[0-9a-f]{8,}\.css", url)

    response = fetch(assets_app, "engage.css")

    assert response.status_code == 200
    assert response.mimetype == "text/css"
    cache_control = {d.strip() for d in response.headers["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=31536000", "immutable"}


@pytest.mark.parametrize(
    ("encoding", "expected"), [("gzip", "gzip"), ("br", "br"), ("gzip, deflate, br", "br")]
)
@built
def test_compressed_variant_served_when_accepted(
    assets_app: Flask, encoding: str, expected: str
) -> None:
    response = fetch(assets_app, "engage.css", **{"Accept-Encoding": encoding})

    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == expected
    assert "Accept-Encoding" in response.headers["Vary"]
    if expected == "gzip":
        assert gzip.decompress(response.data) == fetch(assets_app, "engage.css").data


@built
def test_uncompressed_without_accept_encoding(assets_app: Flask) -> None:
    response = fetch(assets_app, "engage.css")

    assert "Content-Encoding" not in response.headers
    assert response.data.lstrip(b"\xef\xbb\xbf").startswith(b":root{")


@built
def test_css_requests_no_fonts_or_other_origins() -> None:
    css = read_dist("engage.css")

    assert "@font-face" not in css
    assert "GDS Transport" not in css
    for target in re.findall(r"url\(\s*([^)]*)\)", css, flags=re.IGNORECASE):
        target = target.strip("'\" ")
        assert not re.match(r"(https?:)?//", target), target
        assert not re.search(r"\.(woff2?|ttf|otf|eot)\b", target), target
    assert "system-ui" in css and '"Noto Nastaliq Urdu"' in css


@built
def test_css_has_rtl_layer_and_engage_components() -> None:
    css = read_dist("engage.css")

    assert re.search(r"\[dir=\"?rtl\"?\] \.govuk-grid-column-two-thirds\{float:right\}", css)
    assert re.search(r"\[dir=\"?rtl\"?\] \.govuk-form-group--error\{[^}]*border-inline-start:", css)
    assert re.search(r"\[dir=\"?rtl\"?\] \.govuk-back-link::before\{[^}]*right:", css)
    for name in (
        "engage-priority-card",
        "engage-vote-bar",
        "engage-comment",
        "engage-comment--reply",
        "engage-lang-switcher",
        "engage-youth-help",
    ):
        assert re.search(rf"\.{name}[{{,]", css), name
    for width in range(0, 101, 5):
        assert f".engage-bar--{width}{{inline-size:{width}%}}" in css


@built
def test_brand_colours_meet_wcag_aa() -> None:
    css = read_dist("engage.css")
    colours = dict(re.findall(r"--govuk-([a-z-]+)-colour:\s*(#[0-9a-f]{6})", css))

    assert colours["brand"] == "#00567a"
    assert contrast("#ffffff", colours["brand"]) >= 4.5  # header text
    for background in ("body-background", "template-background", "surface-background"):
        assert contrast(colours["link"], colours[background]) >= 4.5, background
        assert contrast(colours["link-hover"], colours[background]) >= 4.5, background
        assert contrast(colours["link-visited"], colours[background]) >= 4.5, background
    assert contrast(colours["focus"], colours["brand"]) >= 3  # focus ring in the header
    assert contrast(colours["focus-text"], colours["focus"]) >= 4.5


@built
def test_js_entry_imports_the_served_hashed_govuk_bundle(assets_app: Flask) -> None:
    engage_js = fetch(assets_app, "engage.js")
    assert engage_js.status_code == 200
    assert engage_js.mimetype == "text/javascript"

    imports = re.findall(r"from\s*\"\./([^\"]+)\"", engage_js.get_data(as_text=True))
    assert imports == [asset_url(assets_app, "govuk-frontend.js").rsplit("/", 1)[1]]
    assert "govuk-frontend-supported" in engage_js.get_data(as_text=True)

    govuk_js = fetch(assets_app, "govuk-frontend.js")
    assert govuk_js.status_code == 200
    assert b"sourceMappingURL" not in govuk_js.data
    assert b"initAll" in govuk_js.data


@built
def test_favicon_served(assets_app: Flask) -> None:
    response = fetch(assets_app, "favicon.svg")

    assert response.status_code == 200
    assert response.mimetype == "image/svg+xml"


@built
def test_css_and_js_under_30kb_gzipped() -> None:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    names = ("engage.css", "engage.js", "govuk-frontend.js")

    total = sum((DIST_DIR / f"{manifest[name]}.gz").stat().st_size for name in names)

    assert total < 30 * 1024


@built
def test_manifest_and_unknown_files_not_served(assets_app: Flask) -> None:
    client = assets_app.test_client()

    assert client.get("/static/dist/manifest.json").status_code == 404
    assert client.get("/static/dist/engage.css").status_code == 404


@built
def test_unknown_asset_name_is_an_error(assets_app: Flask) -> None:
    with pytest.raises(MissingAssetsError, match="no-such.css"):
        asset_url(assets_app, "no-such.css")


def test_missing_manifest_falls_back_when_testing(tmp_path: Path) -> None:
    app = Flask(__name__)
    app.config.update(TESTING=True, ASSETS_DIST_DIR=tmp_path)
    init_app(app)

    assert asset_url(app, "engage.css") == "/static/dist/engage.css"


def test_missing_manifest_is_an_error_outside_tests(tmp_path: Path) -> None:
    app = Flask(__name__)
    app.config.update(ASSETS_DIST_DIR=tmp_path)

    with pytest.raises(MissingAssetsError, match="make assets"):
        init_app(app)
