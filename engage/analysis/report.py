"""The consultation report: drafted from the codebook, edited and published by officers."""

from dataclasses import dataclass, field
from functools import cache

from flask import url_for
from flask_babel import force_locale, format_date
from sqlalchemy import bindparam, select

from engage import events
from engage.analysis import participation as people
from engage.analysis import population
from engage.analysis.models import Quote, Report, ReportState, Subject, Theme
from engage.analysis.responses import safe_item_ids
from engage.analysis.service import AnalysisError, codebook, theme_counts
from engage.clock import utcnow
from engage.comments.models import Comment
from engage.database import run_core
from engage.extensions import db
from engage.i18n import _
from engage.proposals.models import ProposalStatus
from engage.surveys.models import Answer
from engage.surveys.results import Cell, suppress

MAX_QUOTES = 5


@cache
def _report_of():
    # Built once: every proposal page asks whether its report is published.
    return select(Report).where(
        Report.subject == bindparam("subject"), Report.subject_id == bindparam("subject_id")
    )


def find_report(subject: Subject, subject_id: int) -> Report | None:
    """The report of a proposal or survey, if one was started."""
    return db.session.scalar(_report_of(), {"subject": subject, "subject_id": subject_id})


@cache
def _state_of():
    # Built once, one column past the ORM: every proposal and survey page asks.
    table = Report.__table__
    return select(table.c.state).where(
        table.c.subject == bindparam("subject"), table.c.subject_id == bindparam("subject_id")
    )


def is_report_published(subject: Subject, subject_id: int) -> bool:
    """Whether the report of a proposal or survey is published (for its page to link to)."""
    state = run_core(_state_of(), {"subject": subject, "subject_id": subject_id}).scalar()
    return state == ReportState.PUBLISHED


def _dates(item) -> str:
    if not (item.opens_at and item.closes_at):
        return ""
    opens, closes = (format_date(d, "d MMMM yyyy") for d in (item.opens_at, item.closes_at))
    return _("from %(opens)s to %(closes)s", opens=opens, closes=closes)


def start_report(user, subject: Subject, item) -> Report:
    """Find the report, or draft one from what the site already knows."""
    report = find_report(subject, item.id)
    if report:
        return report
    # The draft is council content, written in English whatever language the officer reads in.
    with force_locale("en"):
        report = _draft(subject, item)
    db.session.add(report)
    db.session.flush()
    return report


def _draft(subject: Subject, item) -> Report:
    if subject is Subject.PROPOSAL:
        asked = item.summary
        how = _(
            "On Engage Luton, people read the proposal and could comment and vote "
            "(agree, disagree or not sure) %(dates)s.",
            dates=_dates(item),
        )
    else:
        asked = item.introduction
        how = _("On Engage Luton, people answered an online survey %(dates)s.", dates=_dates(item))
    return Report(
        subject=subject,
        subject_id=item.id,
        what_asked=asked,
        how_when=how,
        young_views="",
        what_next=getattr(item, "what_next", "") or "",
        state=ReportState.DRAFT,
    )


def update_report(user, report: Report, **fields) -> Report:
    """Save the officer's wording."""
    for name in ("what_asked", "how_when", "young_views", "what_next"):
        setattr(report, name, (fields.get(name) or "").strip())
    db.session.flush()
    return report


def publish_report(user, report: Report) -> None:
    """Put the report on the public page and tell listeners (notifications) about it."""
    if not report.what_asked or not report.what_next:
        raise AnalysisError(_("Say what was asked and what happens next before publishing"))
    report.state = ReportState.PUBLISHED
    report.published_at = utcnow()
    report.published_by_id = user.id
    db.session.flush()
    events.report_published.send(report)


def withdraw_report(user, report: Report) -> None:
    """Take the report off the public page."""
    report.state = ReportState.DRAFT
    db.session.flush()


