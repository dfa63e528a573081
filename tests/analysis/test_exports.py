"""The officers' downloads: responses as CSV and Excel with their themes, and the codebook.

Every test goes through real HTTP and parses the file back (csv module, openpyxl).
"""

import csv
import io

from openpyxl import load_workbook
from sqlalchemy import select

from engage.accounts.models import AgeBand, Connection
from engage.analysis import service
from engage.analysis.models import Subject, Theme
from engage.comments.models import CommentStatus
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from engage.surveys.models import Answer, AnswerModeration, SurveyStatus
from engage.translations.models import ContentTranslation
from tests.analysis.helpers import comment_by, make_theme, safeguard
from tests.factories import make_comment, make_proposal, make_user
from tests.surveys.helpers import add_responses, make_survey

# Things a file must never hold, however it is filtered.
SECRET_EMAIL = "zebedee.quillfeather@example.org"
SECRET_NAME = "Zebedee Quillfeather"
SECRET_PSEUDONYM = "Velvet Marmoset 9431"


def _world():
    """A closed proposal: a tagged comment by a distinctive person, a reply, a Polish comment.

    Five more people in each of two groups, so that no group is too small to be named.
    """
    proposal = make_proposal(ProposalStatus.CLOSED)
    fillers = [
        comment_by(
            proposal,
            body=f"Older view {n}",
            age_band=AgeBand.B65_PLUS,
            connection=Connection.WORK,
            postcode_district="LU2",
        )
        for n in range(5)
    ] + [comment_by(proposal, body=f"Other view {n}", postcode_district="LU1") for n in range(5)]
    buses = comment_by(
        proposal,
        body="Buses are too slow at night",
        vote="disagree",
        age_band=AgeBand.B65_PLUS,
        connection=Connection.WORK,
        postcode_district="LU2",
        email=SECRET_EMAIL,
        display_name=SECRET_NAME,
        pseudonym=SECRET_PSEUDONYM,
    )
    polish = comment_by(proposal, body="Autobusy są za wolne", postcode_district="LU1")
    polish.language = "pl"
    formula = comment_by(
        proposal, body='=HYPERLINK("http://evil.example","click")', postcode_district="LU1"
    )
    reply = make_comment(
        proposal, make_user(postcode_district="LU1"), body="+44 is my code", parent_id=buses.id
    )
    make_comment(proposal, make_user(), body="Held words here", status=CommentStatus.HELD)
    risky = comment_by(proposal, body="Safeguarding words here")
    db.session.add(
        ContentTranslation(
            entity="comment",
            entity_id=polish.id,
            field="body",
            locale="en",
            text="The buses are too slow",
        )
    )
    db.session.commit()
    safeguard("comment", risky.id)
    officer = make_user(Role.OFFICER)
    transport = make_theme(proposal.id, "Transport")
    transport.description = "Buses, trains, roads"
    night = make_theme(proposal.id, "@Night")
    service.tag_items(officer, transport, [buses.id, polish.id])
    service.tag_items(officer, night, [buses.id])
    db.session.commit()
    named = {"buses": buses, "polish": polish, "formula": formula, "reply": reply}
    return proposal, officer, named | {f"filler{n}": c for n, c in enumerate(fillers)}


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200, response.status_code
    assert response.mimetype == "text/csv"
    assert response.headers["Cache-Control"] == "no-store"
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data(as_text=True)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def _xlsx(response):
    assert response.status_code == 200, response.status_code
    assert response.mimetype.endswith("spreadsheetml.sheet")
    assert response.headers["Cache-Control"] == "no-store"
    book = load_workbook(io.BytesIO(response.get_data()), read_only=True)
    return {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}


def _by_id(rows: list[list]) -> dict[int, dict]:
    header = rows[0]
    return {int(r[0]): dict(zip(header, r, strict=True)) for r in rows[1:]}


def test_an_officer_downloads_the_responses_as_csv(login_as):
    proposal, officer, c = _world()
    client = login_as(officer)
    rows = _csv(client.get(f"/manage/analysis/proposal/{proposal.id}/responses.csv"))
    assert rows[0] == [
        "Response",
        "Date",
        "Comment or reply",
        "Young people or adults",
        "Age group",
        "Connection to Luton",
        "Postcode district",
        "Language",
        "How they voted",
        "Response text",
        "In English",
        "Themes",
    ]
    found = _by_id(rows)
    # Published responses only, as the workspace lists them.
    assert set(found) == {comment.id for comment in c.values()}
    buses = found[c["buses"].id]
    assert buses["Date"] == c["buses"].created_at.date().isoformat()
    assert buses["Comment or reply"] == "Comment"
    assert buses["Young people or adults"] == "Adult"
    assert buses["Age group"] == "65 or over"
    assert buses["Connection to Luton"] == "I work in Luton"
    assert buses["Postcode district"] == "LU2"
    assert buses["How they voted"] == "Disagree"
    assert buses["Response text"] == "Buses are too slow at night"
    # Theme names by name; one starting like a formula is neutralised too.
    assert buses["Themes"] == "'@Night; Transport"
    polish = found[c["polish"].id]
    assert polish["Language"] == "Polish"
    assert polish["In English"] == "The buses are too slow"
    assert polish["Themes"] == "Transport"
    assert found[c["reply"].id]["Comment or reply"] == "Reply"
    assert found[c["formula"].id]["Themes"] == ""
    text = "\n".join(",".join(r) for r in rows)
    assert "Held words" not in text and "Safeguarding words" not in text


