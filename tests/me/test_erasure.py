"""Deleting means deleted: after deleting an account or an item, no table or export has the words.

A person signs up through the real forms, writes (a comment left waiting, one redacted, one
reported, one rejected and appealed, a report of someone else's comment, a named survey answer),
then deletes their account or one item. Every table (db.metadata.sorted_tables) and every export
(survey CSV and XLSX, the audit CSV, contributions downloads) is then searched for the words.
"""

import io
import re

import pytest
import sqlalchemy as sa
from flask import url_for
from openpyxl import load_workbook

from engage.accounts.models import User
from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.mail import outbox
from engage.me import service as me
from engage.moderation.models import AuditText, ModerationEvent, Notification
from engage.permissions import Role
from tests.factories import make_comment, make_proposal, make_user, make_vote
from tests.moderation.helpers import RISK_TEXT, held_comment, item_url, moderator
from tests.sql import counting
from tests.surveys.helpers import answer_standard, make_survey

ADULT = {
    "email": "zelda.quinn@example.org",
    "display_name": "Zelda Quinn",
    "password": "a long enough password",
    "age_band": "25-44",
    "connection": "live",
    "postcode_district": "LU1",
}
YOUNG = {
    "username": "zq_skater_77",
    "password": "a long enough password",
    "age_band": "13-15",
    "connection": "study",
    "postcode_district": "",
}

# One unusual word per thing written, so finding any of them anywhere means something was kept.
WAITING = "Zanzibar swings, ring me on 07700 900111"
REDACTED = "Quokka benches, text me on 07700 900222"
REPORTED = "Marmalade crossings would help the school run"
REJECTED = "Pangolin idea, write to me at pangolin.fan@example.org"
APPEAL = "Kumquat reasons why this should be shown"
MY_REPORT = "Tamarind report about someone else"
REPORT_ON_MINE = "Persimmon note from another reader"
SURVEY_WORD = "Wombatville"
SURVEY_LONG = "Rutabaga thoughts about the parks"
WORDS = [
    "Zanzibar",
    "900111",
    "Quokka",
    "900222",
    "Marmalade",
    "Pangolin",
    "pangolin.fan",
    "Kumquat",
    "Tamarind",
    "Persimmon",
    SURVEY_WORD,
    "Rutabaga",
]


def _post(client, proposal, body):
    response = client.submit(f"/proposals/{proposal.id}/comments", {"body": body})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    db.session.expire_all()
    return db.session.scalar(
        sa.select(Comment).where(Comment.body == body).order_by(Comment.id.desc())
    )


def _sign_up(client, young: bool) -> User:
    if young:
        response = client.submit("/account/sign-up/young-person", YOUNG)
    else:
        response = client.submit("/account/sign-up/adult", ADULT)
    # A young person is shown their recovery code; an adult is asked to confirm their email.
    assert response.status_code in (200, 302), response.get_data(as_text=True)[:2000]
    if not young:
        # Confirm the address from the emailed link (or nothing they write would count), then
        # sign in: adult sign-up does not sign in by itself.
        link = re.search(r"https?://[^/\s]+(/account/verify/\S+)", outbox()[-1].get_content())[1]
        assert client.submit(link).status_code == 302
        signed = client.submit(
            "/account/sign-in", {"login": ADULT["email"], "password": ADULT["password"]}
        )
        assert signed.status_code == 302
    db.session.expire_all()
    key = User.username == YOUNG["username"] if young else User.email == ADULT["email"]
    return db.session.scalar(sa.select(User).where(key))


def _approve_if_held(mod, comment):
    db.session.refresh(comment)
    if comment.status == CommentStatus.HELD:
        assert mod.submit(item_url(comment, "approve"), {}).status_code == 302


