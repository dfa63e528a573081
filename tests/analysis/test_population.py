"""Luton's population beside who took part: the officers' screen, its rules, and the shares shown.

The figures here are made up for the tests and say so in their source; the site ships none.
"""

import html
import io

import pytest
from sqlalchemy import select

from engage.accounts.models import AgeBand
from engage.analysis import participation, population
from engage.analysis.forms import parse_share
from engage.analysis.models import PopulationBreakdown, ReferencePopulation
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from tests.analysis.helpers import comment_by
from tests.analysis.test_report import _consultation, _publish
from tests.factories import make_proposal, make_user

AGE_URL = "/manage/analysis/population/age"
DISTRICT_URL = "/manage/analysis/population/district"
SOURCE = {
    "publisher": "Test Statistics Office",
    "title": "Made-up population for tests",
    "year": "2021",
    "url": "https://example.org/made-up-population",
}
# Per cent for each age group, in the site's order; they add up to 100.
AGE_SHARES = {
    "under-13": "20",
    "13-15": "5",
    "16-17": "3",
    "18-24": "10",
    "25-44": "30",
    "45-64": "22",
    "65+": "10",
}


def _age_form(shares=None, **source):
    data = dict(SOURCE, **source)
    for i, (group, share) in enumerate((shares or AGE_SHARES).items()):
        data[f"shares-{i}-group"] = group
        data[f"shares-{i}-share"] = share
    return data


def _district_form(rows, **source):
    data = dict(SOURCE, **source)
    for i, (group, share) in enumerate(rows):
        data[f"shares-{i}-group"] = group
        data[f"shares-{i}-share"] = share
    return data


def _text(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def _saved(breakdown=PopulationBreakdown.AGE):
    db.session.expire_all()
    return db.session.scalar(
        select(ReferencePopulation).where(ReferencePopulation.breakdown == breakdown)
    )


def _enter_ages(shares=None):
    population.save_reference(
        make_user(Role.OFFICER),
        PopulationBreakdown.AGE,
        publisher=SOURCE["publisher"],
        title=SOURCE["title"],
        year=2021,
        url=SOURCE["url"],
        shares={g: parse_share(v) for g, v in (shares or AGE_SHARES).items()},
    )
    db.session.commit()


# The screen and its rules ------------------------------------------------------------------


def test_an_officer_enters_age_shares_with_their_source(login_as):
    client = login_as(make_user(Role.OFFICER))
    page = client.get(AGE_URL)
    assert page.status_code == 200
    assert "E06000032" in _text(page)  # where to find the figures
    response = client.submit(AGE_URL, _age_form(dict(AGE_SHARES, **{"25-44": "29,5"}), year="2021"))
    # 29.5 with a decimal comma: the total is 99.5, within 1 of 100.
    assert response.status_code == 302
    saved = _saved()
    assert saved.share_map()["25-44"] == 2950 and saved.share_map()["65+"] == 1000
    assert (saved.publisher, saved.title, saved.year, saved.url) == (
        SOURCE["publisher"],
        SOURCE["title"],
        2021,
        SOURCE["url"],
    )
    # Shown again for correcting, as typed.
    again = _text(client.get(AGE_URL))
    assert 'value="29.5"' in again and SOURCE["title"] in again


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"publisher": ""}, "Enter who published the figures"),
        ({"title": ""}, "Enter the name of the data set"),
        ({"year": "21"}, "Enter the year of the figures, like 2021"),
        ({"url": ""}, "Enter the web address of the data set"),
        ({"url": "javascript:alert(1)"}, "Enter a web address that starts with https://"),
        ({"shares": {**AGE_SHARES, "65+": "150"}}, "Enter a share between 0 and 100 for 65"),
        ({"shares": {**AGE_SHARES, "65+": "-1"}}, "Enter a share between 0 and 100 for 65"),
        ({"shares": {**AGE_SHARES, "65+": "ten"}}, "Enter a share between 0 and 100 for 65"),
        ({"shares": {**AGE_SHARES, "65+": ""}}, "Enter the share for 65 or over"),
        ({"shares": {**AGE_SHARES, "65+": "8.9"}}, "The shares add up to 98.9%"),
        ({"shares": {**AGE_SHARES, "65+": "11.1"}}, "The shares add up to 101.1%"),
        ({"shares": {**AGE_SHARES, "100+": "0"}}, "This is not one of the site"),
    ],
)
def test_wrong_figures_are_refused_with_a_clear_error_and_nothing_typed_lost(
    login_as, change, message
):
    client = login_as(make_user(Role.OFFICER))
    change = dict(change)
    shares = change.pop("shares", None)
    response = client.submit(AGE_URL, _age_form(shares, **change))
    assert response.status_code == 400
    text = _text(response)
    assert "There is a problem" in text and message in text
    # What the officer typed is still in the boxes.
    for value in (shares or AGE_SHARES).values():
        if value:
            assert f'value="{value}"' in text
    for name, value in SOURCE.items():
        if name not in change and name != "year":
            assert value in text
    assert _saved() is None


