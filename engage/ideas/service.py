"""Idea operations and queries. Operations take the acting user, flush and never commit."""

import enum
from dataclasses import dataclass
from datetime import timedelta
from functools import cache

import sqlalchemy as sa
from flask import current_app
from sqlalchemy import bindparam, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload

from engage import events
from engage.accounts.models import User
from engage.clock import utcnow
from engage.database import add_once, run_core
from engage.errors import RuleError
from engage.extensions import db
from engage.i18n import _, current_locale, detect_language
from engage.ideas.models import (
    Idea,
    IdeaAnswer,
    IdeaBacking,
    IdeaComment,
    IdeaStatus,
)
from engage.moderation import service as moderation
from engage.proposals.models import Priority, Proposal

TITLE_MAX = 120
DESCRIPTION_MAX = 2000
REASON_MAX = 2000
# The postcode districts that are Luton's own (LU5 to LU7 are Dunstable and beyond).
DISTRICTS = ("LU1", "LU2", "LU3", "LU4")
# Luton's twenty wards, as the council lists them (the same list as moderation's place data).
WARDS = (
    "Barnfield", "Beech Hill", "Biscot", "Bramingham", "Challney", "Crawley", "Dallow",
    "Farley", "High Town", "Icknield", "Leagrave", "Lewsey", "Limbury", "Northwell",
    "Round Green", "Saints", "South", "Stopsley", "Sundon Park", "Wigmore",
)  # fmt: skip


class IdeaError(RuleError):
    """An idea rule was broken; the message is shown to the person, who keeps what they typed."""


def areas() -> list[str]:
    """Every area an idea may be about: the postcode districts, then the wards."""
    return [*DISTRICTS, *WARDS]


def _language_of(user, text: str) -> str | None:
    return detect_language(text, fallback=user.locale or current_locale().code)


def _initial_status(user) -> tuple[IdeaStatus, str | None]:
    # Young people's words wait for a moderator; adults' publish unless a check holds them.
    if user.is_young:
        return IdeaStatus.HELD, "young_person"
    return IdeaStatus.PUBLISHED, None


def _check_can_post(user) -> None:
    # Comments on proposals wait for a confirmed address; ideas simply ask for it first, so
    # nothing sits unseen with no one to release it.
    if user.email_unverified:
        raise IdeaError(_("Confirm your email address first: open the link we emailed you."))


def mark_published(item) -> None:
    """An idea became public: stamp the first time and tell listeners (search, open data)."""
    if item.published_at is None:
        item.published_at = utcnow()
    db.session.flush()
    events.idea_published.send(item)


# Ideas ----------------------------------------------------------------------------------------


def waiting_idea(user) -> Idea | None:
    """The idea that stops this person suggesting another: held, before any was approved."""
    approved = db.session.scalar(
        select(func.count())
        .select_from(Idea)
        .where(Idea.author_id == user.id, Idea.published_at.is_not(None))
    )
    if approved:
        return None
    return db.session.scalar(
        select(Idea).where(Idea.author_id == user.id, Idea.status == IdeaStatus.HELD).limit(1)
    )


def already_suggested(user, token: str | None) -> Idea | None:
    """The idea this person already sent from the form with this single-use token, if any."""
    if not token:
        return None
    return db.session.scalar(
        sa.select(Idea).where(Idea.author_id == user.id, Idea.submit_token == token)
    )


def already_commented(user, token: str | None) -> IdeaComment | None:
    """The comment on an idea this person already sent from the box with this token, if any."""
    if not token:
        return None
    return db.session.scalar(
        sa.select(IdeaComment).where(
            IdeaComment.author_id == user.id, IdeaComment.submit_token == token
        )
    )


