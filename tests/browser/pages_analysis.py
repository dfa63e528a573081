"""The analysis workspace's pages and the public consultation report, for the browser suite."""

from flask import url_for

from engage.analysis import population, report, service, suggest
from engage.analysis.models import PopulationBreakdown, ReportState, Subject
from engage.extensions import db
from engage.permissions import Role
from tests.browser.pages import Page, submit_empty
from tests.factories import make_comment, make_user, make_vote

_COMMENTS = [
    ("20 mph near every school would make walking safer", "agree"),
    ("Slower cars near schools please, my children walk", "agree"),
    ("20 mph is fine outside schools but not on main roads", "unsure"),
    ("Speed cameras near schools would help more than signs", "agree"),
    ("Cars speed past the school gates every morning", "agree"),
    ("Crossing patrols at every school gate", "agree"),
    ("More crossings and crossing patrols near the primary school", "agree"),
    ("A zebra crossing by the school would help", "unsure"),
    ("Bus lanes matter more than speed limits", "disagree"),
    ("Fix the potholes before changing speed limits", "disagree"),
    ("Drogi przy szkołach są niebezpieczne", "agree"),
    ("Potholes everywhere on the roads to school", "disagree"),
]


def _analysis_world(w) -> None:
    """A decided proposal with comments, votes, a theme, a quote, suggestions and a report."""
    officer = w.users[Role.OFFICER]
    comments = []
    for body, choice in _COMMENTS:
        person = make_user()
        comments.append(make_comment(w.decided, person, body=body))
        make_vote(w.decided, person, choice)
    theme = service.add_theme(
        officer, Subject.PROPOSAL, w.decided.id, "Speed near schools", "Speed and 20 mph"
    )
    theme.response = "20 mph zones near all schools by September."
    service.tag_items(officer, theme, [c.id for c in comments[:6]])
    report.choose_quotes(officer, theme, [comments[0].id])
    suggest.refresh_suggestions(Subject.PROPOSAL, w.decided)
    found = report.start_report(officer, Subject.PROPOSAL, w.decided)
    found.what_next = "The Executive reviews the zones in a year."
    found.state = ReportState.PUBLISHED
    db.session.commit()
    w.analysis_theme = theme


def _population_world(w) -> None:
    """Made-up age figures for Luton (districts left empty), so both states of the tables show."""
    population.save_reference(
        w.users[Role.OFFICER],
        PopulationBreakdown.AGE,
        publisher="Test Statistics Office",
        title="Made-up population for the browser tests",
        year=2021,
        url="https://example.org/made-up-population",
        shares={"under-13": 2000, "13-15": 500, "16-17": 300, "18-24": 1000}
        | {"25-44": 3000, "45-64": 2200, "65+": 1000},
    )
    db.session.commit()


def _base(w, endpoint, **args):
    return url_for(endpoint, subject="proposal", subject_id=w.decided.id, **args)


WORLD_BUILDERS = [_analysis_world, _population_world]

PAGES = [
    Page("analysis: index", lambda w: url_for("analysis.manage_index"), Role.OFFICER),
    Page("analysis: overview", lambda w: _base(w, "analysis.manage_overview"), Role.OFFICER),
    Page(
        "analysis: responses",
        lambda w: url_for("analysis.manage_responses", subject_id=w.decided.id),
        Role.OFFICER,
    ),
    Page(
        "analysis: survey answers",
        lambda w: url_for(
            "analysis.manage_answers", subject_id=w.survey.id, question_id=w.survey.questions[1].id
        ),
        Role.OFFICER,
    ),
    Page(
        "analysis: themes",
        lambda w: _base(w, "analysis.manage_themes"),
        Role.OFFICER,
        error=submit_empty(),
    ),
    Page(
        "analysis: theme",
        lambda w: _base(w, "analysis.manage_theme", theme_id=w.analysis_theme.id),
        Role.OFFICER,
        error=submit_empty(),
    ),
    Page("analysis: suggestions", lambda w: _base(w, "analysis.manage_suggestions"), Role.OFFICER),
    Page(
        "analysis: report editor",
        lambda w: _base(w, "analysis.manage_report"),
        Role.OFFICER,
        error=submit_empty(),
    ),
    Page(
        "analysis: Luton's population (age groups)",
        lambda w: url_for("analysis.manage_reference_population", breakdown="age"),
        Role.OFFICER,
        error=submit_empty(),
    ),
    Page(
        "analysis: Luton's population (postcode districts)",
        lambda w: url_for("analysis.manage_reference_population", breakdown="district"),
        Role.OFFICER,
        error=submit_empty(),
    ),
    Page(
        "consultation report",
        lambda w: url_for("analysis.report_page", subject="proposal", subject_id=w.decided.id),
    ),
]
