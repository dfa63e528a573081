"""Who may use the analysis workspace and read reports, for every role, through real HTTP.

The table is written out in full on purpose: changing who may do something means changing it here.
"""

import pytest
from sqlalchemy import func, select

from engage.analysis.models import ReferencePopulation, Report, ReportState, Tag, Theme
from engage.extensions import db
from engage.permissions import Role
from engage.proposals.models import ProposalStatus
from tests.analysis.helpers import comment_by, make_theme
from tests.factories import make_proposal, make_user

OK = "ok"
SIGN_IN = "sign-in"
ROLES = (
    "anonymous",
    "resident",
    "young_person",
    "moderator",
    "safeguarding_lead",
    "officer",
    "admin",
)
STAFF_ONLY = {
    "anonymous": SIGN_IN,
    "resident": 403,
    "young_person": 403,
    "moderator": 403,
    "safeguarding_lead": 403,
    "officer": OK,
    "admin": OK,
}
EXPECTED = {
    "analysis index": STAFF_ONLY,
    "overview": STAFF_ONLY,
    "responses": STAFF_ONLY,
    "download responses (CSV)": STAFF_ONLY,
    "download responses (Excel)": STAFF_ONLY,
    "download the codebook": STAFF_ONLY,
    "tag a response": STAFF_ONLY,
    "add a theme": STAFF_ONLY,
    "suggest themes": STAFF_ONLY,
    "edit the report": STAFF_ONLY,
    "publish the report": STAFF_ONLY,
    "see Luton's population figures": STAFF_ONLY,
    "enter Luton's population figures": STAFF_ONLY,
    "read a published report": dict.fromkeys(ROLES, OK),
    "read a draft report": {
        "anonymous": 404,
        "resident": 404,
        "young_person": 404,
        "moderator": 404,
        "safeguarding_lead": 404,
        "officer": OK,
        "admin": OK,
    },
}  # fmt: skip


def _count(model) -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count()).select_from(model))


def _act(action, client, proposal, theme, comment):
    base = f"/manage/analysis/proposal/{proposal.id}"
    if action == "analysis index":
        return client.get("/manage/analysis"), True, None
    if action == "overview":
        return client.get(base), True, None
    if action == "responses":
        return client.get(f"{base}/responses"), True, None
    if action == "download responses (CSV)":
        return client.get(f"{base}/responses.csv"), True, None
    if action == "download responses (Excel)":
        return client.get(f"{base}/responses.xlsx"), True, None
    if action == "download the codebook":
        return client.get(f"{base}/codebook.csv"), True, None
    if action == "tag a response":
        before = _count(Tag)
        response = client.submit(
            f"{base}/responses", {"tag_theme": str(theme.id), "action": "tag", "item": comment.id}
        )
        return response, False, _count(Tag) - before
    if action == "add a theme":
        before = _count(Theme)
        response = client.submit(f"{base}/themes", {"name": "New theme"})
        return response, False, _count(Theme) - before
    if action == "suggest themes":
        return client.submit(f"{base}/suggestions"), False, None
    if action == "edit the report":
        return client.get(f"{base}/report"), True, None
    if action == "publish the report":
        db.session.add(
            Report(
                subject="proposal",
                subject_id=proposal.id,
                what_asked="Asked",
                how_when="Online",
                young_views="",
                what_next="Next",
            )
        )
        db.session.commit()
        response = client.submit(f"{base}/report/publish", {"publish": "1"})
        db.session.expire_all()
        published = db.session.scalar(select(Report)).state == ReportState.PUBLISHED
        return response, False, int(published)
    if action == "see Luton's population figures":
        return client.get("/manage/analysis/population/age"), True, None
    if action == "enter Luton's population figures":
        before = _count(ReferencePopulation)
        fields = {
            "publisher": "Test Statistics Office",
            "title": "Made-up figures",
            "year": "2021",
            "url": "https://example.org/figures",
            "shares-0-group": "LU1",
            "shares-0-share": "100",
        }
        response = client.submit("/manage/analysis/population/district", fields)
        return response, False, _count(ReferencePopulation) - before
    if action in ("read a published report", "read a draft report"):
        db.session.add(
            Report(
                subject="proposal",
                subject_id=proposal.id,
                what_asked="Asked",
                how_when="Online",
                young_views="",
                what_next="Next",
                state=ReportState.PUBLISHED if "published" in action else ReportState.DRAFT,
            )
        )
        db.session.commit()
        return client.get(f"/consultations/proposal/{proposal.id}/report"), True, None
    raise AssertionError(action)


def _outcome(response, is_get: bool):
    if response.status_code == 302 and "/account/sign-in" in response.headers["Location"]:
        return SIGN_IN
    if response.status_code == (200 if is_get else 302):
        return OK
    return response.status_code


@pytest.mark.parametrize("action", list(EXPECTED))
@pytest.mark.parametrize("role", ROLES)
def test_permission_grid(app, login_as, role, action):
    proposal = make_proposal(ProposalStatus.CLOSED)
    comment = comment_by(proposal, body="A view")
    theme = make_theme(proposal.id, "Existing")
    client = app.test_client() if role == "anonymous" else login_as(make_user(role))

    response, is_get, changed = _act(action, client, proposal, theme, comment)

    expected = EXPECTED[action][role]
    assert _outcome(response, is_get) == expected, response.status_code
    if changed is not None:
        assert changed == (1 if expected == OK else 0)


def test_the_grid_covers_every_role():
    assert set(ROLES) == {"anonymous"} | {r.value for r in Role}
    for table in EXPECTED.values():
        assert set(table) == set(ROLES)
