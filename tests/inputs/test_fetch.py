"""URL fetching: loopback refused by default, limits enforced. Traffic stays on 127.0.0.1."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsgraph.api import extract
from newsgraph.errors import Code, IngestError
from newsgraph.inputs.fetch import check_public, fetch
from newsgraph.settings import Settings

PAGE = (
    b"<html><body><article><p>"
    + b"Putin met Macron in the Kremlin. " * 20
    + b"</p></article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the stdlib's name
        if self.path == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif self.path.startswith("/loop"):
            n = int(self.path.removeprefix("/loop") or 0)
            self.send_response(302)
            self.send_header("Location", f"/loop{n + 1}")
            self.end_headers()
        elif self.path == "/feed.xml":
            port = self.server.server_address[1]
            items = "".join(
                f"<item><title>Item {n}</title><link>http://127.0.0.1:{port}{path}</link></item>"
                for n, path in enumerate(["/page", "/missing"])
            )
            feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
            self._send(200, feed.encode(), "application/rss+xml")
        elif self.path == "/big":
            self._send(200, b"x" * 50_000, "text/plain")
        else:
            self._send(404, b"no", "text/plain")

    def _send(self, status, body, ctype):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


LOCAL = Settings(allow_private=True, fetch_timeout_s=5)


def test_loopback_is_refused_by_default(server):
    with pytest.raises(IngestError) as info:
        fetch(server + "/page", Settings())
    assert info.value.code is Code.PRIVATE_ADDRESS


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data",
    ],
)
def test_private_addresses_are_refused_without_traffic(url):
    with pytest.raises(IngestError) as info:
        check_public(url, allow_private=False)
    assert info.value.code is Code.PRIVATE_ADDRESS


def test_fetch_page_when_allowed(server):
    page = fetch(server + "/page", LOCAL)
    assert page.content == PAGE and page.content_type == "text/html" and page.charset == "utf-8"


def test_redirect_limit(server):
    with pytest.raises(IngestError) as info:
        fetch(server + "/loop", LOCAL.replace(fetch_max_redirects=3))
    assert info.value.code is Code.FETCH_FAILED and "redirects" in info.value.detail


def test_size_cap(server):
    with pytest.raises(IngestError) as info:
        fetch(server + "/big", LOCAL.replace(fetch_max_bytes=10_000))
    assert info.value.code is Code.TOO_LARGE


def test_http_error_and_unreachable(server):
    with pytest.raises(IngestError) as info:
        fetch(server + "/missing", LOCAL)
    assert info.value.code is Code.FETCH_FAILED and "404" in info.value.detail
    with pytest.raises(IngestError) as info:
        fetch("http://nonexistent.invalid/", Settings(fetch_timeout_s=5))
    assert info.value.code is Code.FETCH_FAILED


def test_url_input_through_the_pipeline(server):
    (refused,) = extract([server + "/page"])
    assert refused.status == "rejected" and refused.code == "NG110"
    (article,) = extract([server + "/page"], allow_private=True)
    assert article.status == "ok" and "Putin met Macron" in article.text
    assert article.url == server + "/page"


def test_feed_url_fetches_each_entry(server):
    records = list(extract([server + "/feed.xml"], allow_private=True))
    assert [r.status for r in records] == ["ok", "rejected"]
    assert records[0].source.endswith("/page") and records[1].code == "NG109"
