"""Choosing a language: ?lang=, the remembered choice, the account, Accept-Language."""

import re

import pytest

from engage.accounts.models import User
from engage.extensions import db
from engage.i18n import LOCALES
from tests.conftest import PASSWORD
from tests.factories import make_proposal, make_user

HTML_TAG = re.compile(r"<html ([^>]*)>")


def html_attrs(response) -> str:
    return HTML_TAG.search(response.get_data(as_text=True)).group(1)


@pytest.mark.parametrize("code", list(LOCALES))
def test_html_lang_and_dir_follow_the_locale(client, code):
    attrs = html_attrs(client.get(f"/?lang={code}"))
    assert f'lang="{code}"' in attrs
    assert f'dir="{"rtl" if code in ("ur", "ar") else "ltr"}"' in attrs


def test_switcher_lists_every_language_in_its_own_script(client):
    page = client.get("/?lang=pl").get_data(as_text=True)
    nav = page[page.index('class="engage-lang-switcher"') :]
    nav = nav[: nav.index("</nav>")]
    for loc in LOCALES.values():
        assert f'lang="{loc.code}"' in nav
        assert loc.name in nav
    assert '<span lang="pl" aria-current="true"' in nav
    assert 'hreflang="ur" href="/?lang=ur"' in nav


def test_switcher_keeps_the_page_and_its_query(client):
    page = client.get("/?sort=newest&lang=ro").get_data(as_text=True)
    assert 'href="/?sort=newest&amp;lang=ar"' in page


def test_choice_is_remembered_for_later_pages(client):
    client.get("/?lang=ro")
    assert 'lang="ro"' in html_attrs(client.get("/account/sign-in"))


def test_first_visit_follows_accept_language(client):
    response = client.get("/", headers={"Accept-Language": "pt-BR,pt;q=0.9,en;q=0.5"})
    assert 'lang="pt"' in html_attrs(response)
    response = client.get("/", headers={"Accept-Language": "ur-PK, en;q=0.3"})
    assert 'lang="ur"' in html_attrs(response) and 'dir="rtl"' in html_attrs(response)


def test_unknown_languages_fall_back_to_english(client):
    assert 'lang="en"' in html_attrs(client.get("/?lang=xx", headers={"Accept-Language": "de"}))


def test_explicit_choice_beats_accept_language(client):
    client.get("/?lang=bn")
    response = client.get("/", headers={"Accept-Language": "pl"})
    assert 'lang="bn"' in html_attrs(response)


def test_interface_text_is_translated(client):
    page = client.get("/account/sign-in?lang=pl").get_data(as_text=True)
    assert "Zaloguj się" in page
    page = client.get("/account/sign-in?lang=ur").get_data(as_text=True)
    assert "سائن ان" in page


def test_choice_before_sign_in_is_saved_on_the_account(client):
    user = make_user(locale=None)
    client.get("/?lang=pa")
    response = client.submit("/account/sign-in", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).locale == "pa"
    assert 'lang="pa"' in html_attrs(client.get("/"))


def test_account_language_applies_on_a_new_device(app):
    user = make_user(locale="ar")
    browser = app.test_client()
    browser.submit("/account/sign-in", {"login": user.email, "password": PASSWORD})
    attrs = html_attrs(browser.get("/"))
    assert 'lang="ar"' in attrs and 'dir="rtl"' in attrs


def test_language_survives_sign_out(login_as):
    user = make_user(locale="ro")
    client = login_as(user)
    client.get("/?lang=pt")
    client.submit("/account/sign-out")
    assert 'lang="pt"' in html_attrs(client.get("/"))


def test_switching_language_while_signed_in_updates_the_account(login_as):
    user = make_user(locale="pl")
    client = login_as(user)
    client.get("/?lang=bn")
    db.session.expire_all()
    assert db.session.get(User, user.id).locale == "bn"


def test_dates_and_numbers_use_the_locale(client):
    proposal = make_proposal(title="Bus lanes")
    page = client.get(f"/proposals/{proposal.id}?lang=pl").get_data(as_text=True)
    month = proposal.closes_at.month
    polish_months = [
        "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
        "lipca", "sierpnia", "września", "października", "listopada", "grudnia",
    ]  # fmt: skip
    assert polish_months[month - 1] in page
    page = client.get(f"/proposals/{proposal.id}?lang=en").get_data(as_text=True)
    assert proposal.closes_at.strftime("%B") in page


def test_shahmukhi_panjabi_readers_get_urdu_script(client):
    response = client.get("/", headers={"Accept-Language": "pa-PK,en;q=0.5"})
    assert 'lang="ur"' in html_attrs(response)
    response = client.get("/", headers={"Accept-Language": "pa-IN,en;q=0.5"})
    assert 'lang="pa"' in html_attrs(response)
