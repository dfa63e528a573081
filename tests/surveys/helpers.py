"""Builders for survey tests: surveys with every kind of question, and a way to answer them."""

import itertools
from datetime import timedelta

import sqlalchemy as sa

from engage.accounts.models import AgeBand
from engage.clock import today, utcnow
from engage.demo.surveys import add_questions, option_value
from engage.extensions import db
from engage.surveys.models import (
    Answer,
    AnswerModeration,
    AnswerState,
    Audience,
    JoinCode,
    Question,
    Survey,
    SurveyResponse,
    SurveyStatus,
)
from tests.factories import make_priority

_seq = itertools.count(1)

# The standard survey: one question of every kind, a condition, personal and optional questions.
STANDARD = [
    {"kind": "yes_no", "text": "Do you go to a park?"},
    {
        "kind": "single",
        "text": "Which park?",
        "options": ["Wardown", "Stockwood", "People's"],
        "condition": (1, ["yes"]),
    },
    {
        "kind": "multiple",
        "text": "What would make parks better?",
        "options": ["Toilets", "Lights", "Shelter"],
        "allow_other": True,
    },
    {"kind": "rating", "text": "How safe do you feel in town?", "faces": True},
    {"kind": "ranking", "text": "Put these in order", "options": ["Buses", "Youth clubs", "Sport"]},
    {"kind": "short_text", "text": "One word for Luton", "required": False},
    {"kind": "long_text", "text": "Anything else?", "required": False},
    {
        "kind": "single",
        "text": "Do you have a disability?",
        "options": ["Yes", "No"],
        "personal": True,
    },
]


def make_survey(
    status=SurveyStatus.LIVE,
    questions=None,
    anonymous=True,
    audience=Audience.YOUNG_PEOPLE,
    **fields,
) -> Survey:
    """A survey (live unless told otherwise) with the given question specs (default STANDARD)."""
    n = next(_seq)
    priority = fields.pop("priority", None) or make_priority()
    now = utcnow()
    survey = Survey(
        title=fields.pop("title", f"Survey {n}"),
        introduction=fields.pop("introduction", "Tell us about parks."),
        audience=Audience(audience),
        anonymous=anonymous,
        priority_id=priority.id,
        status=SurveyStatus(status),
        opens_at=fields.pop("opens_at", now - timedelta(days=2)),
        closes_at=fields.pop("closes_at", now + timedelta(days=20)),
        results_due=fields.pop("results_due", today() + timedelta(days=40)),
        what_next=fields.pop("what_next", "The Youth Council reads every answer."),
        **fields,
    )
    db.session.add(survey)
    db.session.flush()
    add_questions(survey, STANDARD if questions is None else questions)
    db.session.commit()
    return survey


def question(survey: Survey, number: int) -> Question:
    """The survey's nth question (1-based)."""
    db.session.refresh(survey)
    return survey.questions[number - 1]


def make_code(survey: Survey, label="Year 8, Challney", code=None, expires_at=None) -> JoinCode:
    """A join code for a group."""
    join_code = JoinCode(
        survey_id=survey.id,
        code=code or f"T{next(_seq):03d}"[:4],
        label=label,
        expires_at=expires_at,
    )
    db.session.add(join_code)
    db.session.commit()
    return join_code


def q_url(survey: Survey, number: int, **args) -> str:
    """Address of question n."""
    from flask import url_for

    return url_for("surveys.question", survey_id=survey.id, number=number, **args)


