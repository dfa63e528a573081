"""Signing up as an adult resident or as a young person, through the real forms."""

import re

import pytest
from sqlalchemy import func, select

from engage.accounts.models import AgeBand, Connection, User
from engage.extensions import db
from engage.mail import outbox
from engage.permissions import Role
from tests.accounts.helpers import input_value, page, radio_checked, radio_values
from tests.factories import make_user

ADULT_URL = "/account/sign-up/adult"
YOUNG_URL = "/account/sign-up/young-person"
NEW_PASSWORD = "a long enough password"
CODE_RE = re.compile(r"\b[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}\b")


def adult_form(**overrides) -> dict:
    """A complete, valid adult sign-up form."""
    return {
        "email": "new.person@example.org",
        "display_name": "Amira K",
        "password": NEW_PASSWORD,
        "age_band": "25-44",
        "connection": "live",
        "postcode_district": "LU1",
        **overrides,
    }


def young_form(**overrides) -> dict:
    """A complete, valid young person's sign-up form."""
    return {
        "username": "skater_99",
        "password": NEW_PASSWORD,
        "age_band": "13-15",
        "connection": "study",
        "postcode_district": "",
        **overrides,
    }


def user_count() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(User))


# Adults ----------------------------------------------------------------------------------------


def test_adult_sign_up_creates_an_account_and_asks_to_confirm_the_address(client):
    response = client.submit(ADULT_URL, adult_form(email="New.Person@Example.org"))

    # Not signed in straight away: the answer must be the same for an address that is taken.
    assert response.status_code == 200
    assert "Check your email" in page(response)
    user = db.session.scalar(select(User).where(User.email == "new.person@example.org"))
    assert user is not None
    assert user.role == Role.RESIDENT
    assert user.age_band == AgeBand.B25_44
    assert user.connection == Connection.LIVE
    assert user.postcode_district == "LU1"
    assert user.display_name == "Amira K"
    assert user.password_hash.startswith("$argon2")
    assert NEW_PASSWORD not in user.password_hash
    assert user.email_verified_at is None
    (message,) = outbox()
    assert message["To"] == "new.person@example.org"
    assert "/account/verify/" in message.get_content()
    assert client.get("/account/").status_code == 302
    signed = client.submit("/account/sign-in", {"login": user.email, "password": NEW_PASSWORD})
    assert signed.status_code == 302
    assert "new.person@example.org" in page(client.get("/account/"))


@pytest.mark.parametrize(
    ("band", "connection"),
    [
        ("18-24", "live"),
        ("25-44", "work"),
        ("45-64", "study"),
        ("65+", "other"),
        ("prefer_not", "live"),
    ],
)
def test_adult_sign_up_accepts_every_adult_age_band_and_connection(client, band, connection):
    response = client.submit(ADULT_URL, adult_form(age_band=band, connection=connection))

    assert response.status_code == 200
    assert "Check your email" in page(response)
    user = db.session.scalar(select(User).where(User.email == "new.person@example.org"))
    assert user.age_band == AgeBand(band)
    assert user.connection == Connection(connection)


def test_adult_form_offers_only_adult_age_bands(client):
    html = page(client.get(ADULT_URL))

    assert radio_values(html, "age_band") == ["18-24", "25-44", "45-64", "65+", "prefer_not"]


@pytest.mark.parametrize("band", ["13-15", "16-17", "under-13"])
def test_under_18_cannot_sign_up_through_the_adult_form(client, band):
    response = client.submit(ADULT_URL, adult_form(age_band=band))

    assert response.status_code == 200
    assert "There is a problem" in page(response)
    assert user_count() == 0


def test_postcode_district_is_optional_and_stored_in_capitals(client):
    assert client.submit(ADULT_URL, adult_form(postcode_district="")).status_code == 200
    assert db.session.scalar(select(User.postcode_district)) is None

    other = client.application.test_client()
    response = other.submit(ADULT_URL, adult_form(email="b@example.org", postcode_district=" lu4 "))
    assert response.status_code == 200
    db.session.expire_all()
    user = db.session.scalar(select(User).where(User.email == "b@example.org"))
    assert user.postcode_district == "LU4"


def test_full_postcode_is_refused_with_a_clear_message_and_typing_kept(client):
    response = client.submit(ADULT_URL, adult_form(postcode_district="LU1 3JH", age_band="65+"))

    html = page(response)
    assert response.status_code == 200
    assert "Enter only the first part of your postcode, like LU1" in html
    assert html.count("<title>Error: ") == 1
    assert input_value(html, "postcode_district") == "LU1 3JH"
    assert input_value(html, "email") == "new.person@example.org"
    assert input_value(html, "display_name") == "Amira K"
    assert radio_checked(html, "age_band", "65+")
    assert radio_checked(html, "connection", "live")
    assert user_count() == 0


