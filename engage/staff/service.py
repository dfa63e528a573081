"""Staff accounts: invitations, role changes, suspension, deactivation and second-factor resets.

Every change is recorded (who, whom, when, why) in staff_event and in the security log, and every
change that takes access away ends the person's sessions at once.
"""

import hashlib
import secrets
from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from engage.accounts import mfa
from engage.accounts.models import STAFF_ROLES, AccessState, AgeBand, Connection, User
from engage.accounts.service import normalise_email, register_resident
from engage.accounts.sessions import end_sessions
from engage.clock import utcnow
from engage.errors import RuleError
from engage.extensions import db
from engage.i18n import _
from engage.mail import send_email
from engage.ops.security_log import log_security_event
from engage.permissions import Role
from engage.staff.models import StaffAction, StaffEvent, StaffInvite
from engage.urls import external_url

REASON_MAX = 500


class StaffError(RuleError):
    """A rule about staff accounts was broken; the message is shown to the administrator."""


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def record_event(actor, action: StaffAction, target, reason: str, detail: str | None = None):
    """Keep who did what to whom, when and why, and write it to the security log."""
    event = StaffEvent(
        action=action,
        actor_id=actor.id if actor else None,
        target_id=target.id if target else None,
        reason=reason,
        detail=detail,
    )
    db.session.add(event)
    db.session.flush()
    log_security_event(
        f"staff.{action.value}",
        target.id if target else None,
        actor_id=actor.id if actor else None,
        detail=detail,
    )
    return event


def staff_members() -> list[User]:
    """Every staff account, whatever its state, by role then sign-in name."""
    return list(
        db.session.scalars(
            select(User).where(User.role.in_(list(STAFF_ROLES))).order_by(User.role, User.email)
        )
    )


def open_invites() -> list[StaffInvite]:
    """Invitations not yet used and not yet expired."""
    return list(
        db.session.scalars(
            select(StaffInvite)
            .where(StaffInvite.used_at.is_(None), StaffInvite.expires_at > utcnow())
            .order_by(StaffInvite.created_at.desc())
        )
    )


def staff_history(user: User) -> list[StaffEvent]:
    """The changes made to one staff account, newest first."""
    return list(
        db.session.scalars(
            select(StaffEvent)
            .where(StaffEvent.target_id == user.id)
            .order_by(StaffEvent.created_at.desc(), StaffEvent.id.desc())
        )
    )


def _reason(reason: str | None) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise StaffError(_("Say why"), "reason")
    if len(reason) > REASON_MAX:
        raise StaffError(_("The reason must be %(count)d characters or fewer", count=REASON_MAX))
    return reason


def _staff_role(role) -> Role:
    try:
        role = Role(role)
    except ValueError:
        role = None
    if role not in STAFF_ROLES:
        raise StaffError(_("Choose a staff role"), "role")
    return role


def invite_staff(actor: User, email: str, role, reason: str) -> str:
    """Email a single-use link that lets a new colleague make their staff account."""
    role = _staff_role(role)
    reason = _reason(reason)
    email = normalise_email(email)
    if db.session.scalar(select(User.id).where(User.email == email)):
        raise StaffError(_("An account with this email address already exists."), "email")
    token = secrets.token_urlsafe(32)
    hours = current_app.config["STAFF_INVITE_HOURS"]
    invite = StaffInvite(
        email=email,
        role=role,
        token_hash=_hash_token(token),
        invited_by_id=actor.id,
        expires_at=utcnow() + timedelta(hours=hours),
    )
    db.session.add(invite)
    db.session.flush()
    record_event(actor, StaffAction.INVITED, None, reason, detail=f"invite {invite.id}: {role}")
    url = external_url("staff.join", token=token)
    # In the inviting administrator's language: nothing is known of the invitee's yet.
    send_email(
        email,
        _("You are invited to Engage Luton"),
        _(
            "You have been invited to join Engage Luton as a member of staff.\n\n"
            "To make your account, open this link within %(hours)d hours. It works once:\n"
            "%(url)s\n\n"
            "You will set a password, then set up an authenticator app on your phone.\n"
            "If you did not expect this, ignore this email.",
            hours=hours,
            url=url,
        ),
    )
    return token


