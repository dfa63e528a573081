"""Browser pages of notifications and jobs: settings (adult and young), stopping emails from a
link, the failed jobs page, and notices of each kind with their links."""

from flask import url_for

from engage.extensions import db
from engage.jobs.models import JobFailure
from engage.moderation.models import Notification
from engage.notifications.emails import unsubscribe_token
from engage.notifications.models import Follow
from engage.permissions import Role
from tests.browser.pages import Page


def _notify_world(w) -> None:
    resident, young = w.users[Role.RESIDENT], w.users[Role.YOUNG_PERSON]
    db.session.add_all(
        [
            Follow(user_id=resident.id, proposal_id=w.proposal.id),
            Follow(user_id=resident.id, priority_id=w.priority.id),
            JobFailure(name="send_emails", args=[1, 2], error="SMTPServerDisconnected: closed"),
        ]
    )
    title = w.proposal.title
    for kind, params in (
        ("reply", {"proposal_id": w.proposal.id, "comment_id": w.comment.id, "title": title}),
        ("outcome", {"proposal_id": w.proposal.id, "title": title}),
        (
            "new_proposal",
            {"proposal_id": w.proposal.id, "title": title, "priority": w.priority.title},
        ),
    ):
        db.session.add(Notification(user_id=young.id, kind=kind, params=params))
    db.session.commit()


WORLD_BUILDERS = [_notify_world]

PAGES = [
    Page("notify settings", lambda w: url_for("notifications.settings"), Role.RESIDENT),
    Page("notify settings young", lambda w: url_for("notifications.settings"), Role.YOUNG_PERSON),
    Page(
        "notify unsubscribe",
        lambda w: url_for(
            "notifications.unsubscribe", token=unsubscribe_token(w.users[Role.RESIDENT].id)
        ),
    ),
    Page("notify jobs", lambda w: url_for("jobs.manage_jobs"), Role.ADMIN),
]
