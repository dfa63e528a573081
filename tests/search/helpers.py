"""Builders for search tests: content goes through the real services, which keep the index."""

import re
from datetime import date, timedelta

import sqlalchemy as sa

from engage.clock import today
from engage.comments.service import submit_comment
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from engage.proposals.service import ProposalData, create_proposal
from engage.search.models import SearchEntry
from tests.factories import make_priority, make_user

MARK_RE = re.compile(r"<mark>(.*?)</mark>", re.S)


def officer():
    return make_user(Role.OFFICER)


def proposal_data(title, priority_id, status=ProposalStatus.OPEN, **fields) -> ProposalData:
    """What an officer types on the proposal form."""
    return ProposalData(
        title=title,
        summary=fields.pop("summary", "Changing when the central library opens."),
        youth_summary=fields.pop("youth_summary", ""),
        body=fields.pop("body", "The full text of the proposal."),
        priority_id=priority_id,
        plan_id=None,
        who_decides="The Executive",
        opens_on=today() - timedelta(days=1),
        closes_on=fields.pop("closes_on", today() + timedelta(days=30)),
        decision_due=None,
        status=status,
        documents=[],
    )


def proposal(title="Library opening hours", status=ProposalStatus.OPEN, by=None, **fields):
    """A proposal made by an officer through the proposals service, committed."""
    priority = fields.pop("priority", None) or make_priority()
    made = create_proposal(by or officer(), proposal_data(title, priority.id, status, **fields))
    db.session.commit()
    return made


def comment(on, body, author=None):
    """A comment posted through the comment service (published for a verified adult)."""
    made = submit_comment(author or make_user(), on, body)
    db.session.commit()
    return made


def search(client, query, **args):
    """The results page for a query, as HTML."""
    response = client.get("/search", query_string={"q": query, **args})
    return response.status_code, response.get_data(as_text=True)


def marked(html: str) -> list[str]:
    """The words a results page highlights."""
    return MARK_RE.findall(html)


def indexed_words(kind: str, item_id: int) -> str | None:
    """What the index holds for an item (folded title and body), or None."""
    row = db.session.execute(
        sa.select(SearchEntry.title, SearchEntry.body).where(
            SearchEntry.kind == kind, SearchEntry.item_id == item_id
        )
    ).first()
    return None if row is None else f"{row[0]}\n{row[1]}"


def index_matches(word: str) -> int:
    """How many index rows the engine itself matches for a word (FTS5 or tsvector)."""
    if db.engine.dialect.name == "postgresql":
        return db.session.scalar(
            sa.text("SELECT count(*) FROM search_entry WHERE document @@ to_tsquery('simple', :w)"),
            {"w": f"'{word}'"},
        )
    return db.session.scalar(
        sa.text("SELECT count(*) FROM search_fts WHERE search_fts MATCH :w"), {"w": f'"{word}"'}
    )


def future(days=30) -> date:
    return today() + timedelta(days=days)
