"""Query arguments read the quick way (engage.urls.query_arg) read what werkzeug's would."""

import pytest

from engage.urls import id_arg, page_arg, query_arg


@pytest.mark.parametrize(
    ("address", "name", "expected"),
    [
        ("/", "lang", None),
        ("/?page=2", "lang", None),
        ("/?lang=pl", "lang", "pl"),
        ("/?lang=", "lang", ""),
        ("/?lang=pl&lang=ur", "lang", "pl"),
    ],
)
def test_a_query_argument_is_werkzeugs(app, address, name, expected):
    with app.test_request_context(address):
        from flask import request

        assert query_arg(name) == expected == request.args.get(name)


def test_pages_and_ids_from_the_query(app):
    with app.test_request_context("/?page=3&id=12"):
        assert page_arg() == 3 and id_arg("id") == 12 and id_arg("other") is None
    with app.test_request_context("/"):
        assert page_arg() == 1 and id_arg("id") is None


def test_a_language_asked_for_in_the_address_is_used(client):
    page = client.get("/help?lang=pl")
    assert page.status_code == 200 and 'lang="pl"' in page.get_data(as_text=True)
    assert 'lang="pl"' in client.get("/help").get_data(as_text=True)  # and remembered
