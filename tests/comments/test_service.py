"""The comment rules, called directly."""

from datetime import timedelta

import pytest

from engage import keyset
from engage.clock import utcnow
from engage.comments import service
from engage.comments.models import Comment, CommentStatus, HoldReason
from engage.extensions import db
from engage.permissions import Role, can
from engage.proposals.models import ProposalStatus
from tests.factories import make_comment, make_proposal, make_user


def test_adult_comment_is_published_and_counted():
    proposal = make_proposal()

    comment = service.submit_comment(make_user(), proposal, "  Good idea.  ")
    db.session.commit()

    assert comment.status == CommentStatus.PUBLISHED
    assert comment.body == "Good idea."
    db.session.refresh(proposal)
    assert proposal.comment_count == 1


def test_young_persons_comment_is_held_and_not_counted():
    proposal = make_proposal()

    comment = service.submit_comment(make_user(Role.YOUNG_PERSON), proposal, "Skate park!")
    db.session.commit()

    assert comment.status == CommentStatus.HELD
    assert comment.hold_reason == HoldReason.YOUNG_PERSON
    assert comment.by_young_person
    db.session.refresh(proposal)
    assert proposal.comment_count == 0


def test_reply_to_a_reply_is_attached_to_the_top_level_comment():
    proposal = make_proposal()
    top = make_comment(proposal, make_user())
    reply = make_comment(proposal, make_user(), parent_id=top.id)

    answer = service.submit_comment(make_user(), proposal, "Me too.", parent=reply)

    assert answer.parent_id == top.id


@pytest.mark.parametrize("body", ["", "   ", "x" * 1001])
def test_empty_or_over_long_comment_is_refused(body):
    with pytest.raises(service.CommentError):
        service.submit_comment(make_user(), make_proposal(), body)


@pytest.mark.parametrize("status", [ProposalStatus.CLOSED, ProposalStatus.DECIDED])
def test_closed_consultation_takes_no_comments(status):
    with pytest.raises(service.CommentError):
        service.submit_comment(make_user(), make_proposal(status), "Late.")


def test_only_the_author_edits_or_deletes():
    proposal = make_proposal()
    comment = make_comment(proposal, make_user())
    stranger = make_user()

    with pytest.raises(service.CommentError):
        service.edit_comment(stranger, comment, "Changed")
    with pytest.raises(service.CommentError):
        service.delete_comment(stranger, comment)
    assert not can("comment.edit", comment, user=stranger)
    assert not can("comment.delete", comment, user=stranger)


def test_edit_window_is_fifteen_minutes():
    comment = make_comment(make_proposal(), make_user())
    start = comment.created_at

    assert comment.edit_window_open(15, now=start + timedelta(minutes=14, seconds=59))
    assert not comment.edit_window_open(15, now=start + timedelta(minutes=15))


def test_edit_after_the_window_is_refused():
    author = make_user()
    comment = make_comment(make_proposal(), author)
    comment.created_at = utcnow() - timedelta(minutes=20)
    db.session.commit()

    assert not can("comment.edit", comment, user=author)
    with pytest.raises(service.CommentError):
        service.edit_comment(author, comment, "Too late")


def test_young_persons_edit_goes_back_to_a_moderator():
    proposal = make_proposal()
    young = make_user(Role.YOUNG_PERSON)
    comment = make_comment(proposal, young, status=CommentStatus.PUBLISHED)
    assert proposal.comment_count == 1

    service.edit_comment(young, comment, "Changed words")
    db.session.commit()

    assert comment.status == CommentStatus.HELD
    db.session.refresh(proposal)
    assert proposal.comment_count == 0


def test_delete_keeps_the_row_and_erases_the_words():
    proposal = make_proposal()
    author = make_user()
    comment = make_comment(proposal, author, body="Private thought")

    service.delete_comment(author, comment)
    db.session.commit()

    saved = db.session.get(Comment, comment.id)
    assert saved.status == CommentStatus.DELETED
    assert saved.body == ""
    db.session.refresh(proposal)
    assert proposal.comment_count == 0


def test_comment_count_counts_only_published_comments():
    proposal = make_proposal()
    make_comment(proposal, make_user())
    make_comment(proposal, make_user(), status=CommentStatus.HELD)
    make_comment(proposal, make_user(), status=CommentStatus.REJECTED)
    make_comment(proposal, make_user(), status=CommentStatus.HIDDEN)

    db.session.refresh(proposal)
    assert proposal.comment_count == 1


def test_threads_show_each_person_what_they_may_see():
    proposal = make_proposal()
    author, young, reader = make_user(), make_user(Role.YOUNG_PERSON), make_user()
    top = make_comment(proposal, author, body="Top")
    make_comment(proposal, reader, parent_id=top.id, body="Reply")
    held = make_comment(proposal, young, status=CommentStatus.HELD, body="Held")
    gone = make_comment(proposal, author, status=CommentStatus.DELETED, body="")
    make_comment(proposal, author, status=CommentStatus.REJECTED, body="Rejected")

    _, for_reader = service.proposal_threads(proposal, reader, keyset.Wanted(), 50)
    _, for_young = service.proposal_threads(proposal, young, keyset.Wanted(), 50)

    assert [t.comment.body for t in for_reader] == ["Top"]
    assert [r.body for r in for_reader[0].replies] == ["Reply"]
    assert [t.comment.id for t in for_young] == [top.id, held.id]
    assert gone.id not in [t.comment.id for t in for_young]


def test_deleted_comment_with_replies_stays_as_a_placeholder():
    proposal = make_proposal()
    author = make_user()
    top = make_comment(proposal, author, body="Top")
    make_comment(proposal, make_user(), parent_id=top.id, body="Reply")

    service.delete_comment(author, top)
    _, threads = service.proposal_threads(proposal, None, keyset.Wanted(), 50)

    assert [(t.comment.status, [r.body for r in t.replies]) for t in threads] == [
        (CommentStatus.DELETED, ["Reply"])
    ]


@pytest.mark.parametrize("status", [ProposalStatus.OPEN, ProposalStatus.CLOSED])
def test_a_comment_read_as_a_row_answers_as_the_comment_itself(app, status):
    """The page's comments are rows (ShownComment); every rule and name must match the model's."""
    proposal = make_proposal(status)
    author, other = make_user(), make_user()
    young = make_user(Role.YOUNG_PERSON)
    staff = make_user(Role.OFFICER)
    top = make_comment(proposal, author, body="Top")
    make_comment(proposal, young, parent_id=top.id, body="Young reply")
    make_comment(proposal, staff, parent_id=top.id, body="Council reply")
    old = make_comment(proposal, other, body="Old")
    old.created_at = utcnow() - timedelta(days=2)  # past the edit window
    make_comment(proposal, young, status=CommentStatus.HELD, body="Held")
    db.session.commit()
    names = ("comment.edit", "comment.delete", "comment.report", "comment.reply")

    for reader in (author, other, young, staff):
        _, threads = service.proposal_threads(proposal, reader, keyset.Wanted(), 50)
        shown = [c for t in threads for c in (t.comment, *t.replies)]
        assert shown, reader
        for row in shown:
            model = db.session.get(Comment, row.id)
            with app.test_request_context():
                assert [can(n, row, reader) for n in names] == [
                    can(n, model, reader) for n in names
                ], (reader.role, row.body)
            assert (row.author.public_name, row.author.is_staff) == (
                model.author.public_name,
                model.author.is_staff,
            )
            assert (row.status, row.body, row.created_at, row.parent_id) == (
                model.status,
                model.body,
                model.created_at,
                model.parent_id,
            )
