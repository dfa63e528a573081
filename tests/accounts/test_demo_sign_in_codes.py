"""A development copy shows a demo staff account's sign-in code on the second step.

The demo's authenticator keys are published with it, so anyone can work out their codes; without
this, someone trying the site as a moderator or an officer needs an authenticator app first.
"""

import re

from engage.accounts import mfa
from engage.demo.content import DEMO_USERS
from engage.permissions import Role
from tests.conftest import PASSWORD
from tests.factories import make_user

SIGN_IN = "/account/sign-in"
CODE_STEP = "/account/two-factor"
CODE_SHOWN = re.compile(r'<strong class="engage-code" dir="ltr">(\d{6})</strong>')


def _demo_moderator():
    return make_user(Role.MODERATOR, totp_secret=DEMO_USERS["moderator"]["totp_secret"])


def _second_step(client, user) -> str:
    client.submit(SIGN_IN, {"login": user.email, "password": PASSWORD})
    return client.get(CODE_STEP).text


def _signed_in(client) -> bool:
    return client.get("/account/").status_code == 200


def test_the_code_shown_signs_a_demo_moderator_in_and_again_after_it_is_used(app, monkeypatch):
    moderator = _demo_moderator()
    stopped = mfa.now_seconds()
    monkeypatch.setattr(mfa, "now_seconds", lambda: stopped)  # both in one 30-second step
    for _ in range(2):  # the second time, within the same 30 s, the next step's code is shown
        client = app.test_client()
        code = CODE_SHOWN.search(_second_step(client, moderator))
        assert code, "no demo code on the second step"
        client.submit(CODE_STEP, {"code": code.group(1)})
        assert _signed_in(client)


def test_a_third_sign_in_within_the_same_30_seconds_is_told_to_wait(app, monkeypatch):
    moderator = _demo_moderator()
    stopped = mfa.now_seconds()
    monkeypatch.setattr(mfa, "now_seconds", lambda: stopped)  # all three in one 30-second step
    for _ in range(2):
        client = app.test_client()
        code = CODE_SHOWN.search(_second_step(client, moderator)).group(1)
        client.submit(CODE_STEP, {"code": code})
    # Every code the check would take now is used: no code to show, and the page says why.
    page = _second_step(app.test_client(), moderator)
    assert not CODE_SHOWN.search(page)
    assert 'id="demo-code-wait"' in page and "reload this page" in page


def test_no_code_for_an_account_with_its_own_key(client):
    staff = make_user(Role.OFFICER)  # the suite's own key, not one the demo published
    page = _second_step(client, staff)
    assert "Enter your sign-in code" in page
    assert not CODE_SHOWN.search(page)


def test_no_code_in_production_even_for_a_demo_key(app, client, monkeypatch):
    moderator = _demo_moderator()
    client.submit(SIGN_IN, {"login": moderator.email, "password": PASSWORD})
    monkeypatch.setitem(app.config, "ENGAGE_ENV", "production")
    monkeypatch.setitem(app.config, "TESTING", False)
    page = client.get(CODE_STEP).text
    assert "Enter your sign-in code" in page
    assert not CODE_SHOWN.search(page)
