"""What a list of proposal summaries shows, as the key its kept HTML is found by.

A priority page's list of summaries is kept as one fragment (engage/ops/cache.py, FragmentCache)
under `summary_keys`: every value a summary shows or branches on, each council text in the
reader's language with the language it is shown in. The texts are looked up here, outside the
kept block, so a page served from the kept list still notes any English fallback for its notice.
"""

from flask_login import current_user

from engage.i18n import translated_with_lang


def summary_keys(proposals) -> tuple:
    """The key of a list of proposal summaries as this reader sees it."""
    young = bool(current_user.is_authenticated and current_user.is_young)
    field = "youth_summary" if young else "summary"
    return (
        young,
        tuple(
            (
                p.id,
                p.status.value,
                translated_with_lang(p, "title"),
                translated_with_lang(p, field),
                p.closes_at,
                p.is_accepting_input(),
                p.comment_count,
                p.has_outcome,
                translated_with_lang(p, "outcome_we_did") if p.has_outcome else None,
            )
            for p in proposals
        ),
    )
