"""Object rules for the analysis workspace and reports."""

from engage.permissions import can, object_rule


@object_rule("analysis.view_report")
def _view_report(user, report) -> bool:
    return report.is_published or can("analysis.manage", user=user)
