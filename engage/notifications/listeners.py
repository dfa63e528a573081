"""What this feature hears from engage/events.py, and the jobs each event queues.

Listeners run inside the sender's transaction: they only note what to do (a follow row, a job
queued for after the commit), so the officer's or moderator's request is never held by emails.
"""

from engage import events
from engage.clock import utcnow
from engage.jobs.queue import enqueue_after_commit
from engage.notifications import messages, service


def on_comment_published(comment, **_):
    """Follow the proposal one commented on; tell the author of the comment replied to."""
    service.follow_after_commenting(comment.author_id, comment.proposal_id)
    if comment.parent_id is not None:
        enqueue_after_commit("notify_reply", comment.id)


def on_outcome_published(proposal, **_):
    """ "You said, we did" is out: tell everyone who took part or follows."""
    enqueue_after_commit("notify_outcome", proposal.id)


def on_proposal_published(proposal, **_):
    """A new proposal: tell its priority's followers when it opens (now, or on its date)."""
    eta = proposal.opens_at if proposal.has_not_opened() else None
    enqueue_after_commit("notify_new_proposal", proposal.id, eta=eta)


def on_survey_results_published(survey, **_):
    """Survey results are out: tell everyone who took it with an account."""
    enqueue_after_commit("notify_survey_results", survey.id)


def on_item_decided(source, item=None, state=None, author_id=None, **_):
    """Email an adult that their words were published, not published or hidden."""
    kind = messages.DECISION_KINDS.get(str(state))
    if kind is None or author_id is None:
        return
    from engage.moderation.registry import get_source

    src = get_source(source)
    title = src.context(item).title if src is not None and item is not None else ""
    # A decision can be undone and made again: each is its own message.
    key = f"decision:{source}:{getattr(item, 'id', '')}:{kind}:{utcnow():%Y%m%d%H%M%S%f}"
    params = {"source": source, "title": title}
    enqueue_after_commit("notify_decision", kind, key, params, author_id)


def on_safeguarding_raised(case, **_):
    """Alert every safeguarding lead at once, whatever the hour."""
    enqueue_after_commit("alert_safeguarding", f"safeguarding:{case.id}:{utcnow():%Y%m%d%H%M%S}")


def on_idea_answered(idea, backer_ids=(), **_):
    """The council answered an idea: tell the person who suggested it and everyone who backed it."""
    enqueue_after_commit("notify_idea_answered", idea.id, sorted({idea.author_id, *backer_ids}))


def on_report_published(report, **_):
    """The consultation report is out: tell everyone who took part in that consultation."""
    enqueue_after_commit("notify_report", report.id)


def on_person_erased(user_id, **_):
    """Forget a person's follows, choices and messages with the rest of their data."""
    service.forget_person(user_id)


def connect() -> None:
    """Connect the receivers (blinker keeps each once) and word this feature's notices."""
    events.comment_published.connect(on_comment_published)
    events.outcome_published.connect(on_outcome_published)
    events.proposal_published.connect(on_proposal_published)
    events.survey_results_published.connect(on_survey_results_published)
    events.item_decided.connect(on_item_decided)
    events.safeguarding_raised.connect(on_safeguarding_raised)
    events.person_erased.connect(on_person_erased)
    events.idea_answered.connect(on_idea_answered)
    events.report_published.connect(on_report_published)
    messages.register()