def write_everything(app, login_as, young: bool):
    """Sign up and write one of everything; returns the person's client, account and items."""
    client = app.test_client()
    person = _sign_up(client, young)
    proposal = make_proposal()
    mod = login_as(moderator())
    other = make_user()
    others_comment = make_comment(proposal=proposal, author=other, body="Someone else's view")

    waiting = _post(client, proposal, WAITING)
    redacted = _post(client, proposal, REDACTED)
    assert (
        mod.submit(
            item_url(redacted, "redact"), {"redact_text": "Quokka benches, text me on [removed]"}
        ).status_code
        == 302
    )
    reported = _post(client, proposal, REPORTED)
    _approve_if_held(mod, reported)
    reader = login_as(make_user())
    assert (
        reader.submit(
            f"/comments/{reported.id}/report", {"reason": "off_topic", "note": REPORT_ON_MINE}
        ).status_code
        == 302
    )
    rejected = _post(client, proposal, REJECTED)
    assert (
        mod.submit(
            item_url(rejected, "reject"), {"reject_reason": "personal_details", "reject_note": "x"}
        ).status_code
        == 302
    )
    db.session.expire_all()
    notice = db.session.scalar(
        sa.select(Notification).where(
            Notification.user_id == person.id, Notification.kind == "rejected"
        )
    )
    assert client.submit(f"/notifications/{notice.id}/appeal", {"note": APPEAL}).status_code == 302
    assert (
        client.submit(
            f"/comments/{others_comment.id}/report", {"reason": "spam", "note": MY_REPORT}
        ).status_code
        == 302
    )
    survey = make_survey(anonymous=False, audience="everyone")
    age = "13-15" if young else "25-44"
    assert (
        answer_standard(
            client,
            survey,
            age=age,
            q6={"answer": SURVEY_WORD},
            q7={"answer": SURVEY_LONG},
        ).status_code
        == 302
    )
    db.session.expire_all()
    return (
        client,
        person,
        {
            "waiting": waiting,
            "redacted": redacted,
            "reported": reported,
            "rejected": rejected,
            "survey": survey,
            "proposal": proposal,
        },
    )


def dump_every_table() -> str:
    """Every row of every table, as text."""
    db.session.expire_all()
    out = []
    for table in db.metadata.sorted_tables:
        for row in db.session.execute(sa.select(table)):
            out.append(f"{table.name}: {tuple(row)!r}")
    return "\n".join(out)


def dump_every_export(login_as, survey, people=()) -> str:
    """The survey CSV and XLSX, the audit CSV, and contributions downloads, as text."""
    admin = login_as(make_user(Role.ADMIN))
    out = []
    for fmt in ("csv", "xlsx"):
        response = admin.get(url_for("surveys.manage_export", survey_id=survey.id, fmt=fmt))
        assert response.status_code == 200
        if fmt == "csv":
            out.append(response.get_data(as_text=True))
        else:
            book = load_workbook(io.BytesIO(response.data), read_only=True)
            for sheet in book.worksheets:
                out.extend(repr(row) for row in sheet.iter_rows(values_only=True))
    audit = admin.get("/manage/moderation/audit.csv")
    assert audit.status_code == 200
    out.append(audit.get_data(as_text=True))
    for client in people:
        for fmt in ("json", "csv"):
            response = client.get(f"/me/contributions.{fmt}")
            assert response.status_code == 200
            out.append(response.get_data(as_text=True))
    return "\n".join(out)


def assert_nowhere(text: str, needles) -> None:
    lowered = text.lower()
    found = [n for n in needles if n.lower() in lowered]
    assert not found, f"still held after deletion: {found}"


