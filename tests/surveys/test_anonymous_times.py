"""An anonymous answer held for a moderator carries no time of day, no person and no address."""

from datetime import datetime

from flask import url_for
from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from engage.accounts.models import User
from engage.extensions import db
from engage.moderation import service as moderation
from engage.moderation.models import ModerationCase, ModerationEvent
from engage.permissions import Role
from engage.surveys.models import Answer, Participation, SurveyDraft
from tests.factories import make_user
from tests.surveys.helpers import answer_standard, make_survey

_IP = "203.0.113.45"
WORDS = "The buses are late every morning"


class _Written:
    """Every row inserted or changed by flushes while it listens (any session, any request).

    Rows are kept as (class, column values) read just after each flush, ids and defaults filled.
    """

    def __init__(self):
        self.rows: list[tuple[type, dict]] = []

    def _after(self, session, flush_context):
        for obj in [*session.new, *session.dirty]:
            self.rows.append((type(obj), _values(obj)))

    def __enter__(self):
        event.listen(Session, "after_flush", self._after)
        return self

    def __exit__(self, *exc):
        event.remove(Session, "after_flush", self._after)


def _midnight(value: datetime | None) -> bool:
    return value is None or (value.hour, value.minute, value.second, value.microsecond) == (
        0,
        0,
        0,
        0,
    )


def _values(obj) -> dict:
    return {c.key: getattr(obj, c.key) for c in inspect(obj).mapper.column_attrs}


def test_an_anonymous_answer_held_for_moderation_keeps_the_day_only(login_as):
    young = make_user(Role.YOUNG_PERSON)
    client = login_as(young)
    client.environ_base["REMOTE_ADDR"] = _IP
    survey = make_survey(anonymous=True)
    with _Written() as written:
        answer_standard(client, survey, q7={"answer": WORDS})
    db.session.expire_all()
    answer = db.session.scalar(select(Answer).where(Answer.text == WORDS))
    case = moderation.find_case("survey_answer", answer.id)
    assert case.date_only and _midnight(case.held_at)
    (hold,) = moderation.item_history(None, "survey_answer", answer.id)
    assert _midnight(hold.created_at) and hold.subject_user_id is None and hold.actor_id is None
    # Everything written while the answers were sent: no time of day, no person, no address,
    # and nothing with an id of its own next to a signed-in person's row.
    written_on_send = [row for row in written.rows if row[0] is not SurveyDraft]
    assert {cls for cls, _values in written_on_send} >= {Answer, ModerationCase, ModerationEvent}
    for cls, values in written.rows:
        assert cls is not User, "the account must not be touched while answering"
        for key, value in values.items():
            assert _IP not in str(value)
            if isinstance(value, datetime) and cls is not SurveyDraft:
                assert _midnight(value), (cls.__name__, key, value)
        if cls is Participation:
            # That they took part, never which response: no id, no time, no response.
            assert set(values) == {"survey_id", "user_id"}
        else:
            for key in ("user_id", "author_id", "actor_id", "subject_user_id", "decided_by_id"):
                assert values.get(key) is None, (cls.__name__, key)


def test_moderating_an_anonymous_answer_keeps_the_day_only(client, login_as):
    survey = make_survey(anonymous=True)
    answer_standard(client, survey, q7={"answer": WORDS})
    db.session.expire_all()
    answer = db.session.scalar(select(Answer).where(Answer.text == WORDS))
    mod = make_user(Role.MODERATOR)
    browser = login_as(mod)
    url = url_for("moderation.manage_item", source="survey_answer", item_id=answer.id)
    assert browser.submit(f"{url}/approve", {}).status_code == 302
    db.session.expire_all()
    case = db.session.scalar(select(ModerationCase).where(ModerationCase.item_id == answer.id))
    events = db.session.scalars(
        select(ModerationEvent).where(ModerationEvent.item_id == answer.id)
    ).all()
    assert len(events) == 2 and all(_midnight(e.created_at) for e in events)
    assert _midnight(case.decided_at) and _midnight(db.session.get(Answer, answer.id).moderated_at)


def test_named_survey_answers_keep_exact_times(login_as):
    young = make_user(Role.YOUNG_PERSON)
    survey = make_survey(anonymous=False, audience="everyone")
    answer_standard(login_as(young), survey, age="16-17", q7={"answer": WORDS})
    db.session.expire_all()
    answer = db.session.scalar(select(Answer).where(Answer.text == WORDS))
    case = moderation.find_case("survey_answer", answer.id)
    assert not case.date_only and case.author_id == young.id
