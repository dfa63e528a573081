"""Who reads people's words, for every staff view and export, every role and every item state.

One young person answers a named survey four times over (four text questions): an answer that was
published, one still held, one rejected and one that went to safeguarding and was handled. Each
answer, and the moderator's or lead's note on it, carries its own marker word. The table says, for
each view and role, whether each marker can be read there (True), the page opens without it
(False), or the page is refused (a status, or SIGN_IN).

The expected table is written out in full on purpose: changing who reads what should mean
changing this table, knowingly.
"""

import csv
import io

import pytest
from flask import url_for
from openpyxl import load_workbook

from engage.accounts.models import AgeBand
from engage.clock import today
from engage.comments.service import edit_comment
from engage.extensions import db
from engage.moderation import service
from engage.moderation.service import find_case, screen_item
from engage.permissions import Role
from engage.surveys.models import Answer, AnswerModeration, AnswerState, SurveyResponse
from tests.factories import make_user
from tests.moderation.helpers import RISK_TEXT, moderator, post
from tests.surveys.helpers import make_survey

SIGN_IN = "sign-in"  # 401, answered with a redirect to the sign-in page
T, F = True, False  # the words are on the page / the page opens without them

STATES = ("published", "held", "rejected", "safeguarding")
MARKERS = {state: f"quokka{state}" for state in STATES}
ROLES = (
    "anonymous",
    "resident",
    "young_person",
    "moderator",
    "safeguarding_lead",
    "officer",
    "admin",
)

# view -> role -> (published, held, rejected, safeguarding)
EXPECTED = {
    "survey results": {
        "anonymous":         (SIGN_IN,) * 4,
        "resident":          (403,) * 4,
        "young_person":      (403,) * 4,
        "moderator":         (403,) * 4,
        "safeguarding_lead": (403,) * 4,
        "officer":           (T, T, F, F),
        "admin":             (T, T, F, T),
    },
    "published results": {
        "anonymous":         (T, F, F, F),
        "resident":          (T, F, F, F),
        "young_person":      (T, F, F, F),
        "moderator":         (T, F, F, F),
        "safeguarding_lead": (T, F, F, F),
        "officer":           (T, F, F, F),
        "admin":             (T, F, F, F),
    },
    "csv export": {
        "anonymous":         (SIGN_IN,) * 4,
        "resident":          (403,) * 4,
        "young_person":      (403,) * 4,
        "moderator":         (403,) * 4,
        "safeguarding_lead": (403,) * 4,
        "officer":           (T, T, F, F),
        "admin":             (T, T, F, T),
    },
    "xlsx export": {
        "anonymous":         (SIGN_IN,) * 4,
        "resident":          (403,) * 4,
        "young_person":      (403,) * 4,
        "moderator":         (403,) * 4,
        "safeguarding_lead": (403,) * 4,
        "officer":           (T, T, F, F),
        "admin":             (T, T, F, T),
    },
    "moderation queue": {
        "anonymous":         (SIGN_IN,) * 4,
        "resident":          (403,) * 4,
        "young_person":      (403,) * 4,
        "moderator":         (F, T, F, F),
        "safeguarding_lead": (F, T, F, F),
        "officer":           (403,) * 4,
        "admin":             (F, T, F, F),
    },
    "item page": {
        "anonymous":         (SIGN_IN,) * 4,
        "resident":          (403,) * 4,
        "young_person":      (403,) * 4,
        "moderator":         (T, T, T, 403),
        "safeguarding_lead": (T, T, T, T),
        "officer":           (403,) * 4,
        "admin":             (T, T, T, T),
    },
    "audit page": {
        "anonymous":         (SIGN_IN,) * 4,
        "resident":          (403,) * 4,
        "young_person":      (403,) * 4,
        "moderator":         (T, T, T, F),
        "safeguarding_lead": (T, T, T, T),
        "officer":           (403,) * 4,
        "admin":             (T, T, T, T),
    },
    "audit csv": {
        "anonymous":         (SIGN_IN,) * 4,
        "resident":          (403,) * 4,
        "young_person":      (403,) * 4,
        "moderator":         (403,) * 4,
        "safeguarding_lead": (403,) * 4,
        "officer":           (403,) * 4,
        "admin":             (T, T, T, T),
    },
    # The person page shows decisions and their notes, never the words: a held answer has no
    # note yet, and the safeguarding lead's handling note is for the leads.
    "person page": {
        "anonymous":         (SIGN_IN,) * 4,
        "resident":          (403,) * 4,
        "young_person":      (403,) * 4,
        "moderator":         (T, F, T, F),
        "safeguarding_lead": (T, F, T, T),
        "officer":           (403,) * 4,
        "admin":             (T, F, T, T),
    },
    "safeguarding page": {
        "anonymous":         (SIGN_IN,) * 4,
        "resident":          (403,) * 4,
        "young_person":      (403,) * 4,
        "moderator":         (403,) * 4,
        "safeguarding_lead": (F, F, F, T),
        "officer":           (403,) * 4,
        "admin":             (F, F, F, T),
    },
}  # fmt: skip