def invite_for_token(token: str) -> StaffInvite | None:
    """The usable invitation this link belongs to, or None (unknown, used or expired)."""
    invite = db.session.scalar(
        select(StaffInvite).where(StaffInvite.token_hash == _hash_token(token or ""))
    )
    if invite is None or not invite.is_usable():
        return None
    return invite


def accept_invite(invite: StaffInvite, password: str, display_name: str | None) -> User:
    """Make the invited colleague's account; the link then stops working."""
    if not invite.is_usable():
        raise StaffError(_("This invitation has already been used or has expired."))
    invite.used_at = utcnow()
    user = register_resident(
        email=invite.email,
        password=password,
        age_band=AgeBand.PREFER_NOT,
        connection=Connection.WORK,
        display_name=display_name,
        role=Role(invite.role),
        verified=True,  # the invitation link reached this address
    )
    record_event(
        user, StaffAction.JOINED, user, _("Accepted an invitation"), detail=str(invite.role)
    )
    return user


def _check_target(actor: User, user: User) -> None:
    if user.id == actor.id:
        raise StaffError(_("Ask another administrator to change your own account."))
    if not user.is_staff:
        raise StaffError(_("This is not a staff account."))
    if AccessState(user.access) == AccessState.DEACTIVATED:
        raise StaffError(_("This account has been deactivated."))


def change_role(actor: User, user: User, role, reason: str) -> None:
    """Give a colleague another staff role; their sessions end so it applies at once."""
    _check_target(actor, user)
    role = _staff_role(role)
    reason = _reason(reason)
    if role == user.role:
        raise StaffError(_("This account already has that role."), "role")
    before = user.role
    user.role = role
    end_sessions(user, "role_changed")
    record_event(actor, StaffAction.ROLE_CHANGED, user, reason, detail=f"{before} -> {role}")


def suspend_staff(actor: User, user: User, reason: str) -> None:
    """Stop a colleague signing in until reinstated; their sessions end now."""
    _check_target(actor, user)
    reason = _reason(reason)
    if AccessState(user.access) != AccessState.ACTIVE:
        raise StaffError(_("This account is already suspended."))
    user.access = AccessState.SUSPENDED
    end_sessions(user, "suspended")
    record_event(actor, StaffAction.SUSPENDED, user, reason)


def reinstate_staff(actor: User, user: User, reason: str) -> None:
    """Let a suspended colleague sign in again."""
    _check_target(actor, user)
    reason = _reason(reason)
    if AccessState(user.access) != AccessState.SUSPENDED:
        raise StaffError(_("This account is not suspended."))
    user.access = AccessState.ACTIVE
    db.session.flush()
    record_event(actor, StaffAction.REINSTATED, user, reason)


def deactivate_staff(actor: User, user: User, reason: str) -> None:
    """Close a colleague's access for good (they left); their sessions end now."""
    _check_target(actor, user)
    reason = _reason(reason)
    user.access = AccessState.DEACTIVATED
    end_sessions(user, "deactivated")
    record_event(actor, StaffAction.DEACTIVATED, user, reason)


def reset_staff_mfa(actor: User, user: User, reason: str) -> None:
    """Remove a colleague's second factor (a lost phone): they set it up again at next sign-in."""
    _check_target(actor, user)
    reason = _reason(reason)
    mfa.reset_mfa(user)
    record_event(actor, StaffAction.MFA_RESET, user, reason)


ACTIONS = {
    "role": change_role,
    "suspend": suspend_staff,
    "reinstate": reinstate_staff,
    "deactivate": deactivate_staff,
    "reset_mfa": reset_staff_mfa,
}


def apply_action(actor: User, user: User, action: str, reason: str, role=None) -> None:
    """Carry out one of the actions on the staff member page."""
    if action == "role":
        change_role(actor, user, role, reason)
    elif action in ACTIONS:
        ACTIONS[action](actor, user, reason)
    else:
        raise StaffError(_("Choose what to do"), "action")
