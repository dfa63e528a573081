"""Kept so existing imports work: the source interface and registry live in `registry`.

The adapters themselves live with their features (`engage/<feature>/moderation_source.py`).
"""

from engage.moderation.registry import (  # noqa: F401
    SOURCES,
    Context,
    GroupContact,
    Source,
    get_source,
    register_source,
)
