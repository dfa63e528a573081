"""Join-code posters: the code, its link and a QR code drawn on the server as SVG."""

from flask import url_for

from engage.permissions import Role
from tests.factories import make_user
from tests.surveys.helpers import make_code, make_survey


def test_officer_prints_a_poster_with_a_server_drawn_qr_code(login_as):
    survey = make_survey(title="Parks for young people")
    code = make_code(survey, label="Year 8, Challney", code="K7P2")
    officer = login_as(make_user(Role.OFFICER))
    codes = officer.get(url_for("surveys.manage_codes", survey_id=survey.id)).get_data(as_text=True)
    poster_url = url_for("surveys.manage_code_poster", survey_id=survey.id, code_id=code.id)
    assert f'href="{poster_url}"' in codes
    response = officer.get(poster_url)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "K7P2" in html and "Parks for young people" in html
    link = url_for("surveys.join", code="K7P2", _external=True)
    assert link in html
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and f"<title>QR code for {link}</title>" in svg
    assert "<path" in svg and "style=" not in svg  # the CSP forbids inline styles
    assert "<script" not in svg


def test_posters_are_for_staff_and_for_codes_of_that_survey(login_as):
    survey, other = make_survey(), make_survey()
    code = make_code(survey, code="Q2W3")
    officer = login_as(make_user(Role.OFFICER))
    wrong = url_for("surveys.manage_code_poster", survey_id=other.id, code_id=code.id)
    assert officer.get(wrong).status_code == 404
    right = url_for("surveys.manage_code_poster", survey_id=survey.id, code_id=code.id)
    assert login_as(make_user(Role.RESIDENT)).get(right).status_code == 403
