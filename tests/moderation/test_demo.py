"""The demo data gives moderators a queue, past decisions, a report and a safeguarding case."""

from engage.demo.seed import load_demo
from engage.extensions import db
from engage.moderation import service


def test_demo_moderation_activity():
    load_demo()
    db.session.commit()
    comments, _ = service.queue_page(None, service.QueueFilters(source="comment"), 1)
    assert comments.total == 5
    d = service.dashboard()
    assert d.waiting >= 5 and d.safeguarding == 1 and d.overdue >= 1
    assert d.decisions_30 == 5 and d.median_30 == 9.0
    assert (d.flags_agreed, d.flagged_decisions) == (2, 2)  # the swearing is rejected now


def test_demo_comments_sit_under_their_proposal_and_examples_stay_out_of_public_pages():
    import sqlalchemy as sa

    from engage.comments.models import Comment, CommentStatus
    from engage.demo.moderation import _ITEMS
    from engage.moderation.checks import check_text
    from engage.proposals.models import Proposal

    load_demo()
    db.session.commit()
    published = db.session.scalars(
        sa.select(Comment).where(Comment.status == CommentStatus.PUBLISHED)
    ).all()
    # None of the rules' examples is on a public page. (The learned model also holds about one
    # ordinary comment in twenty for a moderator, demo ones included: README, "Automatic checks".)
    assert not [c.body for c in published if [f for f in check_text(c.body) if f.kind != "model"]]
    # Each moderation example is under the proposal it talks about.
    for where, _author, words, _hours, _decision in _ITEMS:
        comment = db.session.scalar(sa.select(Comment).where(Comment.body == words))
        if comment is None:  # redacted: its words changed
            continue
        proposal = db.session.get(Proposal, comment.proposal_id)
        assert proposal.title.startswith(where), (words, proposal.title)
    # The newest public comment of each proposal is an ordinary, clean one.
    for proposal in db.session.scalars(sa.select(Proposal)):
        newest = db.session.scalar(
            sa.select(Comment)
            .where(Comment.proposal_id == proposal.id, Comment.status == CommentStatus.PUBLISHED)
            .order_by(Comment.created_at.desc())
            .limit(1)
        )
        assert newest is None or not check_text(newest.body), newest.body
