"""Boards and plans: reading them for their pages, and staff's changes. Flushes, never commits."""

from dataclasses import dataclass, field
from functools import cache

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import selectinload

from engage.errors import RuleError
from engage.extensions import db
from engage.i18n import _
from engage.proposals.models import (
    Board,
    Plan,
    Priority,
    Proposal,
    ProposalStatus,
    plan_priority,
)

NAME_MAX = 120
DESCRIPTION_MAX = 4000


class PlanError(RuleError):
    """A rule about boards and plans was broken; shown next to the field it names."""


def list_boards() -> list[Board]:
    """Every board with its plans and the priorities each plan serves."""
    return list(
        db.session.scalars(
            select(Board)
            .options(selectinload(Board.plans).selectinload(Plan.priorities))
            .order_by(Board.name)
        )
    )


def load_board(board_id: int) -> Board | None:
    """A board with its plans."""
    return db.session.get(
        Board, board_id, options=[selectinload(Board.plans).selectinload(Plan.priorities)]
    )


def load_plan(plan_id: int) -> Plan | None:
    """A plan with its board and priorities."""
    return db.session.get(
        Plan, plan_id, options=[selectinload(Plan.board), selectinload(Plan.priorities)]
    )


def plan_proposals(plan: Plan) -> list[Proposal]:
    """The plan's public proposals, newest first."""
    return list(
        db.session.scalars(
            select(Proposal)
            .where(Proposal.plan_id == plan.id, Proposal.status != ProposalStatus.DRAFT)
            .order_by(Proposal.created_at.desc(), Proposal.id.desc())
        )
    )


@cache
def _plans_for_priority():
    # Built once: every priority page asks.
    return (
        select(Plan)
        .join(plan_priority, plan_priority.c.plan_id == Plan.id)
        .where(plan_priority.c.priority_id == bindparam("priority_id"))
        .order_by(Plan.id)
    )


def plans_for_priority(priority_id: int) -> list[Plan]:
    """The plans serving one priority, oldest first, in one query (for the priority's page)."""
    return list(db.session.scalars(_plans_for_priority(), {"priority_id": priority_id}))


@dataclass
class BoardData:
    name: str
    description: str


@dataclass
class PlanData:
    name: str
    description: str
    board_id: int
    priority_ids: list[int] = field(default_factory=list)


def _check_name(model, name: str, own_id: int | None) -> str:
    name = (name or "").strip()
    if not name:
        raise PlanError(_("Enter a name"), "name")
    if len(name) > NAME_MAX:
        raise PlanError(_("The name must be %(limit)d characters or fewer", limit=NAME_MAX), "name")
    clash = db.session.scalar(
        select(func.count()).select_from(model).where(model.name == name, model.id != (own_id or 0))
    )
    if clash:
        raise PlanError(_("Another one already has this name"), "name")
    return name


def _check_description(text: str) -> str:
    text = (text or "").strip()
    if len(text) > DESCRIPTION_MAX:
        raise PlanError(
            _("The description must be %(limit)d characters or fewer", limit=DESCRIPTION_MAX),
            "description",
        )
    return text


def save_board(user, board: Board | None, data: BoardData) -> Board:
    """Create a board, or change one's name and description."""
    name = _check_name(Board, data.name, board.id if board else None)
    description = _check_description(data.description)
    if board is None:
        board = Board(name=name, description=description)
        db.session.add(board)
    else:
        board.name, board.description = name, description
    db.session.flush()
    db.session.info["engage_content_changed"] = True
    return board


def save_plan(user, plan: Plan | None, data: PlanData) -> Plan:
    """Create a plan, or change its name, description, board and the priorities it serves."""
    name = _check_name(Plan, data.name, plan.id if plan else None)
    description = _check_description(data.description)
    board = db.session.get(Board, data.board_id or 0)
    if board is None:
        raise PlanError(_("Choose the board that delivers it"), "board_id")
    priorities = list(
        db.session.scalars(select(Priority).where(Priority.id.in_(data.priority_ids or [])))
    )
    if plan is None:
        plan = Plan(name=name)
        db.session.add(plan)
    plan.name, plan.description, plan.board = name, description, board
    plan.priorities = priorities
    db.session.flush()
    db.session.info["engage_content_changed"] = True
    return plan
