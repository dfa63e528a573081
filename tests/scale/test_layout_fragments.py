"""The layout's kept parts (templates/base.html): the skip link, the head, the search box and the
footer are kept as fragments, and each page still shows its own language links and footer."""

import re

from engage.permissions import Role
from tests.factories import make_priority, make_user

LANGUAGE_LINK = re.compile(r'hreflang="ur" href="([^"]+)"')


def _urdu_link(client, path: str) -> str:
    page = client.get(path)
    assert page.status_code in (200, 404)
    return LANGUAGE_LINK.search(page.get_data(as_text=True)).group(1).replace("&amp;", "&")


def test_each_page_links_to_itself_in_another_language(client):
    buses, parks = make_priority(), make_priority()
    for _ in range(2):  # the second time from the kept fragments
        assert (
            _urdu_link(client, f"/priorities/{buses.slug}") == f"/priorities/{buses.slug}?lang=ur"
        )
        assert (
            _urdu_link(client, f"/priorities/{parks.slug}") == f"/priorities/{parks.slug}?lang=ur"
        )
        assert _urdu_link(client, "/search?q=bus") == "/search?q=bus&lang=ur"
        assert _urdu_link(client, "/search?q=park") == "/search?q=park&lang=ur"


def test_only_a_young_person_sees_the_footer_s_help_line(client, login_as):
    readers = {
        "nobody": client,
        "young": login_as(make_user(Role.YOUNG_PERSON)),
        "resident": login_as(make_user()),
    }
    for _ in range(2):
        for who, reader in readers.items():
            page = reader.get("/").get_data(as_text=True)
            assert ("Need to talk to someone?" in page) == (who == "young"), who


def test_the_kept_language_links_put_in_each_address_escaped(client):
    from markupsafe import escape

    for path in ("/no-such-page-1", '/no-such-"page"<b>&x', "/no-such-page-2"):
        page = client.get(path).get_data(as_text=True)
        assert f'hreflang="ur" href="{escape(path + "?lang=ur")}"' in page
        assert "__engage_this_path__" not in page
