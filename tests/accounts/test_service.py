"""Account rules, called directly."""

import pytest

from engage.accounts import service
from engage.accounts.models import AgeBand, Connection, User
from engage.extensions import db
from engage.permissions import Role
from tests.conftest import PASSWORD
from tests.factories import make_user

GOOD_PASSWORD = "a long enough password"


def register(**overrides):
    fields = {
        "email": "New@Example.org",
        "password": GOOD_PASSWORD,
        "age_band": AgeBand.B25_44,
        "connection": Connection.LIVE,
        **overrides,
    }
    return service.register_resident(**fields)


def test_register_resident_normalises_the_email_and_gives_a_pseudonym():
    user = register(display_name="  ")

    assert user.email == "new@example.org"
    assert user.display_name is None
    assert user.pseudonym
    assert user.public_name == user.pseudonym
    assert user.check_password(GOOD_PASSWORD)


@pytest.mark.parametrize("band", [AgeBand.B13_15, AgeBand.B16_17, AgeBand.UNDER_13])
def test_register_resident_refuses_child_age_bands(band):
    with pytest.raises(service.AccountError) as err:
        register(age_band=band)

    assert err.value.field == "age_band"
    assert "young person" in str(err.value)


def test_register_resident_refuses_a_taken_email_in_any_case():
    make_user(email="taken@example.org")

    with pytest.raises(service.AccountError) as err:
        register(email="TAKEN@example.org")

    assert err.value.field == "email"


@pytest.mark.parametrize("band", [AgeBand.B18_24, AgeBand.UNDER_13, AgeBand.PREFER_NOT])
def test_register_young_person_only_for_13_to_17(band):
    with pytest.raises(service.AccountError) as err:
        service.register_young_person(
            username="someone", password=GOOD_PASSWORD, age_band=band, connection=Connection.LIVE
        )

    assert err.value.field == "age_band"


def test_register_young_person_returns_a_code_stored_only_as_a_hash():
    user, code = service.register_young_person(
        username="Skater", password=GOOD_PASSWORD, age_band=AgeBand.B16_17, connection="study"
    )

    assert user.role == Role.YOUNG_PERSON
    assert user.email is None
    assert user.recovery_code_hash.startswith("$argon2")
    assert code not in user.recovery_code_hash
    assert user.check_recovery_code(code)
    assert user.check_recovery_code(f"  {code.lower()} ")
    assert not user.check_recovery_code("0000-0000-0000")


def test_register_young_person_refuses_a_taken_username_in_any_case():
    make_user(Role.YOUNG_PERSON, username="Skater")

    with pytest.raises(service.AccountError) as err:
        service.register_young_person(
            username="sKaTeR", password=GOOD_PASSWORD, age_band="13-15", connection="live"
        )

    assert err.value.field == "username"


def test_authenticate_by_email_or_username():
    adult = make_user(email="ruth@example.org")
    young = make_user(Role.YOUNG_PERSON, username="Otter")

    assert service.authenticate("RUTH@example.org", PASSWORD) == adult
    assert service.authenticate("otter", PASSWORD) == young
    assert service.authenticate("ruth@example.org", "wrong password") is None
    assert service.authenticate("nobody@example.org", PASSWORD) is None


def test_change_password_checks_the_current_one():
    user = make_user()

    with pytest.raises(service.AccountError) as err:
        service.change_password(user, "not it", GOOD_PASSWORD)
    assert err.value.field == "current_password"

    service.change_password(user, PASSWORD, GOOD_PASSWORD)
    assert user.check_password(GOOD_PASSWORD)
    assert not user.check_password(PASSWORD)


def test_recovery_replaces_the_code():
    user = make_user(Role.YOUNG_PERSON, username="skater")
    code = user.set_recovery_code()
    db.session.commit()

    recovered, new_code = service.recover_young_person("skater", code, GOOD_PASSWORD)

    assert recovered == user
    assert new_code != code
    assert user.check_recovery_code(new_code)
    assert not user.check_recovery_code(code)
    with pytest.raises(service.AccountError):
        service.recover_young_person("skater", code, "another good password")


def test_young_people_and_children_are_young_whatever_their_role_says():
    assert make_user(Role.YOUNG_PERSON).is_young
    assert make_user(age_band=AgeBand.B16_17).is_young
    assert not make_user(age_band=AgeBand.B18_24).is_young


def test_suspended_and_banned_people_are_blocked():
    from datetime import timedelta

    from engage.clock import utcnow

    assert make_user(banned=True).is_blocked
    assert make_user(suspended_until=utcnow() + timedelta(hours=1)).is_blocked
    assert not make_user(suspended_until=utcnow() - timedelta(hours=1)).is_blocked


def test_passwords_are_never_stored():
    user = make_user()

    assert user.password_hash.startswith("$argon2")
    assert PASSWORD not in user.password_hash
    assert isinstance(db.session.get(User, user.id).password_hash, str)