def test_the_themes_in_a_file_match_the_tags(login_as):
    proposal, officer, c = _world()
    client = login_as(officer)
    url = f"/manage/analysis/proposal/{proposal.id}/responses"
    themes = list(db.session.scalars(select(Theme)))
    expected = {
        comment.id: sorted(t.name for t in themes if comment.id in {g.item_id for g in t.tags})
        for comment in c.values()
    }
    assert sum(map(len, expected.values())) == 3
    for name, rows in (
        ("csv", _csv(client.get(url + ".csv"))),
        ("xlsx", _xlsx(client.get(url + ".xlsx"))["Responses"]),
    ):
        got = {
            i: sorted(n.lstrip("'") for n in (r["Themes"] or "").split("; ") if n)
            for i, r in _by_id(rows).items()
        }
        assert got == expected, name


def test_an_officer_downloads_the_workbook_with_its_codebook(login_as):
    proposal, officer, c = _world()
    client = login_as(officer)
    sheets = _xlsx(client.get(f"/manage/analysis/proposal/{proposal.id}/responses.xlsx"))
    assert list(sheets) == ["Responses", "Codebook"]
    found = _by_id(sheets["Responses"])
    assert set(found) == {comment.id for comment in c.values()}
    assert found[c["polish"].id]["In English"] == "The buses are too slow"
    assert found[c["buses"].id]["Themes"] == "'@Night; Transport"
    assert sheets["Codebook"] == [
        ["Theme", "Description", "Responses tagged"],
        ["'@Night", None, "1"],
        ["Transport", "Buses, trains, roads", "2"],
    ]
    codebook = _csv(client.get(f"/manage/analysis/proposal/{proposal.id}/codebook.csv"))
    assert codebook == [
        ["Theme", "Description", "Responses tagged"],
        ["'@Night", "", "1"],
        ["Transport", "Buses, trains, roads", "2"],
    ]


def test_a_cell_that_starts_like_a_formula_stays_text(login_as):
    proposal, officer, c = _world()
    client = login_as(officer)
    url = f"/manage/analysis/proposal/{proposal.id}/responses"
    rows = _by_id(_csv(client.get(url + ".csv")))
    assert rows[c["formula"].id]["Response text"] == "'" + c["formula"].body
    assert rows[c["reply"].id]["Response text"] == "'+44 is my code"
    book = load_workbook(io.BytesIO(client.get(url + ".xlsx").get_data()))
    sheet = book["Responses"]
    cells = [cell for row in sheet.iter_rows() for cell in row]
    # openpyxl would store a string starting with "=" as a formula: none is one.
    assert all(cell.data_type != "f" for cell in cells)
    assert "'" + c["formula"].body in [cell.value for cell in cells]


def test_nothing_personal_is_in_any_file(login_as):
    proposal, officer, c = _world()
    client = login_as(officer)
    base = f"/manage/analysis/proposal/{proposal.id}"
    csv_text = client.get(base + "/responses.csv").get_data(as_text=True)
    codebook = client.get(base + "/codebook.csv").get_data(as_text=True)
    sheets = _xlsx(client.get(base + "/responses.xlsx"))
    xlsx_text = "\n".join(str(v) for rows in sheets.values() for r in rows for v in r)
    author = c["buses"].author
    for text in (csv_text, codebook, xlsx_text):
        for secret in (SECRET_EMAIL, SECRET_NAME, SECRET_PSEUDONYM, "example.org", officer.email):
            assert secret not in text
    # No column is a user id: the only numbers that identify anything are response ids.
    rows = _csv(client.get(base + "/responses.csv"))
    assert all(str(author.id) != cell for r in rows[1:] for cell in r[1:])


def test_a_download_follows_the_pages_filters(login_as):
    proposal, officer, c = _world()
    client = login_as(officer)
    page = client.get(f"/manage/analysis/proposal/{proposal.id}/responses?district=LU1")
    html = page.get_data(as_text=True)
    assert f"/manage/analysis/proposal/{proposal.id}/responses.csv?district=LU1" in html
    assert f"/manage/analysis/proposal/{proposal.id}/responses.xlsx?district=LU1" in html
    assert f"/manage/analysis/proposal/{proposal.id}/codebook.csv" in html
    rows = _csv(client.get(f"/manage/analysis/proposal/{proposal.id}/responses.csv?district=LU1"))
    lu1 = {x.id for x in c.values() if x.author.postcode_district == "LU1"}
    assert set(_by_id(rows)) == lu1 and c["polish"].id in lu1 and c["buses"].id not in lu1


