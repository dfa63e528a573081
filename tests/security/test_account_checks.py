"""Account checks (ASVS L2): confirmed addresses before votes, comments and reports count; no
account enumeration at sign-up; emails on every password or address change; guessable passwords
refused; sign-in throttled per account as well as per address."""

import logging
import re
from datetime import timedelta

from sqlalchemy import func, select

from engage.accounts.models import User
from engage.clock import utcnow
from engage.comments.models import Comment, CommentStatus, HoldReason
from engage.extensions import db
from engage.mail import outbox
from engage.moderation import service as moderation
from engage.moderation.models import ModerationCase, Report
from engage.permissions import Role
from engage.votes.service import vote_totals
from tests.accounts.helpers import page, rate_limited_app, without_tokens
from tests.conftest import PASSWORD
from tests.factories import make_comment, make_proposal, make_user, make_vote

ADULT_URL = "/account/sign-up/adult"
STRONG = "kestrel lantern quietly orbits"


def _adult_form(**overrides) -> dict:
    return {
        "email": "new.person@example.org",
        "display_name": "Amira K",
        "password": STRONG,
        "age_band": "25-44",
        "connection": "live",
        "postcode_district": "LU1",
        **overrides,
    }


def _link(message, path: str) -> str:
    """The path of the first link to `path` in an email."""
    url = re.search(rf"https?://\S+{re.escape(path)}\S+", message.get_content()).group(0)
    return url.split("localhost", 1)[1]


def _status(comment) -> CommentStatus:
    db.session.expire_all()
    return db.session.get(Comment, comment.id).status


def _report(client, comment):
    return client.submit(f"/comments/{comment.id}/report", {"reason": "abusive", "note": ""})


# Reports -----------------------------------------------------------------------------------


def test_three_unconfirmed_throwaway_accounts_cannot_hide_a_comment(login_as):
    comment = make_comment(make_proposal(), make_user(), body="Words someone dislikes")

    for _ in range(3):
        client = login_as(make_user(verified=False))
        page_ = page(client.get(f"/proposals/{comment.proposal_id}"))
        assert f"/comments/{comment.id}/report" not in page_
        assert _report(client, comment).status_code == 403

    assert _status(comment) == CommentStatus.PUBLISHED
    assert db.session.scalar(select(func.count()).select_from(Report)) == 0


def test_reports_from_suspended_or_banned_accounts_do_not_count_toward_hiding():
    comment = make_comment(make_proposal(), make_user(), body="Words someone dislikes")
    suspended = make_user()
    banned = make_user()
    # Reports made before the sanctions were given.
    for reporter in (suspended, banned):
        moderation.report_item(reporter, "comment", comment, "abusive")
    db.session.commit()
    suspended.suspended_until = utcnow() + timedelta(days=7)
    banned.banned = True
    db.session.commit()

    moderation.report_item(make_user(), "comment", comment, "abusive")
    db.session.commit()

    assert _status(comment) == CommentStatus.PUBLISHED


def test_suspended_or_banned_people_cannot_report(login_as):
    comment = make_comment(make_proposal(), make_user())
    suspended = make_user()
    banned = make_user()
    clients = [login_as(suspended), login_as(banned)]
    suspended.suspended_until = utcnow() + timedelta(days=7)
    banned.banned = True
    db.session.commit()

    for client in clients:
        assert _report(client, comment).status_code == 403
    assert db.session.scalar(select(func.count()).select_from(Report)) == 0


def test_young_peoples_reports_reach_moderators_but_do_not_hide_on_their_own(login_as):
    # Young people's accounts need no email, so they are as cheap to make as throwaway ones.
    comment = make_comment(make_proposal(), make_user())
    for _ in range(3):
        assert _report(login_as(make_user(Role.YOUNG_PERSON)), comment).status_code == 302
    assert _status(comment) == CommentStatus.PUBLISHED
    assert db.session.scalar(select(func.count()).select_from(Report)) == 3


def test_three_confirmed_accounts_still_hide_a_comment(login_as):
    comment = make_comment(make_proposal(), make_user())
    for _ in range(3):
        assert _report(login_as(make_user()), comment).status_code == 302
    assert _status(comment) == CommentStatus.HIDDEN


# Votes and comments wait for a confirmed address ------------------------------------------


