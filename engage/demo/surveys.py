"""Demo surveys: a live young people's survey with every kind of question, and a closed one with
published results. Responses are generated rows written through the same models the app uses."""

import random
from datetime import timedelta

from engage.accounts.models import AgeBand
from engage.clock import today, utcnow
from engage.extensions import db
from engage.moderation import service as moderation_service
from engage.proposals.service import end_of_day, start_of_day
from engage.surveys.models import (
    OTHER,
    Answer,
    AnswerModeration,
    AnswerState,
    Audience,
    JoinCode,
    Question,
    QuestionKind,
    QuestionOption,
    RatingScale,
    Survey,
    SurveyResponse,
    SurveyStatus,
)
from engage.surveys.taking import visible_questions

CHILD_FRIENDLY = {
    "title": "Make Luton a child friendly town: your say",
    "introduction": (
        "Luton wants to be a town where every child and young person feels safe, has things to "
        "do and is listened to.\n\nThis survey has 9 short questions and takes about 5 minutes. "
        "You do not need an account and we do not ask your name."
    ),
    "what_next": (
        "Luton Youth Council and the council's Children's Services team will read every answer. "
        "They will use them to choose what the Child Friendly Luton plan does first."
    ),
    "questions": [
        {"kind": "yes_no", "text": "Do you feel safe in Luton town centre during the day?"},
        {
            "kind": "rating",
            "text": "How good are the places for young people to spend time near where you live?",
            "faces": True,
        },
        {
            "kind": "single",
            "text": "Where do you spend most of your free time?",
            "options": [
                "At home",
                "At a friend's house",
                "Parks or outdoors",
                "A youth club",
                "The shopping centre",
                "A sports club",
            ],
        },
        {
            "kind": "multiple",
            "text": "What would make Luton better for young people?",
            "hint": "Choose as many as you like.",
            "options": [
                "More youth clubs",
                "Cheaper buses",
                "Safer streets",
                "More green spaces",
                "Free sport",
                "Quiet places to study",
            ],
            "allow_other": True,
        },
        {
            "kind": "ranking",
            "text": "Put these in order of how much they matter to you",
            "options": ["Feeling safe", "Things to do", "Getting around", "Help with worries"],
        },
        {
            "kind": "single",
            "text": "When do you feel least safe?",
            "options": [
                "Walking home after dark",
                "On buses",
                "In parks",
                "Near the station",
            ],
            "condition": (1, ["no", "not_sure"]),
        },
        {
            "kind": "short_text",
            "text": "If you could change one thing in Luton, what would it be?",
            "required": False,
        },
        {
            "kind": "long_text",
            "text": "Is there anything else you want the council to know?",
            "required": False,
        },
        {
            "kind": "yes_no",
            "text": "Do you have a disability or a long-term health condition?",
            "personal": True,
            "required": False,
        },
    ],
    "codes": [
        ("K7P2", "Year 8, Challney High School for Boys", 60),
        ("M4RF", "Marsh Farm youth club", 35),
        ("S6TH", "Luton Sixth Form College, tutor group 12B", 45),
    ],
    "responses": 240,
}

BUSES = {
    "title": "Getting to school and college by bus",
    "introduction": "Tell us how you get to school or college, and what would make buses better.",
    "what_next": "Results go to the bus operators' partnership meeting.",
    "questions": [
        {
            "kind": "single",
            "text": "How do you usually get to school or college?",
            "options": ["Bus", "Walk", "Bike or scooter", "Car", "Train"],
        },
        {"kind": "rating", "text": "How good are Luton's buses for you?", "faces": True},
        {
            "kind": "yes_no",
            "text": "Would a cheaper young person's ticket mean you used the bus more?",
        },
        {
            "kind": "short_text",
            "text": "What one thing would make buses better?",
            "required": False,
        },
    ],
    "codes": [],
    "responses": 80,
}

SHORT_TEXTS = [
    "More lights in the park",
    "A skate park",
    "Cheaper buses",
    "Clean the streets",
    "More police near the station",
    "A free gym for teenagers",
    "Somewhere to go after school",
    "Fix the swings",
    "Buses that come on time",
    "More trees",
]
LONG_TEXTS = [
    "I like Wardown Park but there is nowhere to sit when it rains.",
    "The youth club closes too early. We need somewhere to go in the evening.",
    "My little brother needs more places to play football that are safe.",
    "Please listen to young people more, this is a good start.",
    "Walking home from school in winter is scary because it is dark.",
    "Buses are too expensive for me and my friends.",
]
AGE_WEIGHTS = {
    AgeBand.UNDER_13: 30,
    AgeBand.B13_15: 35,
    AgeBand.B16_17: 20,
    AgeBand.B18_24: 8,
    AgeBand.PREFER_NOT: 7,
}


def option_value(question: Question, label: str) -> str:
    """The stored value for an option label (its id), or the label itself for fixed scales."""
    for option in question.options:
        if option.label == label:
            return str(option.id)
    return label


def add_questions(survey: Survey, specs: list[dict]) -> list[Question]:
    """Add questions described as dicts; a condition is (question number, [labels or values])."""
    made: list[Question] = []
    for position, spec in enumerate(specs, start=1):
        question = Question(
            survey_id=survey.id,
            position=position,
            kind=QuestionKind(spec["kind"]),
            text=spec["text"],
            hint=spec.get("hint", ""),
            required=spec.get("required", True),
            personal=spec.get("personal", False),
            allow_other=spec.get("allow_other", False),
            faces=spec.get("faces", False),
            scale=RatingScale(spec.get("scale", RatingScale.QUALITY)),
            options=[
                QuestionOption(position=i, label=o) for i, o in enumerate(spec.get("options", []))
            ],
        )
        db.session.add(question)
        db.session.flush()
        if "condition" in spec:
            number, values = spec["condition"]
            source = made[number - 1]
            question.condition_question_id = source.id
            question.condition_values = [option_value(source, v) for v in values]
        made.append(question)
    return made


