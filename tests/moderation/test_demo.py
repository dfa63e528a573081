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
    assert (d.flags_agreed, d.flagged_decisions) == (1, 2)
