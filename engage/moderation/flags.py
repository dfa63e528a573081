"""What the rule checks report: a flag's category and kind, and where it matched."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Category(enum.StrEnum):
    """What kind of problem a flag is about."""

    PERSONAL = "personal_details"
    ABUSE = "abuse"
    RISK = "risk"


@dataclass(frozen=True)
class Flag:
    """One reason to hold a post: its category, the specific kind and the text that matched."""

    category: Category
    kind: str
    match: str


@dataclass(frozen=True)
class Hit:
    """Where one rule matched, and what redact() removes."""

    category: Category
    kind: str
    start: int
    end: int
    # The part to replace by redact(); None when there is nothing identifying to remove.
    redact: tuple[int, int] | None
