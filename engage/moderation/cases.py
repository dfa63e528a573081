"""Moderation cases: checking new text, holding it, and the rules every decision shares.

Operations take the acting user, flush and never commit.
"""

import sqlalchemy as sa
from sqlalchemy import func, select

from engage import events
from engage.clock import utcnow
from engage.errors import RuleError
from engage.extensions import db
from engage.i18n import _
from engage.moderation.audit import record_case
from engage.moderation.models import (
    DECISIONS,
    Action,
    CaseReason,
    CaseState,
    ItemState,
    ModerationCase,
    Report,
)
from engage.moderation.notifications import notify
from engage.moderation.registry import Source, get_source
from engage.permissions import GRANTS

# Events that change an item's state: only the latest of these on an item can be undone.
_STATE_CHANGES = frozenset(DECISIONS | {Action.HANDLE, Action.HIDE, Action.APPEAL, Action.UNDO})
APPEAL_NOTE_MAX = 1000
NOTE_MAX = 2000


class ModerationError(RuleError):
    """A moderation rule was broken; the message is shown, with the form field it belongs to."""


# Automatic checks -----------------------------------------------------------------------------


def run_checks(text: str) -> list:
    """The automatic checks' flags for a text (personal details, abuse, safeguarding risk)."""
    from engage.moderation import checks  # written alongside; imported late so the app loads first

    return checks.check_text(text or "")


def check_item(source: str, item) -> list:
    """The automatic checks' flags for an item's words; the item need not be written yet."""
    return run_checks(get_source(source).text(item))


def _flag_dicts(flags) -> list[dict]:
    return [{"category": str(f.category), "kind": f.kind} for f in flags]


def _categories_string(case: ModerationCase) -> str | None:
    return ",".join(case.categories) or None


def _apply_flags(case: ModerationCase, flags) -> None:
    cats = {str(f.category) for f in flags}
    case.flags = _flag_dicts(flags)
    case.flag_personal = "personal_details" in cats
    case.flag_abuse = "abuse" in cats
    case.flag_risk = "risk" in cats
    if case.flag_risk:
        case.safeguarding = True


# Cases and the record -------------------------------------------------------------------------


def find_case(source: str, item_id: int) -> ModerationCase | None:
    """The moderation case of an item, if it ever had one."""
    return db.session.scalar(
        select(ModerationCase).where(
            ModerationCase.source == source, ModerationCase.item_id == item_id
        )
    )


def _copy_item_facts(case: ModerationCase, src: Source, item) -> None:
    # A source may load what its item belongs to (a comment's proposal): that must not flush a
    # case still being filled in.
    with db.session.no_autoflush:
        case.author_id = src.author_id(item)
        case.priority_id = src.priority_id(item)
        case.language = src.language(item)
        case.by_young_person = src.by_young_person(item)
        case.date_only = src.date_only(item)


def _item_params(case: ModerationCase, src: Source, item) -> dict:
    return {"source": case.source, "item_id": case.item_id, "title": src.context(item).title}


def _open(case: ModerationCase, reason: CaseReason, restart_clock: bool = True) -> None:
    """Put the case (back) in its queue; new text or reports restart its clock.

    Undo and appeal keep the original arrival time (restart_clock=False): the item has waited
    since then, so it keeps its place in the queue and its "past the time limit" standing.
    """
    was_open = case.is_open
    case.reason = reason
    case.state = CaseState.SAFEGUARDING if case.safeguarding else CaseState.WAITING
    if not was_open:
        if restart_clock:
            case.held_at = case.stamp()
        case.decided_at = None


def screen_item(source: str, item, flags: list | None = None) -> ModerationCase | None:
    """Run the automatic checks on new or changed text and hold it for a person if needed.

    Young people's items arrive held; adults' are held only when a check flags them. A risk flag
    sends the item to the safeguarding queue. Checks never publish or reject anything. Returns
    the item's case if it is held (an item that is not held needs no case looked up). `flags`
    are the checks' flags when the caller ran them on these words already (`check_item`).
    """
    src = get_source(source)
    if flags is None:
        flags = check_item(source, item)
    state = src.state(item)
    if state == ItemState.PUBLISHED and flags:
        src.set_state(item, ItemState.HELD, "automatic_check")
        state = ItemState.HELD
    if state != ItemState.HELD:
        return None
    case = find_case(source, item.id)
    if case is None:
        case = ModerationCase(source=source, item_id=item.id, flags=[])
        db.session.add(case)
    _copy_item_facts(case, src, item)
    _apply_flags(case, flags)
    was_safeguarding = case.state in {CaseState.SAFEGUARDING, CaseState.HANDLED}
    reason = CaseReason.YOUNG_PERSON if case.by_young_person else CaseReason.AUTOMATIC_CHECK
    _open(case, reason)
    db.session.flush()
    record_case(
        None,
        Action.HOLD,
        case,
        reason=reason.value,
        before_text=src.text(item),
        to_status=ItemState.HELD.value,
        flags=_categories_string(case),
    )
    if case.safeguarding and not was_safeguarding:
        notify(case.author_id, "held_help", **_item_params(case, src, item))
        events.safeguarding_raised.send(case)
    return case


def withdraw_item(source: str, item) -> None:
    """The author deleted an item: it leaves the moderators' queue (never the safeguarding one)."""
    case = find_case(source, item.id)
    if case is not None and case.state == CaseState.WAITING:
        case.state = CaseState.WITHDRAWN
        db.session.flush()


def load_item(case: ModerationCase):
    """The adapter and the item behind a case; a vanished item is an error."""
    src = get_source(case.source)
    item = src.load(case.item_id) if src else None
    if item is None:
        raise ModerationError(_("This item no longer exists."))
    return src, item


def _waited(case: ModerationCase) -> int:
    return int((utcnow() - case.held_at).total_seconds())


def _resolve_reports(case: ModerationCase) -> None:
    db.session.execute(
        sa.update(Report)
        .where(
            Report.source == case.source, Report.item_id == case.item_id, Report.resolved.is_(False)
        )
        .values(resolved=True)
    )


def _moderator_roles():
    return GRANTS["moderation.review"]


def other_moderator_exists(actor) -> bool:
    """Whether someone other than `actor` can moderate (so an appeal can go to them)."""
    from engage.accounts.models import User

    return bool(
        db.session.scalar(
            select(func.count())
            .select_from(User)
            .where(
                User.role.in_(list(_moderator_roles())),
                User.id != actor.id,
                User.banned.is_(False),
            )
        )
    )


def _check_decidable(actor, case: ModerationCase) -> None:
    if case.safeguarding:
        raise ModerationError(
            _("This item is with the safeguarding lead. It can never be published.")
        )
    if case.state != CaseState.WAITING:
        raise ModerationError(_("This item has already been decided."))
    if (
        case.reason == CaseReason.APPEAL
        and case.appeal_against_id == actor.id
        and other_moderator_exists(actor)
    ):
        raise ModerationError(
            _("This is an appeal against your decision: another moderator decides it.")
        )


def _decide(actor, case: ModerationCase, state: CaseState = CaseState.DECIDED) -> int:
    waited = _waited(case)
    case.state = state
    case.decided_at = case.stamp()
    case.decided_by_id = actor.id
    return waited


def _clean_note(note: str | None) -> str | None:
    note = (note or "").strip()
    if len(note) > NOTE_MAX:
        raise ModerationError(
            _("The note must be %(limit)d characters or fewer", limit=NOTE_MAX), "note"
        )
    return note or None
