"""The one button on the failed jobs page."""

from engage.forms import BaseForm


class RetryForm(BaseForm):
    """Retry one failed job (CSRF only)."""
