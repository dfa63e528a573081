"""Luton's population beside who took part: figures an officer entered, each with its source.

The site ships no population figures (they could not be checked when it was built), so nothing
is compared until an officer copies them from a published source such as the ONS Census 2021.

Shares of people who took part are worked out from the counts a table shows, never from a hidden
one: a share beside a shown count, with a denominator that is itself a sum of shown counts, gives
away nothing the table does not. Luton's shares are rescaled to the same groups, so both columns
compare like with like.
"""

import re
from dataclasses import dataclass

from flask_babel import format_percent
from sqlalchemy import select

from engage.accounts.models import AgeBand
from engage.analysis.models import PopulationBreakdown, ReferencePopulation, ReferenceShare
from engage.analysis.participation import Breakdown, Participation
from engage.analysis.service import AnalysisError
from engage.extensions import db
from engage.i18n import _
from engage.surveys.models import AGE_ORDER

# Shares are whole hundredths of a per cent; the total may be off by rounding in the source.
FULL = 100_00
TOLERANCE = 1_00
AGE_GROUPS = [b.value for b in AGE_ORDER if b is not AgeBand.PREFER_NOT]
DISTRICT = re.compile(r"^[A-Z]{1,2}[0-9][0-9A-Z]?$")
MAX_DISTRICTS = 40


def breakdown_title(breakdown: PopulationBreakdown) -> str:
    """The breakdown's name, as the participation tables title it."""
    return _("Age group") if breakdown is PopulationBreakdown.AGE else _("Postcode district")


def find_reference(breakdown: PopulationBreakdown) -> ReferencePopulation | None:
    """The figures entered for a breakdown, if any."""
    return db.session.scalar(
        select(ReferencePopulation).where(ReferencePopulation.breakdown == breakdown)
    )


def references() -> dict[str, ReferencePopulation]:
    """Every breakdown's figures, by breakdown key ("age", "district")."""
    return {str(r.breakdown): r for r in db.session.scalars(select(ReferencePopulation))}


def reference_districts() -> list[str]:
    """The postcode districts Luton's figures cover, to list even where nobody took part."""
    found = find_reference(PopulationBreakdown.DISTRICT)
    return sorted(found.share_map()) if found else []


def known_group(breakdown: PopulationBreakdown, group: str) -> bool:
    """True if the group is one the breakdown can hold: a site age band, or a postcode district."""
    if breakdown is PopulationBreakdown.AGE:
        return group in AGE_GROUPS
    return bool(DISTRICT.match(group))


def format_share(hundredths: int | float) -> str:
    """A share as the reader's locale writes a per cent, to one decimal place."""
    return format_percent(hundredths / FULL, "#,##0.0%")


def save_reference(
    user,
    breakdown: PopulationBreakdown,
    *,
    publisher: str,
    title: str,
    year: int,
    url: str,
    shares: dict[str, int],
) -> ReferencePopulation:
    """Replace a breakdown's figures and their source (shares in hundredths of a per cent)."""
    if not (publisher and title and year and url):
        raise AnalysisError(_("Say where the figures come from"))
    unknown = [g for g in shares if not known_group(breakdown, g)]
    if unknown:
        raise AnalysisError(_("%(group)s is not a group of this breakdown", group=unknown[0]))
    if any(not 0 <= v <= FULL for v in shares.values()):
        raise AnalysisError(_("Each share must be between 0 and 100"))
    if breakdown is PopulationBreakdown.AGE and set(shares) != set(AGE_GROUPS):
        raise AnalysisError(_("Enter a share for every age group"))
    if not shares:
        raise AnalysisError(_("Enter at least one district and its share"))
    if abs(sum(shares.values()) - FULL) > TOLERANCE:
        raise AnalysisError(
            _(
                "The shares add up to %(total)s; they must add up to 100%% (give or take 1)",
                total=format_share(sum(shares.values())),
            )
        )
    found = find_reference(breakdown)
    if found is None:
        found = ReferencePopulation(breakdown=breakdown)
        db.session.add(found)
    found.publisher, found.title, found.year, found.url = publisher, title, year, url
    found.updated_by_id = user.id
    found.shares = [ReferenceShare(group_key=g, hundredths=v) for g, v in shares.items()]
    db.session.flush()
    return found


def remove_reference(user, breakdown: PopulationBreakdown) -> bool:
    """Delete a breakdown's figures; True if there were some."""
    found = find_reference(breakdown)
    if found is None:
        return False
    db.session.delete(found)
    db.session.flush()
    return True


@dataclass
class ComparedRow:
    """One group's two shares as shown; None where no share may be shown."""

    took_part: str | None
    population: str | None


@dataclass
class Comparison:
    """A breakdown's shares beside Luton's, and where Luton's figures come from."""

    rows: list[ComparedRow]
    source: ReferencePopulation | None
    rescaled: bool = False  # some of the source's groups were left out, so shares were rescaled

    @property
    def has_figures(self) -> bool:
        """True if the breakdown has Luton figures to compare with."""
        return self.source is not None


def compare(breakdown: Breakdown, reference: ReferencePopulation | None) -> Comparison:
    """Both shares for each shown group that Luton's figures cover; nothing for the others."""
    if reference is None:
        return Comparison([ComparedRow(None, None) for _row in breakdown.rows], None)
    figures = reference.share_map()
    # Suppressed rows and rows without a Luton figure ("not given") are left out of both sums.
    compared = [not r.cell.suppressed and r.key in figures for r in breakdown.rows]
    people = sum(r.cell.count for r, ok in zip(breakdown.rows, compared, strict=True) if ok)
    luton = sum(figures[r.key] for r, ok in zip(breakdown.rows, compared, strict=True) if ok)
    rows = []
    for row, ok in zip(breakdown.rows, compared, strict=True):
        if not ok or not people or not luton:
            rows.append(ComparedRow(None, None))
            continue
        rows.append(
            ComparedRow(
                format_share(row.cell.count * FULL / people),
                format_share(figures[row.key] * FULL / luton),
            )
        )
    used = {r.key for r, ok in zip(breakdown.rows, compared, strict=True) if ok}
    return Comparison(rows, reference, rescaled=used != set(figures))


def add_comparisons(taking_part: Participation) -> Participation:
    """Attach Luton's figures (or their absence) to the breakdowns that have a population."""
    found = references()
    for breakdown in taking_part.breakdowns:
        if breakdown.key in {b.value for b in PopulationBreakdown}:
            breakdown.comparison = compare(breakdown, found.get(breakdown.key))
    return taking_part
