"""Shared fixtures for the real-browser suite: a live server, Chromium through Playwright, axe.

One live server and one Chromium per pytest-xdist worker (session scope); every test gets a new
browser context, so cookies never leak between tests. The database is the session `app`
fixture's, so data made with tests/factories.py is what the browser sees, and the autouse
fixture in tests/conftest.py empties it after each test.

Use them like this::

    @pytest.mark.browser
    def test_something(page, live_server, world, sign_in):
        sign_in(page, world.users[Role.RESIDENT])
        page.goto("/")
        assert not axe_violations(page)
"""

import threading

import pytest
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from engage import create_app
from tests.browser.helpers import AXE_SCRIPT, CHROMIUM, CHROMIUM_ARGS, LiveServer
from tests.browser.pages import build_world


@pytest.fixture(scope="session")
def live_server(app):
    """The app served over real HTTP on 127.0.0.1 (a free port), on the tests' database."""
    live_app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "SQLALCHEMY_ENGINE_OPTIONS": {},
            "RATELIMIT_ENABLED": False,
            "MAIL_BACKEND": "memory",
            "SECRET_KEY": "test-secret",
        }
    )
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    yield LiveServer(url=f"http://127.0.0.1:{server.server_port}", app=live_app)
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium per worker, with background networking switched off."""
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser, live_server):
    """new_context(**options) -> a fresh browser context on the live server, closed afterwards.

    Every request any page makes is recorded in `context.requests` (a list of URLs), so a test
    can prove nothing was fetched from another origin.
    """
    made = []

    def _new(**options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(10_000)
        context.add_init_script(AXE_SCRIPT)
        context.requests = []
        context.on("request", lambda request: context.requests.append(request.url))
        made.append(context)
        return context

    yield _new
    for context in made:
        context.close()


@pytest.fixture
def context(new_context):
    """A browser context with JavaScript on."""
    return new_context()


@pytest.fixture
def page(context):
    """A page in a fresh browser context."""
    return context.new_page()


@pytest.fixture
def world(app):
    """The data every registered page needs (see tests/browser/pages.py); emptied after the test."""
    return build_world()


@pytest.fixture
def sign_in():
    """sign_in(page, user) signs the browser in through the real sign-in form."""
    from tests.browser.helpers import sign_in as _sign_in

    return _sign_in
