"""erasure and retention: audit words in their own erasable store, vote tallies, access log

Revision ID: 0009
Revises: 0004

The audit record (moderation_event) stays append-only. Its words (note, text before and after)
move to audit_text, which allows exactly one change: blanking the text with a dated tombstone.
Existing words of items and accounts deleted before this revision are erased on the way.
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_TEXT_COLUMNS = (("note", "note_id"), ("before_text", "before_id"), ("after_text", "after_id"))


def _drop_event_triggers(bind):
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS moderation_event_append_only ON moderation_event")
    else:
        op.execute("DROP TRIGGER IF EXISTS moderation_event_no_update")
        op.execute("DROP TRIGGER IF EXISTS moderation_event_no_delete")


def _create_event_triggers(bind):
    if bind.dialect.name == "postgresql":
        op.execute(
            "CREATE TRIGGER moderation_event_append_only BEFORE UPDATE OR DELETE ON "
            "moderation_event FOR EACH ROW EXECUTE FUNCTION moderation_event_append_only()"
        )
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER moderation_event_no_{verb.lower()} BEFORE {verb} "
                "ON moderation_event BEGIN "
                f"SELECT RAISE(ABORT, 'moderation_event is append-only: {verb} refused'); END"
            )


def _create_audit_text_trigger(bind):
    """audit_text rows only ever change by erasure: text to NULL, once, with a date."""
    if bind.dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION audit_text_erase_only() RETURNS trigger AS $$
            BEGIN
                IF NEW.id = OLD.id AND OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL
                   AND NEW.text IS NULL THEN
                    RETURN NEW;
                END IF;
                RAISE EXCEPTION 'audit_text can only be erased';
            END;
            $$ LANGUAGE plpgsql
            """
        )
        op.execute(
            "CREATE TRIGGER audit_text_erase_only BEFORE UPDATE ON audit_text "
            "FOR EACH ROW EXECUTE FUNCTION audit_text_erase_only()"
        )
    else:
        op.execute(
            "CREATE TRIGGER audit_text_erase_only BEFORE UPDATE ON audit_text "
            "WHEN NOT (NEW.id = OLD.id AND OLD.erased_at IS NULL AND NEW.erased_at IS NOT NULL "
            "AND NEW.text IS NULL) "
            "BEGIN SELECT RAISE(ABORT, 'audit_text can only be erased'); END"
        )


