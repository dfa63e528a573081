"""Who took part and how the people behind each theme voted: totals only, small numbers hidden."""

from engage.accounts.models import AgeBand, Connection
from engage.analysis import participation, service
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from tests.analysis.helpers import comment_by, make_theme
from tests.factories import make_proposal, make_user, make_vote


def _rows(breakdown):
    return {r.label: (r.cell.count, r.cell.suppressed) for r in breakdown.rows}


def test_who_took_part_counts_commenters_and_voters_once_with_suppression():
    proposal = make_proposal(ProposalStatus.CLOSED)
    for _ in range(6):
        comment_by(proposal, body="a view", vote="agree", age_band=AgeBand.B25_44)
    for _ in range(3):
        make_vote(
            proposal, make_user(age_band=AgeBand.B65_PLUS, connection=Connection.WORK), "disagree"
        )
    result = participation.proposal_participation(proposal.id)
    assert (result.total.count, result.total.suppressed) == (9, False)
    ages = _rows(result.breakdowns[0])
    assert ages[next(k for k in ages if "25" in k)] == (6, False)
    # 3 people aged 65+ are hidden; so is the next smallest figure (0s are hidden already).
    assert ages[next(k for k in ages if "65" in k)] == (3, True)
    connection = _rows(result.breakdowns[2])
    assert all(suppressed for count, suppressed in connection.values() if count < 5)


def test_a_consultation_with_fewer_than_five_people_shows_no_breakdown():
    proposal = make_proposal(ProposalStatus.CLOSED)
    for _ in range(4):
        comment_by(proposal, body="a view")
    result = participation.proposal_participation(proposal.id)
    assert result.total.suppressed and result.breakdowns == []


def test_theme_sentiment_comes_from_the_votes_of_the_people_who_raised_it():
    proposal = make_proposal(ProposalStatus.CLOSED)
    officer = make_user(Role.OFFICER)
    agree = [comment_by(proposal, body="yes", vote="agree") for _ in range(6)]
    disagree = [comment_by(proposal, body="no", vote="disagree") for _ in range(5)]
    silent = comment_by(proposal, body="no vote")
    theme = make_theme(proposal.id, "Mixed")
    service.tag_items(officer, theme, [c.id for c in agree + disagree + [silent]])
    db.session.commit()
    (result,) = participation.theme_sentiment(proposal.id, [theme])
    assert result.people.count == 12
    rows = {r.label: (r.cell.count, r.cell.suppressed) for r in result.rows}
    assert rows["Agree"] == (6, False) and rows["Disagree"] == (5, False)
    # One non-voter and no "not sure": both are under 5 and hidden.
    assert rows["Did not vote"] == (1, True) and rows["Not sure"] == (0, True)


def test_the_overview_page_shows_suppressed_figures(login_as):
    proposal = make_proposal(ProposalStatus.CLOSED)
    for _ in range(5):
        comment_by(proposal, body="a view", age_band=AgeBand.B25_44)
    comment_by(proposal, body="a view", age_band=AgeBand.B65_PLUS)
    page = login_as(make_user(Role.OFFICER)).get(f"/manage/analysis/proposal/{proposal.id}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "fewer than 5" in text
