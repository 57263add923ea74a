"""Turn what the user names (files, folders, ``-``, URLs) into RawDocs or coded rejections.

One broken input never stops the rest: every failure becomes a ``Rejected`` record.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

from newsgraph.errors import Code, IngestError
from newsgraph.inputs.decode import decode_bytes, gunzip, is_gzip, meta_charset, sniff_binary
from newsgraph.inputs.fetch import Fetched, fetch, is_url
from newsgraph.inputs.raw import GIVEN_FIELDS, RawDoc
from newsgraph.records import Rejected
from newsgraph.settings import Settings

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
_TEXT_KEYS = ("text", "body", "content")
_HTML_KEYS = ("html", "raw_html")

Item = RawDoc | Rejected


@dataclass(frozen=True)
class InputRef:
    """One thing to read: a file, a URL or standard input."""

    kind: Literal["file", "url", "stdin"]
    location: str


def rejected(source: str, code: Code, detail: str) -> Rejected:
    """A coded rejection whose id is stable for the same source."""
    return from_error(source, IngestError(code, detail))


def source_id(source: str) -> str:
    """A stable short id for an input that has no article id (a rejection)."""
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def from_error(source: str, exc: IngestError) -> Rejected:
    return Rejected(id=source_id(source), source=source, code=exc.code.value, message=exc.message)


# ---------------------------------------------------------------- expanding inputs


def expand_inputs(
    inputs: Iterable[str], *, glob: str | None = None
) -> Iterator[InputRef | Rejected]:
    """Files in the order given; folders walked recursively in sorted order."""
    for name in inputs:
        if name == "-":
            yield InputRef("stdin", "-")
        elif is_url(name):
            yield InputRef("url", name)
        else:
            yield from _expand_path(Path(name), glob)


def _expand_path(path: Path, glob: str | None) -> Iterator[InputRef | Rejected]:
    if path.is_dir():
        pattern = glob or "*"
        for child in sorted(path.rglob(pattern)):
            if child.is_file() and not _hidden(child.relative_to(path)):
                yield InputRef("file", str(child))
    elif path.is_file():
        yield InputRef("file", str(path))
    else:
        yield rejected(str(path), Code.NOT_FOUND, str(path))


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


# ---------------------------------------------------------------- reading one input


def read_input(ref: InputRef, settings: Settings) -> Iterator[Item]:
    """Every RawDoc or rejection that one input yields."""
    try:
        if ref.kind == "stdin":
            yield from _read_jsonl_stream(sys.stdin.buffer, "-", settings)
        elif ref.kind == "url":
            yield from _read_url(ref.location, settings)
        else:
            yield from _read_file(Path(ref.location), settings)
    except IngestError as exc:
        yield from_error(ref.location, exc)
    except OSError as exc:
        yield rejected(ref.location, Code.NOT_FOUND, f"{ref.location}: {exc.strerror or exc}")


def _read_file(path: Path, settings: Settings) -> Iterator[Item]:
    source = str(path)
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise IngestError(Code.TOO_LARGE, f"{size:,} bytes (limit {settings.max_bytes:,})")
    data = path.read_bytes()
    if not data:
        raise IngestError(Code.EMPTY, "0 bytes")
    name = path.name.lower()
    if name.endswith((".warc", ".warc.gz")):
        yield from _read_warc(io.BytesIO(data), source)
        return
    if is_gzip(data) or name.endswith(".gz"):
        if not is_gzip(data):
            raise IngestError(Code.BAD_COMPRESSION, "named .gz but not gzip data")
        data = gunzip(data, max_bytes=settings.max_bytes)
        name = name.removesuffix(".gz")
        if not data:
            raise IngestError(Code.EMPTY, "gzip holds 0 bytes")
    yield from read_bytes(data, name, source, settings)


def read_bytes(
    data: bytes,
    name: str,
    source: str,
    settings: Settings,
    url: str | None = None,
    charset: str | None = None,
) -> Iterator[Item]:
    """Dispatch decoded content on its file name suffix, sniffing when it says nothing."""
    suffix = Path(name).suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_stream(io.BytesIO(data), source, settings)
    elif suffix == ".json":
        yield from _read_json(data, source, settings)
    elif suffix in (".csv", ".tsv"):
        yield from _read_csv(data, source, settings, delimiter="\t" if suffix == ".tsv" else ",")
    elif suffix == ".warc":
        yield from _read_warc(io.BytesIO(data), source)
    elif suffix in HTML_SUFFIXES:
        yield _html_doc(data, source, url, charset)
    elif suffix in TEXT_SUFFIXES:
        yield RawDoc(source=source, kind="text", body=decode_bytes(data, declared=charset), url=url)
    else:
        yield from _read_sniffed(data, source, settings, url, charset, suffix)


def _read_sniffed(
    data: bytes, source: str, settings: Settings, url: str | None, charset: str | None, suffix: str
) -> Iterator[Item]:
    if kind := sniff_binary(data):
        raise IngestError(Code.BINARY, kind)
    from newsgraph.inputs.feeds import looks_like_feed

    if looks_like_feed(data):
        yield from _read_feed(data, source, settings)
        return
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head or b"<p>" in head:
        yield _html_doc(data, source, url, charset)
    elif head.startswith(b"warc/"):
        yield from _read_warc(io.BytesIO(data), source)
    elif suffix in FEED_SUFFIXES:
        raise IngestError(Code.BAD_FEED, "XML that is not an RSS or Atom feed")
    else:
        yield RawDoc(source=source, kind="text", body=decode_bytes(data, declared=charset), url=url)


def _html_doc(data: bytes, source: str, url: str | None, charset: str | None) -> RawDoc:
    declared = charset or meta_charset(data)
    return RawDoc(source=source, kind="html", body=decode_bytes(data, declared=declared), url=url)


# ---------------------------------------------------------------- record dumps


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


def _read_jsonl_stream(stream: BinaryIO, source: str, settings: Settings) -> Iterator[Item]:
    for n, raw in enumerate(stream, 1):
        where = f"{source}:{n}"
        if not raw.strip():
            continue
        try:
            line = decode_bytes(raw)
            yield record_to_rawdoc(_json_loads(line), where, settings)
        except json.JSONDecodeError as exc:
            yield rejected(where, Code.BAD_JSON, f"line {n}: {exc.msg} at column {exc.colno}")
        except IngestError as exc:
            yield from_error(where, exc)


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
        yield from _read_jsonl_stream(io.BytesIO(data), source, settings)
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


# ---------------------------------------------------------------- WARC, feeds, URLs


def _read_warc(stream: BinaryIO, source: str) -> Iterator[Item]:
    from newsgraph.inputs.warc import iter_warc

    yield from iter_warc(stream, source)


def _read_feed(data: bytes, source: str, settings: Settings) -> Iterator[Item]:
    from newsgraph.inputs.feeds import feed_entry_to_rawdoc, parse_feed

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


def _read_url(url: str, settings: Settings) -> Iterator[Item]:
    page: Fetched = fetch(url, settings)
    if not page.content:
        raise IngestError(Code.EMPTY, f"{url} returned no content")
    from newsgraph.inputs.feeds import looks_like_feed

    if looks_like_feed(page.content) or "rss" in page.content_type or "atom" in page.content_type:
        yield from _read_feed(page.content, url, settings)
        return
    name = "page.txt" if page.content_type == "text/plain" else "page.html"
    yield from read_bytes(page.content, name, url, settings, url=page.url, charset=page.charset)