def answer_standard(client, survey: Survey, age="13-15", park="yes", ranking=None, **extra):
    """Walk the STANDARD survey through HTTP, then send it; returns the final response."""
    from flask import url_for

    sid = survey.id
    qs = {n: question(survey, n) for n in range(1, len(STANDARD) + 1)}
    steps = [
        (url_for("surveys.age", survey_id=sid), {"age": age}),
        (q_url(survey, 1), {"answer": park}),
    ]
    if park == "yes":
        steps.append((q_url(survey, 2), {"answer": option_value(qs[2], "Stockwood")}))
    ranks = ranking or {"Buses": "2", "Youth clubs": "1", "Sport": "3"}
    steps += [
        (q_url(survey, 3), extra.get("q3", {"answer": [option_value(qs[3], "Lights")]})),
        (q_url(survey, 4), {"answer": "4"}),
        (q_url(survey, 5), {f"rank-{option_value(qs[5], k)}": v for k, v in ranks.items()}),
        (q_url(survey, 6), extra.get("q6", {"answer": "Home"})),
        (q_url(survey, 7), extra.get("q7", {"action": "skip"})),
        (q_url(survey, 8), extra.get("q8", {"action": "prefer_not"})),
    ]
    for url, data in steps:
        response = client.submit(url, data)
        assert response.status_code == 302, (url, response.get_data(as_text=True)[:3000])
    return client.submit(url_for("surveys.check", survey_id=sid))


def add_responses(
    survey: Survey,
    count: int,
    age=AgeBand.B13_15,
    join_code=None,
    values=None,
    text=None,
    moderation=AnswerModeration.HELD,
) -> None:
    """Stored responses answering question 1 (for results tests) without going through HTTP."""
    db.session.refresh(survey)
    first = survey.questions[0]
    for _ in range(count):
        response = SurveyResponse(
            survey_id=survey.id,
            age_band=age,
            join_code_id=join_code.id if join_code else None,
            submitted_on=today(),
        )
        response.answers.append(
            Answer(
                question_id=first.id,
                state=AnswerState.ANSWERED,
                values=list(values or []),
                text=text,
                moderation=moderation if text else None,
            )
        )
        for other in survey.questions[1:]:
            response.answers.append(Answer(question_id=other.id, state=AnswerState.NOT_ASKED))
        db.session.add(response)
    db.session.commit()


_AGES = [AgeBand.B13_15, AgeBand.B16_17, AgeBand.UNDER_13]
# Its own counter: taking thousands from _seq would make make_code's 4-character codes collide.
_response_ids = itertools.count(1)


def _bulk_values(question, n: int) -> list[str]:
    """A varied answer for response n to a choice question: every value turns up."""
    values = question.answer_values()
    if question.kind.value == "ranking":
        turn = n % len(values)
        return values[turn:] + values[:turn]
    if question.kind.value == "multiple":
        return [values[n % len(values)], values[(n + 1) % len(values)]]
    return [values[n % len(values)]]


def bulk_responses(survey, count: int, code=None, choices: bool = False) -> None:
    """Many stored responses answering every question, inserted in bulk (thousands a second).

    Only the free-text questions are answered unless `choices`: then every question is.
    """
    questions = list(survey.questions)
    responses, answers = [], []
    for n in range(count):
        rid = f"r{next(_response_ids):015d}"
        responses.append(
            {
                "id": rid,
                "survey_id": survey.id,
                "age_band": _AGES[n % 3],
                "join_code_id": code.id if code and n % 2 else None,
                # Several responses a day, so the keyset paging has ties on the date.
                "submitted_on": today() - timedelta(days=n % 7),
            }
        )
        for q in questions:
            text = f"=words {n} for {q.id}" if q.kind.value.endswith("text") else None
            values = _bulk_values(q, n) if choices and q.answer_values() else []
            answers.append(
                {
                    "response_id": rid,
                    "question_id": q.id,
                    "state": AnswerState.ANSWERED if text or values else AnswerState.NOT_ASKED,
                    "values": values,
                    "text": text,
                    "moderation": (
                        None
                        if not text
                        else AnswerModeration.REJECTED
                        if n % 5 == 0
                        else AnswerModeration.PUBLISHED
                    ),
                }
            )
    db.session.execute(sa.insert(SurveyResponse), responses)
    db.session.execute(sa.insert(Answer), answers)
    db.session.commit()
