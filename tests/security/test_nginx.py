"""deploy/nginx.conf served by a real nginx (when one is installed): the site's name over HTTPS,
plain HTTP redirected, every other name or certificate name refused without an answer."""

import http.client
import shutil
import socket
import ssl
import subprocess
import threading
import time
from pathlib import Path

import pytest
import trustme
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[2]
NAME = "engage.luton.example"
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)

pytestmark = pytest.mark.skipif(NGINX is None, reason="nginx is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _version() -> tuple[int, ...]:
    out = subprocess.run([NGINX, "-v"], capture_output=True, text=True).stderr
    return tuple(int(p) for p in out.split("/")[1].split()[0].split("."))


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    """nginx on two free local ports with deploy/nginx.conf, the name and a test certificate."""
    base = tmp_path_factory.mktemp("nginx")
    ca = trustme.CA()
    cert = ca.issue_cert(NAME)
    (base / "certs").mkdir()
    cert.private_key_pem.write_to_path(str(base / "certs" / "privkey.pem"))
    cert.cert_chain_pems[0].write_to_path(str(base / "certs" / "fullchain.pem"))
    ca.cert_pem.write_to_path(str(base / "ca.pem"))
    http_port, https_port, app_port = _free_port(), _free_port(), _free_port()
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    conf = (
        conf.replace("${SERVER_NAME}", NAME)
        .replace("server app:8000", f"server 127.0.0.1:{app_port}")
        .replace("/etc/nginx/certs", str(base / "certs"))
        .replace("/var/cache/nginx/static", str(base / "cache"))
        .replace("access_log /dev/stdout engage;", f"access_log {base}/access.log engage;")
        .replace("listen 80", f"listen 127.0.0.1:{http_port}")
        .replace("listen 443", f"listen 127.0.0.1:{https_port}")
    )
    if _version() < (1, 25, 1):  # the production image is 1.27; older ones spell http2 on listen
        conf = conf.replace("        http2 on;\n", "")
    (base / "nginx.conf").write_text(conf)
    settings = f"pid {base}/nginx.pid; error_log {base}/error.log;"
    check = subprocess.run(
        [NGINX, "-t", "-c", str(base / "nginx.conf"), "-g", settings],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr
    subprocess.run([NGINX, "-c", str(base / "nginx.conf"), "-g", settings], check=True)
    for _ in range(50):
        if (base / "nginx.pid").exists():
            break
        time.sleep(0.1)
    yield {"http": http_port, "https": https_port, "app": app_port, "ca": str(base / "ca.pem")}
    pid = int((base / "nginx.pid").read_text())
    subprocess.run(["kill", str(pid)], check=False)


def _http(port: int, host: str):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", "/help", headers={"Host": host})
        return conn.getresponse()
    finally:
        conn.close()


def _https(nginx, sni: str, host: str, path: str = "/help"):
    """GET `path` over TLS, naming `sni` in the handshake and `host` in the Host header."""
    context = ssl.create_default_context(cafile=nginx["ca"])
    if sni != NAME:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    raw = socket.create_connection(("127.0.0.1", nginx["https"]), timeout=5)
    conn = http.client.HTTPSConnection(sni, nginx["https"], timeout=5, context=context)
    conn.sock = context.wrap_socket(raw, server_hostname=sni)  # already connected: no DNS
    try:
        conn.request("GET", path, headers={"Host": host})
        return conn.getresponse()
    finally:
        conn.close()


def test_plain_http_for_the_site_redirects_to_https(nginx):
    response = _http(nginx["http"], NAME)
    assert response.status == 301
    assert response.getheader("Location") == f"https://{NAME}/help"


def test_plain_http_for_another_name_gets_no_answer(nginx):
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        _http(nginx["http"], "evil.example")


def test_https_for_the_site_reaches_the_app(nginx):
    # No app behind this test nginx: 502 shows the request was passed on.
    assert _https(nginx, NAME, NAME).status == 502


def test_https_for_another_name_is_refused_at_the_handshake(nginx):
    with pytest.raises(ssl.SSLError):
        _https(nginx, "evil.example", "evil.example")


def test_https_with_the_sites_certificate_but_another_host_gets_no_answer(nginx):
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        _https(nginx, NAME, "evil.example")


def test_a_long_address_asking_for_sign_in_is_redirected_through_the_proxy(nginx, app):
    # nginx refuses an answer whose headers outgrow its buffer (4 or 8 KB by default) with a 502;
    # the sign-in redirect once carried the whole address back, encoded again.
    server = make_server("127.0.0.1", nginx["app"], app, threaded=True)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    try:
        answer = _https(nginx, NAME, NAME, "/notifications?q=" + "%C3%A9" * 1000)
        assert answer.status == 302
        assert answer.getheader("Location").endswith("/account/sign-in?next=/notifications")
    finally:
        server.shutdown()
        serving.join(timeout=10)
