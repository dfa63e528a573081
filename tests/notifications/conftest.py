"""A real SMTP server (STARTTLS, a certificate the test makes and the app is told to trust) that
keeps every message it receives, for the tests to read and to follow their links."""

import email
import email.policy
import socket
import ssl
from urllib.parse import urlsplit

import pytest
import trustme
from aiosmtpd.controller import Controller


class Inbox:
    """An aiosmtpd handler keeping each message as (recipients, parsed message)."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's name
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), parsed))
        return "250 OK"

    def to(self, address: str) -> list:
        """Messages sent to one address, oldest first."""
        return [msg for rcpts, msg in self.messages if address in rcpts]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def mail_settings(port: int, ca_file: str) -> dict:
    """The settings that send the app's email to the test server over verified STARTTLS."""
    return {
        "MAIL_BACKEND": "smtp",
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": port,
        "MAIL_USE_TLS": True,
        "MAIL_USE_SSL": False,
        "MAIL_CA_FILE": ca_file,
        "MAIL_USERNAME": "",
    }


@pytest.fixture(autouse=True)
def _empty_queue(app):
    """Each test starts with nothing waiting in the test app's (immediate) queue."""
    from engage.jobs.queue import queue_for

    queue_for(app).huey.storage.flush_all()
    yield
    queue_for(app).huey.storage.flush_all()


@pytest.fixture(scope="session")
def smtp_ca(tmp_path_factory):
    """A certificate authority and the file the app trusts it from."""
    ca = trustme.CA()
    path = tmp_path_factory.mktemp("smtp-ca") / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return ca, str(path)


@pytest.fixture
def smtp_server(smtp_ca):
    """A running SMTP server on a free port: (controller, inbox, ca file)."""
    ca, ca_file = smtp_ca
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    inbox = Inbox()
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=context,
        require_starttls=True,
    )
    controller.start()
    yield controller, inbox, ca_file
    controller.stop()


@pytest.fixture
def inbox(app, monkeypatch, smtp_server) -> Inbox:
    """Point the test app's email at the SMTP server; the messages that arrive."""
    controller, box, ca_file = smtp_server
    for key, value in mail_settings(controller.port, ca_file).items():
        monkeypatch.setitem(app.config, key, value)
    return box


def text_of(message) -> str:
    """The plain-text part of a message."""
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message) -> str:
    """The HTML part of a message."""
    return message.get_body(preferencelist=("html",)).get_content()


def path_of(url: str) -> str:
    """The path (and fragment-free query) of a link in an email, for the test client."""
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def unsubscribe_link(message) -> str:
    """The address in List-Unsubscribe."""
    return str(message["List-Unsubscribe"]).strip().strip("<>")
