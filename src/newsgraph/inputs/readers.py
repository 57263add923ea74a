"""The built-in input readers, one per format, registered through the
``newsgraph.readers`` entry points (see :mod:`newsgraph.registry`).

A reader claims file-name suffixes and may ``sniff`` content whose name says nothing;
``read(data, source, settings, url=..., charset=...)`` yields RawDocs or coded
rejections, one per record, so one bad record never stops the rest.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any, BinaryIO, Literal

from newsgraph.errors import Code, IngestError
from newsgraph.inputs.decode import decode_bytes, meta_charset, sniff_binary
from newsgraph.inputs.feeds import feed_entry_to_rawdoc, looks_like_feed, parse_feed
from newsgraph.inputs.fetch import fetch, is_url
from newsgraph.inputs.raw import GIVEN_FIELDS, Item, RawDoc, from_error, rejected
from newsgraph.inputs.warc import iter_warc
from newsgraph.registry import Reader
from newsgraph.settings import Settings

_TEXT_KEYS = ("text", "body", "content")
_HTML_KEYS = ("html", "raw_html")


def read_text(
    data: bytes,
    source: str,
    settings: Settings,
    *,
    url: str | None = None,
    charset: str | None = None,
) -> Iterator[Item]:
    """Plain text in any encoding. Of a text far longer than ``[ingest] max_text_chars``
    only the beginning is decoded (:func:`text_head`); ``size_bytes`` says so."""
    head = text_head(data, settings.max_text_chars)
    body = decode_bytes(head, declared=charset)
    size = None
    if len(head) < len(data):
        if len(body) >= settings.max_text_chars:
            size = len(data)
        else:  # the head's lines held too little (a long last line): decode it all
            body = decode_bytes(data, declared=charset)
    yield RawDoc(source=source, kind="text", body=body, url=url, size_bytes=size)


def text_head(data: bytes, max_chars: int) -> bytes:
    """The first lines of ``data`` that surely hold ``max_chars`` characters: the bytes up
    to the last line break within ``4 * max_chars`` (no character takes more than 4 bytes
    in UTF-8 or a legacy encoding, and a line-break byte is never part of another
    character in those). ``data`` itself when it is not that long, when the limit is off
    (0), or for text that may be UTF-16/32 (a NUL or a wide BOM in its first 64 KiB),
    whose line breaks are two or four bytes."""
    size = 4 * max_chars
    if max_chars < 1 or len(data) <= size:
        return data
    start = data[: 1 << 16]
    if b"\0" in start or start.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data
    cut = data.rfind(b"\n", 0, size)
    return data[: cut + 1] if cut > 0 else data


def read_html(
    data: bytes,
    source: str,
    settings: Settings,
    *,
    url: str | None = None,
    charset: str | None = None,
) -> Iterator[Item]:
    """One HTML page; its charset from the transport, else its meta tag, else detected."""
    yield _html_doc(data, source, url, charset)


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head


def _html_doc(data: bytes, source: str, url: str | None, charset: str | None) -> RawDoc:
    declared = charset or meta_charset(data)
    return RawDoc(source=source, kind="html", body=decode_bytes(data, declared=declared), url=url)


def read_jsonl(data: bytes, source: str, settings: Settings, **_: Any) -> Iterator[Item]:
    """JSON Lines: one record per line."""
    yield from read_jsonl_stream(io.BytesIO(data), source, settings)


def read_json(data: bytes, source: str, settings: Settings, **_: Any) -> Iterator[Item]:
    """A JSON record, a list of records, or ``{"articles": [...]}``."""
    yield from _read_json(data, source, settings)


def read_csv(data: bytes, source: str, settings: Settings, **_: Any) -> Iterator[Item]:
    yield from _read_csv(data, source, settings, delimiter=",")


def read_tsv(data: bytes, source: str, settings: Settings, **_: Any) -> Iterator[Item]:
    yield from _read_csv(data, source, settings, delimiter="\t")


def read_warc(data: bytes, source: str, settings: Settings, **_: Any) -> Iterator[Item]:
    """Every HTML response record of a WARC file (gzipped or not)."""
    yield from iter_warc(io.BytesIO(data), source, max_bytes=settings.max_bytes)


def looks_like_warc(data: bytes) -> bool:
    return data[:2048].lstrip().lower().startswith(b"warc/")


def read_feed(
    data: bytes,
    source: str,
    settings: Settings,
    *,
    url: str | None = None,
    charset: str | None = None,
) -> Iterator[Item]:
    """An RSS or Atom feed (an ``.xml`` that is an HTML page is read as one)."""
    if kind := sniff_binary(data):
        raise IngestError(Code.BINARY, kind)
    if looks_like_feed(data):
        yield from _read_feed(data, source, settings)
    elif looks_like_html(data):
        yield _html_doc(data, source, url, charset)
    else:
        raise IngestError(Code.BAD_FEED, "XML that is not an RSS or Atom feed")


def record_to_rawdoc(obj: Any, source: str, settings: Settings) -> RawDoc:
    """A JSON/CSV record with id, url, source, title, published, language, text or html."""
    if not isinstance(obj, dict):
        raise IngestError(Code.BAD_JSON, f"expected an object, got {type(obj).__name__}")
    given = {k: obj[k] for k in GIVEN_FIELDS if obj.get(k) not in (None, "")}
    for key in ("id", "title", "published", "language", "source", "url"):
        if key in given and not isinstance(given[key], str):
            given[key] = str(given[key])
    html = next(
        (obj[k] for k in _HTML_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None
    )
    text = next(
        (obj[k] for k in _TEXT_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None
    )
    kind: Literal["text", "html"] = "text" if text is not None else "html"
    body = text if text is not None else html
    if body is None:
        raise IngestError(Code.NO_TEXT_FIELD, "record has no non-empty 'text' or 'html' field")
    if len(body) > settings.max_bytes:
        raise IngestError(Code.TOO_LARGE, f"{len(body):,} characters")
    if "\x00" in body:
        raise IngestError(Code.BAD_ENCODING, "NUL characters in text")
    return RawDoc(source=source, kind=kind, body=body, url=given.get("url"), given=given)


def read_jsonl_stream(stream: BinaryIO, source: str, settings: Settings) -> Iterator[Item]:
    """One record per line, each line read under the size cap (standard input is never
    read whole, and a line longer than ``max_bytes`` is refused, NG103, unread)."""
    for n, raw in enumerate(capped_lines(stream, settings.max_bytes), 1):
        where = f"{source}:{n}"
        if raw is None:
            yield rejected(where, Code.TOO_LARGE, f"line over {settings.max_bytes:,} bytes")
            continue
        if not raw.strip():
            continue
        item: Item
        try:
            item = record_to_rawdoc(_json_loads(decode_bytes(raw)), where, settings)
        except json.JSONDecodeError as exc:
            item = rejected(where, Code.BAD_JSON, f"line {n}: {exc.msg} at column {exc.colno}")
        except IngestError as exc:
            item = from_error(where, exc)
        # the line's bytes are not kept while the record is cleaned and analysed (a
        # 5,000,000-character line held 5 MB of bytes and 10 MB of decoded JSON: issue 12)
        raw = None
        yield item


def capped_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of ``stream``, None for each one longer than ``limit`` bytes (skipped in
    blocks, never held whole). A line handed on is not kept by the generator."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            handed = [line]
            del line
            yield handed.pop()
            continue
        while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
            pass
        yield None


def _json_loads(text: str) -> Any:
    """``json.loads``; the other errors it raises become IngestError (NG106): nesting
    past the recursion limit, integers longer than Python converts."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise IngestError(Code.BAD_JSON, "nested too deeply") from None
    except ValueError as exc:
        raise IngestError(Code.BAD_JSON, str(exc).split(";")[0]) from None


