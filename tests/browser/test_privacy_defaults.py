"""High privacy by default, and plain words first for young people (over plain HTTP: fast)."""

from flask import url_for

from engage.permissions import Role
from tests.factories import make_comment, make_proposal, make_user


def test_no_page_is_about_a_person(app):
    public = [r.rule for r in app.url_map.iter_rules() if not r.rule.startswith("/manage/")]
    assert not [r for r in public if "profile" in r or "/user" in r or "/people" in r]


def test_young_people_appear_only_under_their_pseudonym(client):
    young = make_user(Role.YOUNG_PERSON, username="realname_sam", postcode_district="LU2")
    proposal = make_proposal()
    make_comment(proposal, young, body="Hello from me")
    page = client.get(url_for("proposals.proposal", proposal_id=proposal.id)).get_data(as_text=True)
    assert young.pseudonym in page
    assert "realname_sam" not in page and "LU2" not in page


def test_headers_forbid_location_and_other_origins(client):
    response = client.get(url_for("proposals.home"))
    assert "geolocation=()" in response.headers["Permissions-Policy"]
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp and "font-src 'self'" in csp


def test_young_people_read_the_plain_summary_first(login_as):
    proposal = make_proposal(summary="The formal summary.", youth_summary="The plain words.")
    page = (
        login_as(make_user(Role.YOUNG_PERSON))
        .get(url_for("proposals.proposal", proposal_id=proposal.id))
        .get_data(as_text=True)
    )
    assert "The plain words." in page
    if "The formal summary." in page:
        assert page.index("The plain words.") < page.index("The formal summary.")


def test_adults_can_open_the_plain_words_too(client):
    proposal = make_proposal(summary="The formal summary.", youth_summary="The plain words.")
    page = client.get(url_for("proposals.proposal", proposal_id=proposal.id)).get_data(as_text=True)
    assert page.index("The formal summary.") < page.index("The plain words.")
