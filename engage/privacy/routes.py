"""Staff pages for privacy requests."""

from engage.privacy import bp  # noqa: F401