def _build(spec: dict, officer, priority, status: SurveyStatus, days_open: int) -> Survey:
    survey = Survey(
        title=spec["title"],
        introduction=spec["introduction"],
        what_next=spec["what_next"],
        audience=Audience.YOUNG_PEOPLE,
        anonymous=True,
        priority_id=priority.id,
        status=status,
        opens_at=start_of_day(today() - timedelta(days=days_open)),
        closes_at=end_of_day(today() + timedelta(days=21 - days_open)),
        results_due=today() + timedelta(days=60 - days_open),
        results_published=status == SurveyStatus.CLOSED,
        created_by_id=officer.id,
    )
    db.session.add(survey)
    db.session.flush()
    add_questions(survey, spec["questions"])
    db.session.flush()
    return survey


def _entry(question: Question, rng: random.Random) -> dict:
    """A made-up answer, with skips and "prefer not to say" where a question allows them."""
    if not question.required and rng.random() < 0.35:
        return {"state": AnswerState.SKIPPED, "values": [], "text": None}
    if question.personal and rng.random() < 0.2:
        return {"state": AnswerState.PREFER_NOT, "values": [], "text": None}
    values = question.answer_values()
    text = None
    if question.kind == QuestionKind.YES_NO:
        chosen = [rng.choices(values, weights=[55, 30, 15])[0]]
    elif question.kind == QuestionKind.RATING:
        chosen = [rng.choices(values, weights=[8, 17, 35, 28, 12])[0]]
    elif question.kind == QuestionKind.SINGLE:
        weights = [len(values) - i + 2 for i in range(len(values))]
        chosen = [rng.choices(values, weights=weights)[0]]
    elif question.kind == QuestionKind.MULTIPLE:
        plain = [v for v in values if v != OTHER]
        chosen = rng.sample(plain, rng.randint(1, 3))
        if OTHER in values and rng.random() < 0.1:
            chosen.append(OTHER)
            text = rng.choice(SHORT_TEXTS)
        chosen.sort(key=values.index)
    elif question.kind == QuestionKind.RANKING:
        chosen = list(values)
        rng.shuffle(chosen)
    elif question.kind == QuestionKind.SHORT_TEXT:
        chosen, text = [], rng.choice(SHORT_TEXTS)
    else:
        chosen, text = [], rng.choice(LONG_TEXTS)
    return {"state": AnswerState.ANSWERED, "values": chosen, "text": text}


def _responses(survey: Survey, count: int, codes: list[JoinCode], quotas: list[int], rng) -> None:
    group_of = [c for c, n in zip(codes, quotas, strict=True) for _ in range(n)]
    group_of += [None] * (count - len(group_of))
    rng.shuffle(group_of)
    held: list[Answer] = []
    for i, join_code in enumerate(group_of):
        age = rng.choices(list(AGE_WEIGHTS), weights=list(AGE_WEIGHTS.values()))[0]
        answers: dict = {}
        for question in survey.questions:
            # Earlier answers decide which later questions are shown, as on the real pages.
            if question in visible_questions(survey, answers):
                answers[str(question.id)] = _entry(question, rng)
        response = SurveyResponse(
            survey_id=survey.id,
            join_code_id=join_code.id if join_code else None,
            age_band=age,
            submitted_on=today() - timedelta(days=rng.randint(0, 9)),
        )
        for question in survey.questions:
            entry = answers.get(str(question.id))
            if entry is None:
                response.answers.append(
                    Answer(question_id=question.id, state=AnswerState.NOT_ASKED)
                )
                continue
            # Most demo free text has been through moderation; the newest still waits in the queue.
            moderation = None
            if entry["text"]:
                moderation = (
                    AnswerModeration.HELD if i >= count - 20 else AnswerModeration.PUBLISHED
                )
            response.answers.append(
                Answer(
                    question_id=question.id,
                    state=entry["state"],
                    values=entry["values"],
                    text=entry["text"],
                    moderation=moderation,
                )
            )
        db.session.add(response)
        held.extend(a for a in response.answers if a.moderation == AnswerModeration.HELD)
    db.session.flush()
    # The held ones are in the moderators' queue, as if just sent.
    for answer in held:
        moderation_service.screen_item("survey_answer", answer)


def load_surveys(rng: random.Random, officer, priorities: dict) -> None:
    """The child-friendly town survey (live, join codes, 240 responses) and a closed bus survey."""
    priority = priorities["child-friendly-town"]
    live = _build(CHILD_FRIENDLY, officer, priority, SurveyStatus.LIVE, days_open=10)
    codes = []
    for code, label, _quota in CHILD_FRIENDLY["codes"]:
        join_code = JoinCode(
            survey_id=live.id,
            code=code,
            label=label,
            expires_at=end_of_day(today() + timedelta(days=11)),
            created_at=utcnow() - timedelta(days=10),
            # Made-up contacts (example.org, Ofcom's drama number range) for the demo only.
            adult_name="Demo safeguarding lead",
            adult_role="Designated safeguarding lead",
            adult_email="dsl@example.org",
            adult_phone="01632 960000",
        )
        db.session.add(join_code)
        codes.append(join_code)
    db.session.flush()
    db.session.refresh(live)
    quotas = [q for _c, _l, q in CHILD_FRIENDLY["codes"]]
    _responses(live, CHILD_FRIENDLY["responses"], codes, quotas, rng)
    closed = _build(BUSES, officer, priority, SurveyStatus.CLOSED, days_open=40)
    db.session.refresh(closed)
    _responses(closed, BUSES["responses"], [], [], rng)