def suggest_idea(
    user,
    priority: Priority,
    title: str,
    description: str,
    area: str | None = None,
    token: str | None = None,
) -> Idea:
    """Put an idea forward under a priority; checked like a comment before or after it shows."""
    _check_can_post(user)
    if waiting_idea(user) is not None:
        raise IdeaError(
            _(
                "Your first idea is waiting to be checked. You can suggest another once it has "
                "been approved."
            )
        )
    title = (title or "").strip()
    description = (description or "").strip()
    area = (area or "").strip() or None
    if not title:
        raise IdeaError(_("Give your idea a title"), "title")
    if len(title) > TITLE_MAX:
        raise IdeaError(_("The title must be %(limit)d characters or fewer", limit=TITLE_MAX))
    if not description:
        raise IdeaError(_("Describe your idea"), "description")
    if len(description) > DESCRIPTION_MAX:
        raise IdeaError(
            _("The description must be %(limit)d characters or fewer", limit=DESCRIPTION_MAX),
            "description",
        )
    if area is not None and area not in areas():
        raise IdeaError(_("Choose an area from the list"), "area")
    status, reason = _initial_status(user)
    idea = Idea(
        priority_id=priority.id,
        author_id=user.id,
        title=title,
        description=description,
        area=area,
        language=_language_of(user, f"{title}\n\n{description}"),
        status=status,
        hold_reason=reason,
        by_young_person=user.is_young,
        submit_token=token,
    )
    # Checked before it is written, so the checks do not run under SQLite's write lock (comments
    # do the same: engage/comments/service.py).
    flags = moderation.check_item("idea", idea)
    if (made := add_once(idea, lambda: already_suggested(user, token))) is not idea:
        return made  # the same form sent twice at once
    moderation.screen_item("idea", idea, flags=flags)
    if idea.status == IdeaStatus.PUBLISHED:
        mark_published(idea)
    return idea


def load_idea(idea_id: int) -> Idea | None:
    """An idea with its priority and author."""
    return db.session.scalar(
        select(Idea)
        .options(joinedload(Idea.priority), joinedload(Idea.author))
        .where(Idea.id == idea_id)
    )


# Backing --------------------------------------------------------------------------------------


def _lock_ideas(idea_ids) -> None:
    # Locked in id order so two recounts of overlapping ideas cannot deadlock.
    db.session.execute(
        select(Idea.id)
        .where(Idea.id.in_(idea_ids))
        .order_by(Idea.id)
        .with_for_update(key_share=True)
    )


def refresh_backers(idea_id: int) -> None:
    """Recount an idea's backers in the database, adults and young people apart."""
    refresh_backers_of([idea_id])


def refresh_backers_of(idea_ids) -> None:
    """Recount the backers of these ideas (ids or a SELECT of ids) in two statements."""
    _lock_ideas(idea_ids)

    def count(*where):
        return select(func.count()).where(IdeaBacking.idea_id == Idea.id, *where).scalar_subquery()

    db.session.execute(
        sa.update(Idea)
        .where(Idea.id.in_(idea_ids))
        .values(
            adult_backers=count(IdeaBacking.by_young_person.is_(False)),
            young_backers=count(IdeaBacking.by_young_person.is_(True)),
            backer_count=count(),
        )
        .execution_options(synchronize_session=False)
    )
    db.session.info["engage_content_changed"] = True
    db.session.expire_all()


def user_backs(user, idea: Idea) -> bool:
    """Whether this person backs the idea."""
    if user is None or not user.is_authenticated:
        return False
    return bool(
        db.session.scalar(
            select(func.count())
            .select_from(IdeaBacking)
            .where(IdeaBacking.idea_id == idea.id, IdeaBacking.user_id == user.id)
        )
    )


def back_idea(user, idea: Idea) -> None:
    """Back an idea once (a second click changes nothing)."""
    if not idea.is_open:
        raise IdeaError(_("This idea is no longer taking backing."))
    if idea.author_id == user.id:
        raise IdeaError(_("You cannot back your own idea."))
    idea_id = idea.id
    try:
        with db.session.begin_nested():
            db.session.add(
                IdeaBacking(idea_id=idea_id, user_id=user.id, by_young_person=user.is_young)
            )
    except IntegrityError:
        pass  # already backed: one per person
    refresh_backers(idea_id)


