"""Fuzz targets over newsgraph's decoders and parsers, and input generators for them.

Every target takes raw bytes and runs one parser to the end. The property: a parser
either returns (possibly ``Rejected`` records) or raises ``IngestError``; anything else
escaping is a bug. ``fuzz/run.py`` drives the targets with hypothesis (and atheris when
installed); ``tests/test_fuzz_corpus.py`` replays the seed corpus through all of them.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import strategies as st

from newsgraph.errors import IngestError
from newsgraph.inputs.clean import clean_text
from newsgraph.inputs.decode import decode_bytes
from newsgraph.inputs.feeds import parse_feed
from newsgraph.inputs.fetch import check_public
from newsgraph.inputs.html import extract_html
from newsgraph.inputs.readers import read_jsonl_stream
from newsgraph.inputs.sources import read_bytes
from newsgraph.inputs.warc import iter_warc
from newsgraph.settings import Settings

# never fetch: feed entries' links are checked by the check_public target instead
SETTINGS = Settings(max_bytes=1_000_000, fetch_feed_pages=False)
CAPPED = Settings(max_bytes=300, fetch_feed_pages=False)
READ_BYTES_NAMES = ("a.txt", "a.html", "a.jsonl", "a.json", "a.csv", "a.warc", "a.rss")
CHARSETS = (None, "utf-8", "latin-1", "windows-1252", "koi8-r", "utf-16", "shift_jis", "x-nonsense")


def as_text(data: bytes) -> str:
    """Bytes as the str a text parser would get (lone surrogates kept, as JSON can make)."""
    return data.decode("utf-8", "surrogateescape")


# ---- targets: each runs one parser over the bytes to the end --------------------------------


def run_decode_bytes(data: bytes) -> None:
    decode_bytes(data)
    declared = CHARSETS[data[-1] % len(CHARSETS)] if data else None  # a charset the input picks
    if declared:
        decode_bytes(data, declared=declared)


def run_read_bytes(name: str) -> Callable[[bytes], None]:
    def target(data: bytes) -> None:
        list(read_bytes(data, name, name, SETTINGS))

    target.__name__ = f"read_bytes_{name.split('.')[-1]}"
    return target


def run_read_bytes_capped(name: str) -> Callable[[bytes], None]:
    """``read_bytes`` under a 300-byte cap, so that every reader's refusals are reached
    (WARC records and their HTTP bodies, gzip members, JSON lines over the cap)."""

    def target(data: bytes) -> None:
        list(read_bytes(data, name, name, CAPPED))

    target.__name__ = f"read_bytes_capped_{name.split('.', 1)[-1].replace('.', '_')}"
    return target


def run_read_jsonl_stream(data: bytes) -> None:
    """Standard input: JSON lines read from a stream, each under the cap."""
    list(read_jsonl_stream(io.BytesIO(data), "-", CAPPED))


def run_iter_warc(data: bytes) -> None:
    list(iter_warc(io.BytesIO(data), "f.warc"))


def run_parse_feed(data: bytes) -> None:
    parse_feed(data, "f.rss")


def run_check_public(data: bytes) -> None:
    """URL parsing only: allow_private returns before any DNS look-up."""
    check_public(as_text(data), allow_private=True)
    check_public("https://" + as_text(data), allow_private=True)


def run_extract_html(data: bytes) -> None:
    extract_html(as_text(data), url="https://example.test/a")


def run_clean_text(data: bytes) -> None:
    text = as_text(data)
    clean_text(text)
    clean_text(text, known_title=text[:30])


def call_target(target: Callable[[bytes], None], data: bytes) -> None:
    """Run ``target``; an ``IngestError`` is a proper refusal, anything else propagates."""
    with contextlib.suppress(IngestError):
        target(data)


# ---- generators: raw bytes plus near-valid documents with damage ----------------------------

HTML_PIECES = (
    "<html>",
    "<head>",
    "</head>",
    "<body>",
    "</body>",
    "<p>",
    "</p>",
    "<article>",
    "</article>",
    "<div class='content'>",
    "</div>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    '<meta charset="koi8-r">',
    '<meta property="og:title" content="x">',
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&#xD800;",
    "<title>",
    "</title>",
    "\x00",
    "<br/>",
    "<![CDATA[",
    "]]>",
    "<?xml version='1.0'?>",
    "<table><tr><td>",
    '<html lang="zz">',
    "<h1>",
    "</h1>",
    "<time datetime='2020-13-45'>",
    "<a href='javascript:x'>",
    "\ufeff",
    "\u2028",
    "\r",
)
FEED_PIECES = (
    "<?xml version='1.0' encoding='utf-8'?>",
    "<rss version='2.0'>",
    "</rss>",
    "<channel>",
    "</channel>",
    "<item>",
    "</item>",
    "<title>",
    "</title>",
    "<link>",
    "</link>",
    "<description>",
    "</description>",
    "<pubDate>",
    "</pubDate>",
    "Mon, 32 Foo 99999",
    "<feed xmlns='http://www.w3.org/2005/Atom'>",
    "</feed>",
    "<entry>",
    "</entry>",
    "<content type='html'>",
    "</content>",
    "https://x.test/",
    "&lt;p&gt;",
    "<!DOCTYPE x [",
    "<!ENTITY a 'aaaa'>",
    "&a;",
    "]>",
    "\x00",
    "<![CDATA[",
    "]]>",
)


def _pieces(pieces: tuple[str, ...]) -> st.SearchStrategy[bytes]:
    part = st.sampled_from(pieces) | st.text(max_size=30)
    return st.lists(part, max_size=40).map(lambda xs: "".join(xs).encode("utf-8", "surrogatepass"))


def _warc_record(payload: bytes, length_delta: int, http: bool) -> bytes:
    body = payload
    if http:
        body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + payload
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.test/a\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {max(0, len(body) + length_delta)}\r\n\r\n"
    )
    return head.encode() + body + b"\r\n\r\n"


@st.composite
def warc_bytes(draw: st.DrawFn) -> bytes:
    records = draw(
        st.lists(
            st.builds(
                _warc_record,
                _pieces(HTML_PIECES),
                st.sampled_from((0, 0, 0, -3, 5)),
                st.booleans(),
            ),
            min_size=1,
            max_size=3,
        )
    )
    data = b"".join(records)
    if draw(st.booleans()):
        data = b"".join(gzip.compress(r) for r in records)
    return draw(damaged(data))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
article_objects = st.fixed_dictionaries(
    {},
    optional={
        k: json_values | st.text(max_size=60)
        for k in ("id", "title", "text", "html", "body", "url", "published", "language", "source")
    },
)


def _jsonl(objs: list[object]) -> bytes:
    return "\n".join(json.dumps(o) for o in objs).encode("utf-8", "surrogatepass")


def _csv(rows: list[list[str]]) -> bytes:
    return "\n".join(",".join(r) for r in rows).encode("utf-8", "surrogatepass")


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` as given, cut short, or with a few bytes changed or inserted."""
    how = draw(st.sampled_from(("keep", "cut", "flip", "insert")))
    if how == "keep" or not data:
        return data
    at = draw(st.integers(0, len(data) - 1))
    if how == "cut":
        return data[:at]
    junk = draw(st.binary(min_size=1, max_size=4))
    if how == "flip":
        return data[:at] + junk + data[at + len(junk) :]
    return data[:at] + junk + data[at:]


