"""The sign-in page lists the demo's logins where the demo is loaded, and they sign in."""

import re

from engage.demo.seed import load_demo
from engage.extensions import db

LISTED = re.compile(
    r'<dt class="govuk-summary-list__key">([^<]+)</dt>\s*'
    r'<dd class="govuk-summary-list__value"><bdi>([^<]+)</bdi><br>Password: <bdi>([^<]+)</bdi>'
)


def test_each_listed_login_signs_in_as_that_kind_of_person(app, client, environment):
    environment("development")
    assert "Try a demo account" not in client.get("/account/sign-in").text  # no demo: no list
    load_demo()
    db.session.commit()
    environment("development")
    listed = LISTED.findall(client.get("/account/sign-in").text)
    assert [who for who, _login, _password in listed] == [
        "Resident",
        "Young person",
        "Moderator",
        "Safeguarding lead",
        "Officer",
        "Administrator",
    ]
    for who, login, password in listed:
        fresh = app.test_client()
        signed = fresh.submit("/account/sign-in", {"login": login, "password": password})
        assert signed.status_code == 302, who
        # Staff go on to the second step, where a development copy shows their code.
        staff = who not in ("Resident", "Young person")
        assert signed.location.endswith("/account/two-factor") is staff, who


def test_never_in_production(client, environment):
    load_demo()
    db.session.commit()
    environment("production")
    page = client.get("/account/sign-in").text
    assert "Try a demo account" not in page and "demo-resident-2040" not in page
