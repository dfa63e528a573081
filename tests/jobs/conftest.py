"""Shared pieces for job tests: the SMTP server of the notification tests."""

from tests.notifications.conftest import (  # noqa: F401 (fixtures)
    _empty_queue,
    inbox,
    smtp_ca,
    smtp_server,
)
