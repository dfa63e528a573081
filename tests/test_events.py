"""The events features listen to are sent by the services that make the change, once each."""

from contextlib import contextmanager

from engage import events
from engage.comments import service as comments
from engage.extensions import db
from engage.moderation import service as moderation
from engage.moderation.models import ItemState, ModerationCase
from engage.permissions import Role
from engage.privacy.erasure import erase_contributions
from engage.proposals import service as proposals
from engage.proposals.models import ProposalStatus
from tests.factories import make_proposal, make_user


@contextmanager
def heard(signal):
    """Collect (sender, kwargs) for every send of `signal` inside the block."""
    seen = []

    def listener(sender, **kwargs):
        seen.append((sender, kwargs))

    signal.connect(listener)
    try:
        yield seen
    finally:
        signal.disconnect(listener)


def test_an_adults_comment_is_announced_once_when_published(app):
    proposal = make_proposal()
    adult = make_user()
    with heard(events.comment_published) as seen:
        comment = comments.submit_comment(
            adult, proposal, "More benches on the high street please."
        )
    assert [s for s, _ in seen] == [comment]


def test_a_young_persons_comment_is_announced_only_when_a_moderator_approves_it(app):
    proposal = make_proposal()
    young = make_user(Role.YOUNG_PERSON)
    moderator = make_user(Role.MODERATOR)
    with heard(events.comment_published) as published, heard(events.item_decided) as decided:
        comment = comments.submit_comment(young, proposal, "A youth club near the park would help.")
        assert published == []
        case = (
            db.session.query(ModerationCase).filter_by(source="comment", item_id=comment.id).one()
        )
        moderation.approve_item(moderator, case)
    assert [s for s, _ in published] == [comment]
    assert decided == [
        ("comment", {"item": comment, "state": ItemState.PUBLISHED, "author_id": young.id})
    ]


def test_publishing_an_outcome_is_announced(app):
    officer = make_user(Role.OFFICER)
    proposal = make_proposal(ProposalStatus.CLOSED)
    with heard(events.outcome_published) as seen:
        proposals.publish_outcome(officer, proposal, "You said", "We did", "Because")
    assert [s for s, _ in seen] == [proposal]


def test_erasing_a_person_is_announced_for_the_indexes(app):
    adult = make_user()
    with heard(events.person_erased) as seen:
        erase_contributions(adult)
    assert [s for s, _ in seen] == [adult.id]
