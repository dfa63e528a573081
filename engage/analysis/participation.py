"""Who took part and how they voted, only ever as totals with small numbers suppressed.

The suppression is the survey results' own (engage/surveys/service.py): counts under 5 hidden,
and a second count hidden wherever one hidden part could be worked out from the rest.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import or_, select, union

from engage.accounts.forms import CONNECTION_LABELS, age_band_label
from engage.accounts.models import ACCOUNT_AGE_BANDS, AgeBand, Connection, User
from engage.analysis.models import Subject, Tag, Theme
from engage.analysis.responses import safe_item_ids
from engage.comments.models import Comment, CommentStatus
from engage.extensions import db
from engage.i18n import _
from engage.surveys.models import AGE_ORDER, Answer, SurveyResponse
from engage.surveys.results import Cell, suppress, suppress_breakdown
from engage.votes.forms import CHOICE_LABELS
from engage.votes.models import Vote, VoteChoice


@dataclass
class Row:
    label: str
    cell: Cell
    key: str = ""  # the group's value ("25-44", "LU1"), for comparing with Luton's population


@dataclass
class Breakdown:
    """One table of counts (by age band, say), already suppressed."""

    title: str
    rows: list[Row]
    key: str = ""  # "age", "young", "connection" or "district"
    # Set by engage.analysis.population where Luton's figures exist for this breakdown.
    comparison: object | None = None


@dataclass
class Participation:
    total: Cell
    breakdowns: list[Breakdown]


def _breakdown(
    title: str, labelled_counts: list[tuple[str, int]], key: str = "", keys=None
) -> Breakdown:
    cells = suppress_breakdown([n for _label, n in labelled_counts])
    keys = keys or [""] * len(labelled_counts)
    return Breakdown(
        title,
        [
            Row(label, cell, group)
            for (label, _n), cell, group in zip(labelled_counts, cells, keys, strict=True)
        ],
        key,
    )


def _counted_voter():
    # The same rule as the vote totals: unconfirmed email addresses do not count yet.
    return or_(User.email.is_(None), User.email_verified_at.is_not(None))


def proposal_people(proposal_id: int) -> list[User]:
    """Everyone who commented (published) or voted (counted) on the proposal."""
    commenters = select(Comment.author_id.label("uid")).where(
        Comment.proposal_id == proposal_id, Comment.status == CommentStatus.PUBLISHED
    )
    voters = (
        select(Vote.user_id.label("uid"))
        .join(User, User.id == Vote.user_id)
        .where(Vote.proposal_id == proposal_id, _counted_voter())
    )
    ids = union(commenters, voters).subquery()
    return list(db.session.scalars(select(User).where(User.id.in_(select(ids.c.uid)))))


def _people_breakdowns(people: list[User], districts: Iterable[str] = ()) -> list[Breakdown]:
    def count(pred) -> int:
        return sum(1 for p in people if pred(p))

    young = count(lambda p: p.is_young)
    # Districts with figures for Luton are listed even when nobody from them took part.
    districts = sorted(
        {p.postcode_district for p in people if p.postcode_district} | set(districts)
    )
    unknown_district = count(lambda p: not p.postcode_district)
    return [
        _breakdown(
            _("Age group"),
            [
                (age_band_label(b), count(lambda p, b=b: AgeBand(p.age_band) == b))
                for b in ACCOUNT_AGE_BANDS
            ],
            "age",
            [b.value for b in ACCOUNT_AGE_BANDS],
        ),
        _breakdown(
            _("Young people and adults"),
            [(_("Young people"), young), (_("Adults"), len(people) - young)],
            "young",
        ),
        _breakdown(
            _("Connection to Luton"),
            [
                (str(CONNECTION_LABELS[c]), count(lambda p, c=c: Connection(p.connection) == c))
                for c in Connection
            ],
            "connection",
        ),
        _breakdown(
            _("Postcode district"),
            [(d, count(lambda p, d=d: p.postcode_district == d)) for d in districts]
            + [(_("Not given"), unknown_district)],
            "district",
            [*districts, ""],
        ),
    ]


def proposal_participation(proposal_id: int, districts: Iterable[str] = ()) -> Participation:
    """Who took part in a proposal's consultation (listing `districts` even if nobody did)."""
    people = proposal_people(proposal_id)
    total = suppress(len(people))
    if total.suppressed:
        return Participation(total, [])
    return Participation(total, _people_breakdowns(people, districts))


