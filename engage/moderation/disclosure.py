"""Help at the moment a child discloses: support links shown once, on the page after posting.

When a young person's words match a safeguarding risk, the page after they post shows a short,
kind message with the help that fits what they wrote about. It never says their words were
flagged: it reads the same as a general "if anything is worrying you" note. The choice travels in
the signed session cookie for one page only, as link names (never the kind of risk), and a page
showing it is never cached by the page cache, the browser or anything in between.
"""

from flask import g, session
from sqlalchemy import select

from engage.extensions import db
from engage.moderation.models import ModerationCase

SESSION_KEY = "engage_help"

# The help services, in the order they are shown. Emergency (999) is always shown.
LINKS = ("childline", "shout", "the_mix")
EMERGENCY = "emergency"

# The services most relevant to each kind of risk the automatic checks find.
KIND_LINKS: dict[str, tuple[str, ...]] = {
    "suicide": ("shout", "childline", "the_mix"),
    "self_harm": ("childline", "shout", "the_mix"),
    "abuse_disclosure": ("childline", "shout"),
    "bullying": ("childline", "the_mix"),
    "running_away": ("childline", "the_mix"),
}


def links_for(kinds) -> list[str]:
    """The help links for these kinds of risk, most relevant first; every link when unknown."""
    chosen: list[str] = []
    for kind in kinds:
        for link in KIND_LINKS.get(kind, LINKS):
            if link not in chosen:
                chosen.append(link)
    if not chosen:
        chosen = list(LINKS)
    return [*chosen, EMERGENCY]


def disclosure_links(source: str, item_ids, young: bool = False) -> list[str]:
    """Help links for a young person's new items that matched a safeguarding risk, or none.

    `young` says the writer is a young person even where the item does not (a young people's
    survey answered with no age given). Adults' items never get the message.
    """
    ids = [i for i in item_ids if i is not None]
    if not ids:
        return []
    cases = db.session.scalars(
        select(ModerationCase).where(
            ModerationCase.source == source,
            ModerationCase.item_id.in_(ids),
            ModerationCase.flag_risk.is_(True),
        )
    ).all()
    young_cases = [case for case in cases if case.by_young_person or young]
    if not young_cases:
        return []
    kinds = [
        f.get("kind")
        for case in young_cases
        for f in case.flags or []
        if f.get("category") == "risk"
    ]
    return links_for(kinds)


def details_shared(source: str, item_ids, young: bool) -> bool:
    """Whether a young person's new items may hold personal details (a name, a school, a number).

    Said to them at once, as the Children's code asks, so they can take the details out
    themselves. Every young person's item waits for a moderator whatever the checks find, so
    saying so tells nobody how to get past the checks; an adult (`young` False) is never told.
    """
    ids = [i for i in item_ids if i is not None]
    if not (young and ids):
        return False
    flagged = select(ModerationCase.id).where(
        ModerationCase.source == source,
        ModerationCase.item_id.in_(ids),
        ModerationCase.flag_personal.is_(True),
    )
    return db.session.scalar(flagged.limit(1)) is not None


def offer_help(links: list[str]) -> None:
    """Show these help links on the next page this browser renders (once)."""
    if links:
        session[SESSION_KEY] = links


def take_help() -> list[str]:
    """The help links to show on this page, removed from the session so they show only once."""
    links = session.pop(SESSION_KEY, None) if SESSION_KEY in session else None
    if not links:
        return []
    g.disclosure_help_shown = True
    return [link for link in links if link in LINKS or link == EMERGENCY]


def no_store_after_help(response):
    """A page showing the help must not be kept by the browser or any cache on the way."""
    if g.get("disclosure_help_shown"):
        response.headers["Cache-Control"] = "no-store"
    return response
