"""Following a page's Previous and Next links (cursor paging tests of comments and proposals)."""

import html as htmllib
import re
from collections.abc import Callable

from tests.accounts.helpers import page


def link(html: str, rel: str) -> str | None:
    """Where the page's Previous (rel="prev") or Next (rel="next") link goes, if it has one."""
    found = re.search(rf'href="([^"]+)" rel="{rel}"', html)
    return htmllib.unescape(found.group(1)) if found else None


def walk_pages(client, url: str, rel: str, read: Callable[[str], list]) -> tuple[list, list[str]]:
    """What `read` finds on each page from `url`, following one link until there is none, and
    the URLs visited (a link back to a page already seen fails: the links go round)."""
    pages, urls = [], []
    while url:
        assert url not in urls, f"the links go round in a circle at {url}"
        urls.append(url)
        response = client.get(url)
        assert response.status_code == 200
        html = page(response)
        pages.append(read(html))
        url = link(html, rel)
    return pages, urls