def unback_idea(user, idea: Idea) -> None:
    """Take one's backing back while the idea is still open."""
    if not idea.is_open:
        raise IdeaError(_("This idea is no longer taking backing."))
    idea_id = idea.id
    db.session.execute(
        sa.delete(IdeaBacking)
        .where(IdeaBacking.idea_id == idea_id, IdeaBacking.user_id == user.id)
        .execution_options(synchronize_session=False)
    )
    refresh_backers(idea_id)


# The council's answer -------------------------------------------------------------------------


def answer_idea(
    user,
    idea: Idea,
    answer: IdeaAnswer,
    reason: str,
    merged_into: Idea | None = None,
    proposal: Proposal | None = None,
) -> Idea:
    """Answer an idea publicly; backers are told (listeners of idea_answered)."""
    if not idea.is_public:
        raise IdeaError(_("Only published ideas can be answered."))
    answer = IdeaAnswer(answer)
    reason = (reason or "").strip()
    if not reason:
        raise IdeaError(_("Give the reason people will read"), "reason")
    if len(reason) > REASON_MAX:
        raise IdeaError(
            _("The reason must be %(limit)d characters or fewer", limit=REASON_MAX), "reason"
        )
    idea.merged_into_id = None
    idea.proposal_id = None
    if answer == IdeaAnswer.MERGED:
        if merged_into is None or merged_into.id == idea.id or not merged_into.is_public:
            raise IdeaError(_("Choose the published idea it was merged with"), "merged_into")
        if merged_into.merged_into_id == idea.id:
            raise IdeaError(_("That idea was merged into this one."), "merged_into")
        idea.merged_into_id = merged_into.id
    if answer == IdeaAnswer.PROPOSAL:
        if proposal is None or not proposal.is_public:
            raise IdeaError(_("Choose the published proposal it became"), "proposal")
        idea.proposal_id = proposal.id
    idea.answer = answer
    idea.answer_reason = reason
    idea.answered_at = utcnow()
    idea.answered_by_id = user.id
    db.session.flush()
    backer_ids = list(
        db.session.scalars(select(IdeaBacking.user_id).where(IdeaBacking.idea_id == idea.id))
    )
    events.idea_answered.send(idea, answer=answer, backer_ids=backer_ids)
    return idea


@cache
def _ideas_from_proposal():
    # Built once: the proposal page asks on every render, and building costs more than running.
    # Two columns as rows, past the ORM: loading Idea entities was 6 % of the page rendered afresh.
    table = Idea.__table__
    return (
        select(table.c.id, table.c.title)
        .where(
            table.c.proposal_id == bindparam("proposal_id"),
            table.c.status == IdeaStatus.PUBLISHED,
        )
        .order_by(table.c.id)
    )


def ideas_from_proposal(proposal: Proposal) -> list:
    """The public ideas that became this proposal, as (id, title) rows (its page links back)."""
    return run_core(_ideas_from_proposal(), {"proposal_id": proposal.id}).all()


def merged_here(idea: Idea) -> list[Idea]:
    """The public ideas merged into this one."""
    return list(
        db.session.scalars(
            select(Idea)
            .where(Idea.merged_into_id == idea.id, Idea.status == IdeaStatus.PUBLISHED)
            .order_by(Idea.id)
        )
    )


# Lists ----------------------------------------------------------------------------------------


class Sort(enum.StrEnum):
    NEWEST = "newest"
    MOST_BACKED = "most_backed"


class Show(enum.StrEnum):
    """Whose ideas a list shows."""

    EVERYONE = "everyone"
    YOUNG = "young"
    ADULTS = "adults"


WAITING = "waiting"  # a status filter value: no answer yet


