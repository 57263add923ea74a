"""Turn what the user names (files, folders, ``-``, URLs) into RawDocs or coded rejections.

One broken input never stops the rest: every failure becomes a ``Rejected`` record.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from newsgraph import registry
from newsgraph.errors import Code, IngestError
from newsgraph.inputs.decode import gunzip, is_gzip, sniff_binary
from newsgraph.inputs.feeds import looks_like_feed
from newsgraph.inputs.fetch import Fetched, fetch, is_url
from newsgraph.inputs.raw import Item, from_error, rejected, source_id
from newsgraph.inputs.readers import read_feed, read_jsonl_stream, record_to_rawdoc
from newsgraph.records import Rejected
from newsgraph.settings import Settings

__all__ = [
    "InputRef",
    "Item",
    "expand_inputs",
    "from_error",
    "read_bytes",
    "read_input",
    "record_to_rawdoc",
    "rejected",
    "source_id",
    "source_labels",
]

# what to call a file instead of its path, in this context (web uploads: not the
# server's temporary path but the name the client gave)
_LABELS: ContextVar[dict[str, str] | None] = ContextVar("source_labels", default=None)


@contextmanager
def source_labels(labels: dict[str, str]) -> Iterator[None]:
    """Within the block, records read from the file paths in ``labels`` are named by the
    label (``upload:notes.txt``, ``upload:notes.txt:3`` for its third line)."""
    token = _LABELS.set({**(_LABELS.get() or {}), **labels})
    try:
        yield
    finally:
        _LABELS.reset(token)


@dataclass(frozen=True)
class InputRef:
    """One thing to read: a file, a URL or standard input."""

    kind: Literal["file", "url", "stdin"]
    location: str


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
    name = (_LABELS.get() or {}).get(ref.location, ref.location)
    try:
        if ref.kind == "stdin":
            yield from read_jsonl_stream(sys.stdin.buffer, "-", settings)
        elif ref.kind == "url":
            yield from _read_url(ref.location, settings)
        else:
            yield from _read_file(Path(ref.location), settings, name)
    except IngestError as exc:
        yield from_error(name, exc)
    except OSError as exc:
        yield rejected(name, Code.NOT_FOUND, f"{name}: {exc.strerror or exc}")


def _read_file(path: Path, settings: Settings, source: str) -> Iterator[Item]:
    size = path.stat().st_size
    if size > settings.max_bytes:
        raise IngestError(Code.TOO_LARGE, f"{size:,} bytes (limit {settings.max_bytes:,})")
    data = path.read_bytes()
    if not data:
        raise IngestError(Code.EMPTY, "0 bytes")
    name = path.name.lower()
    claimed = registry.reader_for_name(name)
    if claimed is not None and claimed.raw:  # it decompresses by itself, as it streams
        yield from claimed.read(data, source, settings, url=None, charset=None)
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
    """Hand the content to the reader its file name claims (the longest registered
    suffix), else to the first reader whose ``sniff`` recognises it, else read it as
    plain text. Binary content is refused before sniffing (NG102)."""
    reader = registry.reader_for_name(name)
    if reader is None:
        if kind := sniff_binary(data):
            raise IngestError(Code.BINARY, kind)
        reader = next((r for r in registry.sniffers() if r.sniff and r.sniff(data)), None)
    if reader is None:
        reader = next((r for r in registry.readers() if r.name == "text"), None)
        if reader is None:
            raise IngestError(Code.BINARY, "no reader for this input (no 'text' reader registered)")
    yield from reader.read(data, source, settings, url=url, charset=charset)


def _read_url(url: str, settings: Settings) -> Iterator[Item]:
    page: Fetched = fetch(url, settings)
    if not page.content:
        raise IngestError(Code.EMPTY, f"{url} returned no content")
    if looks_like_feed(page.content) or "rss" in page.content_type or "atom" in page.content_type:
        yield from read_feed(page.content, url, settings, url=page.url)
        return
    name = "page.txt" if page.content_type == "text/plain" else "page.html"
    yield from read_bytes(page.content, name, url, settings, url=page.url, charset=page.charset)
