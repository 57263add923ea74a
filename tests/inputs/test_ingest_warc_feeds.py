"""Tests for inputs/warc.py and inputs/feeds.py on WARCs, RSS and Atom built here."""

from __future__ import annotations

import hashlib
import io

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.errors import Code, IngestError
from newsgraph.inputs.feeds import (
    FeedEntry,
    feed_entry_to_rawdoc,
    looks_like_feed,
    parse_feed,
)
from newsgraph.inputs.raw import RawDoc
from newsgraph.inputs.warc import decode_payload, iter_warc
from newsgraph.records import Rejected

PAGE = (
    "<html><head><title>T{n}</title></head><body><p>Caf\u00e9 story {n}. {filler}</p></body></html>"
)
FILLER = "The minister said the talks would resume next week. " * 40


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers
    )
    writer.write_record(record)


def _request(writer: WARCWriter, url: str) -> None:
    headers = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
    record = writer.create_warc_record(
        url, "request", payload=io.BytesIO(b""), http_headers=headers
    )
    writer.write_record(record)


def make_warc(*, gzip: bool, pages: int = 2) -> bytes:
    """A WARC with a request, ``pages`` HTML responses (UTF-8, then cp1252) and an image."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    _request(writer, "https://example.org/a")
    for n in range(pages):
        html = PAGE.format(n=n, filler=FILLER)
        if n % 2:
            _response(
                writer,
                f"https://example.org/{n}",
                html.encode("cp1252"),
                "text/html; charset=windows-1252",
            )
        else:
            _response(
                writer, f"https://example.org/{n}", html.encode("utf-8"), "text/html; charset=utf-8"
            )
    _response(
        writer, "https://example.org/logo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "image/png"
    )
    return buffer.getvalue()


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_two_responses_and_a_request_yield_two_docs(gzip):
    docs = list(iter_warc(io.BytesIO(make_warc(gzip=gzip)), "crawl.warc"))
    assert [type(d) for d in docs] == [RawDoc, RawDoc]
    first, second = docs
    assert first.source == "crawl.warc#record-2"  # record 1 is the request
    assert first.kind == "html"
    assert first.url == "https://example.org/0"
    assert first.given == {"url": "https://example.org/0"}
    assert "Caf\u00e9 story 0" in first.body
    assert "Caf\u00e9 story 1" in second.body  # decoded with the HTTP charset


def _record_spans(data: bytes) -> list[tuple[int, int]]:
    """(offset, length) of each record in the file, as warcio reports them."""
    archive = ArchiveIterator(io.BytesIO(data))
    spans = []
    for _record in archive:
        archive.read_to_end()
        spans.append((archive.get_record_offset(), archive.get_record_length()))
    return spans


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9, 0.99])
def test_truncated_warc_gz_yields_good_records_then_rejected(where):
    data = make_warc(gzip=True, pages=3)
    offset, length = _record_spans(data)[3]  # the third response, in the middle of the file
    cut = data[: offset + max(1, int(length * where))]
    docs = list(iter_warc(io.BytesIO(cut), "cut.warc.gz"))
    *good, last = docs
    assert [d.url for d in good[:2]] == ["https://example.org/0", "https://example.org/1"]
    assert all(isinstance(d, RawDoc) for d in good)
    assert isinstance(last, Rejected)
    assert last.code == Code.BAD_WARC.value == "NG112"
    assert last.id == hashlib.sha256(b"cut.warc.gz").hexdigest()[:16]
    assert last.source == "cut.warc.gz"


def test_truncated_plain_warc_rejects_the_partial_record():
    data = make_warc(gzip=False, pages=2)
    docs = list(iter_warc(io.BytesIO(data[:-300]), "cut.warc"))
    assert isinstance(docs[-1], Rejected)
    assert all(isinstance(d, RawDoc) for d in docs[:-1])


@pytest.mark.parametrize("data", [b"", b"this is not an archive at all", b"\x1f\x8b\x08garbage"])
def test_not_a_warc_is_rejected(data):
    docs = list(iter_warc(io.BytesIO(data), "junk.warc"))
    assert len(docs) == 1
    assert isinstance(docs[0], Rejected)
    assert docs[0].code == "NG112"


def test_decode_payload_uses_meta_charset_then_guesses():
    html = "<html><head><meta charset='koi8-r'></head><body>\u041c\u043e\u0441\u043a\u0432\u0430</body></html>"
    assert "\u041c\u043e\u0441\u043a\u0432\u0430" in decode_payload(
        html.encode("koi8-r"), "text/html"
    )
    wrong_label = "na\u00efve caf\u00e9".encode()
    assert (
        decode_payload(wrong_label, "text/html; charset=no-such-charset") == "na\u00efve caf\u00e9"
    )


RSS = (
    b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Example News</title><link>https://example.org/</link>
<item><title>Talks resume in Geneva</title><link>https://example.org/geneva</link>
<guid>geneva-1</guid><pubDate>Tue, 09 Mar 2021 10:00:00 GMT</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>"""
    + FILLER.encode()
    + b"""</p>]]></content:encoded></item>
<item><title>Second item</title><link>https://example.org/second</link>
<description>Only a teaser here.</description></item>
</channel></rss>"""
)

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title>
<id>urn:example</id><updated>2022-01-02T00:00:00Z</updated>
<entry><title>Atom entry</title><link href="https://example.org/atom-1"/>
<id>urn:example:1</id><updated>2022-01-02T08:30:00Z</updated>
<summary>An Atom summary.</summary></entry></feed>"""


def test_rss_parses_entries():
    entries = parse_feed(RSS, "feed.xml")
    assert len(entries) == 2
    first = entries[0]
    assert isinstance(first, FeedEntry)
    assert first.link == "https://example.org/geneva"
    assert first.title == "Talks resume in Geneva"
    assert first.published == "2021-03-09"
    assert first.id == "geneva-1"
    assert first.content and "minister said" in first.content
    assert entries[1].content is None and entries[1].published is None


def test_atom_parses_entries_with_updated_date():
    (entry,) = parse_feed(ATOM, "atom.xml")
    assert entry.link == "https://example.org/atom-1"
    assert entry.published == "2022-01-02"
    assert entry.summary == "An Atom summary."
    assert entry.id == "urn:example:1"


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"<html><body>not a feed</body></html>",
        b"\x89PNG\r\n",
        b'<rss version="2.0"><channel></channel></rss>',
    ],
)
def test_bad_or_empty_feed_raises_bad_feed(data):
    with pytest.raises(IngestError) as info:
        parse_feed(data, "x.xml")
    assert info.value.code is Code.BAD_FEED


def test_looks_like_feed():
    assert looks_like_feed(RSS)
    assert looks_like_feed(ATOM)
    assert looks_like_feed(b'\xef\xbb\xbf<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="x">')
    assert not looks_like_feed(b"<!DOCTYPE html><html><head><title>x</title></head></html>")
    assert not looks_like_feed(b'{"items": []}')
    assert not looks_like_feed(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert not looks_like_feed(b"")


def test_entry_to_rawdoc_prefers_fetched_page():
    entry = parse_feed(RSS, "feed.xml")[0]
    doc = feed_entry_to_rawdoc(entry, "<html><body><p>page</p></body></html>", entry.link)
    assert doc is not None and doc.body.startswith("<html>")
    assert doc.url == entry.link
    assert doc.given == {"url": entry.link, "title": entry.title, "published": "2021-03-09"}


def test_entry_to_rawdoc_falls_back_to_full_content_only():
    full, teaser = parse_feed(RSS, "feed.xml")
    doc = feed_entry_to_rawdoc(full, None, "feed.xml#entry-1")
    assert doc is not None and doc.kind == "html" and "minister said" in doc.body
    assert doc.source == "feed.xml#entry-1"
    assert feed_entry_to_rawdoc(teaser, None, "feed.xml#entry-2") is None
    assert feed_entry_to_rawdoc(teaser, "   ", "feed.xml#entry-2") is None
