"""Comment operations and queries. Operations take the acting user, flush and never commit."""

from dataclasses import dataclass
from datetime import datetime
from functools import cache

import sqlalchemy as sa
from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from engage import events, keyset
from engage.accounts.models import User
from engage.clock import utcnow
from engage.comments.models import Comment, CommentStatus, HoldReason
from engage.database import add_once, dialect
from engage.errors import RuleError
from engage.extensions import db
from engage.i18n import _, current_locale, detect_language
from engage.moderation import service as moderation
from engage.ops.reader_facts import reader_fact
from engage.proposals.models import Proposal


class CommentError(RuleError):
    """A comment rule was broken; the message is shown to the person, who keeps their text."""


def refresh_comment_count(proposal_id: int) -> None:
    """Recount a proposal's published comments in the database, so the figure cannot drift."""
    # Lock the proposal's row first: on PostgreSQL the recount below then starts after any other
    # transaction recounting this proposal has committed, and so counts that comment too. FOR NO
    # KEY UPDATE, because the comment's own foreign key already holds a KEY SHARE lock on the row:
    # a plain FOR UPDATE would deadlock two people commenting at once. SQLite has no row locks
    # (the statement would be a plain read): its writer holds the one write lock already.
    if dialect() != "sqlite":
        db.session.execute(
            select(Proposal.id).where(Proposal.id == proposal_id).with_for_update(key_share=True)
        )
    db.session.execute(_RECOUNT, {"proposal_id": proposal_id})


# Built once: putting the statement together again took as long as running it.
_RECOUNT = (
    sa.update(Proposal)
    .where(Proposal.id == sa.bindparam("proposal_id"))
    .values(
        comment_count=select(func.count())
        .where(
            Comment.proposal_id == sa.bindparam("proposal_id"),
            Comment.status == CommentStatus.PUBLISHED,
        )
        .scalar_subquery()
    )
)


# One more published comment: counted by adding one, not by counting them all again (6,000 rows
# on a busy proposal). The update locks the proposal's row, so two comments at once add two, and
# a recount running beside it (a moderator's decision) counts after it has committed.
_COUNT_ONE_MORE = (
    sa.update(Proposal)
    .where(Proposal.id == sa.bindparam("proposal_id"))
    .values(comment_count=Proposal.comment_count + 1)
)


def _check_body(body: str, reply: bool = False) -> str:
    body = (body or "").strip()
    limit = current_app.config["COMMENT_MAX_LENGTH"]
    if not body:
        raise CommentError(_("Write your reply") if reply else _("Write your comment"))
    if len(body) > limit:
        raise CommentError(_("Your comment must be %(limit)d characters or fewer", limit=limit))
    return body


def _language_of(user, body: str) -> str | None:
    """The language a comment is written in, so pages mark it up and moderators can filter."""
    return detect_language(body, fallback=user.locale or current_locale().code)


def initial_status(user) -> tuple[CommentStatus, HoldReason | None]:
    """Young people's words wait for a moderator; adults' publish at once once their email is
    confirmed (before that they wait, unseen by moderators, until the author confirms)."""
    if user.is_young:
        return CommentStatus.HELD, HoldReason.YOUNG_PERSON
    if user.email_unverified:
        return CommentStatus.HELD, HoldReason.UNVERIFIED_EMAIL
    return CommentStatus.PUBLISHED, None


def _waits_for_email(comment: Comment) -> bool:
    return comment.status == CommentStatus.HELD and comment.hold_reason == (
        HoldReason.UNVERIFIED_EMAIL
    )


def publish_confirmed_comments(user) -> int:
    """The author confirmed their address: publish what waited for it, through the usual checks."""
    waiting = db.session.scalars(
        select(Comment).where(
            Comment.author_id == user.id,
            Comment.status == CommentStatus.HELD,
            Comment.hold_reason == HoldReason.UNVERIFIED_EMAIL,
        )
    ).all()
    for comment in waiting:
        comment.status, comment.hold_reason = CommentStatus.PUBLISHED, None
        flags = moderation.check_item("comment", comment)  # before the write (submit_comment)
        db.session.flush()
        moderation.screen_item("comment", comment, flags=flags)
    for proposal_id in {c.proposal_id for c in waiting}:
        refresh_comment_count(proposal_id)
    db.session.flush()
    for comment in waiting:
        if comment.status == CommentStatus.PUBLISHED:
            events.comment_published.send(comment)
    return len(waiting)


def already_posted(user, token: str | None) -> Comment | None:
    """The comment this person already made from the comment box with this token, if any."""
    if not token:
        return None
    return db.session.scalar(
        sa.select(Comment).where(Comment.author_id == user.id, Comment.submit_token == token)
    )


