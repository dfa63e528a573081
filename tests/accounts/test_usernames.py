"""Usernames in any one script; no mixed scripts or invisible characters; unique once normalised."""

import pytest
from sqlalchemy import select

from engage.accounts.models import User
from engage.accounts.usernames import username_key, username_problem
from engage.extensions import db
from tests.accounts.helpers import page
from tests.accounts.test_sign_up import YOUNG_URL, young_form


@pytest.mark.parametrize(
    "name", ["علی_خان", "আমিনা২০", "ਹਰਪ੍ਰੀਤ", "Zoë_12", "Łucja", "Ștefan", "محمد99", "skater_99"]
)
def test_letters_of_any_one_script_are_letters(name):
    assert username_problem(name) is None


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("pаypal", "one alphabet"),  # a Cyrillic "а" among Latin letters
        ("aliعلی", "one alphabet"),
        ("ali\u200bkhan", "letters, numbers and _"),  # an invisible zero-width space
        ("ali khan", "letters, numbers and _"),
        ("ali-khan!", "letters, numbers and _"),
        ("1234", "at least one letter"),
    ],
)
def test_mixed_scripts_invisible_characters_and_symbols_are_refused(name, why):
    assert why in username_problem(name)


def test_names_that_look_the_same_once_normalised_are_the_same_name():
    assert username_key("ＳＫＡＴＥＲ") == username_key("skater") == username_key("Skater")
    assert username_key("STRASSE") == username_key("straße")


def test_an_urdu_username_signs_up_and_signs_in(client):
    response = client.submit(YOUNG_URL, young_form(username="علی_خان"))
    assert response.status_code == 200, page(response)[:2000]
    user = db.session.scalar(select(User).where(User.username == "علی_خان"))
    assert user is not None and user.username_key == "علی_خان"
    client.submit("/account/sign-out")
    signed = client.submit(
        "/account/sign-in", {"login": "علی_خان", "password": young_form()["password"]}
    )
    assert signed.status_code == 302


def test_a_look_alike_of_a_taken_username_is_taken(client):
    client.submit(YOUNG_URL, young_form(username="skater_99"))
    client.submit("/account/sign-out")
    response = client.submit(YOUNG_URL, young_form(username="ＳＫＡＴＥＲ_99"))
    assert "That username is taken" in page(response)
    assert db.session.scalar(select(User).where(User.username == "ＳＫＡＴＥＲ_99")) is None


def test_a_mixed_script_username_is_refused_with_a_clear_message_and_kept(client):
    response = client.submit(YOUNG_URL, young_form(username="pаypal"))
    html = page(response)
    assert "Use the letters of one alphabet only" in html
    assert 'value="pаypal"' in html
