"""Email goes out encrypted to a mail server whose certificate is checked (STARTTLS or SMTPS),
against a real SMTP server on this machine with a certificate made by the test."""

import socket
import ssl

import pytest
import trustme
from aiosmtpd.controller import Controller

from engage.mail import send_email


class Inbox:
    """An aiosmtpd handler keeping what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        self.messages.append(envelope.content.decode())
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def ca():
    return trustme.CA()


def _server_context(ca) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


@pytest.fixture
def starttls_server(ca):
    inbox = Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=_free_port(),
        tls_context=_server_context(ca),
        require_starttls=True,
    )
    controller.start()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def smtps_server(ca):
    inbox = Inbox()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=_free_port(), ssl_context=_server_context(ca)
    )
    controller.start()
    yield controller, inbox
    controller.stop()


def _use(monkeypatch, app, controller, **settings):
    values = {
        "MAIL_BACKEND": "smtp",
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": controller.port,
        "MAIL_USE_TLS": True,
        "MAIL_USE_SSL": False,
        "MAIL_CA_FILE": None,
        **settings,
    }
    for key, value in values.items():
        monkeypatch.setitem(app.config, key, value)


def _ca_file(ca, tmp_path) -> str:
    path = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


def test_starttls_refuses_a_server_whose_certificate_is_not_trusted(
    app, monkeypatch, starttls_server
):
    controller, inbox = starttls_server
    _use(monkeypatch, app, controller)
    with pytest.raises(ssl.SSLCertVerificationError):
        send_email("ruth@example.org", "Reset your password", "A secret link")
    assert inbox.messages == []


def test_starttls_sends_to_a_server_trusted_through_mail_ca_file(
    app, monkeypatch, starttls_server, ca, tmp_path
):
    controller, inbox = starttls_server
    _use(monkeypatch, app, controller, MAIL_CA_FILE=_ca_file(ca, tmp_path))
    send_email("ruth@example.org", "Reset your password", "A secret link")
    (message,) = inbox.messages
    assert "Subject: Reset your password" in message


def test_smtps_refuses_an_untrusted_certificate(app, monkeypatch, smtps_server):
    controller, inbox = smtps_server
    _use(monkeypatch, app, controller, MAIL_USE_SSL=True)
    with pytest.raises(ssl.SSLCertVerificationError):
        send_email("ruth@example.org", "Reset your password", "A secret link")
    assert inbox.messages == []


def test_smtps_sends_with_implicit_tls_when_trusted(app, monkeypatch, smtps_server, ca, tmp_path):
    controller, inbox = smtps_server
    _use(monkeypatch, app, controller, MAIL_USE_SSL=True, MAIL_CA_FILE=_ca_file(ca, tmp_path))
    send_email("ruth@example.org", "Reset your password", "A secret link")
    (message,) = inbox.messages
    assert "A secret link" in message
