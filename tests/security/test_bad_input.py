"""Input no page expects (too-big ids, NUL characters, huge bodies) never gives a 500."""

import re

import pytest
from werkzeug.routing import IntegerConverter

from engage.extensions import db
from engage.permissions import Role
from tests.factories import make_comment, make_proposal, make_user

BAD_IDS = ("99999999999999999999", "2147483648", "-1", "%00")
# What each named (non-number) part of a URL is filled with: a real-looking value.
WORDS = {
    "source": "comment",
    "action": "approve",
    "fmt": "csv",
    "entity": "proposal",
    "locale": "pl",
    "code": "ABCD1234",
    "token": "not-a-token",
    "slug": "priority-1",
    "filename": "nothing.css",
}
# Query arguments routes read as numbers or choices, each given out-of-range or odd values.
ARGS = ("page", "priority", "actor", "person", "group", "status", "age", "kind", "sort", "source")


def _urls(app, bad: str):
    """Every route of the app with each number in its URL replaced by `bad`."""
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        has_number = any(isinstance(c, IntegerConverter) for c in rule._converters.values())
        if not has_number and rule.arguments:
            continue
        url = rule.rule
        for name, converter in rule._converters.items():
            word = WORDS.get(name, "x") + ("%00" if bad == "%00" else "")
            value = bad if isinstance(converter, IntegerConverter) else word
            url = re.sub(rf"<[^>]*\b{name}>", value, url)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield method, url


def _walk(app, client, bad: str) -> list[str]:
    failures = []
    query = "&".join(f"{arg}={bad}" for arg in ARGS)
    token = client.csrf_token()
    for method, url in _urls(app, bad):
        if method == "GET":
            response = client.get(f"{url}?{query}")
        else:
            form = {
                "items": f"comment:{bad}",
                "parent_id": bad.replace("%00", "\x00"),
                "csrf_token": token,
            }
            response = client.submit(f"{url}?{query}", form)
        if response.status_code >= 500:
            failures.append(f"{method} {url} -> {response.status_code}")
        db.session.rollback()
    return failures


@pytest.mark.parametrize("bad", BAD_IDS)
def test_no_route_fails_on_ids_no_column_can_hold(app, client, login_as, bad):
    author = make_user()
    make_comment(make_proposal(), author)
    admin = login_as(make_user(Role.ADMIN))
    failures = _walk(app, client, bad) + _walk(app, admin, bad)
    assert failures == []


def test_a_twenty_digit_id_is_not_found(client):
    assert client.get("/proposals/99999999999999999999").status_code == 404
    assert client.get("/proposals/2147483648").status_code == 404
    assert client.get("/proposals/2147483647").status_code == 404


def test_a_twenty_digit_page_number_shows_the_first_page(client):
    proposal = make_proposal(title="Safer crossings on Park Street")
    page = client.get(f"/priorities/{proposal.priority.slug}?page=99999999999999999999")
    assert page.status_code == 200
    assert "Safer crossings on Park Street" in page.get_data(as_text=True)


def test_a_nul_character_in_a_comment_is_dropped_not_a_server_error(login_as):
    proposal = make_proposal()
    user = make_user()
    client = login_as(user)
    response = client.submit(
        f"/proposals/{proposal.id}/comments", {"body": "More benches\x00 on the high street"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    from engage.comments.models import Comment

    bodies = [c.body for c in db.session.scalars(db.select(Comment))]
    assert bodies == ["More benches on the high street"]


def test_a_nul_character_in_a_query_or_a_url_is_not_a_server_error(client, login_as):
    proposal = make_proposal()
    slug = proposal.priority.slug
    staff = login_as(make_user(Role.ADMIN))
    for who in (client, staff):
        assert who.get(f"/priorities/{slug}?sort=%00&page=1%00").status_code == 200
        assert who.get("/manage/moderation/audit?actor=%00&action=%00").status_code < 500
        assert who.get("/manage/moderation?source=%00&language=%00").status_code < 500
        assert who.get("/priorities/a%00b").status_code == 404
        assert who.get("/s/AB%00CD").status_code < 500


def test_control_characters_in_answers_do_not_break_the_excel_export(app, login_as):
    from io import BytesIO

    from openpyxl import load_workbook

    from tests.surveys.helpers import answer_standard, make_survey

    survey = make_survey()
    answer_standard(app.test_client(), survey, q6={"answer": "Bins\x00 and\x01 benches\x1b"})
    client = login_as(make_user(Role.OFFICER))
    response = client.get(f"/manage/surveys/{survey.id}/export.xlsx")
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.data), read_only=True)
    cells = [v for row in book.active.iter_rows(values_only=True) for v in row]
    assert "Bins and benches" in cells


def test_a_body_over_the_limit_is_refused_with_a_translated_page(client):
    response = client.post("/account/sign-in?lang=pl", data={"login": "x" * (2 * 1024 * 1024)})
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "xxxxxxxxxx" not in page
    assert "To, co wysłano, jest za długie" in page


def test_a_failed_sign_in_is_a_400_and_never_echoes_a_huge_login(client):
    response = client.submit("/account/sign-in", {"login": "a" * 500_000, "password": "x"})
    assert response.status_code == 400
    assert len(response.get_data()) < 100_000


def test_a_wrong_password_is_a_400(client):
    user = make_user()
    response = client.submit("/account/sign-in", {"login": user.email, "password": "wrong one"})
    assert response.status_code == 400