def _read_json(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    text = decode_bytes(data)
    try:
        obj = _json_loads(text)
    except json.JSONDecodeError:
        yield from read_jsonl_stream(io.BytesIO(data), source, settings)
        return
    if isinstance(obj, dict) and isinstance(obj.get("articles"), list):
        obj = obj["articles"]
    records = obj if isinstance(obj, list) else [obj]
    for n, record in enumerate(records):
        where = f"{source}#{n}" if isinstance(obj, list) else source
        try:
            yield record_to_rawdoc(record, where, settings)
        except IngestError as exc:
            yield from_error(where, exc)


def _read_csv(data: bytes, source: str, settings: Settings, *, delimiter: str) -> Iterator[Item]:
    text = decode_bytes(data)
    csv.field_size_limit(max(settings.max_bytes, 1 << 20))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if not set(columns) & {*_TEXT_KEYS, *_HTML_KEYS}:
        shown = ", ".join(columns[:8]) or "none"
        raise IngestError(
            Code.NO_TEXT_FIELD, f"CSV has no 'text' or 'html' column (columns: {shown})"
        )
    reader.fieldnames = columns
    try:
        for n, row in enumerate(reader, 1):
            where = f"{source}#row-{n}"
            try:
                yield record_to_rawdoc(row, where, settings)
            except IngestError as exc:
                yield from_error(where, exc)
    except csv.Error as exc:
        raise IngestError(Code.BAD_CSV, f"line {reader.line_num}: {exc}") from None


def _read_feed(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    for n, entry in enumerate(parse_feed(data, source)):
        where = entry.link or f"{source}#entry-{n}"
        html: str | None = None
        failure: IngestError | None = None
        if entry.link and is_url(entry.link) and settings.fetch_feed_pages:
            try:
                page = fetch(entry.link, settings)
                html = decode_bytes(page.content, declared=page.charset)
            except IngestError as exc:
                failure = exc
        doc = feed_entry_to_rawdoc(entry, html, where)
        if doc is not None:
            yield doc
        elif failure is not None:
            yield from_error(where, failure)
        else:
            yield rejected(where, Code.NO_TEXT_FIELD, "feed entry has no page and no full content")


FEED = Reader(
    "feed", read_feed, suffixes=(".rss", ".atom", ".xml"), sniff=looks_like_feed, priority=30
)
HTML = Reader(
    "html",
    read_html,
    suffixes=(".html", ".htm", ".xhtml", ".shtml"),
    sniff=looks_like_html,
    priority=20,
)
WARC = Reader(
    "warc", read_warc, suffixes=(".warc", ".warc.gz"), sniff=looks_like_warc, priority=10, raw=True
)
JSONL = Reader("jsonl", read_jsonl, suffixes=(".jsonl", ".ndjson"))
JSON = Reader("json", read_json, suffixes=(".json",))
CSV = Reader("csv", read_csv, suffixes=(".csv",))
TSV = Reader("tsv", read_tsv, suffixes=(".tsv",))
TEXT = Reader("text", read_text, suffixes=(".txt", ".text", ".md"))
