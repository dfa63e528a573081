"""Streamed downloads work as a server sends them: after the view has returned and its request
was torn down (its database session closed), not only inside a test's long-lived app context,
which kept that session open and hid a download that failed on every real request."""

import threading

from flask import url_for

from engage.extensions import db
from engage.permissions import Role
from tests.analysis.helpers import make_theme
from tests.factories import make_comment, make_proposal, make_user
from tests.surveys.helpers import bulk_responses, make_survey


def _fetched_apart(client, url: str):
    """GET `url` and read its whole body in a thread of its own, with no app context pushed, so
    Flask pushes (and tears down) the request's own, as under gunicorn."""
    done: dict = {}

    def fetch():
        try:
            response = client.get(url)
            done["response"], done["body"] = response, response.get_data()
        except Exception as error:  # noqa: BLE001 - re-raised in the test's own thread
            done["error"] = error

    worker = threading.Thread(target=fetch)
    worker.start()
    worker.join(60)
    if "error" in done:
        raise done["error"]
    return done["response"], done["body"]


def test_every_streamed_download_is_whole_once_the_view_has_returned(app, login_as):
    survey = make_survey()
    bulk_responses(survey, 7)
    proposal = make_proposal()
    make_comment(proposal, make_user(), body="Buses to Stopsley every ten minutes, please.")
    make_theme(proposal.id, "Buses")
    officer, admin = make_user(Role.OFFICER), make_user(Role.ADMIN)
    urls = {
        "survey csv": url_for("surveys.manage_export", survey_id=survey.id, fmt="csv"),
        "survey xlsx": url_for("surveys.manage_export", survey_id=survey.id, fmt="xlsx"),
        "responses csv": url_for(
            "analysis.manage_responses_export", subject_id=proposal.id, fmt="csv"
        ),
        "codebook csv": url_for(
            "analysis.manage_codebook_export", subject="proposal", subject_id=proposal.id
        ),
    }
    audit = url_for("moderation.manage_audit_csv")
    officer_client, admin_client = login_as(officer), login_as(admin)
    db.session.commit()
    for name, url in urls.items():
        response, body = _fetched_apart(officer_client, url)
        assert response.status_code == 200, name
        if name == "survey xlsx":
            assert body.startswith(b"PK") and len(body) > 2000, name  # a whole workbook
        else:
            lines = body.decode("utf-8-sig").splitlines()
            assert len(lines) >= 2, (name, lines)
    response, body = _fetched_apart(admin_client, audit)
    assert response.status_code == 200
    assert body.decode("utf-8-sig").splitlines()[0].startswith("id,")
    survey_csv = _fetched_apart(officer_client, urls["survey csv"])[1].decode("utf-8-sig")
    assert len(survey_csv.splitlines()) == 8  # the header and the seven responses
