"""Content-hashed front-end assets built by ``npm run build`` (``make assets``).

``scripts/build-assets.mjs`` writes hashed files and ``manifest.json`` into
``engage/static/dist/``; this module resolves logical names through that
manifest and serves the files with WhiteNoise.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from flask import Flask
from whitenoise import WhiteNoise

DIST_DIR = Path(__file__).resolve().parent / "static" / "dist"
URL_PREFIX = "/static/dist/"
ONE_YEAR = 365 * 24 * 60 * 60

# The build puts 10 hex digits of the content's sha256 before the extension.
_HASHED_NAME = re.compile(r"\.[0-9a-f]{8,}\.[A-Za-z0-9]+$")


class MissingAssetsError(RuntimeError):
    """Raised when the asset manifest is missing or names an unknown asset."""


class _AssetWhiteNoise(WhiteNoise):
    # WhiteNoise's default "forever" is ten years; a year is the usual ceiling
    # that caches honour and what RFC 9111 suggests.
    FOREVER = ONE_YEAR


def is_hashed(path: str, url: str) -> bool:
    """Tell WhiteNoise whether a file's name carries its content hash."""
    return bool(_HASHED_NAME.search(url))


def load_manifest(dist_dir: Path) -> dict[str, str] | None:
    """Return the logical-name to hashed-file mapping, or None if not built."""
    try:
        text = (dist_dir / "manifest.json").read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    manifest: Any = json.loads(text)
    if not isinstance(manifest, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in manifest.items()
    ):
        raise MissingAssetsError(f"{dist_dir / 'manifest.json'} is not a name-to-file mapping")
    return manifest


def init_app(app: Flask) -> None:
    """Register the ``asset_url`` template global and serve the built assets."""
    dist_dir = Path(app.config.get("ASSETS_DIST_DIR", DIST_DIR))
    manifest = load_manifest(dist_dir)
    if manifest is None and not app.testing:
        raise MissingAssetsError(
            f"Front-end assets are not built ({dist_dir / 'manifest.json'} is missing). "
            "Run `make assets` (npm ci && npm run build) first."
        )

    def asset_url(name: str) -> str:
        """Return the URL of the built asset with logical name ``name``."""
        if manifest is None:
            # Unit tests without a build still render pages; the link is dead.
            return URL_PREFIX + name
        try:
            return URL_PREFIX + manifest[name]
        except KeyError:
            raise MissingAssetsError(
                f"No asset named {name!r} in the manifest (known: {', '.join(sorted(manifest))}). "
                "Add it to scripts/build-assets.mjs and run `make assets`."
            ) from None

    app.jinja_env.globals["asset_url"] = asset_url
    app.extensions["engage_assets"] = asset_url

    if manifest is None:
        return
    static = _AssetWhiteNoise(
        app.wsgi_app,
        root=str(dist_dir),
        prefix=URL_PREFIX,
        max_age=ONE_YEAR,
        immutable_file_test=is_hashed,
    )
    # Only hashed files are safe to cache for a year; the manifest is for the
    # server, and a stale cached copy of it would never be refreshed.
    for url in [url for url in static.files if not is_hashed("", url)]:
        del static.files[url]
    app.wsgi_app = static  # type: ignore[method-assign]
