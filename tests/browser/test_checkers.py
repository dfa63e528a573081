"""The measuring tools themselves catch what they are meant to catch (on pages made up here)."""

import pytest

from tests.browser import helpers
from tests.browser.keyboard import check_focus_seen, focused

pytestmark = [pytest.mark.browser, pytest.mark.same_on_every_database]

BAD = """<!doctype html><html lang="en"><head><title>Bad</title>
<style>
  #tight a { display: inline-block; font-size: 10px; line-height: 10px; }
  #hidden:focus { outline: none; box-shadow: none; }
  #wide { width: 500px; }
</style></head><body><main>
<h1>Bad page</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
<div id="tight"><a href="#a">a</a><a href="#b">b</a></div>
<a id="hidden" href="#c">No focus style</a>
<div id="wide">Too wide</div>
</main></body></html>"""


@pytest.fixture
def bad(page):
    page.set_content(BAD)
    return page


def test_axe_reports_a_missing_alt_text(bad):
    assert any(v.startswith("image-alt") for v in helpers.axe_violations(bad))


def test_small_crowded_targets_are_found(bad):
    bad.set_viewport_size({"width": 320, "height": 600})
    assert len(bad.evaluate(helpers.SMALL_TARGETS_JS)) == 2


def test_sideways_scrolling_is_found(bad):
    bad.set_viewport_size({"width": 320, "height": 600})
    assert bad.evaluate(helpers.HORIZONTAL_OVERFLOW_JS)["scroll"] > 320


def test_a_focus_without_an_indicator_is_found(bad):
    bad.focus("#hidden")
    bad.keyboard.press("Shift+Tab")
    bad.keyboard.press("Tab")
    with pytest.raises(AssertionError, match="no visible focus indicator"):
        check_focus_seen(focused(bad), "made-up page")


def test_requests_to_other_origins_are_found():
    urls = ["http://127.0.0.1:5000/a.css", "https://fonts.example.com/x.woff2", "data:image/png,"]
    assert helpers.foreign_requests(urls, "http://127.0.0.1:5000") == [urls[1]]
