"""Security events as structured log lines: what happened and to which account id, nothing more.

ASVS V7 asks for sign-ins, MFA, role and staff changes, exports and refusals to be logged, without
personal data or secrets: each line carries the event name, the acting and target user ids and a few
plain fields (never a token, a password, an email address or a link that signs someone in).
"""

import logging

security_log = logging.getLogger("engage.security")


def log_security_event(event: str, user_id: int | None = None, **fields) -> None:
    """Write one `security` log line for `event` (e.g. "sign_in.failed") about account `user_id`."""
    entry = {"event": event, "user_id": user_id}
    entry.update({k: v for k, v in fields.items() if v is not None})
    security_log.info("security %s user=%s", event, user_id, extra={"fields": entry})