@pytest.mark.parametrize("young", [False, True], ids=["adult", "young person"])
def test_deleting_an_account_leaves_nothing_in_any_table_or_export(app, login_as, young):
    client, person, items = write_everything(app, login_as, young)
    identity = [YOUNG["username"]] if young else [ADULT["email"], ADULT["display_name"]]
    # Everything is there before: the test can fail.
    everything = dump_every_table() + dump_every_export(login_as, items["survey"], [client])
    for needle in WORDS + identity:
        assert needle.lower() in everything.lower(), needle

    response = client.submit("/me/account/delete", {})
    assert response.status_code == 302

    reader = login_as(make_user())
    assert_nowhere(dump_every_table(), WORDS + identity)
    assert_nowhere(dump_every_export(login_as, items["survey"], [reader]), WORDS + identity)
    # The record keeps its shape: every event is still there, its words erased with a date.
    db.session.expire_all()
    erased = db.session.scalars(sa.select(AuditText).where(AuditText.erased_at.is_not(None)))
    assert {t.erased_why for t in erased} == {"deleted"}
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ModerationEvent)) > 5


def test_deleting_one_item_removes_its_words_everywhere_and_keeps_the_rest(app, login_as):
    client, person, items = write_everything(app, login_as, young=False)
    for key in ("redacted", "rejected", "reported"):
        response = client.submit(f"/me/comments/{items[key].id}/delete", {})
        assert response.status_code == 302

    gone = ["Quokka", "900222", "Pangolin", "pangolin.fan", "Kumquat", "Marmalade", "Persimmon"]
    kept = ["Zanzibar", "Tamarind", SURVEY_WORD, ADULT["email"]]
    tables = dump_every_table()
    exports = dump_every_export(login_as, items["survey"], [client])
    assert_nowhere(tables, gone)
    assert_nowhere(exports, gone)
    for word in kept:
        assert word.lower() in tables.lower(), word


def test_a_safeguarding_item_keeps_its_words_for_the_lead_and_the_notice_says_so(client):
    comment, case = held_comment(RISK_TEXT)
    author = db.session.get(User, comment.author_id)
    me.delete_account(author)
    db.session.commit()
    tables = dump_every_table()
    assert "kill myself" in tables  # kept in audit_text for the safeguarding lead
    db.session.expire_all()
    assert db.session.get(Comment, comment.id).body == ""
    notice = client.get("/privacy").get_data(as_text=True)
    assert "safeguarding" in notice.lower() and "referral" in notice.lower()


def _person_with(n: int) -> User:
    person = make_user()
    proposals = [make_proposal() for _ in range(3)]
    for i in range(n):
        make_comment(proposal=proposals[i % 3], author=person, body=f"comment {i}")
    for p in proposals:
        make_vote(p, person)
    return person


def _statements_to_delete(person) -> int:
    db.session.expire_all()
    person = db.session.get(User, person.id)
    with counting() as statements:
        me.delete_account(person)
        db.session.commit()
    return len(statements)


def test_deleting_an_account_takes_the_same_number_of_statements_however_much_was_written():
    few = _statements_to_delete(_person_with(3))
    many = _statements_to_delete(_person_with(60))
    assert few == many
    assert many < 40


def test_the_audit_text_can_only_be_erased_never_rewritten(client):
    comment, case = held_comment("Words to keep honest")
    ref = db.session.scalar(
        sa.select(ModerationEvent.before_id).where(ModerationEvent.item_id == comment.id)
    )
    with pytest.raises(sa.exc.DBAPIError):
        db.session.execute(
            sa.text("UPDATE audit_text SET text = 'rewritten' WHERE id = :id"), {"id": ref}
        )
    db.session.rollback()
    with pytest.raises(sa.exc.DBAPIError):
        db.session.execute(sa.text("DELETE FROM audit_text WHERE id = :id"), {"id": ref})
    db.session.rollback()
    assert db.session.get(AuditText, ref).text == "Words to keep honest"


def test_the_audit_pages_say_where_words_were_erased(login_as):
    comment, case = held_comment("Words that will be erased")
    author = db.session.get(User, comment.author_id)
    me.delete_my_comment(author, db.session.get(Comment, comment.id))
    db.session.commit()
    admin = login_as(make_user(Role.ADMIN))
    for url in ("/manage/moderation/audit", item_url(comment)):
        page = admin.get(url).get_data(as_text=True)
        assert "Words erased" in page and "Words that will be erased" not in page, url
