"""Staff second factor: TOTP (RFC 6238) with ten one-time recovery codes.

Codes are checked against the step before and after now (clock drift), and a step once accepted is
never accepted again, so a code seen over someone's shoulder cannot be replayed. Recovery codes are
random (50 bits), so a SHA-256 hash is enough to keep them; each works once.
"""

import hashlib
import hmac
import re
import secrets

import pyotp
import segno
from sqlalchemy import delete, func, select

from engage.accounts.models import MfaRecoveryCode, User
from engage.accounts.sessions import end_sessions, now_seconds
from engage.clock import utcnow
from engage.extensions import db
from engage.ops.security_log import log_security_event

ISSUER = "Engage Luton"
STEP_SECONDS = 30
RECOVERY_CODE_COUNT = 10
_DIGITS = re.compile(r"^\d{6}$")


def start_enrolment(user: User) -> str:
    """Give the account a new secret to confirm (kept if enrolment is already under way)."""
    if not user.totp_secret or user.has_mfa:
        user.totp_secret = pyotp.random_base32()
        user.mfa_enrolled_at = None
        user.totp_last_step = None
        db.session.flush()
        log_security_event("mfa.enrolment_started", user.id)
    return user.totp_secret


def provisioning_uri(user: User) -> str:
    """The otpauth:// address an authenticator app reads from the QR code."""
    return pyotp.TOTP(user.totp_secret).provisioning_uri(
        name=user.login_name or str(user.id), issuer_name=ISSUER
    )


def qr_data_uri(text: str) -> str:
    """A QR code drawn here as SVG, as a data: URI (no third-party request, allowed by the CSP)."""
    return segno.make(text, error="m").svg_data_uri(scale=5, border=4, dark="#0b0c0c")


def grouped_secret(secret: str) -> str:
    """The secret in groups of four letters, easier to type by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _current_step() -> int:
    return now_seconds() // STEP_SECONDS


def verify_totp(user: User, code: str) -> bool:
    """True for a current code not used before; records its step so it cannot be reused."""
    code = re.sub(r"\s", "", code or "")
    if not user.totp_secret or not _DIGITS.match(code):
        return False
    totp = pyotp.TOTP(user.totp_secret)
    now = _current_step()
    last = user.totp_last_step if user.totp_last_step is not None else -1
    for step in (now - 1, now, now + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            if step <= last:
                log_security_event("mfa.code_reused", user.id)
                return False
            user.totp_last_step = step
            db.session.flush()
            return True
    return False


def next_usable_code(user: User) -> str | None:
    """The code verify_totp would take now: this step's, or the next once this one is used."""
    if not user.totp_secret:
        return None
    now = _current_step()
    last = user.totp_last_step if user.totp_last_step is not None else -1
    step = max(now, last + 1)
    return pyotp.TOTP(user.totp_secret).generate_otp(step) if step <= now + 1 else None


def _hash_code(code: str) -> str:
    normal = re.sub(r"[^0-9A-Z]", "", (code or "").upper())
    return hashlib.sha256(normal.encode()).hexdigest()


def new_recovery_codes(user: User) -> list[str]:
    """Replace the account's recovery codes with ten new ones, returned once to show."""
    db.session.execute(delete(MfaRecoveryCode).where(MfaRecoveryCode.user_id == user.id))
    codes = []
    for _n in range(RECOVERY_CODE_COUNT):
        raw = secrets.token_hex(5).upper()
        codes.append(f"{raw[:5]}-{raw[5:]}")
        db.session.add(MfaRecoveryCode(user_id=user.id, code_hash=_hash_code(raw)))
    db.session.flush()
    log_security_event("mfa.recovery_codes_made", user.id)
    return codes


def use_recovery_code(user: User, code: str) -> bool:
    """True if the code is one of the account's unused recovery codes; it is then used up."""
    row = db.session.scalar(
        select(MfaRecoveryCode).where(
            MfaRecoveryCode.user_id == user.id,
            MfaRecoveryCode.code_hash == _hash_code(code),
            MfaRecoveryCode.used_at.is_(None),
        )
    )
    if row is None:
        return False
    row.used_at = utcnow()
    db.session.flush()
    log_security_event("mfa.recovery_code_used", user.id, left=recovery_codes_left(user))
    return True


def recovery_codes_left(user: User) -> int:
    """How many unused recovery codes the account has."""
    return db.session.scalar(
        select(func.count())
        .select_from(MfaRecoveryCode)
        .where(MfaRecoveryCode.user_id == user.id, MfaRecoveryCode.used_at.is_(None))
    )


def confirm_enrolment(user: User, code: str) -> list[str] | None:
    """Finish enrolment with a first code; returns the recovery codes, or None if it was wrong."""
    if not verify_totp(user, code):
        log_security_event("mfa.enrolment_failed", user.id)
        return None
    user.mfa_enrolled_at = utcnow()
    codes = new_recovery_codes(user)
    log_security_event("mfa.enrolled", user.id)
    return codes


def check_second_factor(user: User, code: str) -> bool:
    """True for a fresh authenticator code or an unused recovery code."""
    ok = verify_totp(user, code) or use_recovery_code(user, code)
    log_security_event("mfa.verified" if ok else "mfa.failed", user.id)
    return ok


def reset_mfa(user: User) -> None:
    """Remove the account's second factor: it must enrol again at its next sign-in."""
    user.totp_secret = None
    user.mfa_enrolled_at = None
    user.totp_last_step = None
    db.session.execute(delete(MfaRecoveryCode).where(MfaRecoveryCode.user_id == user.id))
    end_sessions(user, "mfa_reset")
    log_security_event("mfa.reset", user.id)
