"""Builders for notification tests: people with a chosen email frequency, and job runs."""

from engage.extensions import db
from engage.jobs.queue import queue_for
from engage.notifications.models import Frequency, NotificationSetting
from engage.permissions import Role
from tests.factories import make_user


def adult(frequency: Frequency = Frequency.NOW, **fields):
    """An adult resident with a confirmed address who chose `frequency`."""
    user = make_user(Role.RESIDENT, **fields)
    db.session.add(NotificationSetting(user_id=user.id, frequency=frequency))
    db.session.commit()
    return user


def run_periodic(name: str) -> None:
    """Run a scheduled job now, as the consumer would at its time (immediate mode in tests)."""
    queue_for().tasks[name]()
    db.session.expire_all()
