"""Emails that arrive at a real SMTP server: multipart, in the reader's language, and stoppable
with one click without signing in."""

import sqlalchemy as sa

from engage.extensions import db
from engage.moderation.models import Notification
from engage.notifications.models import Frequency, NotificationSetting
from engage.permissions import Role
from tests.factories import make_comment, make_proposal, make_user
from tests.notifications.conftest import html_of, path_of, text_of, unsubscribe_link
from tests.notifications.helpers import adult


def _reply(login_as, parent, body="Good point, and the library too."):
    author = make_user(Role.RESIDENT)
    client = login_as(author)
    response = client.submit(
        f"/proposals/{parent.proposal_id}/comments", {"body": body, "parent_id": parent.id}
    )
    assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return author


def _frequency(user) -> Frequency | None:
    db.session.expire_all()
    setting = db.session.get(NotificationSetting, user.id)
    return Frequency(setting.frequency) if setting else None


def test_a_reply_is_emailed_at_once_as_text_and_html_with_a_link_to_it(login_as, inbox):
    ruth = adult(Frequency.NOW)
    proposal = make_proposal(title="More trees on Bury Park Road")
    comment = make_comment(proposal, ruth)
    _reply(login_as, comment)
    (message,) = inbox.to(ruth.email)
    subject = "Someone replied to your comment on “More trees on Bury Park Road”."
    assert message["Subject"] == subject
    assert message.get_content_type() == "multipart/alternative"
    text, html = text_of(message), html_of(message)
    assert "More trees on Bury Park Road" in text
    assert '<html lang="en" dir="ltr">' in html
    # No images, no tracking, nothing fetched from anywhere when the email is opened.
    assert "<img" not in html and "src=" not in html and "<link" not in html
    link = next(line for line in text.splitlines() if f"/proposals/{proposal.id}" in line)
    assert "#c" in link and link.startswith("http://localhost/")
    # The link leads to the proposal, where the reply is.
    page = login_as(ruth).get(path_of(link)).get_data(as_text=True)
    assert "and the library too" in page


def test_the_reply_is_also_a_notice_on_the_site_with_a_link(login_as, inbox):
    ruth = adult(Frequency.NOW)
    comment = make_comment(make_proposal(title="Skate park"), ruth)
    _reply(login_as, comment)
    page = login_as(ruth).get("/notifications").get_data(as_text=True)
    assert "Someone replied to your comment on “<bdi>Skate park</bdi>”." in page
    assert f'href="/proposals/{comment.proposal_id}#c' in page


def test_nobody_is_told_about_their_own_reply(login_as, inbox):
    ruth = adult(Frequency.NOW)
    comment = make_comment(make_proposal(), ruth)
    response = login_as(ruth).submit(
        f"/proposals/{comment.proposal_id}/comments",
        {"body": "Adding to my own point.", "parent_id": comment.id},
    )
    assert response.status_code == 302
    assert inbox.to(ruth.email) == []
    kinds = db.session.scalars(sa.select(Notification.kind).where(Notification.user_id == ruth.id))
    assert "reply" not in list(kinds)


def test_young_people_are_never_emailed_but_see_the_notice(login_as, inbox):
    young = make_user(Role.YOUNG_PERSON)
    # Even a stored choice of "at once" (which the page never offers them) sends nothing.
    db.session.add(NotificationSetting(user_id=young.id, frequency=Frequency.NOW))
    db.session.commit()
    comment = make_comment(make_proposal(title="Youth centre"), young)
    _reply(login_as, comment)
    assert inbox.messages == []
    page = login_as(young).get("/notifications").get_data(as_text=True)
    assert "Someone replied to your comment on “<bdi>Youth centre</bdi>”." in page


def test_an_adult_who_prefers_not_to_give_their_age_is_treated_as_young(login_as, inbox):
    from engage.accounts.models import AgeBand

    unsure = adult(Frequency.NOW, age_band=AgeBand.PREFER_NOT)
    _reply(login_as, make_comment(make_proposal(), unsure))
    assert inbox.messages == []


def test_an_unconfirmed_address_is_never_emailed(login_as, inbox):
    person = adult(Frequency.NOW, verified=False)
    _reply(login_as, make_comment(make_proposal(), person))
    assert inbox.messages == []


def test_the_email_is_in_the_readers_language_right_to_left_for_urdu(login_as, inbox):
    reader = adult(Frequency.NOW, locale="ur")
    _reply(login_as, make_comment(make_proposal(title="Parks"), reader))
    (message,) = inbox.to(reader.email)
    assert message["Content-Language"] == "ur"
    assert '<html lang="ur" dir="rtl">' in html_of(message)
    assert "Someone replied" not in message["Subject"]
    assert "Hello," not in text_of(message)


def test_one_click_unsubscribe_works_without_signing_in(client, login_as, inbox):
    ruth = adult(Frequency.NOW)
    _reply(login_as, make_comment(make_proposal(), ruth))
    (message,) = inbox.to(ruth.email)
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = unsubscribe_link(message)
    assert link in text_of(message)
    # RFC 8058: the mail program POSTs this body to the link, with no cookie and no CSRF token.
    response = client.post(
        path_of(link),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert _frequency(ruth) == Frequency.NEVER
    _reply(login_as, make_comment(make_proposal(), ruth))
    assert len(inbox.to(ruth.email)) == 1  # nothing more came


def test_the_unsubscribe_link_opened_in_a_browser_asks_first(client, login_as, inbox):
    ruth = adult(Frequency.NOW)
    _reply(login_as, make_comment(make_proposal(), ruth))
    link = path_of(unsubscribe_link(inbox.to(ruth.email)[0]))
    page = client.get(link)
    assert page.status_code == 200
    assert "Stop these emails" in page.get_data(as_text=True)
    assert _frequency(ruth) == Frequency.NOW  # a link checker opening it changes nothing
    assert client.post(link).status_code == 200
    assert _frequency(ruth) == Frequency.NEVER


def test_a_forged_unsubscribe_link_is_refused(client):
    ruth = adult(Frequency.NOW)
    assert client.post(f"/notifications/unsubscribe/{ruth.id}.forged").status_code == 404
    assert _frequency(ruth) == Frequency.NOW
