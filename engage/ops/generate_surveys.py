"""Generated surveys and their responses, for the town-scale benchmark.

Kept apart from generate.py because the survey tables arrive with their own feature: when the
database has no survey tables yet, this adds nothing and says so in the report.
"""

import importlib.util
import random
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy import func, select

from engage.accounts.models import AgeBand
from engage.extensions import db

SURVEYS = 20
QUESTIONS = [
    # (kind, text, options)
    ("single", "How often do you visit the town centre?", ["Every day", "Every week", "Rarely"]),
    ("rating", "How safe do you feel walking around your area after dark?", []),
    ("yes_no", "Would you use a new youth space if it opened near you?", []),
    ("multiple", "What would make your area better?", ["Trees", "Benches", "Lighting", "Bins"]),
    ("ranking", "Put these in order of importance", ["Buses", "Parks", "Jobs"]),
    ("short_text", "In a few words, what do you like most about Luton?", []),
]
_WORDS = [
    "The parks",
    "Wardown Park",
    "The people",
    "The carnival",
    "Food in Bury Park",
    "Hat Factory",
]


def _survey_tables_exist() -> bool:
    if importlib.util.find_spec("engage.surveys.models") is None:
        return False
    import engage.surveys.models  # noqa: F401 - registers the tables on the metadata

    names = set(sa.inspect(db.engine).get_table_names())
    return {"survey", "survey_question", "survey_response", "survey_answer"} <= names


def generate(sizes, rng: random.Random, now: datetime, priority_ids, voters, timed, report) -> None:
    """Add surveys with questions and `sizes.survey_responses` responses, when the tables exist."""
    if sizes.survey_responses <= 0:
        return
    if not _survey_tables_exist():
        report.notes.append("survey responses not generated: the survey tables are not there yet")
        return
    from engage.surveys.models import (
        Answer,
        AnswerModeration,
        AnswerState,
        Question,
        QuestionOption,
        Survey,
        SurveyResponse,
        SurveyStatus,
    )

    def max_id(model) -> int:
        return db.session.scalar(select(func.coalesce(func.max(model.id), 0)))

    survey_base, question_base = max_id(Survey), max_id(Question)
    option_base, answer_base = max_id(QuestionOption), max_id(Answer)
    surveys, questions, options = [], [], []
    layout: list[tuple[int, bool, datetime, datetime, list[tuple[int, str, list[int]]]]] = []
    for s in range(SURVEYS):
        sid = survey_base + s + 1
        live = s % 2 == 0
        opens = now - timedelta(days=rng.randint(10, 40) if live else rng.randint(100, 400))
        closes = now + timedelta(days=30) if live else opens + timedelta(days=42)
        anonymous = s % 3 != 1
        surveys.append(
            (
                sid,
                f"Your views on {['parks', 'buses', 'safety', 'youth spaces'][s % 4]} ({sid})",
                "Tell us what you think. It takes about five minutes.",
                "Officers read every answer. We will publish the results here.",
                "everyone",
                anonymous,
                priority_ids[s % len(priority_ids)],
                SurveyStatus.LIVE if live else SurveyStatus.CLOSED,
                opens,
                closes,
                not live,
                opens - timedelta(days=3),
                opens - timedelta(days=3),
            )
        )
        qs = []
        for position, (kind, text, labels) in enumerate(QUESTIONS):
            qid = question_base + len(questions) + 1
            questions.append((qid, sid, position, kind, text, "", position < 5, False, False))
            option_ids = []
            for o, label in enumerate(labels):
                oid = option_base + len(options) + 1
                options.append((oid, qid, o, label))
                option_ids.append(oid)
            qs.append((qid, kind, option_ids))
        layout.append((sid, anonymous, opens, min(closes, now), qs))

    timed(
        "surveys",
        Survey.__table__,
        [
            "id",
            "title",
            "introduction",
            "what_next",
            "audience",
            "anonymous",
            "priority_id",
            "status",
            "opens_at",
            "closes_at",
            "results_published",
            "created_at",
            "updated_at",
        ],
        surveys,
    )
    timed(
        "survey questions",
        Question.__table__,
        ["id", "survey_id", "position", "kind", "text", "hint", "required", "personal", "faces"],
        questions,
    )
    timed(
        "survey options",
        QuestionOption.__table__,
        ["id", "question_id", "position", "label"],
        options,
    )

    counts = [sizes.survey_responses // SURVEYS] * SURVEYS
    counts[0] += sizes.survey_responses - sum(counts)
    bands = [b for b in AgeBand if b != AgeBand.UNDER_13]
    responses: list[tuple] = []
    seen: set[str] = set()
    for (sid, anonymous, opens, closes, _qs), count in zip(layout, counts, strict=True):
        people = [None] * count if anonymous else [u for u, _y in rng.sample(voters, count)]
        for user_id in people:
            rid = f"{rng.getrandbits(64):016x}"
            while rid in seen:
                rid = f"{rng.getrandbits(64):016x}"
            seen.add(rid)
            day = (opens + (closes - opens) * rng.random()).date()
            band = AgeBand.UNDER_13 if anonymous and rng.random() < 0.05 else rng.choice(bands)
            responses.append((rid, sid, None, user_id, band, day))
    timed(
        "survey responses",
        SurveyResponse.__table__,
        ["id", "survey_id", "join_code_id", "user_id", "age_band", "submitted_on"],
        responses,
    )
    questions_of = {sid: qs for sid, _a, _o, _c, qs in layout}

    def answer_rows():
        aid = answer_base
        for rid, sid, *_rest in responses:
            for qid, kind, option_ids in questions_of[sid]:
                aid += 1
                text = moderation = None
                state = AnswerState.ANSWERED
                if kind == "single":
                    values = [str(rng.choice(option_ids))]
                elif kind == "multiple":
                    values = [str(o) for o in rng.sample(option_ids, rng.randint(1, 3))]
                elif kind == "ranking":
                    values = [str(o) for o in rng.sample(option_ids, len(option_ids))]
                elif kind == "rating":
                    values = [str(rng.randint(1, 5))]
                elif kind == "yes_no":
                    values = [rng.choice(["yes", "no", "not_sure"])]
                elif rng.random() < 0.4:
                    values, state = [], AnswerState.SKIPPED
                else:
                    values, text = [], rng.choice(_WORDS)
                    moderation = (
                        AnswerModeration.PUBLISHED if rng.random() < 0.8 else AnswerModeration.HELD
                    )
                yield (aid, rid, qid, state, values, text, moderation)

    timed(
        "survey answers",
        Answer.__table__,
        ["id", "response_id", "question_id", "state", "answer_values", "text", "moderation"],
        answer_rows(),
    )