@dataclass
class Filters:
    priority: Priority | None = None
    area: str | None = None
    answer: str | None = None  # an IdeaAnswer value, WAITING, or None for any
    show: Show = Show.EVERYONE
    sort: Sort = Sort.NEWEST


def public_ideas(filters: Filters, page: int, per_page: int):
    """A page of public ideas matching the filters."""
    query = (
        # selectinload, not a join: the page's count then reads the index alone.
        select(Idea).options(selectinload(Idea.priority)).where(Idea.status == IdeaStatus.PUBLISHED)
    )
    if filters.priority is not None:
        query = query.where(Idea.priority_id == filters.priority.id)
    if filters.area:
        query = query.where(Idea.area == filters.area)
    if filters.answer == WAITING:
        query = query.where(Idea.answer.is_(None))
    elif filters.answer:
        query = query.where(Idea.answer == IdeaAnswer(filters.answer))
    if filters.show == Show.YOUNG:
        query = query.where(Idea.by_young_person.is_(True))
    elif filters.show == Show.ADULTS:
        query = query.where(Idea.by_young_person.is_(False))
    if filters.sort == Sort.MOST_BACKED:
        query = query.order_by(Idea.backer_count.desc(), Idea.id.desc())
    else:
        query = query.order_by(Idea.published_at.desc(), Idea.id.desc())
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


@cache
def _priority_ideas():
    return (
        select(Idea)
        .where(Idea.priority_id == bindparam("priority_id"), Idea.status == IdeaStatus.PUBLISHED)
        .order_by(Idea.backer_count.desc(), Idea.id.desc())
        .limit(bindparam("limit", type_=sa.Integer))
    )


def priority_ideas(priority: Priority, limit: int = 3) -> list[Idea]:
    """The most backed open ideas under a priority, for its page."""
    params = {"priority_id": priority.id, "limit": limit}
    return list(db.session.scalars(_priority_ideas(), params))


def ideas_for_priorities(priority_ids: list[int], limit: int = 5) -> list[Idea]:
    """The most backed public ideas under any of these priorities (a plan's page)."""
    if not priority_ids:
        return []
    return list(
        db.session.scalars(
            select(Idea)
            .options(joinedload(Idea.priority))
            .where(Idea.priority_id.in_(priority_ids), Idea.status == IdeaStatus.PUBLISHED)
            .order_by(Idea.backer_count.desc(), Idea.id.desc())
            .limit(limit)
        )
    )


def my_ideas(user) -> list[Idea]:
    """Everything this person has suggested and not withdrawn, newest first."""
    return list(
        db.session.scalars(
            select(Idea)
            .where(Idea.author_id == user.id, Idea.status != IdeaStatus.DELETED)
            .order_by(Idea.created_at.desc(), Idea.id.desc())
        )
    )


# The officers' list ---------------------------------------------------------------------------


def overdue_cutoff():
    """Ideas public since before this moment and still unanswered are overdue."""
    return utcnow() - timedelta(days=current_app.config["IDEA_ANSWER_DAYS"])


def overdue_count() -> int:
    """How many public ideas wait past the time the council allows itself to answer."""
    return db.session.scalar(
        select(func.count())
        .select_from(Idea)
        .where(
            Idea.status == IdeaStatus.PUBLISHED,
            Idea.answer.is_(None),
            Idea.published_at <= overdue_cutoff(),
        )
    )


def staff_ideas(answered: bool, page: int, per_page: int = 50):
    """Public ideas for officers: those waiting (oldest first), or those answered (newest)."""
    query = (
        # selectinload, not a join: the page's count then reads the index alone.
        select(Idea).options(selectinload(Idea.priority)).where(Idea.status == IdeaStatus.PUBLISHED)
    )
    if answered:
        query = query.where(Idea.answer.is_not(None)).order_by(Idea.answered_at.desc())
    else:
        query = query.where(Idea.answer.is_(None)).order_by(Idea.published_at, Idea.id)
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def merge_choices(idea: Idea) -> list[Idea]:
    """Public ideas under the same priority that this one could be merged with."""
    return list(
        db.session.scalars(
            select(Idea)
            .where(
                Idea.priority_id == idea.priority_id,
                Idea.status == IdeaStatus.PUBLISHED,
                Idea.id != idea.id,
                Idea.answer.is_distinct_from(IdeaAnswer.MERGED),
            )
            .order_by(Idea.title)
        )
    )


