"""See, download and delete one's own contributions, and delete one's account."""

import csv
import io
import json

from flask import url_for

from engage.accounts.service import authenticate
from engage.clock import today
from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from engage.surveys.models import Answer, AnswerState, SurveyResponse
from engage.votes.models import Vote
from tests.conftest import PASSWORD
from tests.factories import make_comment, make_proposal, make_user, make_vote
from tests.surveys.helpers import make_survey


def _named_response(survey, user, text="More buses"):
    db.session.refresh(survey)
    response = SurveyResponse(survey_id=survey.id, user_id=user.id, submitted_on=today())
    first, *rest = survey.questions
    response.answers.append(Answer(question_id=first.id, state=AnswerState.ANSWERED, text=text))
    for q in rest:
        response.answers.append(Answer(question_id=q.id, state=AnswerState.SKIPPED))
    db.session.add(response)
    db.session.commit()
    return response


def _setup():
    me = make_user(Role.YOUNG_PERSON)
    other = make_user()
    open_ = make_proposal(title="Later youth centres")
    closed = make_proposal(ProposalStatus.CLOSED, title="New play parks")
    mine = make_comment(open_, me, body="Please open on Saturdays", status=CommentStatus.HELD)
    published = make_comment(closed, me, body="Swings for older kids")
    rejected = make_comment(open_, me, body="Rude words", status=CommentStatus.REJECTED)
    theirs = make_comment(open_, other, body="Someone else's words")
    make_vote(open_, me, "agree")
    make_vote(closed, me, "disagree")
    make_vote(open_, other, "disagree")
    survey = make_survey(
        anonymous=False,
        title="Parks survey",
        questions=[
            {"kind": "short_text", "text": "What would you change?"},
            {"kind": "short_text", "text": "Anything else?", "required": False},
        ],
    )
    _named_response(survey, me)
    return me, other, open_, closed, (mine, published, rejected, theirs), survey


def test_signed_out_people_are_sent_to_sign_in(client):
    response = client.get(url_for("me.contributions"))
    assert response.status_code == 302
    assert "/account/sign-in" in response.headers["Location"]


def test_the_page_lists_my_comments_in_every_status_votes_and_named_survey_answers(login_as):
    me, _other, _open, _closed, comments, _survey = _setup()
    page = login_as(me).get(url_for("me.contributions")).get_data(as_text=True)
    for text in ("Please open on Saturdays", "Swings for older kids", "Rude words"):
        assert text in page
    assert "Someone else" not in page
    assert "Waiting for a moderator" in page and "Not published" in page and "Published" in page
    assert "Later youth centres" in page and "New play parks" in page
    assert "Agree" in page and "Disagree" in page
    assert "Parks survey" in page and "More buses" in page and "skipped" in page
    assert url_for("me.delete_comment", comment_id=comments[0].id) in page


def test_the_account_page_links_to_contributions(login_as):
    page = login_as(make_user()).get(url_for("accounts.account")).get_data(as_text=True)
    assert url_for("me.contributions") in page


def test_json_download_holds_my_account_and_contributions_only(login_as):
    me, *_ = _setup()
    response = login_as(me).get(url_for("me.contributions_json"))
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.headers["Cache-Control"] == "no-store"
    data = json.loads(response.get_data(as_text=True))
    assert data["account"]["signs_in_with"] == me.username
    assert data["account"]["others_see_you_as"] == me.pseudonym
    assert {c["text"] for c in data["comments"]} == {
        "Please open on Saturdays",
        "Swings for older kids",
        "Rude words",
    }
    assert {(v["proposal"], v["choice"]) for v in data["votes"]} == {
        ("Later youth centres", "agree"),
        ("New play parks", "disagree"),
    }
    answers = data["survey_responses"][0]["answers"]
    assert answers[0] == {"question": "What would you change?", "answer": "More buses"}