def submit_comment(
    user,
    proposal: Proposal,
    body: str,
    parent: Comment | None = None,
    token: str | None = None,
) -> Comment:
    """Post a comment or a reply while the consultation is open (once per comment box token)."""
    if not proposal.is_accepting_input():
        raise CommentError(_("This consultation is closed, so it no longer takes comments."))
    if parent is not None:
        if parent.proposal_id != proposal.id or parent.status != CommentStatus.PUBLISHED:
            raise CommentError(_("You can only reply to a published comment on this proposal."))
        # One level of replies keeps conversations readable on a phone.
        if parent.parent_id is not None:
            parent = parent.parent
    body = _check_body(body, reply=parent is not None)
    status, reason = initial_status(user)
    comment = Comment(
        proposal_id=proposal.id,
        parent_id=parent.id if parent else None,
        author_id=user.id,
        body=body,
        language=_language_of(user, body),
        status=status,
        hold_reason=reason,
        by_young_person=user.is_young,
        submit_token=token,
    )
    # Comments waiting for an email confirmation are screened when they are released. The checks
    # run before the comment is written, not after: on SQLite the first write takes the
    # database's one write lock until the commit, and the checks are the largest part of a
    # comment's work, so run under the lock they kept every other writer waiting.
    flags = None if _waits_for_email(comment) else moderation.check_item("comment", comment)
    if (made := add_once(comment, lambda: already_posted(user, token))) is not comment:
        return made  # the same box sent twice at once: the other request wrote it first
    # Young people's comments wait for a moderator; the automatic checks may hold adults' too.
    if flags is not None:
        moderation.screen_item("comment", comment, flags=flags)
    if comment.status == CommentStatus.PUBLISHED:
        db.session.execute(_COUNT_ONE_MORE, {"proposal_id": proposal.id})
        events.comment_published.send(comment, new=True)
    return comment


def edit_comment(user, comment: Comment, body: str) -> Comment:
    """Correct one's own comment within the edit window; a young person's goes back to review."""
    if comment.author_id != user.id:
        raise CommentError(_("You can only change your own comments."))
    if not comment.edit_window_open(current_app.config["COMMENT_EDIT_MINUTES"]):
        raise CommentError(_("The time to change this comment has passed."))
    if not comment.proposal.is_accepting_input():
        raise CommentError(_("This consultation is closed, so comments can no longer change."))
    comment.body = _check_body(body)
    comment.language = _language_of(user, comment.body)
    comment.edited_at = utcnow()
    status, reason = initial_status(user)
    if status == CommentStatus.HELD and comment.status == CommentStatus.PUBLISHED:
        comment.status, comment.hold_reason = status, reason
    # Before the write, as a new comment's (submit_comment).
    flags = None if _waits_for_email(comment) else moderation.check_item("comment", comment)
    db.session.flush()
    if flags is not None:
        moderation.screen_item("comment", comment, flags=flags)
    refresh_comment_count(comment.proposal_id)
    events.comment_changed.send(comment)
    return comment


def deleted_by(user, comment: Comment) -> bool:
    """True when this is the person's own comment and it has already been deleted."""
    return (
        user.is_authenticated
        and comment.author_id == user.id
        and comment.status == CommentStatus.DELETED
    )


def delete_comment(user, comment: Comment) -> None:
    """Remove one's own comment; its words are erased, the row stays for any replies."""
    if comment.author_id != user.id:
        raise CommentError(_("You can only delete your own comments."))
    from engage.privacy.erasure import erase_comment

    proposal_id = comment.proposal_id
    moderation.withdraw_item("comment", comment)
    # Its words go everywhere: the row, the audit record's copies, reports and notices about it.
    erase_comment(comment)
    refresh_comment_count(proposal_id)


@dataclass(frozen=True, slots=True)
class ShownAuthor:
    """What a comment on a proposal's page shows of its author (User.public_name, is_staff),
    read as a row: no email, no password hash."""

    id: int
    role: str
    display_name: str | None
    pseudonym: str
    age_band: str | None
    # The account's own rules, so the name shown is the one User.public_name gives.
    is_young = User.is_young
    public_name = User.public_name
    is_staff = User.is_staff


@dataclass(frozen=True, slots=True)
class ShownComment:
    """A comment as its proposal's page shows it, read as a row rather than loaded through the
    ORM (making 60 comments and their authors ORM objects was a seventh of the page's render).

    It answers what templates and the comment rules (engage/comments/permissions.py,
    engage/moderation/permissions.py) ask of a Comment, with the Comment's own rules.
    """

    id: int
    proposal_id: int
    parent_id: int | None
    author_id: int
    status: CommentStatus
    body: str
    language: str | None
    created_at: datetime
    edited_at: datetime | None
    author: ShownAuthor
    proposal: Proposal
    edit_window_open = Comment.edit_window_open


