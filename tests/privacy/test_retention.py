"""Retention: `flask engage retention` removes what is past its period, keeping anonymous totals."""

import os
import time
from datetime import timedelta

import sqlalchemy as sa

from engage.clock import utcnow
from engage.comments.models import Comment
from engage.extensions import db
from engage.moderation import service as moderation
from engage.moderation.models import (
    AuditText,
    CaseState,
    ModerationCase,
    ModerationEvent,
    Report,
)
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from engage.surveys import results as surveys_results
from engage.surveys.models import Answer, AnswerModeration, Participation, SurveyResponse
from engage.votes.service import vote_totals
from tests.factories import make_comment, make_proposal, make_user, make_vote
from tests.moderation.helpers import RISK_TEXT, held_comment
from tests.surveys.helpers import add_responses, make_survey


def _decided(days_ago: int):
    return make_proposal(ProposalStatus.DECIDED, decided_at=utcnow() - timedelta(days=days_ago))


def _town():
    """An old decision (past three months) and a recent one, each with comments and votes."""
    old, recent = _decided(100), _decided(10)
    for proposal in (old, recent):
        for i in range(3):
            person = make_user(Role.YOUNG_PERSON if i == 0 else Role.RESIDENT)
            make_comment(proposal=proposal, author=person, body=f"Words {proposal.id}-{i}")
            make_vote(proposal, person, "agree" if i else "disagree")
    return old, recent


def _run(app, *args):
    result = app.test_cli_runner().invoke(args=["engage", "retention", *args])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    return result.output


def test_dry_run_lists_what_would_go_and_changes_nothing(app):
    old, recent = _town()
    output = _run(app, "--dry-run")
    assert "comments on proposals decided long enough ago: 3" in output
    assert "votes turned into anonymous totals: 3" in output
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Comment)) == 6


def test_old_comments_and_votes_go_and_their_totals_stay(app, client):
    old, recent = _town()
    reported = db.session.scalars(sa.select(Comment).where(Comment.proposal_id == old.id)).first()
    moderation.report_item(make_user(), "comment", reported, "spam", "Reporter's recent words")
    db.session.commit()
    before = {p.id: vote_totals(p).all for p in (old, recent)}
    output = _run(app)
    # What the comments left elsewhere goes with them, however recent.
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Report)) == 0
    assert not db.session.scalar(sa.select(AuditText).where(AuditText.text.is_not(None)))
    assert "votes turned into anonymous totals: 3" in output
    comments = db.session.scalars(sa.select(Comment.body)).all()
    assert sorted(comments) == sorted(f"Words {recent.id}-{i}" for i in range(3))
    for p in (old, recent):
        db.session.refresh(p)
        assert vote_totals(p).all == before[p.id]
        assert p.comment_count == 3
    page = client.get(f"/proposals/{old.id}").get_data(as_text=True)
    assert "3 comments" in page and f"Words {old.id}" not in page
    # Running again changes nothing: totals are not counted twice.
    _run(app)
    assert vote_totals(old).all == before[old.id]


def test_named_survey_answers_become_anonymous_and_results_keep_their_figures(app):
    proposal = _decided(100)
    survey = make_survey(anonymous=False, audience="everyone", proposal_id=proposal.id)
    add_responses(
        survey, 12, values=["yes"], text="Rhubarb thoughts", moderation=AnswerModeration.PUBLISHED
    )
    person = make_user()
    response = db.session.scalars(sa.select(SurveyResponse)).first()
    response.user_id = person.id
    db.session.add(Participation(survey_id=survey.id, user_id=person.id))
    db.session.commit()
    before = surveys_results.survey_results(survey)
    _run(app)
    after = surveys_results.survey_results(survey)
    assert after.total == before.total
    first_before, first_after = before.questions[0], after.questions[0]
    assert [r.cell for r in first_after.rows] == [r.cell for r in first_before.rows]
    assert first_after.answered == first_before.answered
    assert first_after.texts == []
    assert (
        db.session.scalar(sa.select(sa.func.count()).where(SurveyResponse.user_id.is_not(None)))
        == 0
    )
    assert db.session.scalar(sa.select(sa.func.count()).where(Answer.text.is_not(None))) == 0
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Participation)) == 0


def test_a_survey_still_within_its_period_is_untouched(app):
    survey = make_survey(anonymous=True, closes_at=utcnow() - timedelta(days=10))
    add_responses(survey, 3, values=["yes"], text="Parsnip", moderation=AnswerModeration.HELD)
    _run(app)
    assert db.session.scalar(sa.select(sa.func.count()).where(Answer.text == "Parsnip")) == 3


def _age_events(days: int) -> None:
    """Move every event, case and report back in time (test set-up only: triggers lifted)."""
    past = utcnow() - timedelta(days=days)
    if db.engine.dialect.name == "postgresql":
        db.session.execute(sa.text("ALTER TABLE moderation_event DISABLE TRIGGER USER"))
        db.session.execute(sa.update(ModerationEvent).values(created_at=past))
        db.session.execute(sa.text("ALTER TABLE moderation_event ENABLE TRIGGER USER"))
    else:
        db.session.execute(sa.text("DROP TRIGGER moderation_event_no_update"))
        db.session.execute(sa.update(ModerationEvent).values(created_at=past))
        db.session.execute(
            sa.text(
                "CREATE TRIGGER moderation_event_no_update BEFORE UPDATE ON moderation_event "
                "BEGIN SELECT RAISE(ABORT, 'moderation_event is append-only: UPDATE refused'); END"
            )
        )
    db.session.execute(
        sa.update(ModerationCase).values(held_at=past, decided_at=past, state=CaseState.DECIDED)
    )
    db.session.commit()


def test_old_audit_words_are_erased_with_a_tombstone_and_the_events_stay(app):
    comment, case = held_comment("Okra words about the park")
    events = db.session.scalar(sa.select(sa.func.count()).select_from(ModerationEvent))
    _age_events(400)
    _run(app)
    texts = db.session.scalars(sa.select(AuditText)).all()
    assert texts and all(t.text is None and t.erased_why == "retention" for t in texts)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ModerationEvent)) == events
    assert db.session.scalar(sa.select(sa.func.count()).select_from(ModerationCase)) == 0


def test_safeguarding_words_are_kept_for_their_own_longer_period(app):
    comment, case = held_comment(RISK_TEXT)
    _age_events(400)
    case = db.session.get(ModerationCase, case.id)
    case.state = CaseState.HANDLED
    db.session.commit()
    _run(app)
    assert db.session.scalar(sa.select(sa.func.count()).where(AuditText.text == RISK_TEXT)) == 1
    app.config["RETENTION_SAFEGUARDING_DAYS"] = 300
    try:
        _run(app)
    finally:
        app.config["RETENTION_SAFEGUARDING_DAYS"] = 730
    assert db.session.scalar(sa.select(sa.func.count()).where(AuditText.text == RISK_TEXT)) == 0


def test_old_backups_are_removed_and_recent_ones_kept(app, tmp_path):
    old, new = tmp_path / "engage-20250101-000000.db", tmp_path / "engage-20261201-000000.db"
    for path in (old, new):
        path.write_text("backup")
    stale = time.time() - 40 * 86400
    os.utime(old, (stale, stale))
    saved, app.config["BACKUP_DIR"] = app.config["BACKUP_DIR"], str(tmp_path)
    try:
        assert str(old) in _run(app, "--dry-run") and old.exists()
        _run(app)
    finally:
        app.config["BACKUP_DIR"] = saved
    assert not old.exists() and new.exists()
