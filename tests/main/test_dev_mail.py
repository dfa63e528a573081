"""The emails a development copy writes instead of sending, readable from this machine's browser.

Someone trying the site with `make run` has no mail server: without this page the account they
make can never be confirmed, and a password reset never arrives.
"""

import re

import pytest
from flask import Flask

from engage import mail
from engage.extensions import db
from tests.accounts.test_sign_up import ADULT_URL, adult_form

ELSEWHERE = {"REMOTE_ADDR": "192.0.2.7"}


def test_an_adult_who_signs_up_reads_the_confirmation_here_and_confirms(client, log_mail):
    signed_up = client.submit(ADULT_URL, adult_form(email="trying.out@example.org"))
    assert "Check your email" in signed_up.text
    assert 'href="/dev/mail"' in signed_up.text
    assert len(list(log_mail.glob("*.eml"))) == 1

    page = client.get("/dev/mail")
    assert page.status_code == 200
    assert "no-store" in page.headers["Cache-Control"]  # the links confirm and reset accounts
    assert "Confirm your email address for Engage Luton" in page.text
    assert "trying.out@example.org" in page.text
    link = re.search(r'href="https?://[^/"]+(/account/verify/[^"]+)"', page.text)
    assert link, page.text

    confirm = client.get(link.group(1))
    assert confirm.status_code == 200
    confirmed = client.submit(link.group(1), {})
    assert confirmed.status_code == 302
    db.session.expire_all()
    from engage.accounts.models import User

    user = db.session.scalar(db.select(User).where(User.email == "trying.out@example.org"))
    assert not user.email_unverified


def test_the_newest_email_comes_first(client, log_mail):
    client.submit(ADULT_URL, adult_form(email="first@example.org"))
    client.submit("/account/forgot-password", {"email": "first@example.org"})
    page = client.get("/dev/mail").text
    assert page.index("reset") < page.index("Confirm your email address")
    assert "first@example.org" in page


def test_what_an_email_says_is_shown_as_text(client, log_mail):
    mail.send_email("x@example.org", "<b>Hi</b>", "<script>alert(1)</script> see http://a.test/")
    page = client.get("/dev/mail").text
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<b>Hi</b>" not in page and "&lt;b&gt;Hi&lt;/b&gt;" in page
    assert 'href="http://a.test/"' in page


def test_no_page_and_no_link_for_another_machine(client, log_mail):
    signed_up = client.submit(
        ADULT_URL, adult_form(email="lan@example.org"), environ_base=ELSEWHERE
    )
    assert "Check your email" in signed_up.text
    assert "/dev/mail" not in signed_up.text
    assert client.get("/dev/mail", environ_base=ELSEWHERE).status_code == 404


@pytest.mark.parametrize("header", ["X-Forwarded-For", "Forwarded", "X-Real-IP"])
def test_no_page_through_a_proxy_on_this_machine(client, log_mail, header):
    # nginx in front of a staging copy: the peer is loopback, the visitor is not.
    proxied = {header: "203.0.113.9"}
    signed_up = client.submit(ADULT_URL, adult_form(email="proxied@example.org"), headers=proxied)
    assert "Check your email" in signed_up.text and "/dev/mail" not in signed_up.text
    assert client.get("/dev/mail", headers=proxied).status_code == 404


def test_no_page_where_emails_are_sent_or_kept_in_memory(app, client):
    # The suite's own set-up keeps emails in memory, as production sends them by SMTP.
    signed_up = client.submit(ADULT_URL, adult_form(email="memory@example.org"))
    assert "/dev/mail" not in signed_up.text
    assert client.get("/dev/mail").status_code == 404


@pytest.mark.parametrize(
    ("settings", "readable"),
    [
        ({"ENGAGE_ENV": "development", "MAIL_BACKEND": "log"}, True),
        ({"ENGAGE_ENV": "production", "MAIL_BACKEND": "log"}, False),
        ({"ENGAGE_ENV": "development", "MAIL_BACKEND": "smtp"}, False),
    ],
)
def test_only_a_development_copy_without_a_mail_server_shows_its_emails(settings, readable):
    app = Flask("probe")
    app.config.update(settings)
    assert mail.outbox_readable(app) is readable


def test_an_empty_outbox_says_so(client, log_mail):
    page = client.get("/dev/mail")
    assert page.status_code == 200
    assert "There are no emails yet." in page.text


def test_each_email_keeps_its_own_language_and_direction_on_the_page(client, log_mail):
    client.get("/?lang=ur")  # signs up in Urdu: the confirmation is written in Urdu
    client.submit(ADULT_URL, adult_form(email="urdu.reader@example.org"))
    page = client.get("/dev/mail?lang=en").text
    assert '<html lang="en" dir="ltr"' in page
    assert re.search(r'<h2 [^>]*lang="ur" dir="rtl"', page)
    assert re.search(r'<div class="govuk-inset-text engage-prose" lang="ur" dir="rtl">', page)
    assert "<bdi>urdu.reader@example.org</bdi>" in page
