"""Issue 12, case 1: WARC records and their HTTP bodies stream under the size cap.

Each archive here holds one hostile record between two ordinary pages: the hostile one
is refused with a coded error (NG103, or NG112 for an endless header line) and the
pages around it are still read. The inputs are small; bench/hostile.py measures the
peak memory of the full-size cases.
"""

from __future__ import annotations

import gzip as gz
import io
import zlib

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.errors import Code
from newsgraph.inputs.raw import RawDoc
from newsgraph.inputs.readers import read_warc
from newsgraph.inputs.warc import iter_warc
from newsgraph.records import Rejected
from newsgraph.settings import Settings

CAP = 200_000
PAGE = b"<html><body><p>" + b"The minister said talks would resume. " * 50 + b"</p></body></html>"


def _record(writer: WARCWriter, url: str, body: bytes, headers: list[tuple[str, str]]) -> None:
    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)


def _archive(hostile, *, gzip: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    _record(writer, "https://example.org/before", PAGE, [("Content-Type", "text/html")])
    hostile(writer)
    _record(writer, "https://example.org/after", PAGE, [("Content-Type", "text/html")])
    return buffer.getvalue()


def _huge_page(writer: WARCWriter) -> None:
    body = b"<html><body><p>" + b"x" * (30 * CAP) + b"</p></body></html>"
    _record(writer, "https://example.org/huge", body, [("Content-Type", "text/html")])


def _gzip_bomb_body(writer: WARCWriter) -> None:
    bomb = gz.compress(b"<html><body>" + b" " * (50 * CAP), compresslevel=9)
    headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
    _record(writer, "https://example.org/bomb", bomb, headers)


def _deflate_chunked_bomb(writer: WARCWriter) -> None:
    deflated = zlib.compress(b"<p>" + b"a" * (50 * CAP), 9)
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(deflated), deflated)
    headers = [
        ("Content-Type", "text/html"),
        ("Content-Encoding", "deflate"),
        ("Transfer-Encoding", "chunked"),
    ]
    _record(writer, "https://example.org/chunked", chunked, headers)


def _docs_and_rejections(items: list) -> tuple[list[str], list[tuple[str, str]]]:
    docs = [i.url for i in items if isinstance(i, RawDoc)]
    rejected = [(i.source, i.code) for i in items if isinstance(i, Rejected)]
    return docs, rejected


@pytest.mark.parametrize("gzip", [False, True])
@pytest.mark.parametrize("hostile", [_huge_page, _gzip_bomb_body, _deflate_chunked_bomb])
def test_an_oversized_record_is_refused_and_the_archive_goes_on(hostile, gzip):
    data = _archive(hostile, gzip=gzip)
    items = list(read_warc(data, "crawl.warc", Settings(max_bytes=CAP)))
    docs, rejected = _docs_and_rejections(items)
    assert docs == ["https://example.org/before", "https://example.org/after"]
    assert rejected == [("crawl.warc#record-2", Code.TOO_LARGE.value)]


def test_a_body_under_the_cap_is_read_whole():
    def small_gzip(writer: WARCWriter) -> None:
        headers = [("Content-Type", "text/html"), ("Content-Encoding", "gzip")]
        _record(writer, "https://example.org/small", gz.compress(PAGE), headers)

    items = list(read_warc(_archive(small_gzip, gzip=True), "a.warc.gz", Settings(max_bytes=CAP)))
    docs = [i for i in items if isinstance(i, RawDoc)]
    assert [d.url for d in docs] == [
        "https://example.org/before",
        "https://example.org/small",
        "https://example.org/after",
    ]
    assert docs[1].body == PAGE.decode()


@pytest.mark.parametrize("gzip", [False, True])
def test_an_endless_header_line_breaks_the_archive_not_memory(gzip):
    raw = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.org/h\r\n"
        b"Content-Length: 99999999\r\nX-Long: " + b"a" * (3 << 20)
    )
    data = _archive(lambda w: None, gzip=gzip) + (gz.compress(raw) if gzip else raw)
    items = list(iter_warc(io.BytesIO(data), "h.warc", max_bytes=CAP))
    docs, rejected = _docs_and_rejections(items)
    assert docs == ["https://example.org/before", "https://example.org/after"]
    assert [code for _, code in rejected] == [Code.BAD_WARC.value]
    assert "header lines longer" in items[-1].message