def survey_participation(survey, districts: Iterable[str] = ()) -> Participation:
    """Who answered a survey: age bands from every response, the rest from named ones only."""
    bands = list(
        db.session.scalars(
            select(SurveyResponse.age_band).where(SurveyResponse.survey_id == survey.id)
        )
    )
    total = suppress(len(bands))
    if total.suppressed:
        return Participation(total, [])
    order = [*AGE_ORDER, AgeBand.PREFER_NOT]
    breakdowns = [
        _breakdown(
            _("Age group"),
            [(age_band_label(b), sum(1 for x in bands if AgeBand(x) == b)) for b in order],
            "age",
            [b.value for b in order],
        )
    ]
    young = sum(1 for x in bands if AgeBand(x).is_child)
    breakdowns.append(
        _breakdown(
            _("Young people and adults"),
            [(_("Young people"), young), (_("Adults"), len(bands) - young)],
            "young",
        )
    )
    if not survey.anonymous:
        people = list(
            db.session.scalars(
                select(User)
                .join(SurveyResponse, SurveyResponse.user_id == User.id)
                .where(SurveyResponse.survey_id == survey.id)
            )
        )
        breakdowns += _people_breakdowns(people, districts)[2:]
    return Participation(total, breakdowns)


@dataclass
class ThemeSentiment:
    """How the people who raised a theme voted on the proposal."""

    theme: Theme
    people: Cell
    rows: list[Row]


def _vote_rows(choices: list[VoteChoice | None]) -> list[Row]:
    labelled = [(str(CHOICE_LABELS[c]), sum(1 for x in choices if x == c)) for c in VoteChoice]
    labelled.append((_("Did not vote"), sum(1 for x in choices if x is None)))
    return _breakdown("", labelled).rows


def theme_sentiment(proposal_id: int, themes: list[Theme]) -> list[ThemeSentiment]:
    """For each theme: the people whose comments carry it, and how they voted."""
    if not themes:
        return []
    tags = db.session.execute(
        select(Tag.theme_id, Comment.id, Comment.author_id)
        .join(Comment, Comment.id == Tag.item_id)
        .where(Tag.source == "comment", Tag.theme_id.in_([t.id for t in themes]))
    ).all()
    safe = safe_item_ids("comment", {r.id for r in tags})
    votes = dict(
        db.session.execute(
            select(Vote.user_id, Vote.choice)
            .join(User, User.id == Vote.user_id)
            .where(Vote.proposal_id == proposal_id, _counted_voter())
        ).all()
    )
    result = []
    for theme in themes:
        authors = {r.author_id for r in tags if r.theme_id == theme.id and r.id in safe}
        people = suppress(len(authors))
        choices = [VoteChoice(votes[a]) if a in votes else None for a in sorted(authors)]
        rows = _vote_rows(choices)
        if people.suppressed:
            rows = [Row(r.label, Cell(r.cell.count, True)) for r in rows]
        result.append(ThemeSentiment(theme, people, rows))
    return result


def young_theme_counts(subject: Subject, themes: list[Theme]) -> dict[int, Cell]:
    """Per theme, how many of its responses came from young people (suppressed)."""
    if not themes:
        return {}
    ids = [t.id for t in themes]
    if subject is Subject.PROPOSAL:
        rows = db.session.execute(
            select(Tag.theme_id, Tag.item_id)
            .join(Comment, Comment.id == Tag.item_id)
            .where(Tag.source == "comment", Tag.theme_id.in_(ids), Comment.by_young_person)
        ).all()
    else:
        children = [b for b in AgeBand if b.is_child]
        rows = db.session.execute(
            select(Tag.theme_id, Tag.item_id)
            .join(Answer, Answer.id == Tag.item_id)
            .join(SurveyResponse, SurveyResponse.id == Answer.response_id)
            .where(
                Tag.source == "survey_answer",
                Tag.theme_id.in_(ids),
                SurveyResponse.age_band.in_(children),
            )
        ).all()
    safe = safe_item_ids(subject.source, {r.item_id for r in rows})
    return {
        t.id: suppress(sum(1 for r in rows if r.theme_id == t.id and r.item_id in safe))
        for t in themes
    }
