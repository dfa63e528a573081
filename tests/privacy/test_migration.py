"""Migration 0009 moves the audit record's words to audit_text and erases those already deleted."""

import sqlalchemy as sa
from flask_migrate import upgrade

from engage import create_app
from engage.comments.models import CommentStatus
from engage.extensions import db
from engage.moderation.models import ModerationEvent
from tests.factories import make_comment, make_proposal, make_user

_EVENT = sa.text(
    "INSERT INTO moderation_event (created_at, action, source, item_id, subject_user_id, note, "
    "before_text, after_text) VALUES (CURRENT_TIMESTAMP, :action, :source, :item, :subject, "
    ":note, :before, :after)"
)


def test_existing_words_move_and_words_of_deleted_items_and_accounts_are_erased(app, tmp_path):
    old = create_app(
        {
            **{k: v for k, v in app.config.items() if k.isupper()},
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'before.db'}",
        }
    )
    with old.app_context():
        upgrade(revision="0009-1")  # the schema just before this migration
        person, gone = make_user(), make_user(email=None, pseudonym="deleted-0123abcd")
        proposal = make_proposal()
        kept = make_comment(proposal=proposal, author=person, body="Kept words")
        deleted = make_comment(
            proposal=proposal, author=person, body="", status=CommentStatus.DELETED
        )
        rows = [
            ("hold", "comment", kept.id, person.id, None, "Kept words", "Kept words"),
            ("approve_redacted", "comment", kept.id, person.id, "ok", "Kept 07700", "Kept [x]"),
            ("hold", "comment", deleted.id, person.id, None, "Deleted 07700 900123", None),
            ("suspend", None, None, gone.id, "Note about a deleted person", None, "2026-12-01"),
        ]
        for action, source, item, subject, note, before, after in rows:
            db.session.execute(
                _EVENT,
                {
                    "action": action,
                    "source": source,
                    "item": item,
                    "subject": subject,
                    "note": note,
                    "before": before,
                    "after": after,
                },
            )
        db.session.commit()

        upgrade(revision="heads")

        db.session.expire_all()
        events = db.session.scalars(sa.select(ModerationEvent).order_by(ModerationEvent.id)).all()
        texts = [(e.note, e.before_text, e.after_text) for e in events]
        assert texts[0] == (None, "Kept words", "Kept words")
        assert events[0].before_id == events[0].after_id  # the same words share one row
        assert texts[1] == ("ok", "Kept 07700", "Kept [x]")
        assert texts[2] == (None, None, None) and events[2].text_erased
        assert texts[3] == (None, None, None) and events[3].before_id is None
        dump = str(db.session.execute(sa.text("SELECT * FROM audit_text")).all())
        assert "900123" not in dump and "deleted person" not in dump
        # The record is still append-only after the table was rebuilt.
        with_error = False
        try:
            db.session.execute(sa.text("UPDATE moderation_event SET reason = 'x'"))
        except sa.exc.DBAPIError:
            with_error = True
        db.session.rollback()
        assert with_error
        db.engine.dispose()