def test_a_total_within_one_of_100_is_accepted(login_as):
    client = login_as(make_user(Role.OFFICER))
    response = client.submit(AGE_URL, _age_form({**AGE_SHARES, "65+": "11"}))
    assert response.status_code == 302
    assert sum(_saved().share_map().values()) == 101_00


def test_district_rows_need_a_real_district_once_each_and_spare_rows_are_ignored(login_as):
    client = login_as(make_user(Role.OFFICER))
    bad = client.submit(DISTRICT_URL, _district_form([("LU1", "50"), ("LUTON", "50")]))
    assert bad.status_code == 400 and "Enter a postcode district, like LU1 or LU4" in _text(bad)
    twice = client.submit(DISTRICT_URL, _district_form([("LU1", "50"), ("lu1", "50")]))
    assert twice.status_code == 400 and "LU1 is entered twice" in _text(twice)
    no_district = client.submit(DISTRICT_URL, _district_form([("LU1", "50"), ("", "50")]))
    assert no_district.status_code == 400
    assert "Enter the postcode district, like LU1" in _text(no_district)
    empty = client.submit(DISTRICT_URL, _district_form([("", ""), ("", "")]))
    assert empty.status_code == 400
    assert "Enter at least one district and its share" in _text(empty)
    assert _saved(PopulationBreakdown.DISTRICT) is None
    good = client.submit(
        DISTRICT_URL, _district_form([("lu1", "40"), ("LU2", "35.5"), ("", ""), ("LU3", "24.5")])
    )
    assert good.status_code == 302
    assert _saved(PopulationBreakdown.DISTRICT).share_map() == {
        "LU1": 4000,
        "LU2": 3550,
        "LU3": 2450,
    }


def test_an_officer_can_remove_the_figures(login_as):
    _enter_ages()
    client = login_as(make_user(Role.OFFICER))
    assert client.submit(AGE_URL, {"action": "remove"}).status_code == 302
    assert _saved() is None


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, "sign-in"),
        (Role.RESIDENT, 403),
        (Role.YOUNG_PERSON, 403),
        (Role.MODERATOR, 403),
        (Role.SAFEGUARDING_LEAD, 403),
        (Role.OFFICER, "ok"),
        (Role.ADMIN, "ok"),
    ],
)
def test_only_officers_may_see_or_enter_the_figures(app, login_as, role, expected):
    client = app.test_client() if role is None else login_as(make_user(role))
    page = client.get(AGE_URL)
    sent = client.submit(AGE_URL, _age_form())
    if expected == "sign-in":
        for response in (page, sent):
            assert response.status_code == 302
            assert "/account/sign-in" in response.headers["Location"]
    elif expected == "ok":
        assert page.status_code == 200 and sent.status_code == 302
    else:
        assert page.status_code == 403 and sent.status_code == 403
    assert (_saved() is not None) == (expected == "ok")


def test_save_reference_refuses_what_the_form_would(app):
    officer = make_user(Role.OFFICER)
    good = {g: parse_share(v) for g, v in AGE_SHARES.items()}
    source = dict(SOURCE, year=2021)
    with pytest.raises(population.AnalysisError):
        population.save_reference(
            officer, PopulationBreakdown.AGE, **source, shares={**good, "65+": 500}
        )
    with pytest.raises(population.AnalysisError):
        population.save_reference(
            officer, PopulationBreakdown.AGE, **dict(source, url=""), shares=good
        )
    with pytest.raises(population.AnalysisError):
        population.save_reference(
            officer, PopulationBreakdown.DISTRICT, **source, shares={"LU1": 9000, "XX": 1000}
        )
    with pytest.raises(population.AnalysisError):
        population.save_reference(
            officer, PopulationBreakdown.AGE, **source, shares={"25-44": 100_00}
        )


# Shares beside who took part ------------------------------------------------------------


def _people(proposal, over_65=2):
    """6 people aged 25-44 in LU1, 5 aged 45-64 in LU2, a few (hidden) aged 65+ in LU3."""
    for _ in range(6):
        comment_by(proposal, body="a view", age_band=AgeBand.B25_44, postcode_district="LU1")
    for _ in range(5):
        comment_by(proposal, body="a view", age_band=AgeBand.B45_64, postcode_district="LU2")
    for _ in range(over_65):
        comment_by(proposal, body="a view", age_band=AgeBand.B65_PLUS, postcode_district="LU3")


def _age_comparison(proposal):
    taking_part = population.add_comparisons(
        participation.proposal_participation(proposal.id, population.reference_districts())
    )
    ages = taking_part.breakdowns[0]
    assert ages.key == "age"
    return {
        r.key: (r.cell.suppressed, c.took_part, c.population)
        for r, c in zip(ages.rows, ages.comparison.rows, strict=True)
    }


