"""A class signs up together: only accounts made count, a join code has its own allowance, and
a refused form keeps what was typed and says how long to wait."""

import re

from sqlalchemy import func, select

from engage.accounts.models import User
from engage.extensions import db
from tests.accounts.helpers import page, rate_limited_app
from tests.accounts.test_sign_up import YOUNG_URL, young_form
from tests.surveys.helpers import make_code, make_survey


def _accounts() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(User))


def test_typos_do_not_use_up_the_allowance(app):
    with rate_limited_app(app, SIGNUP_RATE_LIMIT="2 per hour") as limited:
        client = limited.test_client()
        for _ in range(5):  # a taken username, a short password...: none of them count
            bad = client.submit(YOUNG_URL, young_form(password="short"))
            assert bad.status_code in (200, 400)
        made = client.submit(YOUNG_URL, young_form(username="first_one"))
        assert made.status_code == 200 and _accounts() == 1


def test_a_class_with_its_join_code_is_not_held_to_one_address(app):
    code = make_code(make_survey(), code="K7P2")
    with rate_limited_app(
        app, SIGNUP_RATE_LIMIT="2 per hour", YOUTH_CLASS_SIGNUP_RATE_LIMIT="40 per hour"
    ) as limited:
        for n in range(6):  # every pupil has their own browser, all on the school's address
            response = limited.test_client().submit(
                YOUNG_URL, young_form(username=f"pupil_{n}", class_code=code.code.lower())
            )
            assert response.status_code == 200, page(response)[:500]
        assert _accounts() == 6


def test_when_the_limit_is_reached_the_form_keeps_what_was_typed_and_says_how_long(app):
    with rate_limited_app(app, SIGNUP_RATE_LIMIT="1 per hour") as limited:
        limited.test_client().submit(YOUNG_URL, young_form(username="first_one"))
        response = limited.test_client().submit(
            YOUNG_URL, young_form(username="second_one", postcode_district="LU2")
        )
        html = page(response)
        assert response.status_code == 429
        assert re.search(r"Wait \d+ minutes?, then press the button again", html)
        assert 'value="second_one"' in html and 'value="LU2"' in html
        assert 'value="13-15" checked' in html
        assert young_form()["password"] not in html  # a password is never sent back
        assert _accounts() == 1


def test_an_unknown_class_code_is_refused_clearly(client):
    response = client.submit(YOUNG_URL, young_form(class_code="ZZZZ"))
    assert "We do not know that class code" in page(response)
    assert _accounts() == 0
