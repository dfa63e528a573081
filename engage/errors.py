"""The one kind of error services raise when a rule is broken."""


class RuleError(ValueError):
    """A rule was broken; the translated message is shown next to `field` (or atop the form)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field