def test_survey_question_answers_download(login_as):
    survey = make_survey(
        SurveyStatus.CLOSED, questions=[{"kind": "long_text", "text": "What would you change?"}]
    )
    add_responses(survey, 5, text="more youth clubs", moderation=AnswerModeration.PUBLISHED)
    add_responses(
        survey,
        5,
        age=AgeBand.B45_64,
        text="-cleaner streets",
        moderation=AnswerModeration.PUBLISHED,
    )
    add_responses(survey, 1, text="held words", moderation=AnswerModeration.HELD)
    add_responses(survey, 1, text="safeguarded words", moderation=AnswerModeration.PUBLISHED)
    risky = db.session.scalar(select(Answer).where(Answer.text == "safeguarded words"))
    safeguard("survey_answer", risky.id)
    officer = make_user(Role.OFFICER)
    clubs = make_theme(survey.id, "Youth clubs", subject=Subject.SURVEY)
    young_ids = list(db.session.scalars(select(Answer.id).where(Answer.text == "more youth clubs")))
    service.tag_items(officer, clubs, young_ids)
    db.session.commit()
    question = survey.questions[0]
    client = login_as(officer)
    url = f"/manage/analysis/survey/{survey.id}/questions/{question.id}"
    page = client.get(url).get_data(as_text=True)
    assert f"{url}.csv" in page and f"{url}.xlsx" in page
    for rows in (_csv(client.get(url + ".csv")), _xlsx(client.get(url + ".xlsx"))["Responses"]):
        assert rows[0] == [
            "Response",
            "Date",
            "Young people or adults",
            "Age group",
            "Connection to Luton",
            "Postcode district",
            "Response text",
            "In English",
            "Themes",
        ]
        texts = sorted((r[6], r[8] or "") for r in rows[1:])
        assert texts == [("'-cleaner streets", "")] * 5 + [("more youth clubs", "Youth clubs")] * 5
        for r in rows[1:]:
            young = r[6] == "more youth clubs"
            assert r[2] == ("Young person" if young else "Adult")
            assert r[3] == ("13 to 15" if young else "45 to 64")
    unknown = client.get(f"/manage/analysis/survey/{survey.id}/questions/999999.csv")
    assert unknown.status_code == 404
    codebook = _csv(client.get(f"/manage/analysis/survey/{survey.id}/codebook.csv"))
    assert codebook[1] == ["Youth clubs", "", "5"]


def test_small_groups_are_not_named(login_as):
    proposal, officer, c = _world()
    lone = comment_by(proposal, body="From far away", postcode_district="LU9")
    young = comment_by(proposal, body="A young view", role=Role.YOUNG_PERSON)
    client = login_as(officer)
    small = "Not shown: fewer than 5 in this group"
    url = f"/manage/analysis/proposal/{proposal.id}/responses"
    for rows in (_csv(client.get(url + ".csv")), _xlsx(client.get(url + ".xlsx"))["Responses"]):
        found = _by_id(rows)
        # One person in LU9: not named, nor the next smallest district (the young person's
        # none), so counting the hidden rows gives nobody away; LU1 and LU2 stay named.
        assert found[lone.id]["Postcode district"] == small
        assert found[young.id]["Postcode district"] == small
        assert found[c["buses"].id]["Postcode district"] == "LU2"
        assert found[c["polish"].id]["Postcode district"] == "LU1"
        # One young person among adults: with two groups, neither can be named.
        assert {r["Young people or adults"] for r in found.values()} == {small}
        assert found[young.id]["Age group"] == small
        assert found[lone.id]["Response text"] == "From far away"
        assert "LU9" not in str(rows)


def test_only_officers_and_admins_may_download(login_as, client):
    proposal, officer, c = _world()
    urls = [
        f"/manage/analysis/proposal/{proposal.id}/responses.csv",
        f"/manage/analysis/proposal/{proposal.id}/responses.xlsx",
        f"/manage/analysis/proposal/{proposal.id}/codebook.csv",
    ]
    for role in (Role.RESIDENT, Role.YOUNG_PERSON, Role.MODERATOR, Role.SAFEGUARDING_LEAD):
        other = login_as(make_user(role))
        for url in urls:
            response = other.get(url)
            assert response.status_code == 403, (role, url)
            assert b"Buses" not in response.get_data()
    for url in urls:
        assert client.get(url).status_code in (302, 401)
        assert login_as(make_user(Role.ADMIN)).get(url).status_code == 200
    draft = make_proposal(ProposalStatus.DRAFT)
    own = login_as(officer)
    assert own.get(f"/manage/analysis/proposal/{draft.id}/responses.csv").status_code == 404
    assert own.get(f"/manage/analysis/proposal/{proposal.id}/responses.pdf").status_code == 404