def _world():
    """The survey, its author and the four answers (state -> Answer), decided as the states say."""
    texts = {
        "published": f"More benches by the lake {MARKERS['published']}",
        "held": f"A skate park near the library {MARKERS['held']}",
        "rejected": f"Buy trainers at my shop {MARKERS['rejected']}",
        "safeguarding": f"{RISK_TEXT} {MARKERS['safeguarding']}",
    }
    survey = make_survey(
        anonymous=False,
        audience="everyone",
        questions=[{"kind": "long_text", "text": f"Question {n}"} for n in range(1, 5)],
        results_published=True,
    )
    author = make_user(Role.YOUNG_PERSON, age_band=AgeBand.B16_17)
    response = SurveyResponse(
        survey_id=survey.id, user_id=author.id, age_band=AgeBand.B16_17, submitted_on=today()
    )
    for question, state in zip(survey.questions, STATES, strict=True):
        response.answers.append(
            Answer(
                question_id=question.id,
                state=AnswerState.ANSWERED,
                text=texts[state],
                moderation=AnswerModeration.HELD,
            )
        )
    db.session.add(response)
    # Enough other responses (without words) for the results to be shown at all.
    for _ in range(4):
        other = SurveyResponse(survey_id=survey.id, age_band=AgeBand.B16_17, submitted_on=today())
        for question in survey.questions:
            other.answers.append(Answer(question_id=question.id, state=AnswerState.NOT_ASKED))
        db.session.add(other)
    db.session.flush()
    answers = dict(zip(STATES, response.answers, strict=True))
    for answer in answers.values():
        screen_item("survey_answer", answer)
    mod, lead = moderator(), make_user(Role.SAFEGUARDING_LEAD)
    case = {state: find_case("survey_answer", a.id) for state, a in answers.items()}
    assert case["safeguarding"].safeguarding and not case["held"].safeguarding
    service.approve_item(mod, case["published"], f"fine {MARKERS['published']}")
    service.reject_item(mod, case["rejected"], "spam", f"advert {MARKERS['rejected']}")
    service.handle_item(lead, case["safeguarding"], f"called the school {MARKERS['safeguarding']}")
    db.session.commit()
    return survey, author, answers


def _client(role, client, login_as):
    if role == "anonymous":
        return client
    return login_as(make_user(Role(role)))


def _read(response, view) -> str:
    if view == "xlsx export":
        book = load_workbook(io.BytesIO(response.data), read_only=True)
        return " ".join(
            str(v) for row in book.active.iter_rows(values_only=True) for v in row if v is not None
        )
    if view in {"csv export", "audit csv"}:
        return " ".join(" ".join(r) for r in csv.reader(io.StringIO(response.get_data(True))))
    return response.get_data(as_text=True)


