"""Roles and named permissions: the one place that says who may do what.

Routes and services ask `can("comment.edit", comment)` or decorate with `@require(...)`;
templates ask `can(...)`. Nothing else looks at a role.
"""

import enum
from collections.abc import Callable
from functools import wraps

from flask import abort
from flask.globals import _cv_app
from flask_login import current_user
from werkzeug.exceptions import Forbidden

from engage.i18n import _l
from engage.ops.security_log import log_security_event


class Role(enum.StrEnum):
    RESIDENT = "resident"
    YOUNG_PERSON = "young_person"
    MODERATOR = "moderator"
    SAFEGUARDING_LEAD = "safeguarding_lead"
    OFFICER = "officer"
    ADMIN = "admin"


ANYONE = "anyone"  # includes people who are not signed in
_EVERY_ROLE = frozenset(Role)
_STAFF = frozenset({Role.OFFICER, Role.ADMIN})
_MODERATORS = frozenset({Role.MODERATOR, Role.SAFEGUARDING_LEAD, Role.ADMIN})

# Permission name -> the roles granted it. Object rules (ownership, open/closed) live beside each
# feature in engage/<feature>/permissions.py and are registered with @object_rule.
GRANTS: dict[str, frozenset[Role] | str] = {
    "proposal.view": ANYONE,
    "proposal.view_unpublished": _STAFF,
    "proposal.manage": _STAFF,
    "priority.manage": _STAFF,
    "comment.create": _EVERY_ROLE,
    "comment.reply": _EVERY_ROLE,
    "comment.edit": _EVERY_ROLE,
    "comment.delete": _EVERY_ROLE,
    "comment.view_held": _MODERATORS,
    "vote.cast": frozenset({Role.RESIDENT, Role.YOUNG_PERSON}),
    "account.change_password": _EVERY_ROLE,
    "contributions.view": _EVERY_ROLE,
    "contributions.delete": _EVERY_ROLE,
    "account.delete": frozenset({Role.RESIDENT, Role.YOUNG_PERSON}),
    "moderation.review": _MODERATORS,
    "safeguarding.review": frozenset({Role.SAFEGUARDING_LEAD, Role.ADMIN}),
    "moderation.sanction": _MODERATORS,
    "moderation.audit": _MODERATORS,
    "moderation.audit_export": frozenset({Role.ADMIN}),
    "comment.report": _EVERY_ROLE,
    "notification.view": _EVERY_ROLE,
    "moderation.appeal": _EVERY_ROLE,
    "user.manage": frozenset({Role.ADMIN}),
    "privacy.subject_access": frozenset({Role.ADMIN}),
    "staff.area": _STAFF | _MODERATORS,
    "content.translate": _STAFF,
    "survey.view": ANYONE,
    "survey.take": ANYONE,
    "survey.view_results": ANYONE,
    "survey.manage": _STAFF,
    "survey.results": _STAFF,
    "notification.settings": _EVERY_ROLE,
    "notification.follow": _EVERY_ROLE,
    "jobs.manage": frozenset({Role.ADMIN}),
    "idea.view": ANYONE,
    "idea.view_held": _MODERATORS,
    "idea.suggest": frozenset({Role.RESIDENT, Role.YOUNG_PERSON}),
    "idea.back": frozenset({Role.RESIDENT, Role.YOUNG_PERSON}),
    "idea.comment": _EVERY_ROLE,
    "idea.comment_delete": _EVERY_ROLE,
    "idea.report": _EVERY_ROLE,
    "idea.answer": _STAFF,
    "plan.manage": _STAFF,
    "analysis.manage": _STAFF,
    "analysis.view_report": ANYONE,
    "search.use": ANYONE,
    # Drafts (proposals, surveys) turn up in search only for staff who may see them.
    "search.view_unpublished": _STAFF,
}

_OBJECT_RULES: dict[str, Callable[[object, object], bool]] = {}


class Refused:
    """An object rule's no that says why, where the person could once do it: the thing closed,
    or its time ran out while they were typing. Falsy, so can() and templates read it as no."""

    __slots__ = ("reason",)

    def __init__(self, reason) -> None:
        self.reason = reason

    def __bool__(self) -> bool:
        return False


class NotAllowed(Forbidden):
    """The 403 authorize() raises, carrying the reason the person is told (None: no reason)."""

    def __init__(self, reason=None) -> None:
        super().__init__()
        self.reason = reason


_BLOCKED = _l("Your account cannot post, reply or vote at the moment.")


def object_rule(name: str):
    """Register the object-level check for a permission (who owns it, is it still open...)."""
    if name not in GRANTS:
        raise KeyError(f"unknown permission {name!r}")

    def decorator(func):
        _OBJECT_RULES[name] = func
        return func

    return decorator


def user_roles(user) -> frozenset[Role]:
    """The roles a user holds; anonymous visitors hold none."""
    if user is None or not getattr(user, "is_authenticated", False):
        return frozenset()
    return frozenset({Role(user.role)})


def reader():
    """current_user, resolved: Flask-Login keeps it on `g` once loaded (and a page's shell puts
    its audience's stand-in there), so it is read from there without the proxy's lookups; a
    page of comments asks several questions per comment."""
    ctx = _cv_app.get(None)
    user = None if ctx is None else ctx.g.__dict__.get("_login_user")
    return current_user._get_current_object() if user is None else user


def can(name: str, obj=None, user=None) -> bool:
    """True if the user (default: the current user) may do `name`, to `obj` where given."""
    user = reader() if user is None else user
    if not may_ever(name, user):
        return False
    if name in _POSTING and getattr(user, "is_blocked", False):
        return False
    rule = _OBJECT_RULES.get(name)
    if rule is not None and obj is not None:
        return bool(rule(user, obj))
    return True


def may_ever(name: str, user=None) -> bool:
    """False when the user's roles do not grant `name`: then can(name, obj) is False for any obj."""
    user = reader() if user is None else user
    granted = GRANTS[name]
    return granted == ANYONE or bool(user_roles(user) & granted)


# Suspended or banned people may still read and manage their own account.
_POSTING = frozenset(
    {
        "comment.create",
        "comment.reply",
        "comment.edit",
        "vote.cast",
        "idea.suggest",
        "idea.back",
        "idea.comment",
    }
)


def why_not(name: str, obj=None, user=None):
    """The reason to give a person refused `name` (lazy text), or None where there is none."""
    user = reader() if user is None else user
    if not may_ever(name, user):
        return None
    if name in _POSTING and getattr(user, "is_blocked", False):
        return _BLOCKED
    rule = _OBJECT_RULES.get(name)
    answer = rule(user, obj) if rule is not None and obj is not None else True
    return answer.reason if isinstance(answer, Refused) else None


def authorize(name: str, obj=None) -> None:
    """Abort with 401 (not signed in) or 403 unless the current user may do `name`."""
    if can(name, obj):
        return
    if not current_user.is_authenticated and GRANTS[name] != ANYONE:
        abort(401)
    log_security_event("access.refused", getattr(current_user, "id", None), permission=name)
    raise NotAllowed(why_not(name, obj))


def require(name: str):
    """Route decorator: the current user must hold permission `name`."""

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            authorize(name)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def init_app(app) -> None:
    """Make can() available to every template."""
    app.jinja_env.globals["can"] = can
