"""Free-text survey answers as a moderated source, registered with moderation at app set-up."""

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from engage.accounts.models import AgeBand
from engage.clock import utcnow
from engage.extensions import db
from engage.i18n import _l
from engage.moderation.models import ItemState, day_only
from engage.moderation.registry import Context, GroupContact, Source, register_source
from engage.surveys.models import Answer, AnswerModeration, Question, SurveyResponse


class SurveyAnswerSource(Source):
    """Free-text answers to survey questions (anonymous responses have no author)."""

    name = "survey_answer"
    label = _l("Survey answer")
    what = _l("survey answer")

    def load(self, item_id):
        """The answer, or None."""
        return db.session.get(Answer, item_id)

    def load_many(self, ids):
        """Answers by id with their question, survey and response (and its join code)."""
        if not ids:
            return {}
        rows = db.session.scalars(
            select(Answer)
            .options(
                selectinload(Answer.question).selectinload(Question.survey),
                selectinload(Answer.response).selectinload(SurveyResponse.survey),
                selectinload(Answer.response).selectinload(SurveyResponse.join_code),
            )
            .where(Answer.id.in_(ids))
        )
        return {a.id: a for a in rows}

    def text(self, item):
        """The typed words."""
        return item.text or ""

    def set_text(self, item, text):
        """Replace the typed words."""
        item.text = text

    def state(self, item):
        """The answer's moderation, published when there was nothing to moderate."""
        return ItemState(item.moderation.value) if item.moderation else ItemState.PUBLISHED

    def set_state(self, item, state, reason=None):
        """Answers have no "hidden" or "deleted": anything taken down is held or rejected."""
        value = ItemState.HELD if state == ItemState.HIDDEN else state
        if value == ItemState.DELETED:
            value = ItemState.REJECTED
        item.moderation = AnswerModeration(value.value)
        item.moderated_at = day_only(utcnow()) if self.date_only(item) else utcnow()
        db.session.flush()

    def author_id(self, item):
        """The signed-in author on named surveys; None on anonymous ones."""
        return item.response.user_id

    def date_only(self, item):
        return item.response.user_id is None

    def age_band(self, item):
        """The age band given with the response."""
        return item.response.age_band.value if item.response.age_band else None

    def by_young_person(self, item):
        """Whether the response's age band is a child's."""
        return AgeBand(item.response.age_band).is_child

    def priority_id(self, item):
        """The survey's priority."""
        return item.question.survey.priority_id

    def language(self, item):
        """Answers do not record their language."""
        return getattr(item, "language", None)

    def context(self, item):
        """The survey and question, and the group (join code) the response came through."""
        survey = item.question.survey
        code = item.response.join_code
        group = None
        if code is not None:
            group = GroupContact(
                label=code.label,
                code=code.code,
                adult_name=code.adult_name,
                adult_role=code.adult_role,
                adult_email=code.adult_email,
                adult_phone=code.adult_phone,
            )
        return Context(title=survey.title, question=item.question.text, group=group)

    def post_counts(self, author_ids):
        """Free-text answers given by each signed-in author."""
        if not author_ids:
            return {}
        rows = db.session.execute(
            select(SurveyResponse.user_id, func.count(Answer.id))
            .join(Answer, Answer.response_id == SurveyResponse.id)
            .where(SurveyResponse.user_id.in_(author_ids), Answer.text.is_not(None))
            .group_by(SurveyResponse.user_id)
        )
        return dict(rows.all())


register_source(SurveyAnswerSource())