@pytest.mark.parametrize("garbage", ["hello", "12345", "LU", "<b>LU1</b>"])
def test_garbage_postcode_district_is_refused(client, garbage):
    response = client.submit(ADULT_URL, adult_form(postcode_district=garbage))

    assert response.status_code == 200
    assert "There is a problem" in page(response)
    assert user_count() == 0


def test_taken_email_creates_nothing_and_keeps_the_existing_account(client):
    existing = make_user(email="taken@example.org")

    response = client.submit(ADULT_URL, adult_form(email="Taken@Example.org", display_name="Sam"))

    assert response.status_code == 200
    assert "Check your email" in page(response)
    assert user_count() == 1
    db.session.expire_all()
    assert db.session.get(User, existing.id).display_name is None


def test_missing_answers_are_each_explained(client):
    response = client.submit(ADULT_URL, {"email": "", "password": ""})

    html = page(response)
    assert response.status_code == 200
    for message in (
        "Enter your email address",
        "Enter a password",
        "Choose your age group",
        "Choose your connection to Luton",
    ):
        assert message in html


# Young people ----------------------------------------------------------------------------------


def test_young_person_signs_up_with_a_username_and_sees_a_one_time_recovery_code(client):
    response = client.submit(YOUNG_URL, young_form())

    html = page(response)
    assert response.status_code == 200
    code = CODE_RE.search(html).group(0)
    user = db.session.scalar(select(User).where(User.username == "skater_99"))
    assert user.role == Role.YOUNG_PERSON
    assert user.email is None
    assert user.display_name is None
    assert user.is_young
    # The code is kept only as an argon2 hash, and it is the one that was shown.
    assert user.recovery_code_hash.startswith("$argon2")
    assert code not in user.recovery_code_hash
    assert user.check_recovery_code(code)
    assert user.password_hash.startswith("$argon2")
    # Others see a pseudonym, and the young person is told which.
    assert f"Other people will see you as <bdi>{user.pseudonym}</bdi>." in html
    assert user.public_name == user.pseudonym
    # Signed in, and the code is never shown again.
    account = page(client.get("/account/"))
    assert user.pseudonym in account
    assert code not in account


def test_young_person_form_has_no_email_or_name_field_and_only_13_to_17(client):
    html = page(client.get(YOUNG_URL))

    assert input_value(html, "email") is None
    assert input_value(html, "display_name") is None
    assert input_value(html, "username") == ""
    assert radio_values(html, "age_band") == ["13-15", "16-17"]


def test_young_person_is_shown_by_pseudonym_even_with_a_real_name_stored():
    young = make_user(Role.YOUNG_PERSON, display_name="Jane Smith")

    assert young.public_name == young.pseudonym
    assert "Jane" not in young.public_name


def test_adult_band_in_the_young_form_is_refused(client):
    response = client.submit(YOUNG_URL, young_form(age_band="18-24"))

    assert response.status_code == 200
    assert "There is a problem" in page(response)
    assert user_count() == 0


def test_duplicate_username_is_refused_whatever_the_case_and_typing_is_kept(client):
    make_user(Role.YOUNG_PERSON, username="Skater_99")

    response = client.submit(
        YOUNG_URL, young_form(username="skater_99", age_band="16-17", postcode_district="LU2")
    )

    html = page(response)
    assert response.status_code == 200
    assert "That username is taken. Try another one." in html
    assert input_value(html, "username") == "skater_99"
    assert input_value(html, "postcode_district") == "LU2"
    assert radio_checked(html, "age_band", "16-17")
    assert radio_checked(html, "connection", "study")
    assert NEW_PASSWORD not in html
    assert CODE_RE.search(html) is None
    assert user_count() == 1


@pytest.mark.parametrize("username", ["ab", "has space", "jane@example.org", "x" * 31])
def test_bad_usernames_are_refused(client, username):
    response = client.submit(YOUNG_URL, young_form(username=username))

    assert response.status_code == 200
    assert "There is a problem" in page(response)
    assert user_count() == 0


def test_sign_up_choice_page_links_to_both_forms(client):
    html = page(client.get("/account/sign-up"))

    assert ADULT_URL in html
    assert YOUNG_URL in html
