"""Errors, WTForms' own messages, people's comments and emails, each in the right language."""

import re

from flask_babel import force_locale

from engage.comments.models import Comment
from engage.extensions import db
from engage.i18n import _, detect_language
from engage.mail import outbox
from tests.factories import make_proposal, make_user


def in_(locale: str, message: str) -> str:
    """A message as the catalogue words it in `locale`; fails if it is not translated."""
    with force_locale(locale):
        text = _(message)
    assert text != message, f"{message!r} is not translated into {locale}"
    return text


def test_our_validation_messages_are_translated(client):
    response = client.submit("/account/sign-in?lang=pl", {"login": "", "password": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 200 or response.status_code == 400
    assert in_("pl", "Enter your email address or username") in page
    assert in_("pl", "There is a problem") in page
    assert "<title>" + in_("pl", "Error:") in page


def test_wtforms_own_messages_are_translated_even_where_wtforms_has_none(client):
    data = {
        "email": "a@example.org",
        "password": "correct horse battery staple",
        "age_band": "not-a-band",
        "connection": "live",
    }
    for locale, expected in {
        "pl": "Nieprawidłowy wybór.",
        "ur": "یہ درست انتخاب نہیں۔",
        "bn": "এটি সঠিক বাছাই নয়।",
        "pa": "ਇਹ ਸਹੀ ਚੋਣ ਨਹੀਂ ਹੈ।",
    }.items():
        page = client.submit(f"/account/sign-up/adult?lang={locale}", data).get_data(as_text=True)
        assert expected in page, locale
        assert "Not a valid choice" not in page


def test_comment_language_is_detected_and_marked_up(login_as):
    author = make_user(locale="en")
    proposal = make_proposal()
    client = login_as(author)
    body = "Uważam, że to bardzo dobry pomysł, ale autobusy powinny jeździć częściej wieczorem."
    client.submit(f"/proposals/{proposal.id}/comments", {"body": body})
    comment = db.session.scalar(db.select(Comment))
    assert comment.language == "pl"
    page = client.get(f"/proposals/{proposal.id}").get_data(as_text=True)
    assert re.search(r'class="engage-comment__body" lang="pl" dir="ltr">', page)


def test_right_to_left_comment_gets_its_direction_on_an_english_page(login_as):
    proposal = make_proposal()
    client = login_as(make_user())
    client.submit(
        f"/proposals/{proposal.id}/comments",
        {"body": "میرے خیال میں یہ ایک اچھا منصوبہ ہے، لیکن بسیں شام کو زیادہ چلنی چاہئیں۔"},
    )
    page = client.get(f"/proposals/{proposal.id}?lang=en").get_data(as_text=True)
    assert re.search(r'class="engage-comment__body" lang="ur" dir="rtl">', page)


def test_short_comments_fall_back_to_the_authors_language():
    assert detect_language("OK!", fallback="ro") == "ro"
    assert detect_language("Sim", fallback=None) is None
    assert detect_language("Acesta este un plan foarte bun pentru oraș", fallback="en") == "ro"
    assert detect_language("এটি আমাদের শহরের জন্য একটি খুব ভালো পরিকল্পনা", fallback="en") == "bn"
    assert detect_language("ਇਹ ਸਾਡੇ ਸ਼ਹਿਰ ਲਈ ਬਹੁਤ ਵਧੀਆ ਯੋਜਨਾ ਹੈ", fallback="en") == "pa"
    assert detect_language("هذه خطة جيدة جدا لمدينتنا ونحن ندعمها", fallback="en") == "ar"


def test_reset_email_goes_out_in_the_recipients_language(client):
    user = make_user(email="ana@example.org", locale="pt")
    client.get("/?lang=en")  # the request comes from an English page
    client.submit("/account/forgot-password?lang=en", {"email": "ana@example.org"})
    (message,) = outbox()
    assert message["Subject"] == in_("pt", "Reset your Engage Luton password")
    assert message["Content-Language"] == "pt"
    assert "http://localhost/account/reset/" in message.get_content()
    assert "ignore this email" not in message.get_content()
    assert user.locale == "pt"


def test_email_for_someone_without_a_language_uses_the_page_language(client):
    make_user(email="jo@example.org", locale=None)
    client.submit("/account/forgot-password?lang=ro", {"email": "jo@example.org"})
    (message,) = outbox()
    assert message["Subject"] == in_("ro", "Reset your Engage Luton password")


def test_moderators_filter_the_queue_by_the_detected_language(login_as):
    from engage.permissions import Role

    proposal = make_proposal()
    young = login_as(make_user(Role.YOUNG_PERSON, locale="en"))
    polish = "Moim zdaniem w parku powinno być więcej ławek i lepsze oświetlenie wieczorem."
    urdu = "میرے خیال میں پارک میں زیادہ بینچ اور شام کو بہتر روشنی ہونی چاہیے۔"
    for body in (polish, urdu):
        young.submit(f"/proposals/{proposal.id}/comments", {"body": body})
    moderator = login_as(make_user(Role.MODERATOR))
    only_polish = moderator.get("/manage/moderation?language=pl").get_data(as_text=True)
    assert "więcej ławek" in only_polish and "زیادہ بینچ" not in only_polish
    only_urdu = moderator.get("/manage/moderation?language=ur").get_data(as_text=True)
    assert "زیادہ بینچ" in only_urdu and "więcej ławek" not in only_urdu
