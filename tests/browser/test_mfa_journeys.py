"""Staff two-step sign-in in a real browser, keyboard only, in English and Urdu, checked by axe.

A new colleague signs in, is sent to set up an authenticator (QR code drawn here, key as text),
types the app's code, is shown ten recovery codes, and is signed in. Next time the code step
follows the password. Only the keyboard is used once a page is open.
"""

import pytest

from engage.permissions import Role
from tests.browser import helpers
from tests.browser.helpers import _forget_last_code
from tests.browser.keyboard import by_id, press_and_wait, tab_to
from tests.conftest import PASSWORD, totp_code
from tests.factories import make_user

pytestmark = pytest.mark.browser


def _no_violations(page, where):
    problems = helpers.axe_violations(page)
    assert not problems, f"{where}: " + "\n".join(problems)


def _password_step(page, user, locale):
    page.goto(f"/account/sign-in?lang={locale}")
    tab_to(page, by_id("login"))
    page.keyboard.type(user.email)
    tab_to(page, by_id("password"))
    page.keyboard.type(PASSWORD)
    tab_to(page, by_id("submit"))
    press_and_wait(page)


def _type_code(page, code):
    tab_to(page, by_id("code"))
    page.keyboard.type(code)
    tab_to(page, by_id("submit"))
    press_and_wait(page)


@pytest.mark.parametrize("locale", ["en", "ur"])
def test_a_new_colleague_sets_up_two_step_sign_in_then_uses_it(new_context, world, locale):
    page = new_context().new_page()
    staff = make_user(Role.OFFICER, mfa=False)

    _password_step(page, staff, locale)
    assert page.url.endswith("/account/two-factor/set-up")
    assert page.locator("html").get_attribute("lang") == locale
    qr = page.locator("main img.engage-qr")
    assert qr.get_attribute("src").startswith("data:image/svg+xml")
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    _no_violations(page, f"set-up [{locale}]")
    # Elsewhere is out of reach until the code is confirmed.
    page.goto(f"/manage/proposals?lang={locale}")
    assert "/account/sign-in" in page.url
    page.goto(f"/account/two-factor/set-up?lang={locale}")
    secret = page.get_by_test_id("totp-secret").inner_text().replace(" ", "")

    _type_code(page, "000000")
    assert page.locator(".govuk-error-summary").count()
    _no_violations(page, f"set-up, wrong code [{locale}]")
    _type_code(page, totp_code(secret))

    codes = page.get_by_test_id("recovery-codes").locator("li")
    assert codes.count() == 10
    _no_violations(page, f"recovery codes [{locale}]")
    tab_to(page, by_id("continue"))
    press_and_wait(page)
    assert page.goto(f"/manage/proposals?lang={locale}").status == 200

    # Next time: password, then the code step.
    page.context.clear_cookies()
    _password_step(page, staff, locale)
    assert page.url.endswith("/account/two-factor")
    _no_violations(page, f"code step [{locale}]")
    _type_code(page, "123456")
    assert page.locator(".govuk-error-summary").count()
    _no_violations(page, f"code step, wrong code [{locale}]")
    _forget_last_code(staff)
    _type_code(page, totp_code(secret))
    assert "/account/two-factor" not in page.url
    assert page.goto(f"/manage/proposals?lang={locale}").status == 200