def choose_quotes(user, theme: Theme, item_ids) -> int:
    """Quote these responses under the theme (published, safe and tagged with it only)."""
    from engage.analysis.models import Tag

    tagged = set(
        db.session.scalars(
            select(Tag.item_id).where(
                Tag.theme_id == theme.id, Tag.item_id.in_({int(i) for i in item_ids})
            )
        )
    )
    ids = safe_item_ids(theme.subject.source, tagged)
    have = {q.item_id for q in theme.quotes}
    new = sorted(ids - have)[: max(0, MAX_QUOTES - len(have))]
    for item_id in new:
        db.session.add(
            Quote(
                theme_id=theme.id,
                source=theme.subject.source,
                item_id=item_id,
                chosen_by_id=user.id,
            )
        )
    db.session.flush()
    return len(new)


def drop_quote(user, quote: Quote) -> None:
    """Stop quoting a response."""
    db.session.delete(quote)
    db.session.flush()


def item_texts(source: str, item_ids) -> dict[int, str]:
    """The words of responses that are still published and safe, by item id."""
    ids = safe_item_ids(source, set(item_ids))
    if not ids:
        return {}
    if source == "comment":
        query = select(Comment.id, Comment.body).where(Comment.id.in_(ids))
    else:
        query = select(Answer.id, Answer.text).where(Answer.id.in_(ids))
    return dict(db.session.execute(query).all())


def quote_texts(source: str, quotes: list[Quote]) -> dict[int, str]:
    """The words of quoted responses that are still published and safe, by quote id."""
    texts = item_texts(source, {q.item_id for q in quotes})
    return {q.id: texts[q.item_id] for q in quotes if q.item_id in texts}


@dataclass
class ThemeSection:
    theme: Theme
    count: Cell
    young: Cell | None
    quotes: list[str]
    sentiment: list = field(default_factory=list)


@dataclass
class ReportView:
    """Everything the report page, the PDF and the Word file show."""

    report: Report
    subject: Subject
    item: object
    title: str
    participation: people.Participation
    responses: Cell
    themes: list[ThemeSection]
    decision: dict | None
    link: str


def build_view(report: Report, item) -> ReportView:
    """The report's content, computed from the codebook, the tags and the votes."""
    subject = Subject(report.subject)
    themes = codebook(subject, item.id)
    counts = theme_counts(subject, item.id)
    young = people.young_theme_counts(subject, themes)
    districts = population.reference_districts()
    if subject is Subject.PROPOSAL:
        taking_part = people.proposal_participation(item.id, districts)
        sentiment = {s.theme.id: s.rows for s in people.theme_sentiment(item.id, themes)}
        responses = suppress(
            len(
                safe_item_ids(
                    "comment",
                    set(
                        db.session.scalars(select(Comment.id).where(Comment.proposal_id == item.id))
                    ),
                )
            )
        )
        decision = None
        if item.status == ProposalStatus.DECIDED and item.outcome_we_did:
            decision = {
                "you_said": item.outcome_you_said,
                "we_did": item.outcome_we_did,
                "why": item.outcome_why,
            }
        link = url_for("proposals.proposal", proposal_id=item.id, _external=True)
    else:
        taking_part = people.survey_participation(item, districts)
        sentiment = {}
        responses = taking_part.total
        decision = None
        link = url_for("surveys.survey", survey_id=item.id, _external=True)
    sections = []
    for theme in themes:
        texts = quote_texts(subject.source, theme.quotes)
        sections.append(
            ThemeSection(
                theme=theme,
                count=suppress(counts.get(theme.id, 0)),
                young=young.get(theme.id),
                quotes=[texts[q.id] for q in theme.quotes if q.id in texts],
                sentiment=sentiment.get(theme.id, []),
            )
        )
    # Hidden counts sort as equals, so the order gives nothing away.
    sections.sort(
        key=lambda s: (-(0 if s.count.suppressed else s.count.count), s.theme.name.lower())
    )
    population.add_comparisons(taking_part)
    return ReportView(
        report, subject, item, item.title, taking_part, responses, sections, decision, link
    )
