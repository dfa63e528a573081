"""A comment block's key (engage/comments/display.py): the reader's actions in it are what can()
answers for that reader, whether or not their roles allow the action at all."""

from flask import g

from engage import keyset
from engage.comments import service
from engage.comments.display import reader_grants, thread_keys
from engage.extensions import db, login_manager
from engage.permissions import Role, can, may_ever
from tests.factories import make_comment, make_proposal, make_user

NAMES = ("comment.edit", "comment.delete", "comment.report", "comment.reply")


def test_the_actions_in_a_thread_s_keys_are_the_reader_s_own(app):
    proposal = make_proposal()
    author, other = make_user(), make_user()
    young, moderator = make_user(Role.YOUNG_PERSON), make_user(Role.MODERATOR)
    top = make_comment(proposal, author, body="Top")
    make_comment(proposal, other, parent_id=top.id, body="Reply")
    make_comment(proposal, young, body="Young")
    db.session.commit()
    nobody = login_manager.anonymous_user()

    for reader in (nobody, author, other, young, moderator):
        user = reader if reader is nobody else db.session.get(type(author), reader.id)
        _, threads = service.proposal_threads(
            proposal, None if reader is nobody else user, keyset.Wanted(), 50
        )
        with app.test_request_context():
            g._login_user = user  # where Flask-Login keeps the signed-in reader
            keys = thread_keys(threads)
            granted = reader_grants()
            expected = tuple(
                (
                    _actions(t.comment, user, offer_reply=True),
                    *(_actions(r, user) for r in t.replies),
                )
                for t in threads
            )
        assert tuple(tuple(k[-1] for k in thread) for thread in keys) == expected, reader
        if reader is nobody:
            assert granted == (False, False, False, False)
        else:
            assert any(granted), reader.role


def _actions(comment, user, offer_reply: bool = False) -> tuple:
    edit, delete, report, reply = (can(n, comment, user) for n in NAMES)
    return (edit, delete, report, offer_reply and reply)


def test_a_reader_s_grants_are_theirs_when_the_reader_changes_within_a_request(app):
    # Kept per request (the macro asks for every comment), with whose they are: anyone else
    # asked about in the same request (a shell's stand-in is another object) gets their own.
    resident, young = make_user(), make_user(Role.YOUNG_PERSON)
    db.session.commit()
    nobody = login_manager.anonymous_user()
    with app.test_request_context():
        seen = []
        for user in (nobody, resident, young, nobody, resident):
            g._login_user = user
            granted = reader_grants()
            assert granted == tuple(may_ever(n, user) for n in NAMES), user
            seen.append(granted)
    assert seen[0] == (False, False, False, False) != seen[1]
    assert seen[3] == seen[0] and seen[4] == seen[1]