def upgrade():
    bind = op.get_bind()
    op.create_table(
        "audit_text",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=True),
        sa.Column("erased_at", sa.DateTime(), nullable=True),
        sa.Column("erased_why", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_text")),
    )
    op.create_table(
        "vote_tally",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("choice", sa.String(length=10), nullable=False),
        sa.Column("by_young_person", sa.Boolean(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["proposal_id"],
            ["proposal.id"],
            name=op.f("fk_vote_tally_proposal_id_proposal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_vote_tally")),
    )
    with op.batch_alter_table("vote_tally", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_vote_tally_proposal_id"), ["proposal_id"], unique=False
        )
    op.create_table(
        "subject_access_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("subject_user_id", sa.Integer(), nullable=True),
        sa.Column("found", sa.Boolean(), nullable=False),
        sa.Column("reference", sa.String(length=60), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subject_access_log")),
    )

    # Move the audit words out of the append-only table. The triggers come off for this one
    # structural change and go back on exactly as before.
    _drop_event_triggers(bind)
    with op.batch_alter_table("moderation_event", schema=None) as batch_op:
        for _old, new in _TEXT_COLUMNS:
            batch_op.add_column(sa.Column(new, sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                batch_op.f(f"fk_moderation_event_{new}_audit_text"), "audit_text", [new], ["id"]
            )
    events = sa.table(
        "moderation_event",
        sa.column("id", sa.Integer),
        *(sa.column(old, sa.Text) for old, _new in _TEXT_COLUMNS),
        *(sa.column(new, sa.Integer) for _old, new in _TEXT_COLUMNS),
    )
    texts = sa.table("audit_text", sa.column("id", sa.Integer), sa.column("text", sa.Text))
    rows = bind.execute(
        sa.select(events.c.id, *(events.c[old] for old, _new in _TEXT_COLUMNS))
    ).all()
    for row in rows:
        refs = {}
        for old, new in _TEXT_COLUMNS:
            value = getattr(row, old)
            if value is None:
                continue
            if old == "after_text" and value == row.before_text and "before_id" in refs:
                refs[new] = refs["before_id"]
                continue
            refs[new] = bind.execute(
                sa.insert(texts).values(text=value).returning(texts.c.id)
            ).scalar_one()
        if refs:
            bind.execute(sa.update(events).where(events.c.id == row.id).values(**refs))
    with op.batch_alter_table("moderation_event", schema=None) as batch_op:
        for old, _new in _TEXT_COLUMNS:
            batch_op.drop_column(old)
    _create_event_triggers(bind)
    _create_audit_text_trigger(bind)
    _erase_what_was_already_deleted(bind)


def _erase_what_was_already_deleted(bind):
    """Words of comments and accounts deleted before this revision leave the record now."""
    bind.execute(
        sa.text(
            """
            UPDATE audit_text SET text = NULL, erased_at = CURRENT_TIMESTAMP,
                   erased_why = 'deleted'
            WHERE erased_at IS NULL AND id IN (
                SELECT x.ref FROM (
                    SELECT note_id AS ref, source, item_id, subject_user_id, actor_id, action
                      FROM moderation_event
                    UNION ALL SELECT before_id, source, item_id, subject_user_id, actor_id, action
                      FROM moderation_event
                    UNION ALL SELECT after_id, source, item_id, subject_user_id, actor_id, action
                      FROM moderation_event
                ) AS x
                WHERE x.ref IS NOT NULL
                  AND NOT EXISTS (
                      SELECT 1 FROM moderation_case c WHERE c.source = x.source
                       AND c.item_id = x.item_id AND c.safeguarding = :yes)
                  AND (
                      (x.source = 'comment' AND x.item_id IN (
                          SELECT id FROM comment WHERE status = 'deleted'))
                      OR x.subject_user_id IN (
                          SELECT id FROM "user" WHERE pseudonym LIKE 'deleted-%')
                      OR (x.action IN ('report', 'appeal') AND x.actor_id IN (
                          SELECT id FROM "user" WHERE pseudonym LIKE 'deleted-%'))
                  )
            )
            """
        ),
        {"yes": True},
    )
    bind.execute(
        sa.text(
            'DELETE FROM notification WHERE user_id IN (SELECT id FROM "user" '
            "WHERE pseudonym LIKE 'deleted-%')"
        )
    )
    bind.execute(
        sa.text(
            'DELETE FROM moderation_report WHERE reporter_id IN (SELECT id FROM "user" '
            "WHERE pseudonym LIKE 'deleted-%')"
        )
    )
    bind.execute(
        sa.text(
            "UPDATE moderation_case SET appeal_note = NULL WHERE safeguarding = :no AND ("
            "(source = 'comment' AND item_id IN (SELECT id FROM comment WHERE status = 'deleted'))"
            " OR author_id IN (SELECT id FROM \"user\" WHERE pseudonym LIKE 'deleted-%'))"
        ),
        {"no": False},
    )


def downgrade():
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_text_erase_only ON audit_text")
        op.execute("DROP FUNCTION IF EXISTS audit_text_erase_only()")
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_text_erase_only")
    _drop_event_triggers(bind)
    with op.batch_alter_table("moderation_event", schema=None) as batch_op:
        for old, _new in _TEXT_COLUMNS:
            batch_op.add_column(sa.Column(old, sa.Text(), nullable=True))
    events = sa.table(
        "moderation_event",
        *(sa.column(old, sa.Text) for old, _new in _TEXT_COLUMNS),
        *(sa.column(new, sa.Integer) for _old, new in _TEXT_COLUMNS),
    )
    texts = sa.table("audit_text", sa.column("id", sa.Integer), sa.column("text", sa.Text))
    for old, new in _TEXT_COLUMNS:
        words = sa.select(texts.c.text).where(texts.c.id == events.c[new]).scalar_subquery()
        bind.execute(sa.update(events).values({old: words}))
    with op.batch_alter_table("moderation_event", schema=None) as batch_op:
        for _old, new in _TEXT_COLUMNS:
            batch_op.drop_constraint(f"fk_moderation_event_{new}_audit_text", type_="foreignkey")
            batch_op.drop_column(new)
    _create_event_triggers(bind)
    op.drop_table("subject_access_log")
    with op.batch_alter_table("vote_tally", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_vote_tally_proposal_id"))
    op.drop_table("vote_tally")
    op.drop_table("audit_text")
