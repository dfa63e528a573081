"""Logs hold no link that signs someone in, cannot be forged with line breaks, and record
security events with account ids only."""

import io
import logging
import stat

from engage.ops.logs import TEXT_FORMAT, RequestIdFilter, TextFormatter, access_log
from engage.permissions import Role
from tests.conftest import PASSWORD
from tests.factories import make_comment, make_proposal, make_user
from tests.surveys.helpers import make_survey

RESET_PATH = "/account/reset/"


def _ask_for_reset(client, user):
    response = client.submit("/account/forgot-password", {"email": user.email})
    assert response.status_code == 200


def test_an_unsent_email_logs_its_subject_but_never_its_link(client, log_mail, caplog):
    user = make_user(email="ruth@example.org")
    with caplog.at_level(logging.DEBUG):
        _ask_for_reset(client, user)
    logged = caplog.text
    assert "Reset your Engage Luton password" in logged
    assert RESET_PATH not in logged
    assert "ruth@example.org" not in logged


def test_in_development_the_email_is_kept_in_a_private_file(client, log_mail):
    _ask_for_reset(client, make_user(email="ruth@example.org"))
    (path,) = log_mail.iterdir()
    assert RESET_PATH in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_in_production_no_copy_of_the_email_is_kept(app, client, log_mail, monkeypatch, caplog):
    monkeypatch.setitem(app.config, "TESTING", False)
    monkeypatch.setitem(app.config, "ENGAGE_ENV", "production")
    with caplog.at_level(logging.INFO):
        _ask_for_reset(client, make_user(email="ruth@example.org"))
    assert not log_mail.exists()
    assert RESET_PATH not in caplog.text


def _text_log(logger: logging.Logger):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(TextFormatter(TEXT_FORMAT))
    logger.addHandler(handler)
    return stream, handler


def test_a_line_break_in_a_url_cannot_forge_a_log_line(client):
    stream, handler = _text_log(access_log)
    level = access_log.level
    access_log.setLevel(logging.INFO)
    try:
        client.get("/help%0A2026-01-01 00:00:00 INFO engage.security: sign_in.succeeded%0D%1B[2J")
    finally:
        access_log.removeHandler(handler)
        access_log.setLevel(level)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    assert "\\n2026-01-01" in lines[0] and "\\r\\x1b[2J" in lines[0]


def test_the_text_formatter_escapes_every_field():
    record = logging.makeLogRecord(
        {"msg": "ok", "name": "engage.x\nforged", "levelname": "INFO", "request_id": "a\u2028b"}
    )
    line = TextFormatter(TEXT_FORMAT).format(record)
    assert "\n" not in line and "\u2028" not in line
    assert "engage.x\\nforged" in line and "a\\x2028b" in line


def _events(caplog) -> list[dict]:
    return [r.fields for r in caplog.records if r.name == "engage.security"]


def test_sign_ins_are_logged_with_the_account_id_only(client, caplog):
    user = make_user(email="ruth@example.org")
    with caplog.at_level(logging.INFO, logger="engage.security"):
        client.submit("/account/sign-in", {"login": user.email, "password": "wrong"})
        client.submit("/account/sign-in", {"login": user.email, "password": PASSWORD})
    assert [e for e in _events(caplog) if e["event"].startswith("sign_in.")] == [
        {"event": "sign_in.failed", "user_id": None},
        {"event": "sign_in.succeeded", "user_id": user.id},
    ]
    assert "ruth@example.org" not in caplog.text


def test_refusals_are_logged(login_as, caplog):
    user = make_user()
    client = login_as(user)
    with caplog.at_level(logging.INFO, logger="engage.security"):
        assert client.get("/manage/moderation/audit").status_code == 403
    assert {"event": "access.refused", "user_id": user.id} | {
        "permission": "moderation.audit"
    } in _events(caplog)


def test_exports_are_logged(login_as, caplog):
    admin = make_user(Role.ADMIN)
    make_comment(make_proposal(), admin)
    survey = make_survey()
    client = login_as(admin)
    with caplog.at_level(logging.INFO, logger="engage.security"):
        for url in (
            "/manage/moderation/audit.csv",
            f"/manage/surveys/{survey.id}/export.csv",
            f"/manage/surveys/{survey.id}/export.xlsx",
            "/me/contributions.csv",
            "/me/contributions.json",
        ):
            assert client.get(url).status_code == 200, url
    events = [
        (e["event"], e.get("format"), e["user_id"])
        for e in _events(caplog)
        if e["event"].startswith("export.")
    ]
    assert events == [
        ("export.audit", "csv", admin.id),
        ("export.survey", "csv", admin.id),
        ("export.survey", "xlsx", admin.id),
        ("export.personal_data", "csv", admin.id),
        ("export.personal_data", "json", admin.id),
    ]


def test_making_a_staff_account_is_logged(app, caplog):
    runner = app.test_cli_runner()
    with caplog.at_level(logging.INFO, logger="engage.security"):
        result = runner.invoke(
            args=[
                "engage",
                "create-user",
                "--email",
                "amir@luton.example",
                "--role",
                "moderator",
                "--password",
                "a long enough password 2026",
            ]
        )
    assert result.exit_code == 0, result.output
    (event,) = [e for e in _events(caplog) if e["event"] == "account.role_granted"]
    assert event["event"] == "account.role_granted" and event["role"] == "moderator"
    assert "amir@luton.example" not in caplog.text