def _url(view, survey, author, answer) -> str:
    return {
        "survey results": lambda: url_for("surveys.manage_results", survey_id=survey.id),
        "published results": lambda: url_for("surveys.survey", survey_id=survey.id),
        "csv export": lambda: url_for("surveys.manage_export", survey_id=survey.id, fmt="csv"),
        "xlsx export": lambda: url_for("surveys.manage_export", survey_id=survey.id, fmt="xlsx"),
        "moderation queue": lambda: url_for("moderation.manage_queue"),
        "item page": lambda: url_for(
            "moderation.manage_item", source="survey_answer", item_id=answer.id
        ),
        "audit page": lambda: url_for("moderation.manage_audit"),
        "audit csv": lambda: url_for("moderation.manage_audit_csv"),
        "person page": lambda: url_for("moderation.manage_person", user_id=author.id),
        "safeguarding page": lambda: url_for("moderation.manage_safeguarding", handled=1),
    }[view]()


def _outcome(response, view, marker):
    if response.status_code == 302 and "/account/sign-in" in response.headers["Location"]:
        return SIGN_IN
    if response.status_code != 200:
        return response.status_code
    return marker in _read(response, view)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", list(EXPECTED))
def test_who_reads_the_words(view, role, client, login_as):
    survey, author, answers = _world()
    browser = _client(role, client, login_as)
    got = tuple(
        _outcome(browser.get(_url(view, survey, author, answers[state])), view, MARKERS[state])
        for state in STATES
    )
    assert got == EXPECTED[view][role]


def test_every_role_and_view_is_in_the_table():
    assert all(set(roles) == set(ROLES) for roles in EXPECTED.values())


def test_officers_are_told_words_are_kept_for_the_lead(login_as):
    survey, _author, _answers = _world()
    officer = login_as(make_user(Role.OFFICER))
    page = officer.get(url_for("surveys.manage_results", survey_id=survey.id)).get_data(True)
    assert "1 written answer is kept for the safeguarding lead." in page


def test_handling_notes_are_for_leads_and_admins_only(login_as):
    """A lead's note is hidden on the audit and person pages (and CSV) even without the words."""
    survey, author, answers = _world()
    case = find_case("survey_answer", answers["safeguarding"].id)
    lead = make_user(Role.SAFEGUARDING_LEAD)
    event = service.latest_state_event("survey_answer", case.item_id)
    service.undo_event(lead, event, "wombat reopened to phone the family")
    db.session.commit()
    pages = {
        "audit": url_for("moderation.manage_audit"),
        "person": url_for("moderation.manage_person", user_id=author.id),
    }
    for role, sees in (
        (Role.MODERATOR, False),
        (Role.SAFEGUARDING_LEAD, True),
        (Role.ADMIN, True),
    ):
        browser = login_as(make_user(role))
        for page in pages.values():
            body = browser.get(page).get_data(as_text=True)
            assert ("wombat reopened" in body) is sees, (role, page)
            assert ("called the school" in body) is sees, (role, page)
            if not sees:
                assert "Safeguarding: for the safeguarding lead only" in body


def test_a_reply_does_not_show_a_safeguarded_comment_it_answers(login_as):
    """The queue and item page show what a reply answers, unless that is held for safeguarding."""
    adult = make_user(Role.RESIDENT)
    parent = post(adult, body="Benches would be good for everyone here.")
    reply = post(make_user(Role.YOUNG_PERSON), parent.proposal, "I agree with this.", parent)
    edit_comment(adult, parent, f"{RISK_TEXT} koalaparent")  # the checks send it to safeguarding
    db.session.commit()
    assert find_case("comment", parent.id).safeguarding
    queue = url_for("moderation.manage_queue")
    item = url_for("moderation.manage_item", source="comment", item_id=reply.id)
    mod = login_as(moderator())
    for page in (queue, item):
        body = mod.get(page).get_data(as_text=True)
        assert "I agree with this." in body and "koalaparent" not in body
        assert "Safeguarding: for the safeguarding lead only" in body
    lead = login_as(make_user(Role.SAFEGUARDING_LEAD))
    assert "koalaparent" in lead.get(item).get_data(as_text=True)
