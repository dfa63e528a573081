"""Pages of the open data feature: the API's docs, the download page and the two embeds."""

import tempfile
from pathlib import Path

from flask import current_app, url_for

from engage.opendata.builder import build_open_data
from tests.browser.pages import Page


def _open_data(w) -> None:
    # A build of the world, so the download page shows its table of files.
    folder = Path(tempfile.mkdtemp(prefix="engage-open-data-")) / "open-data"
    current_app.config["OPEN_DATA_DIR"] = str(folder)
    build_open_data(folder)


WORLD_BUILDERS = [_open_data]

PAGES = [
    Page("api-docs", lambda w: url_for("api.docs")),
    Page("open-data", lambda w: url_for("opendata.download_page")),
    Page("embed-proposal", lambda w: url_for("embeds.proposal", proposal_id=w.proposal.id)),
    Page("embed-priority", lambda w: url_for("embeds.priority", slug=w.priority.slug)),
]
