"""Posting comments is rate limited per person (on an app with rate limiting switched on)."""

from sqlalchemy import func, select

from engage.comments.models import Comment
from engage.extensions import db
from tests.accounts.helpers import rate_limited_app
from tests.conftest import login
from tests.factories import make_proposal, make_user


def test_posting_comments_is_refused_with_429_after_the_limit(app):
    proposal = make_proposal()
    first, second = make_user(), make_user()
    url = f"/proposals/{proposal.id}/comments"

    with rate_limited_app(app, POST_RATE_LIMIT="2 per minute") as limited:
        client = login(limited.test_client(), first)
        for n in range(2):
            assert client.submit(url, {"body": f"Comment number {n}"}).status_code == 302
        assert client.submit(url, {"body": "One too many"}).status_code == 429

        # The limit is per person: someone else on the same network can still post.
        other = login(limited.test_client(), second)
        assert other.submit(url, {"body": "My first comment"}).status_code == 302

    db.session.expire_all()
    assert db.session.scalar(select(func.count()).select_from(Comment)) == 3
