"""Issue 12, case 6: the fetcher connects to the address it checked (no second
resolution, so no DNS rebinding), and redirects to private addresses are refused.

A fake resolver stands in for DNS; traffic stays on 127.0.0.1 or in an httpx
MockTransport."""

from __future__ import annotations

import ipaddress
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from newsgraph.errors import Code, IngestError
from newsgraph.inputs.fetch import fetch, is_url, make_client
from newsgraph.settings import Settings

PUBLIC = "93.184.216.34"
PAGE = b"<html><body><p>" + b"Putin met Macron in the Kremlin. " * 20 + b"</p></body></html>"


REAL_GETADDRINFO = socket.getaddrinfo


def _is_address(host) -> bool:
    try:
        ipaddress.ip_address(host if isinstance(host, str) else host.decode())
    except ValueError:
        return False
    return True


class FakeResolver:
    """getaddrinfo answering from a script: one answer per call, the last one repeated."""

    def __init__(self, *answers: str) -> None:
        self.answers = list(answers)
        self.calls: list[str] = []

    def __call__(self, host, port, *args, **kwargs):
        if _is_address(host):  # the socket library looks up literals too: no DNS there
            return REAL_GETADDRINFO(host, port, *args, **kwargs)
        self.calls.append(host)
        address = self.answers[min(len(self.calls), len(self.answers)) - 1]
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        return [(family, socket.SOCK_STREAM, 6, "", (address, port or 80))]


class Secret(BaseHTTPRequestHandler):
    seen: list[str] = []

    def do_GET(self):  # noqa: N802 - the stdlib's name
        Secret.seen.append(self.headers.get("Host", ""))
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(PAGE)))
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback_server():
    Secret.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Secret)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()


def test_rebinding_to_loopback_after_the_check_reaches_nothing(monkeypatch, loopback_server):
    """The check sees a public address, any later lookup would say 127.0.0.1: the
    request goes to the public address checked, never to the loopback server."""
    resolver = FakeResolver(PUBLIC, "127.0.0.1")
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, content=PAGE, headers={"Content-Type": "text/html"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    url = f"http://rebind.example:{loopback_server}/page"
    page = fetch(url, Settings(), client=client)
    assert page.url == url and page.content == PAGE
    assert [r.url.host for r in sent] == [PUBLIC]
    assert sent[0].headers["host"] == f"rebind.example:{loopback_server}"
    assert resolver.calls == ["rebind.example"]  # resolved once
    assert Secret.seen == []


def test_the_connection_goes_to_the_resolved_address(monkeypatch, loopback_server):
    """With a real client: a name only the fake resolver knows is fetched from the
    address it gave, with the name as Host (allow_private lets loopback through)."""
    resolver = FakeResolver("127.0.0.1", PUBLIC)
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    settings = Settings(allow_private=True, fetch_timeout_s=5)
    page = fetch(f"http://only-here.invalid:{loopback_server}/page", settings)
    assert page.content == PAGE
    assert Secret.seen == [f"only-here.invalid:{loopback_server}"]
    assert resolver.calls == ["only-here.invalid"]


def test_a_rebinding_fetch_with_a_real_client_never_reaches_loopback(monkeypatch, loopback_server):
    resolver = FakeResolver("192.0.2.1", "127.0.0.1")  # TEST-NET-1: not global either
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with pytest.raises(IngestError) as info:
        fetch(f"http://rebind.example:{loopback_server}/page", Settings(fetch_timeout_s=1))
    assert info.value.code is Code.PRIVATE_ADDRESS
    resolver = FakeResolver(PUBLIC, "127.0.0.1")
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    with pytest.raises(IngestError) as info:  # the public address does not answer here
        fetch(f"http://rebind.example:{loopback_server}/page", Settings(fetch_timeout_s=1))
    assert info.value.code is Code.FETCH_FAILED
    assert Secret.seen == []


@pytest.mark.parametrize(
    "location",
    [
        "http://127.0.0.1/admin",
        "http://localhost:8000/",
        "http://[::1]/",
        "http://10.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://inside.example/",  # a name resolving to a private address
    ],
)
def test_redirects_to_private_addresses_are_refused(monkeypatch, location):
    real = socket.getaddrinfo

    def resolve(host, port, *args, **kwargs):
        if host == "news.example":
            return FakeResolver(PUBLIC)(host, port)
        if host == "inside.example":
            return FakeResolver("192.168.1.5")(host, port)
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    hosts: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        hosts.append(request.url.host)
        return httpx.Response(302, headers={"Location": location})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    with pytest.raises(IngestError) as info:
        fetch("http://news.example/story", Settings(), client=client)
    assert info.value.code is Code.PRIVATE_ADDRESS
    assert hosts == [PUBLIC]  # the redirect target was never requested


def test_https_keeps_the_name_for_tls(monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo", FakeResolver(PUBLIC))
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, content=PAGE, headers={"Content-Type": "text/html"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    fetch("https://news.example/a", Settings(), client=client)
    assert sent[0].url.host == PUBLIC
    assert sent[0].extensions["sni_hostname"] == "news.example"
    assert sent[0].headers["host"] == "news.example"


def test_a_bad_content_length_is_no_crash(monkeypatch):
    monkeypatch.setattr(socket, "getaddrinfo", FakeResolver(PUBLIC))

    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": "text/html", "Content-Length": "lots"}
        return httpx.Response(200, content=PAGE, headers=headers)

    client = httpx.Client(transport=httpx.MockTransport(handler))
    assert fetch("http://news.example/a", Settings(), client=client).content == PAGE


@pytest.mark.parametrize("text", ["HTTP://example.org/", "Https://example.org/a"])
def test_urls_in_capitals_are_urls(text):
    assert is_url(text)


def test_make_client_follows_no_redirects():
    assert make_client(Settings()).follow_redirects is False