# Comments on ideas ----------------------------------------------------------------------------


def refresh_comment_count(idea_id: int) -> None:
    """Recount an idea's published comments in the database."""
    refresh_comment_counts([idea_id])


def refresh_comment_counts(idea_ids) -> None:
    """Recount the published comments of these ideas (ids or a SELECT of ids) in two statements."""
    _lock_ideas(idea_ids)
    published = (
        select(func.count())
        .where(IdeaComment.idea_id == Idea.id, IdeaComment.status == IdeaStatus.PUBLISHED)
        .scalar_subquery()
    )
    db.session.execute(
        sa.update(Idea)
        .where(Idea.id.in_(idea_ids))
        .values(comment_count=published)
        .execution_options(synchronize_session=False)
    )
    db.session.info["engage_content_changed"] = True


def comment_on_idea(user, idea: Idea, body: str, token: str | None = None) -> IdeaComment:
    """Comment on an open idea: young people's wait for a moderator, adults' are checked."""
    _check_can_post(user)
    if not idea.is_open:
        raise IdeaError(_("This idea is no longer taking comments."))
    body = (body or "").strip()
    limit = current_app.config["COMMENT_MAX_LENGTH"]
    if not body:
        raise IdeaError(_("Write your comment"), "body")
    if len(body) > limit:
        raise IdeaError(
            _("Your comment must be %(limit)d characters or fewer", limit=limit), "body"
        )
    status, reason = _initial_status(user)
    comment = IdeaComment(
        idea_id=idea.id,
        author_id=user.id,
        body=body,
        language=_language_of(user, body),
        status=status,
        hold_reason=reason,
        by_young_person=user.is_young,
        submit_token=token,
    )
    flags = moderation.check_item("idea_comment", comment)  # before the write, as above
    if (made := add_once(comment, lambda: already_commented(user, token))) is not comment:
        return made  # the same box sent twice at once
    moderation.screen_item("idea_comment", comment, flags=flags)
    if comment.status == IdeaStatus.PUBLISHED:
        refresh_comment_count(idea.id)
    return comment


def delete_idea_comment(user, comment: IdeaComment) -> None:
    """Remove one's own comment on an idea; its words go everywhere."""
    if comment.author_id != user.id:
        raise IdeaError(_("You can only delete your own comments."))
    from engage.ideas.erasure import erase_idea_comments

    moderation.withdraw_item("idea_comment", comment)
    erase_idea_comments(select(IdeaComment.id).where(IdeaComment.id == comment.id), user.id)


def idea_comments(idea: Idea, user) -> list[IdeaComment]:
    """The comments this person may see on an idea: published ones and their own held ones."""
    mine = sa.false()
    if user is not None and user.is_authenticated:
        mine = sa.and_(IdeaComment.author_id == user.id, IdeaComment.status == IdeaStatus.HELD)
    return list(
        db.session.scalars(
            select(IdeaComment)
            .options(
                joinedload(IdeaComment.author).load_only(
                    User.id, User.role, User.display_name, User.pseudonym, User.age_band
                )
            )
            .where(
                IdeaComment.idea_id == idea.id,
                sa.or_(IdeaComment.status == IdeaStatus.PUBLISHED, mine),
            )
            .order_by(IdeaComment.created_at, IdeaComment.id)
        )
    )


def get_idea_comment(comment_id: int) -> IdeaComment | None:
    """A comment on an idea, with its idea."""
    return db.session.scalar(
        select(IdeaComment)
        .options(joinedload(IdeaComment.idea))
        .where(IdeaComment.id == comment_id)
    )
