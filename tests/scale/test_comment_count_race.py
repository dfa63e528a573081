"""Two people commenting on the same proposal at the same instant: the count keeps both.

The proposal's comment_count is recounted in the database after each comment. On PostgreSQL a
recount that waited for another transaction's row lock would otherwise count with the snapshot it
took before that transaction committed, and lose the other person's comment from the figure.
"""

import threading

from engage.comments.models import Comment, CommentStatus
from engage.comments.service import refresh_comment_count
from engage.extensions import db
from engage.proposals.models import Proposal
from tests.factories import make_proposal, make_user
from tests.races import hold_until_another_waits


def test_concurrent_comments_are_both_counted(app):
    proposal = make_proposal()
    first, second = make_user(), make_user()
    pid = proposal.id
    counted = threading.Event()
    errors = []

    def comment(author_id: int, hold: bool) -> None:
        try:
            with app.app_context():
                db.session.add(
                    Comment(
                        proposal_id=pid,
                        author_id=author_id,
                        body=f"Comment by {author_id}",
                        status=CommentStatus.PUBLISHED,
                    )
                )
                db.session.flush()
                refresh_comment_count(pid)
                if hold:
                    counted.set()
                    # Commit only once the other person's recount is waiting for this one.
                    hold_until_another_waits()
                db.session.commit()
        except Exception as err:  # noqa: BLE001 - reported by the test below
            errors.append(err)

    one = threading.Thread(target=comment, args=(first.id, True))
    one.start()
    assert counted.wait(10)
    two = threading.Thread(target=comment, args=(second.id, False))
    two.start()
    one.join(30)
    two.join(30)
    assert not errors, errors
    db.session.expire_all()
    assert db.session.get(Proposal, pid).comment_count == 2