def test_csv_download_has_a_row_per_contribution_and_defuses_formulas(login_as):
    me = make_user()
    proposal = make_proposal(title="Bins")
    make_comment(proposal, me, body='=HYPERLINK("http://evil")')
    make_vote(proposal, me, "unsure")
    response = login_as(me).get(url_for("me.contributions_csv"))
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].endswith('.csv"')
    # UTF-8 with a byte-order mark, so Excel shows Urdu and emoji rather than mojibake.
    assert response.data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert [(r["type"], r["about"]) for r in rows] == [("comment", "Bins"), ("vote", "Bins")]
    assert rows[0]["text_or_choice"].startswith("'=HYPERLINK")
    assert rows[1]["text_or_choice"] == "unsure"


def test_deleting_one_comment_asks_first_then_erases_its_words(login_as):
    me, _other, open_, *_ = _setup()
    comment = db.session.scalar(db.select(Comment).filter_by(body="Please open on Saturdays"))
    client = login_as(me)
    url = url_for("me.delete_comment", comment_id=comment.id)
    confirm = client.get(url).get_data(as_text=True)
    assert "Please open on Saturdays" in confirm and "No, keep it" in confirm
    response = client.submit(url)
    assert response.status_code == 302
    assert response.headers["Location"].endswith(url_for("me.contributions"))
    db.session.expire_all()
    comment = db.session.get(Comment, comment.id)
    assert comment.status == CommentStatus.DELETED and comment.body == ""
    assert "Please open on Saturdays" not in client.get(url_for("me.contributions")).get_data(
        as_text=True
    )


def test_nobody_can_delete_someone_elses_comment(login_as):
    _me, other, _open, _closed, comments, _survey = _setup()
    theirs = comments[3]
    intruder = make_user()
    assert (
        login_as(intruder).submit(url_for("me.delete_comment", comment_id=theirs.id)).status_code
        == 403
    )
    db.session.expire_all()
    assert db.session.get(Comment, theirs.id).body == "Someone else's words"


def test_delete_everything_erases_comments_votes_and_named_survey_answers(login_as):
    me, other, open_, closed, comments, survey = _setup()
    client = login_as(me)
    page = client.get(url_for("me.delete_everything")).get_data(as_text=True)
    assert "What we keep, and why" in page and "3 comments" in page and "2 votes" in page
    assert client.submit(url_for("me.delete_everything")).status_code == 302
    db.session.expire_all()
    mine = db.session.scalars(db.select(Comment).filter_by(author_id=me.id)).all()
    assert {c.status for c in mine} == {CommentStatus.DELETED}
    assert {c.body for c in mine} == {""}
    assert db.session.scalars(db.select(Vote).filter_by(user_id=me.id)).all() == []
    assert db.session.scalars(db.select(SurveyResponse).filter_by(user_id=me.id)).all() == []
    # Other people's words and votes are untouched.
    assert db.session.get(Comment, comments[3].id).body == "Someone else's words"
    assert db.session.scalars(db.select(Vote).filter_by(user_id=other.id)).all()
    assert me.username  # the account itself stays
    assert client.get(url_for("accounts.account")).status_code == 200


def test_deleting_the_account_erases_everything_and_empties_the_account(login_as, client):
    me, *_ = _setup()
    username, pseudonym = me.username, me.pseudonym
    signed_in = login_as(me)
    assert "Delete your account?" in signed_in.get(url_for("me.delete_account")).get_data(
        as_text=True
    )
    response = signed_in.submit(url_for("me.delete_account"))
    assert response.headers["Location"].endswith(url_for("me.account_deleted"))
    db.session.expire_all()
    user = db.session.get(type(me), me.id)
    assert (user.email, user.username, user.display_name, user.postcode_district) == (None,) * 4
    assert user.pseudonym != pseudonym and user.recovery_code_hash is None
    assert user.age_band.value == "prefer_not" and user.banned
    assert not user.check_password(PASSWORD)
    assert authenticate(username, PASSWORD) is None
    assert db.session.scalars(db.select(Vote).filter_by(user_id=me.id)).all() == []
    # The old session is signed out.
    assert signed_in.get(url_for("accounts.account")).status_code == 302


def test_staff_accounts_are_not_deleted_from_here(login_as):
    officer = make_user(Role.OFFICER)
    client = login_as(officer)
    assert client.get(url_for("me.contributions")).status_code == 200
    assert client.submit(url_for("me.delete_account")).status_code == 403
    db.session.expire_all()
    assert db.session.get(type(officer), officer.id).email == officer.email
