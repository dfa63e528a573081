"""Rectification: people correct their own name, age group, area and email address."""

import re

import pytest
from sqlalchemy import select

from engage.accounts.models import AgeBand, User
from engage.comments.models import Comment, CommentStatus, HoldReason
from engage.extensions import db
from engage.mail import outbox
from engage.permissions import Role
from tests.accounts.helpers import page, radio_checked, radio_values
from tests.conftest import PASSWORD
from tests.factories import make_proposal, make_user

DETAILS = "/account/details"


def _fresh(user) -> User:
    db.session.expire_all()
    return db.session.get(User, user.id)


def test_account_page_links_to_the_details_and_email_pages(login_as):
    html = page(login_as(make_user()).get("/account/"))
    assert DETAILS in html
    assert "/account/email" in html


def test_an_adult_corrects_name_age_group_and_district(login_as):
    user = make_user(display_name="Amira", age_band=AgeBand.B25_44, postcode_district="LU1")
    client = login_as(user)
    form = page(client.get(DETAILS))
    assert radio_checked(form, "age_band", "25-44")
    assert radio_values(form, "age_band") == ["18-24", "25-44", "45-64", "65+", "prefer_not"]

    response = client.submit(
        DETAILS, {"display_name": "Amira K", "age_band": "45-64", "postcode_district": "lu4"}
    )

    assert response.status_code == 302
    user = _fresh(user)
    assert (user.display_name, user.age_band, user.postcode_district) == (
        "Amira K",
        AgeBand.B45_64,
        "LU4",
    )
    assert "Amira K" in page(client.get("/account/"))


def test_a_bad_district_is_refused_with_400_keeping_what_was_typed(login_as):
    user = make_user(postcode_district="LU1")
    client = login_as(user)

    response = client.submit(
        DETAILS, {"display_name": "Sam", "age_band": "65+", "postcode_district": "LU1 3JH"}
    )

    assert response.status_code == 400
    html = page(response)
    assert "Enter only the first part of your postcode" in html
    assert radio_checked(html, "age_band", "65+")
    assert _fresh(user).postcode_district == "LU1"


def test_an_adult_cannot_pick_a_childs_age_group_here(login_as):
    user = make_user()
    response = login_as(user).submit(
        DETAILS, {"display_name": "", "age_band": "13-15", "postcode_district": ""}
    )
    assert response.status_code == 400
    assert _fresh(user).age_band == AgeBand.B25_44


def test_a_young_person_corrects_age_group_and_district_but_has_no_name(login_as):
    young = make_user(Role.YOUNG_PERSON, age_band=AgeBand.B13_15)
    client = login_as(young)
    form = page(client.get(DETAILS))
    assert 'name="display_name"' not in form
    assert radio_values(form, "age_band") == ["13-15", "16-17"]

    refused = client.submit(DETAILS, {"age_band": "25-44", "postcode_district": ""})
    assert refused.status_code == 400
    done = client.submit(
        DETAILS, {"age_band": "16-17", "postcode_district": "LU2", "display_name": "Real Name"}
    )
    assert done.status_code == 302
    young = _fresh(young)
    assert (young.age_band, young.postcode_district, young.display_name) == (
        AgeBand.B16_17,
        "LU2",
        None,
    )


def test_a_new_email_takes_effect_only_when_confirmed_and_the_old_address_is_told(login_as):
    user = make_user(email="old@example.org")
    client = login_as(user)

    response = client.submit(
        "/account/email", {"email": "New@Example.org", "current_password": PASSWORD}
    )

    assert response.status_code == 200
    assert _fresh(user).email == "old@example.org"
    (link,) = outbox()
    assert link["To"] == "new@example.org"
    path = re.search(r"https?://\S+(/account/verify/\S+)", link.get_content())[1]
    assert client.submit(path).status_code == 302
    user = _fresh(user)
    assert user.email == "new@example.org"
    assert user.email_verified_at is not None
    assert outbox()[-1]["To"] == "old@example.org"


def test_changing_email_needs_the_current_password(login_as):
    user = make_user(email="old@example.org")
    response = login_as(user).submit(
        "/account/email", {"email": "new@example.org", "current_password": "not the one"}
    )
    assert response.status_code == 400
    assert "Your current password is wrong." in page(response)
    assert outbox() == []


def test_asking_for_another_accounts_address_looks_the_same_and_sends_nothing(login_as):
    make_user(email="taken@example.org")
    user = make_user(email="old@example.org")

    response = login_as(user).submit(
        "/account/email", {"email": "taken@example.org", "current_password": PASSWORD}
    )

    assert response.status_code == 200
    assert "Check your email" in page(response)
    assert outbox() == []
    assert _fresh(user).email == "old@example.org"


def test_young_people_have_no_email_page(login_as):
    assert login_as(make_user(Role.YOUNG_PERSON)).get("/account/email").status_code == 404


# Age: "prefer not to say" is treated as a young person ---------------------------------------


@pytest.mark.parametrize(
    ("role", "band", "young"),
    [
        (Role.RESIDENT, AgeBand.PREFER_NOT, True),
        (Role.RESIDENT, AgeBand.B18_24, False),
        (Role.YOUNG_PERSON, AgeBand.B16_17, True),
        # Staff accounts are made without an age; that does not make them young people.
        (Role.MODERATOR, AgeBand.PREFER_NOT, False),
        (Role.OFFICER, AgeBand.PREFER_NOT, False),
    ],
)
def test_prefer_not_to_say_is_treated_as_a_young_person(role, band, young):
    assert User(role=role, age_band=band).is_young is young


def test_a_resident_who_prefers_not_to_say_has_comments_held_for_a_moderator(client):
    proposal = make_proposal()
    client.submit(
        "/account/sign-up/adult",
        {
            "email": "quiet@example.org",
            "display_name": "Quiet Person",
            "password": "kestrel lantern quietly orbits",
            "age_band": "prefer_not",
            "connection": "live",
            "postcode_district": "",
        },
    )
    user = db.session.scalar(select(User))
    user.email_verified_at = user.created_at
    db.session.commit()
    client.submit(
        "/account/sign-in",
        {"login": "quiet@example.org", "password": "kestrel lantern quietly orbits"},
    )

    client.submit(f"/proposals/{proposal.id}/comments", {"body": "I would like more benches."})

    comment = db.session.scalar(select(Comment))
    assert comment.status == CommentStatus.HELD
    assert comment.hold_reason == HoldReason.YOUNG_PERSON
    assert comment.by_young_person
    # Shown by a pseudonym, like young people, never by the name typed.
    assert _fresh(user).public_name == user.pseudonym
