"""Migration 0009 moves the audit record's words to audit_text and erases those already deleted."""

from datetime import datetime

import sqlalchemy as sa
from flask_migrate import upgrade

from engage import create_app
from engage.comments.models import CommentStatus
from engage.extensions import db
from engage.moderation.models import ModerationEvent

_EVENT = sa.text(
    "INSERT INTO moderation_event (created_at, action, source, item_id, subject_user_id, note, "
    "before_text, after_text) VALUES (CURRENT_TIMESTAMP, :action, :source, :item, :subject, "
    ":note, :before, :after)"
)


_NOW = datetime(2026, 1, 1)
_USER = {"role": "resident", "password_hash": "!", "age_band": "25-44", "connection": "live",
         "banned": False}  # fmt: skip


def _row(table: str, **values) -> int:
    """Insert a row with plain SQL; returns its id."""
    stamped = {} if table == "priority" else {"created_at": _NOW}
    values = {**(_USER if table == "user" else {}), **stamped, **values}
    columns = ", ".join(f'"{k}"' for k in values)
    marks = ", ".join(f":{k}" for k in values)
    sql = f'INSERT INTO "{table}" ({columns}) VALUES ({marks}) RETURNING id'  # noqa: S608
    return db.session.execute(sa.text(sql), values).scalar_one()


def test_existing_words_move_and_words_of_deleted_items_and_accounts_are_erased(app, tmp_path):
    old = create_app(
        {
            **{k: v for k, v in app.config.items() if k.isupper()},
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'before.db'}",
        }
    )
    with old.app_context():
        upgrade(revision="0009-1")  # the schema just before this migration
        # Rows as that schema had them (today's models have columns added by later revisions).
        person = _row("user", pseudonym="Test Otter", email="kept@example.org")
        gone = _row("user", pseudonym="deleted-0123abcd", email=None)
        priority = _row("priority", slug="p", position=1, title="P", description="d",
                        youth_description="y")  # fmt: skip
        proposal = _row("proposal", priority_id=priority, title="T", summary="s", youth_summary="y",
                        body="b", who_decides="w", status="open", outcome_you_said="",
                        outcome_we_did="", outcome_why="", comment_count=0,
                        updated_at=_NOW)  # fmt: skip
        kept = _row("comment", proposal_id=proposal, author_id=person, body="Kept words",
                    status=CommentStatus.PUBLISHED.value, by_young_person=False)  # fmt: skip
        deleted = _row("comment", proposal_id=proposal, author_id=person, body="",
                       status=CommentStatus.DELETED.value, by_young_person=False)  # fmt: skip
        rows = [
            ("hold", "comment", kept, person, None, "Kept words", "Kept words"),
            ("approve_redacted", "comment", kept, person, "ok", "Kept 07700", "Kept [x]"),
            ("hold", "comment", deleted, person, None, "Deleted 07700 900123", None),
            ("suspend", None, None, gone, "Note about a deleted person", None, "2026-12-01"),
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
