"""Every published response to a proposal or a survey question, filtered and searched.

Only words the public may read reach the analysis: published comments and replies, and written
answers a moderator published, never anything that has been held for safeguarding (whoever is
looking, safeguarding leads included: their reading happens in the safeguarding queue).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, false, func, select

from engage.accounts.models import AgeBand, Connection, User
from engage.analysis.models import Subject, Tag, Theme
from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.moderation.confidential import safeguarded_ids
from engage.moderation.models import ModerationCase
from engage.surveys.models import Answer, AnswerModeration, Question, SurveyResponse
from engage.translations.models import ContentTranslation
from engage.votes.models import Vote, VoteChoice

PAGE_SIZE = 50
NO_VOTE = "none"
UNTAGGED = 0


@dataclass
class Filters:
    """What an officer narrowed the list to; every field optional."""

    age: AgeBand | None = None
    young: bool | None = None  # True: young people only; False: adults only
    connection: Connection | None = None
    district: str | None = None
    language: str | None = None
    vote: str | None = None  # a VoteChoice value or NO_VOTE
    since: date | None = None
    until: date | None = None
    search: str = ""
    theme: int | None = None  # a theme id, or UNTAGGED

    def as_args(self) -> dict[str, str]:
        """The filters as query-string arguments (to keep them across pages and forms)."""
        args = {
            "age": self.age.value if self.age else "",
            "young": "" if self.young is None else ("young" if self.young else "adult"),
            "connection": self.connection.value if self.connection else "",
            "district": self.district or "",
            "language": self.language or "",
            "vote": self.vote or "",
            "since": self.since.isoformat() if self.since else "",
            "until": self.until.isoformat() if self.until else "",
            "q": self.search,
            "theme": "" if self.theme is None else str(self.theme),
        }
        return {k: v for k, v in args.items() if v}


@dataclass
class Item:
    """One response as the workspace shows it."""

    id: int
    text: str
    created: date
    age_band: AgeBand | None
    young: bool
    connection: Connection | None
    district: str | None
    language: str | None = None
    vote: VoteChoice | None = None
    english: str | None = None  # an English reading, where one exists
    is_reply: bool = False
    themes: list[Theme] = field(default_factory=list)


def _safe_comments():
    """Published comments that no safeguarding case has ever held."""
    held = select(ModerationCase.item_id).where(
        ModerationCase.source == "comment", ModerationCase.safeguarding.is_(True)
    )
    return and_(Comment.status == CommentStatus.PUBLISHED, Comment.id.not_in(held))


def _safe_answers():
    held = select(ModerationCase.item_id).where(
        ModerationCase.source == "survey_answer", ModerationCase.safeguarding.is_(True)
    )
    return and_(
        Answer.text.is_not(None),
        Answer.moderation == AnswerModeration.PUBLISHED,
        Answer.id.not_in(held),
    )


def _like(column, search: str):
    """Every word must appear (case-insensitive, any language: no stemming to get wrong)."""
    terms = [t for t in search.split() if t][:10]
    escaped = [t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for t in terms]
    return [func.lower(column).like(f"%{t.lower()}%", escape="\\") for t in escaped]


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min)


def _theme_condition(source: str, id_column, theme: int | None):
    if theme is None:
        return []
    tagged = select(Tag.item_id).where(Tag.source == source)
    if theme == UNTAGGED:
        return [id_column.not_in(tagged)]
    return [id_column.in_(tagged.where(Tag.theme_id == theme))]


def comment_query(proposal_id: int, filters: Filters):
    """The select of (Comment, User, vote choice) rows matching the filters."""
    vote = select(Vote.choice).where(
        Vote.proposal_id == Comment.proposal_id, Vote.user_id == Comment.author_id
    )
    vote_choice = vote.scalar_subquery()
    query = (
        select(Comment, User, vote_choice.label("vote"))
        .join(User, User.id == Comment.author_id)
        .where(Comment.proposal_id == proposal_id, _safe_comments())
    )
    f = filters
    if f.age:
        query = query.where(User.age_band == f.age)
    if f.young is not None:
        query = query.where(Comment.by_young_person.is_(f.young))
    if f.connection:
        query = query.where(User.connection == f.connection)
    if f.district:
        query = query.where(User.postcode_district == f.district)
    if f.language:
        query = query.where(Comment.language == f.language)
    if f.vote == NO_VOTE:
        query = query.where(~vote.exists())
    elif f.vote:
        query = query.where(vote.where(Vote.choice == VoteChoice(f.vote)).exists())
    if f.since:
        query = query.where(Comment.created_at >= _day_start(f.since))
    if f.until:
        query = query.where(Comment.created_at < _day_start(f.until + timedelta(days=1)))
    if f.search:
        query = query.where(*_like(Comment.body, f.search))
    query = query.where(*_theme_condition("comment", Comment.id, f.theme))
    return query.order_by(Comment.created_at, Comment.id)


def answer_query(question_id: int | list[int], filters: Filters):
    """The select of (Answer, SurveyResponse, User or None) rows matching the filters."""
    question_ids = question_id if isinstance(question_id, list) else [question_id]
    query = (
        select(Answer, SurveyResponse, User)
        .join(SurveyResponse, SurveyResponse.id == Answer.response_id)
        .outerjoin(User, User.id == SurveyResponse.user_id)
        .where(Answer.question_id.in_(question_ids), _safe_answers())
    )
    f = filters
    if f.age:
        query = query.where(SurveyResponse.age_band == f.age)
    if f.young is not None:
        children = [b for b in AgeBand if b.is_child]
        in_children = SurveyResponse.age_band.in_(children)
        query = query.where(in_children if f.young else ~in_children)
    if f.connection:
        query = query.where(User.connection == f.connection)
    if f.district:
        query = query.where(User.postcode_district == f.district)
    if f.language or f.vote:
        # Answers record neither a language nor a vote: such a filter matches nothing.
        query = query.where(false())
    if f.since:
        query = query.where(SurveyResponse.submitted_on >= f.since)
    if f.until:
        query = query.where(SurveyResponse.submitted_on <= f.until)
    if f.search:
        query = query.where(*_like(Answer.text, f.search))
    query = query.where(*_theme_condition("survey_answer", Answer.id, f.theme))
    return query.order_by(SurveyResponse.submitted_on, Answer.id)


def response_query(subject: Subject, target_id: int, filters: Filters):
    """The select of a proposal's comments or a question's answers matching the filters."""
    if subject is Subject.PROPOSAL:
        return comment_query(target_id, filters)
    return answer_query(target_id, filters)


def matching_ids(subject: Subject, target_id: int, filters: Filters) -> list[int]:
    """The ids of every response matching the filters (for tagging a whole filtered list)."""
    query = response_query(subject, target_id, filters)
    inner = query.with_only_columns(
        Comment.id if subject is Subject.PROPOSAL else Answer.id
    ).order_by(None)
    return list(db.session.scalars(inner))


def count(subject: Subject, target_id: int, filters: Filters) -> int:
    """How many responses match."""
    inner = response_query(subject, target_id, filters).order_by(None).subquery()
    return db.session.scalar(select(func.count()).select_from(inner))


def _to_item(subject: Subject, row) -> Item:
    if subject is Subject.PROPOSAL:
        comment, user, vote = row
        return Item(
            id=comment.id,
            text=comment.body,
            created=comment.created_at.date(),
            age_band=AgeBand(user.age_band),
            young=comment.by_young_person,
            connection=Connection(user.connection),
            district=user.postcode_district,
            language=comment.language,
            vote=VoteChoice(vote) if vote else None,
            is_reply=comment.parent_id is not None,
        )
    answer, response, user = row
    band = AgeBand(response.age_band)
    return Item(
        id=answer.id,
        text=answer.text or "",
        created=response.submitted_on,
        age_band=band,
        young=band.is_child,
        connection=Connection(user.connection) if user else None,
        district=user.postcode_district if user else None,
    )


def load_items(subject: Subject, rows) -> list[Item]:
    """Items with their themes and any English reading."""
    items = [_to_item(subject, row) for row in rows]
    if not items:
        return items
    ids = [i.id for i in items]
    by_id = {i.id: i for i in items}
    for tag in db.session.scalars(
        select(Tag)
        .join(Theme)
        .where(Tag.source == subject.source, Tag.item_id.in_(ids))
        .order_by(Theme.name)
    ):
        by_id[tag.item_id].themes.append(tag.theme)
    for entity_id, text in db.session.execute(
        select(ContentTranslation.entity_id, ContentTranslation.text).where(
            ContentTranslation.entity
            == ("comment" if subject is Subject.PROPOSAL else "survey_answer"),
            ContentTranslation.locale == "en",
            ContentTranslation.entity_id.in_(ids),
        )
    ):
        if by_id[entity_id].language not in (None, "en"):
            by_id[entity_id].english = text
    return items


def page_of(subject: Subject, target_id: int, filters: Filters, page: int) -> list[Item]:
    """One page of matching responses, oldest first."""
    query = (
        response_query(subject, target_id, filters).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE)
    )
    return load_items(subject, db.session.execute(query).all())


def safe_item_ids(source: str, ids) -> set[int]:
    """Of these ids, the ones still published and never held for safeguarding."""
    ids = set(ids)
    if not ids:
        return set()
    if source == "comment":
        found = db.session.scalars(
            select(Comment.id).where(Comment.id.in_(ids), Comment.status == CommentStatus.PUBLISHED)
        )
    else:
        found = db.session.scalars(
            select(Answer.id).where(
                Answer.id.in_(ids),
                Answer.text.is_not(None),
                Answer.moderation == AnswerModeration.PUBLISHED,
            )
        )
    found = set(found)
    return found - safeguarded_ids(source, found)


def text_questions(survey) -> list[Question]:
    """A survey's questions that take written answers (and multiple choice with an Other box)."""
    return [q for q in survey.questions if q.kind.is_text or q.allow_other]


def districts(subject: Subject, target_id: int) -> list[str]:
    """Postcode districts among the people who answered, for the filter."""
    if subject is Subject.PROPOSAL:
        query = (
            select(User.postcode_district)
            .join(Comment, Comment.author_id == User.id)
            .where(Comment.proposal_id == target_id)
        )
    else:
        query = (
            select(User.postcode_district)
            .join(SurveyResponse, SurveyResponse.user_id == User.id)
            .join(Answer, Answer.response_id == SurveyResponse.id)
            .where(Answer.question_id == target_id)
        )
    query = query.where(User.postcode_district.is_not(None)).distinct()
    return sorted(d for d in db.session.scalars(query) if d)


def languages(proposal_id: int) -> list[str]:
    """Languages comments on this proposal were written in."""
    return sorted(
        lang
        for lang in db.session.scalars(
            select(Comment.language).where(Comment.proposal_id == proposal_id).distinct()
        )
        if lang
    )