def test_unconfirmed_adults_votes_are_not_counted_until_they_confirm(login_as):
    proposal = make_proposal()
    unconfirmed = make_user(verified=False)
    make_vote(proposal, make_user())
    make_vote(proposal, make_user(Role.YOUNG_PERSON))
    client = login_as(unconfirmed)
    response = client.submit(f"/proposals/{proposal.id}/vote", {"choice": "agree"})
    assert response.status_code == 302
    assert "count once you confirm" in page(client.get(response.headers["Location"]))

    assert vote_totals(proposal).total == 2
    assert client.submit("/account/verify/resend").status_code == 302
    (message,) = outbox()
    assert client.submit(_link(message, "/account/verify/")).status_code == 302
    assert vote_totals(proposal).total == 3


def test_unconfirmed_adults_comment_waits_unseen_and_is_published_when_they_confirm(client):
    proposal = make_proposal()
    client.submit(ADULT_URL, _adult_form())
    (message,) = outbox()
    client.submit("/account/sign-in", {"login": "new.person@example.org", "password": STRONG})

    posted = client.submit(f"/proposals/{proposal.id}/comments", {"body": "More trees please"})
    assert "published when you confirm" in page(client.get(posted.headers["Location"]))
    comment = db.session.scalar(select(Comment))
    assert comment.status == CommentStatus.HELD
    assert comment.hold_reason == HoldReason.UNVERIFIED_EMAIL
    # Not public, and not in the moderators' queue either.
    assert "More trees please" not in page(
        client.application.test_client().get(f"/proposals/{proposal.id}")
    )
    assert db.session.scalar(select(func.count()).select_from(ModerationCase)) == 0

    path = _link(message, "/account/verify/")
    assert "Confirm my email address" in page(client.get(path))
    assert client.submit(path).status_code == 302

    assert _status(comment) == CommentStatus.PUBLISHED
    assert "More trees please" in page(
        client.application.test_client().get(f"/proposals/{proposal.id}")
    )
    user = db.session.scalar(select(User))
    assert user.email_verified_at is not None


def test_confirmation_link_is_single_use_and_a_resend_replaces_it(login_as, client, app):
    app.config["BASE_URL"] = "https://engage.luton.example"
    try:
        user = make_user(verified=False)
        signed = login_as(user)
        assert "Send the link again" in page(signed.get("/account/"))
        signed.submit("/account/verify/resend")
        signed.submit("/account/verify/resend")
    finally:
        app.config["BASE_URL"] = ""
    first, second = outbox()
    assert "https://engage.luton.example/account/verify/" in first.get_content()
    old = re.search(r"https://engage\.luton\.example(/account/verify/\S+)", first.get_content())[1]
    new = re.search(r"https://engage\.luton\.example(/account/verify/\S+)", second.get_content())[1]

    assert client.submit(old).status_code == 400
    assert client.submit(new).status_code == 302
    assert client.submit(new).status_code == 400
    db.session.expire_all()
    assert db.session.get(User, user.id).email_verified_at is not None


def test_young_people_are_unaffected_their_votes_count_at_once(login_as):
    proposal = make_proposal()
    client = login_as(make_user(Role.YOUNG_PERSON))
    client.submit(f"/proposals/{proposal.id}/vote", {"choice": "agree"})
    assert vote_totals(proposal).total == 1


# Sign-up does not tell which addresses have accounts ---------------------------------------


def test_sign_up_with_a_registered_address_looks_like_a_new_one_and_emails_the_owner(app):
    make_user(email="taken@example.org")
    fresh, taken = app.test_client(), app.test_client()

    new_page = fresh.submit(ADULT_URL, _adult_form(email="free@example.org"))
    taken_page = taken.submit(ADULT_URL, _adult_form(email="taken@example.org"))

    assert new_page.status_code == taken_page.status_code == 200
    same = lambda html: without_tokens(html).replace("free@", "taken@")  # noqa: E731
    assert same(page(new_page)) == without_tokens(page(taken_page))
    to_new, to_owner = outbox()
    assert "/account/verify/" in to_new.get_content()
    assert to_owner["To"] == "taken@example.org"
    assert "tried to make a new Engage Luton account" in to_owner.get_content()
    assert "/account/forgot-password" in to_owner.get_content()
    assert db.session.scalar(select(func.count()).select_from(User)) == 2


# Emails on changes -----------------------------------------------------------------------


