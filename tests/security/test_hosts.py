"""Links in emails come from BASE_URL, production refuses to start without it, and only the
site's own host names are answered."""

from pathlib import Path

import pytest

from engage import create_app
from engage.config import trusted_hosts
from engage.mail import outbox
from engage.ops.http_safety import DeploymentError
from tests.factories import make_user

ROOT = Path(__file__).resolve().parents[2]


def _settings(app, **config):
    return {**{k: v for k, v in app.config.items() if k.isupper()}, **config}


def test_production_refuses_to_start_without_base_url(app):
    with pytest.raises(DeploymentError, match="BASE_URL"):
        create_app(_settings(app, TESTING=False, ENGAGE_ENV="production", BASE_URL=""))


def test_production_refuses_a_base_url_that_is_not_an_address(app):
    with pytest.raises(DeploymentError, match="BASE_URL"):
        create_app(_settings(app, TESTING=False, ENGAGE_ENV="production", BASE_URL="engage"))


def test_production_starts_with_base_url_and_development_without(app):
    production = create_app(
        _settings(app, TESTING=False, ENGAGE_ENV="production", BASE_URL="https://e.example")
    )
    development = create_app(_settings(app, TESTING=False, ENGAGE_ENV="development", BASE_URL=""))
    assert production.config["BASE_URL"] == "https://e.example"
    assert development.config["BASE_URL"] == ""


def test_the_reset_link_comes_from_base_url_not_the_host_header(app, client, monkeypatch):
    monkeypatch.setitem(app.config, "BASE_URL", "https://engage.luton.example")
    monkeypatch.setitem(app.config, "SERVER_NAME", None)
    # The session cookie belongs to localhost, so this forged-host request carries no CSRF token.
    monkeypatch.setitem(app.config, "WTF_CSRF_ENABLED", False)
    user = make_user(email="ruth@example.org")
    response = client.post(
        "/account/forgot-password",
        data={"email": user.email},
        headers={"Host": "evil.example"},
    )
    assert response.status_code == 200
    (message,) = outbox()
    body = message.get_content()
    assert "https://engage.luton.example/account/reset/" in body
    assert "evil.example" not in body


def test_other_host_headers_are_refused(app, monkeypatch):
    monkeypatch.setitem(app.config, "SERVER_NAME", None)
    monkeypatch.setitem(
        app.config, "TRUSTED_HOSTS", trusted_hosts("https://engage.luton.example", "")
    )
    client = app.test_client()
    assert client.get("/help", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/help", headers={"Host": "engage.luton.example"}).status_code == 200
    # The container's health check asks the app directly.
    assert client.get("/healthz", headers={"Host": "127.0.0.1:8000"}).status_code == 200


def test_trusted_hosts_come_from_the_setting_or_base_url():
    assert trusted_hosts("", "") is None
    assert trusted_hosts("https://engage.luton.gov.uk", "") == [
        "engage.luton.gov.uk",
        "localhost",
        "127.0.0.1",
    ]
    assert trusted_hosts("https://a.example", "b.example, c.example")[:2] == [
        "b.example",
        "c.example",
    ]


def test_nginx_answers_only_the_site_name_over_https():
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    compose = (ROOT / "deploy" / "compose.yaml").read_text()
    assert "default_server" in conf and "return 444;" in conf
    assert "server_name ${SERVER_NAME};" in conf
    assert "listen 443 ssl" in conf and "ssl_certificate " in conf
    assert "return 301 https://$host$request_uri;" in conf
    assert "BASE_URL: ${BASE_URL:?" in compose
    assert "/etc/nginx/certs:ro" in compose
