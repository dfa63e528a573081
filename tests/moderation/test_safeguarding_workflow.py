"""The safeguarding lead's workflow: the group's responsible adult, opening, support, overdue."""

import sqlalchemy as sa
from flask import url_for

from engage.extensions import db
from engage.mail import outbox
from engage.moderation.models import (
    Action,
    CaseState,
    ModerationCase,
    Notification,
    SafeguardingAlert,
)
from engage.moderation.service import find_case
from engage.permissions import Role
from engage.surveys.models import Answer, JoinCode
from tests.factories import make_user
from tests.moderation.helpers import RISK_TEXT, age_case, events, held_comment, moderator
from tests.surveys.helpers import make_code, make_survey, q_url


def lead(**fields):
    return make_user(Role.SAFEGUARDING_LEAD, **fields)


# Join codes record the group's responsible adult ---------------------------------------------


def test_officer_records_the_groups_responsible_adult(login_as):
    survey = make_survey()
    client = login_as(make_user(Role.OFFICER))
    page_url = url_for("surveys.manage_codes", survey_id=survey.id)
    made = client.submit(
        page_url,
        {
            "label": "Year 8, Challney",
            "adult_name": "Ms Amina Shah",
            "adult_role": "Designated safeguarding lead",
            "adult_email": "dsl@challney.example.org",
            "adult_phone": "01582 000000",
        },
    )
    assert made.status_code == 302
    code = db.session.scalar(sa.select(JoinCode).where(JoinCode.survey_id == survey.id))
    assert (code.adult_name, code.adult_role) == ("Ms Amina Shah", "Designated safeguarding lead")
    assert (code.adult_email, code.adult_phone) == ("dsl@challney.example.org", "01582 000000")
    assert "Ms Amina Shah" in client.get(page_url).get_data(as_text=True)


def test_a_join_code_needs_the_adult_and_a_way_to_reach_them(login_as):
    survey = make_survey()
    client = login_as(make_user(Role.OFFICER))
    page_url = url_for("surveys.manage_codes", survey_id=survey.id)
    no_adult = client.submit(page_url, {"label": "Youth club"})
    assert no_adult.status_code == 400
    assert "Enter the name of the group's responsible adult" in no_adult.get_data(as_text=True)
    no_contact = client.submit(page_url, {"label": "Youth club", "adult_name": "Jo Khan"})
    page = no_contact.get_data(as_text=True)
    assert no_contact.status_code == 400
    assert "Give an email address or a phone number for the responsible adult" in page
    assert 'value="Jo Khan"' in page and 'value="Youth club"' in page  # nothing typed is lost
    bad_email = client.submit(
        page_url, {"label": "Youth club", "adult_name": "Jo Khan", "adult_email": "jo at school"}
    )
    assert bad_email.status_code == 400
    assert db.session.scalar(sa.select(sa.func.count()).select_from(JoinCode)) == 0


# A safeguarding item from a join-code response ----------------------------------------------


def _answer_through_code(client, words=RISK_TEXT, anonymous=True, age="under-13"):
    survey = make_survey(
        questions=[{"kind": "long_text", "text": "Anything else?"}], anonymous=anonymous
    )
    code = make_code(survey, label="Year 8, Challney")
    code.adult_name, code.adult_role = "Ms Amina Shah", "Designated safeguarding lead"
    code.adult_email, code.adult_phone = "dsl@challney.example.org", "01582 000000"
    db.session.commit()
    assert client.get(url_for("surveys.join", code=code.code)).status_code == 302
    client.submit(url_for("surveys.age", survey_id=survey.id), {"age": age})
    client.submit(q_url(survey, 1), {"answer": words})
    assert client.submit(url_for("surveys.check", survey_id=survey.id)).status_code == 302
    answer = db.session.scalar(sa.select(Answer).where(Answer.text == words))
    return answer, find_case("survey_answer", answer.id)


def test_lead_sees_the_group_and_its_adult_never_the_child(client, login_as):
    answer, case = _answer_through_code(client)
    assert case.state == CaseState.SAFEGUARDING
    page = (
        login_as(lead())
        .get(url_for("moderation.manage_item", source="survey_answer", item_id=answer.id))
        .get_data(as_text=True)
    )
    assert "Year 8, Challney" in page and "Ms Amina Shah" in page
    assert "Designated safeguarding lead" in page
    assert "mailto:dsl@challney.example.org" in page and "01582 000000" in page
    assert "we do not know which child wrote it" in page
    # An anonymous answer has nobody to message.
    assert "Send a support message" not in page


def test_signed_in_childs_join_code_answer_hides_who_they_are(login_as):
    child = make_user(Role.YOUNG_PERSON, username="kid.identity", pseudonym="Blue Heron 77")
    answer, case = _answer_through_code(login_as(child), anonymous=False, age="13-15")
    assert case.author_id == child.id
    page = (
        login_as(lead())
        .get(url_for("moderation.manage_item", source="survey_answer", item_id=answer.id))
        .get_data(as_text=True)
    )
    assert "Ms Amina Shah" in page
    assert "kid.identity" not in page and "Blue Heron 77" not in page
    assert url_for("moderation.manage_person", user_id=child.id) not in page
    assert "Send a support message" in page


# Opening, the support message and the audit record -------------------------------------------