def test_changing_the_password_emails_the_person(login_as):
    user = make_user(email="ruth@example.org")
    client = login_as(user)

    client.submit("/account/password", {"current_password": PASSWORD, "password": STRONG})

    (message,) = outbox()
    assert message["To"] == "ruth@example.org"
    assert "password for your Engage Luton account has just been changed" in message.get_content()


def test_changing_the_email_tells_the_old_address(login_as):
    user = make_user(email="old@example.org")
    client = login_as(user)

    sent = client.submit(
        "/account/email", {"email": "new@example.org", "current_password": PASSWORD}
    )
    assert "Check your email" in page(sent)
    (link,) = outbox()
    assert link["To"] == "new@example.org"
    client.submit(_link(link, "/account/verify/"))

    notice = outbox()[-1]
    assert notice["To"] == "old@example.org"
    assert "n***@example.org" in notice.get_content()
    db.session.expire_all()
    assert db.session.get(User, user.id).email == "new@example.org"


# Guessable passwords -----------------------------------------------------------------------


def test_common_password_is_refused_with_a_reason_and_a_hint(client):
    response = client.submit(ADULT_URL, _adult_form(password="password1234"))

    html = page(response)
    assert "There is a problem" in html
    assert "This password is too easy to guess" in html
    assert "Try three or four unrelated words together." in html
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_password_made_of_the_persons_own_details_is_refused(client):
    response = client.submit(
        ADULT_URL,
        _adult_form(email="amira.khan@example.org", display_name="", password="amirakhan1984"),
    )
    assert "This password is too easy to guess" in page(response)
    assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_guessable_new_password_is_refused_on_change(login_as):
    client = login_as(make_user())
    response = client.submit(
        "/account/password", {"current_password": PASSWORD, "password": "qwertyuiop12"}
    )
    assert response.status_code == 400
    assert "This password is too easy to guess" in page(response)


# Sign-in throttling ----------------------------------------------------------------------


def _sign_in(client, login, password, address):
    return client.submit(
        "/account/sign-in",
        {"login": login, "password": password},
        environ_base={"REMOTE_ADDR": address},
    )


def test_failed_sign_ins_from_many_addresses_lock_the_account_name(app, caplog):
    user = make_user(email="ruth@example.org")
    other = make_user()

    with rate_limited_app(
        app, LOGIN_RATE_LIMIT="100 per minute", LOGIN_ACCOUNT_RATE_LIMIT="3 per 15 minutes"
    ) as limited:
        client = limited.test_client()
        for n in range(3):
            wrong = _sign_in(client, "Ruth@example.org", "not it", f"203.0.113.{n}")
            assert wrong.status_code == 400
        # Even the right password now waits, from yet another address.
        blocked = _sign_in(client, "ruth@example.org", PASSWORD, "198.51.100.7")
        assert blocked.status_code == 429
        # Another account is not affected.
        assert _sign_in(client, other.email, PASSWORD, "198.51.100.7").status_code == 302

        # An account name that does not exist behaves just the same: nothing is revealed.
        for n in range(3):
            _sign_in(limited.test_client(), "nobody@example.org", "not it", f"192.0.2.{n}")
        with caplog.at_level(logging.INFO, logger="engage.security"):
            ghost = _sign_in(limited.test_client(), "nobody@example.org", "x", "192.0.2.9")
        assert ghost.status_code == 429
        assert "sign_in.account_throttled" in caplog.text
        assert "nobody" not in caplog.text
    assert user.id


def test_successful_sign_ins_do_not_use_up_the_account_allowance(app):
    user = make_user()
    with rate_limited_app(
        app, LOGIN_RATE_LIMIT="100 per minute", LOGIN_ACCOUNT_RATE_LIMIT="2 per 15 minutes"
    ) as limited:
        for n in range(4):
            client = limited.test_client()
            assert _sign_in(client, user.email, PASSWORD, f"203.0.113.{n}").status_code == 302


def test_an_outstanding_email_link_cannot_refill_a_deleted_account(login_as, client):
    user = make_user(email="old@example.org")
    signed = login_as(user)
    signed.submit("/account/email", {"email": "new@example.org", "current_password": PASSWORD})
    (link,) = outbox()

    signed.submit("/me/account/delete")
    assert client.submit(_link(link, "/account/verify/")).status_code == 400

    db.session.expire_all()
    emptied = db.session.get(User, user.id)
    assert emptied.email is None and emptied.email_verified_at is None