_SHOWN_COLUMNS = (
    Comment.id,
    Comment.proposal_id,
    Comment.parent_id,
    Comment.author_id,
    Comment.status,
    Comment.body,
    Comment.language,
    Comment.created_at,
    Comment.edited_at,
    User.id,
    User.role,
    User.display_name,
    User.pseudonym,
    User.age_band,
)


def _shown(proposal: Proposal):
    """Make a row of _SHOWN_COLUMNS the ShownComment of a comment on `proposal`."""

    def make(row) -> ShownComment:
        return ShownComment(*row[:9], ShownAuthor(*row[9:]), proposal)

    return make


@dataclass
class Thread:
    comment: ShownComment
    replies: list[ShownComment]


# Oldest first, read along ix_comment_proposal_created_id (migration 0018); the id breaks ties
# between comments posted in the same microsecond, so none is repeated or lost between pages.
THREAD_ORDER = keyset.Order(
    columns=(Comment.created_at, Comment.id),
    kinds=(datetime, int),
    key_of=lambda c: (c.created_at, c.id),
)


@cache
def _thread_statements() -> tuple[keyset.Paged, sa.Select]:
    # Built once: building them (the reply alias above all) cost more than running them. The
    # reader's held comments are matched by `:user_id`, None for a reader with no account (no
    # row's author is NULL-equal to anything, so they see published comments only).
    mine = sa.and_(
        Comment.author_id == sa.bindparam("user_id"), Comment.status == CommentStatus.HELD
    )
    visible = sa.or_(Comment.status == CommentStatus.PUBLISHED, mine)
    reply = sa.orm.aliased(Comment)
    has_replies = (
        select(reply.id)
        .where(reply.parent_id == Comment.id, reply.status == CommentStatus.PUBLISHED)
        .exists()
    )
    shown = select(*_SHOWN_COLUMNS).join(User, User.id == Comment.author_id)
    top_level = shown.where(
        Comment.proposal_id == sa.bindparam("proposal_id"),
        # Not `parent_id IS NULL`: SQLite's statistics cannot see that most comments have no
        # parent, so it would scan that index across every proposal instead of this one's.
        func.coalesce(Comment.parent_id, 0) == 0,
        sa.or_(visible, sa.and_(Comment.status == CommentStatus.DELETED, has_replies)),
    )
    replies = shown.where(
        Comment.parent_id.in_(sa.bindparam("parents", expanding=True)), visible
    ).order_by(Comment.created_at, Comment.id)
    return keyset.Paged(top_level, THREAD_ORDER, rows=True), replies


def proposal_threads(proposal: Proposal, user, wanted: keyset.Wanted, per_page: int):
    """A page of top-level comments with their replies, as this person may see them.

    Published comments for everyone; a person also sees their own held ones, marked as waiting.
    Deleted comments with replies stay as a placeholder so the replies keep their context. The
    page is the one after or before a cursor (engage/keyset.py), so a deep page costs what the
    first one does. Comments come as ShownComment rows, not ORM objects.
    """
    user_id = getattr(user, "id", None) if user is not None and user.is_authenticated else None
    params = {"proposal_id": proposal.id, "user_id": user_id}
    top_level, replies_of = _thread_statements()
    make = _shown(proposal)
    # Columns, so read on the session's connection: the ORM's own handling of each statement
    # (its compile state, its loading of rows) was a sixth of the page rendered afresh.
    db.session.flush()
    connection = db.session.connection()
    pagination = top_level.read(connection, per_page, wanted, params, make=make)
    parents = [c.id for c in pagination.items]
    replies: dict[int, list[ShownComment]] = {pid: [] for pid in parents}
    if parents:
        for row in connection.execute(replies_of, {"parents": parents, "user_id": user_id}):
            reply = make(row)
            replies[reply.parent_id].append(reply)
    threads = [Thread(c, replies[c.id]) for c in pagination.items]
    return pagination, threads


@reader_fact("proposal", "commented")
def _commented_fact():
    """Whether any of the reader's comments, in any state, are on the page's proposal."""
    return (
        select(Comment.id)
        .where(Comment.author_id == sa.bindparam("user_id"))
        .where(Comment.proposal_id == sa.bindparam("subject_id"))
        .exists()
    )


def get_comment(comment_id: int) -> Comment | None:
    """A comment by id, with its proposal."""
    return db.session.scalar(
        select(Comment).options(selectinload(Comment.proposal)).where(Comment.id == comment_id)
    )
