"""Atom 1.0 feeds of a priority's public proposals and of published outcomes.

Built with ElementTree, so every title and summary is escaped by the serialiser, never by hand.
Links and ids are absolute, from BASE_URL, so a feed read elsewhere (a feed reader, the council's
own website) points back here, and an entry keeps its id whatever host served it.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from xml.etree import ElementTree as ET  # nosec B405 - writes XML only, never parses it

import sqlalchemy as sa
from sqlalchemy import select

from engage.extensions import db
from engage.i18n import _, current_locale, translated_with_lang
from engage.proposals.models import Priority, Proposal, ProposalStatus
from engage.urls import external_url

ATOM_NS = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CONTENT_TYPE = "application/atom+xml; charset=utf-8"
FEED_SIZE = 50
# Atom requires <updated>; a feed with no entries yet has changed at no known time.
NEVER = datetime(2000, 1, 1, tzinfo=UTC)

ET.register_namespace("", ATOM_NS)


@dataclass
class Entry:
    """One entry: its id and link, title and summary with their languages, and dates."""

    id: str
    link: str
    title: tuple[str, str]
    summary: tuple[str, str]
    updated: datetime
    published: datetime


def _utc(moment: datetime | None) -> datetime:
    if moment is None:
        return NEVER
    # Stored datetimes are naive UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def _proposal_entry(proposal: Proposal) -> Entry:
    url = external_url("proposals.proposal", proposal_id=proposal.id)
    published = _utc(proposal.opens_at or proposal.created_at)
    return Entry(
        id=url,
        link=url,
        title=translated_with_lang(proposal, "title"),
        summary=translated_with_lang(proposal, "summary"),
        updated=max(_utc(proposal.updated_at), published),
        published=published,
    )


def _outcome_entry(proposal: Proposal) -> Entry:
    url = external_url("proposals.proposal", proposal_id=proposal.id, _anchor="outcome")
    title, lang = translated_with_lang(proposal, "title")
    decided = _utc(proposal.decided_at or proposal.updated_at)
    return Entry(
        id=url,
        link=url,
        # The label is in the reader's language; the title inside it may be English.
        title=(_("You said, we did: %(title)s", title=title), current_locale().code),
        summary=translated_with_lang(proposal, "outcome_we_did"),
        updated=max(_utc(proposal.updated_at), decided),
        published=decided,
    )


def priority_entries(priority: Priority) -> list[Entry]:
    """A priority's public proposals and their published outcomes, newest first."""
    proposals = db.session.scalars(
        select(Proposal)
        .where(Proposal.priority_id == priority.id, Proposal.status != ProposalStatus.DRAFT)
        .order_by(Proposal.updated_at.desc(), Proposal.id.desc())
        .limit(FEED_SIZE)
    )
    entries = []
    for proposal in proposals:
        entries.append(_proposal_entry(proposal))
        if proposal.status == ProposalStatus.DECIDED:
            entries.append(_outcome_entry(proposal))
    return _newest_first(entries)[:FEED_SIZE]


def outcome_entries() -> list[Entry]:
    """Every published "You said, we did", newest first."""
    decided = sa.func.coalesce(Proposal.decided_at, Proposal.updated_at)
    proposals = db.session.scalars(
        select(Proposal)
        .where(Proposal.status == ProposalStatus.DECIDED)
        .order_by(decided.desc(), Proposal.id.desc())
        .limit(FEED_SIZE)
    )
    return _newest_first([_outcome_entry(p) for p in proposals])


def _newest_first(entries: list[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.updated, e.id), reverse=True)


def _text(parent: ET.Element, tag: str, value: tuple[str, str], feed_lang: str) -> None:
    text, lang = value
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{tag}", type="text")
    if lang != feed_lang:
        element.set(XML_LANG, lang)
    element.text = text


def render_feed(title: str, page_url: str, self_url: str, entries: list[Entry]) -> bytes:
    """The Atom document for `entries`, in the reader's language, as UTF-8 bytes."""
    lang = current_locale().code
    feed = ET.Element(f"{{{ATOM_NS}}}feed", {XML_LANG: lang})
    ET.SubElement(feed, f"{{{ATOM_NS}}}id").text = self_url.split("?", 1)[0]
    _text(feed, "title", (title, lang), lang)
    updated = max((entry.updated for entry in entries), default=NEVER)
    ET.SubElement(feed, f"{{{ATOM_NS}}}updated").text = _stamp(updated)
    author = ET.SubElement(feed, f"{{{ATOM_NS}}}author")
    ET.SubElement(author, f"{{{ATOM_NS}}}name").text = _("Engage Luton")
    ET.SubElement(feed, f"{{{ATOM_NS}}}link", rel="self", type=CONTENT_TYPE.split(";")[0]).set(
        "href", self_url
    )
    ET.SubElement(feed, f"{{{ATOM_NS}}}link", rel="alternate", type="text/html").set(
        "href", page_url
    )
    for item in entries:
        entry = ET.SubElement(feed, f"{{{ATOM_NS}}}entry")
        ET.SubElement(entry, f"{{{ATOM_NS}}}id").text = item.id
        _text(entry, "title", item.title, lang)
        ET.SubElement(entry, f"{{{ATOM_NS}}}link", rel="alternate", type="text/html").set(
            "href", item.link
        )
        ET.SubElement(entry, f"{{{ATOM_NS}}}published").text = _stamp(item.published)
        ET.SubElement(entry, f"{{{ATOM_NS}}}updated").text = _stamp(item.updated)
        if item.summary[0]:
            _text(entry, "summary", item.summary, lang)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