def test_opening_an_item_is_recorded_once_and_only_for_leads(login_as):
    comment, case = held_comment(RISK_TEXT)
    url = url_for("moderation.manage_item", source="comment", item_id=comment.id)
    assert login_as(moderator()).get(url).status_code == 403
    db.session.expire_all()
    assert find_case("comment", comment.id).opened_at is None
    client = login_as(lead())
    client.get(url)
    client.get(url)
    db.session.expire_all()
    assert find_case("comment", comment.id).opened_at is not None
    assert len(events("comment", comment.id, Action.OPEN)) == 1


def test_lead_sends_a_support_message_the_young_person_reads(login_as):
    author = make_user(Role.YOUNG_PERSON, locale="en")
    comment, case = held_comment(RISK_TEXT, author=author)
    staff = lead()
    sent = login_as(staff).submit(
        url_for("moderation.manage_support", source="comment", item_id=comment.id),
        {"support_note": "We are here if you want to talk."},
    )
    assert sent.status_code == 302
    db.session.expire_all()
    message = db.session.scalar(sa.select(Notification).where(Notification.kind == "support"))
    assert message.user_id == author.id
    assert RISK_TEXT not in str(message.params)
    (event,) = events("comment", comment.id, Action.SUPPORT)
    assert event.actor_id == staff.id and event.note == "We are here if you want to talk."
    page = login_as(author).get(url_for("moderation.notifications")).get_data(as_text=True)
    assert "Our safeguarding team wanted to check you are OK" in page
    assert "We are here if you want to talk." in page
    assert "childline.org.uk" in page and "giveusashout.org" in page
    assert RISK_TEXT not in page


def test_support_message_needs_a_signed_in_young_person_and_a_lead(client, login_as):
    answer, _case = _answer_through_code(client)
    url = url_for("moderation.manage_support", source="survey_answer", item_id=answer.id)
    refused = login_as(lead()).submit(url, {})
    assert refused.status_code == 400
    assert "There is nobody to send a message to for this item." in refused.get_data(as_text=True)
    comment, _case = held_comment(RISK_TEXT)
    url = url_for("moderation.manage_support", source="comment", item_id=comment.id)
    assert login_as(moderator()).submit(url, {}).status_code == 403
    assert (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Notification)
            .where(Notification.kind == "support")
        )
        == 0
    )


# Overdue: the header count and the emails ------------------------------------------------------


def _overdue_item(hours=2):
    comment, case = held_comment(RISK_TEXT)
    age_case(case, hours)
    # Leads are also emailed at once about each new item (engage/notifications, multipart
    # messages): these tests count the plain-text overdue reminders only.
    outbox()[:] = [message for message in outbox() if not message.is_multipart()]
    return comment, case


def test_header_counts_overdue_items_for_leads_until_opened(login_as):
    comment, _case = _overdue_item()
    held_comment(RISK_TEXT)  # waiting, but within its time limit
    client = login_as(lead())
    home = url_for("proposals.home")
    assert "Safeguarding (2, 1 overdue)" in client.get(home).get_data(as_text=True)
    assert "overdue)" not in login_as(moderator()).get(home).get_data(as_text=True)
    client.get(url_for("moderation.manage_item", source="comment", item_id=comment.id))
    page = client.get(home).get_data(as_text=True)
    assert "overdue)" not in page and "/manage/safeguarding" in page


def test_overdue_command_emails_each_lead_once_per_item(app, monkeypatch):
    monkeypatch.setitem(app.config, "BASE_URL", "https://engage.example.org")
    leads = [lead(email="lead1@example.org"), lead(email="lead2@example.org", locale="ur")]
    _overdue_item()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["engage", "safeguarding-overdue"])
    assert result.exit_code == 0, result.output
    sent = list(outbox())
    assert sorted(m["To"] for m in sent) == [u.email for u in leads]
    english = next(m for m in sent if m["To"] == "lead1@example.org")
    body = english.get_content()
    assert (
        "1 safeguarding item has not been opened within its time limit. Time limit: 1 hour." in body
    )
    assert "https://engage.example.org/manage/safeguarding" in body
    for message in sent:
        text = message.get_content() + message["Subject"]
        assert "kill" not in text and "hits me" not in text
    # Idempotent: a second run tells nobody about the same item again.
    assert runner.invoke(args=["engage", "safeguarding-overdue"]).exit_code == 0
    assert len(outbox()) == 2
    assert db.session.scalar(sa.select(sa.func.count()).select_from(SafeguardingAlert)) == 2
    assert len(events(action=Action.OVERDUE)) == 1
    # A new overdue item is told about; the first is not repeated.
    _overdue_item()
    runner.invoke(args=["engage", "safeguarding-overdue"])
    assert len(outbox()) == 4
    assert "1 safeguarding item has" in outbox()[-2].get_content() + outbox()[-1].get_content()


def test_opened_or_handled_items_are_not_emailed(app, login_as):
    lead(email="lead1@example.org")
    comment, case = _overdue_item()
    login_as(lead()).get(url_for("moderation.manage_item", source="comment", item_id=comment.id))
    _other, other_case = _overdue_item()
    db.session.get(ModerationCase, other_case.id).state = CaseState.HANDLED
    db.session.commit()
    app.test_cli_runner().invoke(args=["engage", "safeguarding-overdue"])
    assert outbox() == []
