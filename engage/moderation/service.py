"""The moderation service's public names, for the features and tests that import this module.

The code lives in modules by subject: ``cases`` (checking and holding new text), ``decisions``,
``undo``, ``reports`` (and appeals), ``sanctions``, ``queue``, ``audit``, ``notifications`` and
``dashboard``. Operations take the acting user, flush and never commit. Automatic checks only
hold items and say why; a person makes every decision. Anything that touches safeguarding can
never be published.
"""

from engage.moderation.audit import (  # noqa: F401
    CSV_COLUMNS,
    AuditFilters,
    audit_csv_rows,
    audit_csv_rows_for,
    audit_page,
    item_history,
    person_history,
    record,
    record_case,
)
from engage.moderation.cases import (  # noqa: F401
    APPEAL_NOTE_MAX,
    NOTE_MAX,
    ModerationError,
    check_item,
    find_case,
    load_item,
    other_moderator_exists,
    run_checks,
    screen_item,
    withdraw_item,
)
from engage.moderation.dashboard import (  # noqa: F401
    Dashboard,
    dashboard,
)
from engage.moderation.decisions import (  # noqa: F401
    BulkResult,
    approve_item,
    approve_redacted,
    bulk_decide,
    escalate_item,
    handle_item,
    reject_item,
)
from engage.moderation.notifications import (  # noqa: F401
    mark_read,
    notify,
    user_notifications,
)
from engage.moderation.queue import (  # noqa: F401
    WAITING_CHOICES,
    QueueFilters,
    QueueRow,
    build_rows,
    held_text,
    queue_page,
    queue_size,
    safeguarding_page,
    safeguarding_size,
    target_hours,
)
from engage.moderation.reports import (  # noqa: F401
    appeal_rejection,
    appealable_case,
    report_counts,
    report_item,
)
from engage.moderation.sanctions import (  # noqa: F401
    ban_user,
    lift_sanction,
    suspend_user,
)
from engage.moderation.undo import (  # noqa: F401
    can_undo,
    latest_state_event,
    undo_event,
)