def _then_damaged(strategy: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    return strategy.flatmap(damaged)


RAW = st.binary(max_size=2000)


def _gzipped(strategy: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """gzip of the inputs, whole, cut short, or with bytes changed (``damaged``)."""
    return strategy.map(lambda data: gzip.compress(data, mtime=0)).flatmap(
        lambda data: st.just(data) | damaged(data)
    )


# values past Python's own limits: nesting beyond the recursion limit, 5,000-digit integers
LIMITS = st.sampled_from((b"[", b'{"a":')).flatmap(
    lambda opener: st.integers(500, 3000).map(lambda n: opener * n)
) | st.integers(4000, 6000).map(lambda n: b'{"text": "x", "id": 1' + b"0" * n + b"}")
HTML = _then_damaged(_pieces(HTML_PIECES))
FEED = _then_damaged(_pieces(FEED_PIECES))
JSONL = _then_damaged(st.lists(article_objects | json_values, max_size=5).map(_jsonl))
JSON = _then_damaged(
    (article_objects | st.lists(article_objects, max_size=4) | json_values).map(
        lambda o: json.dumps(o).encode("utf-8", "surrogatepass")
    )
)
CSV_CELLS = st.sampled_from(('"', "text", "title", "html", '""', "\r", "\x00", "é")) | st.text(
    max_size=15
)
CSV = _then_damaged(st.lists(st.lists(CSV_CELLS, max_size=5), max_size=6).map(_csv))
URL_PIECES = (
    "https://",
    "http://",
    "[",
    "]",
    "::1",
    ":",
    "@",
    "99999",
    "x.test",
    "/",
    "%",
    "#",
    "?",
)
URLS = _then_damaged(_pieces(URL_PIECES))
TEXT = st.text(max_size=3000).map(lambda s: s.encode("utf-8", "surrogatepass"))

GZ_JSONL = _gzipped(JSONL | RAW)
GZ_WARC = _gzipped(warc_bytes() | RAW)


@dataclass(frozen=True)
class Target:
    """One parser under test and the inputs to feed it."""

    name: str
    run: Callable[[bytes], None]
    inputs: st.SearchStrategy[bytes]


TARGETS: dict[str, Target] = {
    t.name: t
    for t in (
        Target("decode_bytes", run_decode_bytes, RAW | TEXT | HTML),
        Target("read_bytes_txt", run_read_bytes("a.txt"), RAW | TEXT),
        Target("read_bytes_html", run_read_bytes("a.html"), RAW | HTML),
        Target("read_bytes_jsonl", run_read_bytes("a.jsonl"), RAW | JSONL | LIMITS),
        Target("read_bytes_json", run_read_bytes("a.json"), RAW | JSON | LIMITS),
        Target("read_bytes_csv", run_read_bytes("a.csv"), RAW | CSV),
        Target("read_bytes_warc", run_read_bytes("a.warc"), RAW | warc_bytes()),
        Target("read_bytes_rss", run_read_bytes("a.rss"), RAW | FEED),
        Target("read_bytes_capped_jsonl_gz", run_read_bytes_capped("a.jsonl.gz"), GZ_JSONL),
        Target("read_bytes_capped_warc", run_read_bytes_capped("a.warc"), RAW | warc_bytes()),
        Target("read_bytes_capped_warc_gz", run_read_bytes_capped("a.warc.gz"), GZ_WARC),
        Target("read_jsonl_stream", run_read_jsonl_stream, RAW | JSONL | LIMITS),
        Target("iter_warc", run_iter_warc, RAW | warc_bytes()),
        Target("parse_feed", run_parse_feed, RAW | FEED),
        Target("check_public", run_check_public, URLS | RAW),
        Target("extract_html", run_extract_html, RAW | HTML),
        Target("clean_text", run_clean_text, TEXT | RAW),
    )
}