def test_shares_are_shown_beside_shown_counts_only():
    proposal = make_proposal(ProposalStatus.CLOSED)
    _people(proposal)
    _enter_ages()
    rows = _age_comparison(proposal)
    # Shown: 6 and 5 people, so 6/11 and 5/11; Luton's 30% and 22% rescaled to those two groups.
    assert rows["25-44"] == (False, "54.5%", "57.7%")
    assert rows["45-64"] == (False, "45.5%", "42.3%")
    # Hidden (2 people aged 65+, and the empty groups): no share at all.
    for key in ("65+", "13-15", "16-17", "18-24", "prefer_not"):
        assert rows[key] == (True, None, None)


def test_no_share_moves_when_only_a_hidden_count_changes():
    shares = []
    for over_65 in (1, 4):
        proposal = make_proposal(ProposalStatus.CLOSED)
        _people(proposal, over_65=over_65)
        if not shares:
            _enter_ages()
        shares.append(_age_comparison(proposal))
    assert shares[0] == shares[1]


def test_the_overview_shows_both_shares_and_cites_the_source(login_as):
    proposal = make_proposal(ProposalStatus.CLOSED)
    _people(proposal)
    _enter_ages()
    text = _text(login_as(make_user(Role.OFFICER)).get(f"/manage/analysis/proposal/{proposal.id}"))
    assert "Share of people who took part" in text and "Share of Luton's population" in text
    assert "54.5%" in text and "57.7%" in text
    assert "Shares are worked out only from the numbers shown" in text
    assert (
        f"{SOURCE['publisher']}, {SOURCE['title']} (2021), "
        f'<a class="govuk-link govuk-!-text-break-word" href="{SOURCE["url"]}"' in text
    )
    # The 65+ row: "fewer than 5" and no share beside it.
    row = text[text.index("65 or over") :].split("</tr>")[0]
    assert "fewer than 5" in row and "%" not in row and row.count("–") == 2
    # No district figures yet: said so, with the way to enter them.
    assert "There are no figures for Luton's population to compare this with." in text
    assert 'href="/manage/analysis/population/district"' in text


def test_luton_districts_with_nobody_taking_part_are_listed_hidden(login_as):
    proposal = make_proposal(ProposalStatus.CLOSED)
    _people(proposal)
    officer = make_user(Role.OFFICER)
    population.save_reference(
        officer,
        PopulationBreakdown.DISTRICT,
        **dict(SOURCE, year=2021),
        shares={"LU1": 30_00, "LU2": 25_00, "LU3": 25_00, "LU4": 20_00},
    )
    db.session.commit()
    taking_part = population.add_comparisons(
        participation.proposal_participation(proposal.id, population.reference_districts())
    )
    districts = taking_part.breakdowns[-1]
    rows = {r.key: (r.cell.display, c.took_part, c.population) for r, c in
            zip(districts.rows, districts.comparison.rows, strict=True)}  # fmt: skip
    assert rows["LU4"] == ("fewer than 5", None, None)
    assert rows["LU1"] == ("6", "54.5%", "54.5%")  # 30 / (30 + 25)
    assert rows[""] == ("fewer than 5", None, None)  # not given: no figure for Luton


def test_without_figures_the_report_says_so_and_shows_no_share_column(login_as, client):
    proposal, officer, theme, comments = _consultation()
    _publish(login_as(officer), proposal, theme, [])
    text = _text(client.get(f"/consultations/proposal/{proposal.id}/report"))
    assert "There are no figures for Luton's population to compare this with." in text
    assert "Share of Luton's population" not in text
    # The public is not sent to a staff page.
    assert "/manage/analysis/population" not in text


def test_the_report_page_pdf_and_word_file_cite_the_source(login_as, client):
    from docx import Document
    from pypdf import PdfReader

    proposal, officer, theme, comments = _consultation()
    _enter_ages({**AGE_SHARES})
    _publish(login_as(officer), proposal, theme, [comments[0].id])
    base = f"/consultations/proposal/{proposal.id}/report"
    source_line = f"{SOURCE['publisher']}, {SOURCE['title']} (2021), {SOURCE['url']}"
    page = _text(client.get(base))
    assert "Share of Luton's population" in page and SOURCE["url"] in page
    reader = PdfReader(io.BytesIO(client.get(f"{base}.pdf").data))
    pdf_text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert "Source of Luton's figures" in pdf_text.replace("’", "'")
    assert source_line in pdf_text
    assert "Share of Luton's population" in pdf_text.replace("’", "'")
    assert "/manage/analysis/population" not in pdf_text
    document = Document(io.BytesIO(client.get(f"{base}.docx").data))
    paragraphs = [p.text for p in document.paragraphs]
    assert f"Source of Luton's figures: {source_line}" in paragraphs
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert "Share of Luton's population" in cells and "Share of people who took part" in cells
    # Everyone in the consultation is 25-44 (6 people): 100% of those shown; Luton's 30% alone
    # is rescaled to 100% as well, since the other groups are hidden.
    assert cells.count("100.0%") == 2
