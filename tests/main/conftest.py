"""Fixtures for the site-wide pages' tests."""

import pytest

from engage.demo.banner import forget_demo_loaded


@pytest.fixture
def environment(app):
    """Set ENGAGE_ENV for one test, forgetting the banner's cached answer before and after."""
    before = app.config["ENGAGE_ENV"]

    def _set(value):
        app.config["ENGAGE_ENV"] = value
        forget_demo_loaded(app)

    yield _set
    _set(before)
