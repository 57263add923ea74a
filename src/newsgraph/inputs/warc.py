"""HTML pages out of WARC archives (.warc and .warc.gz), one ``RawDoc`` per response record.

Only ``response`` records whose HTTP Content-Type is HTML become documents; requests,
metadata, images and the like are skipped. The payload is decoded with the HTTP
charset, else a ``<meta>`` charset, else charset-normalizer's guess. A truncated or
corrupt archive yields the documents read so far, then one ``Rejected`` (NG112).

Nothing is inflated into memory whole: records stream through warcio (a gzip member at
a time, a block at a time), a record whose block is longer than the size cap is
skipped (NG103) without reading its payload, and an HTTP body is read in blocks and
refused (NG103) as soon as its decoded size (after chunking and Content-Encoding)
passes the cap. Header lines are capped too (``HEADER_CAP``), since warcio reads them
whole: a single endless header line breaks the archive (NG112) instead of memory.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newsgraph.errors import Code, IngestError
from newsgraph.inputs.decode import decode_bytes, header_charset, meta_charset
from newsgraph.inputs.raw import RawDoc, from_error, rejected
from newsgraph.records import Rejected

HTML_TYPES = ("text/html", "application/xhtml+xml")
# read size when draining or reading a record
BLOCK = 65536
# the WARC and HTTP header lines of one record, together (warcio reads each line whole)
HEADER_CAP = 1 << 20
# a record's block may exceed the body cap by its HTTP headers and chunk markers
BLOCK_SLACK = HEADER_CAP

# what warcio, gzip and the HTTP parser raise on a truncated or corrupt archive
_BROKEN_ARCHIVE = (
    ArchiveLoadFailed,
    EOFError,
    OSError,
    zlib.error,
    ValueError,
    IndexError,
    OverflowError,  # a Content-Length past 2**63
)


def iter_warc(
    stream: BinaryIO, source: str, *, max_bytes: int = 20_000_000
) -> Iterator[RawDoc | Rejected]:
    """Yield a ``RawDoc`` for each HTML response in a WARC, then a ``Rejected`` if it breaks.

    Documents are named ``{source}#record-{n}`` with ``n`` the record's 1-based
    position among all records of the archive, so a name points back into the file.
    warcio stops quietly at a cut in the file, so each record's length is checked
    against its Content-Length, each gzip member must reach its end marker, and bytes
    left after the last whole record count as a truncated one. ``max_bytes`` caps each
    HTML body once decoded (NG103 for that record; the archive goes on).
    """
    counted = _CountingReader(stream)
    position, end = 0, 0
    try:
        archive = ArchiveIterator(counted)
        reader = archive.reader = _HeaderCappedReader(archive.fh, block_size=BLOCK // 4)
        for record in _records(archive):
            position += 1
            if not _has_content_length(record):
                yield rejected(source, Code.BAD_WARC, f"record {position} has no Content-Length")
                return
            name = f"{source}#record-{position}"
            try:
                doc: RawDoc | Rejected | None = _to_rawdoc(record, name, max_bytes)
            except IngestError as exc:  # one undecodable page; the archive goes on
                doc = from_error(name, exc)
            if _unread_bytes(record):
                yield rejected(source, Code.BAD_WARC, f"record {position} is truncated")
                return
            archive.read_to_end()
            end = archive.get_record_offset() + archive.get_record_length()
            if doc is not None:
                yield doc
            if _gzip_member_cut(reader):
                yield rejected(source, Code.BAD_WARC, f"compressed record {position} is cut short")
                return
    except _BROKEN_ARCHIVE as exc:
        yield rejected(
            source, Code.BAD_WARC, f"after {position} record(s): {type(exc).__name__}: {exc}"
        )
        return
    if position == 0:
        yield rejected(source, Code.BAD_WARC, "no WARC records found")
    elif counted.has_data_after(end):
        yield rejected(source, Code.BAD_WARC, f"truncated after record {position}")


def _records(archive: ArchiveIterator) -> Iterator[ArcWarcRecord]:
    """warcio's records, with its crashes on malformed headers turned into
    ``ArchiveLoadFailed`` (a response record without WARC-Target-URI raises AttributeError)."""
    records = iter(archive)
    while True:
        try:
            record = next(records)
        except StopIteration:
            return
        except (AttributeError, TypeError, KeyError) as exc:
            raise ArchiveLoadFailed(f"malformed record header ({type(exc).__name__})") from exc
        yield record


class _CountingReader(io.RawIOBase):
    """A read-only wrapper that counts the bytes read and keeps the last few of them."""

    TAIL = 16

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__()
        self._stream = stream
        self.count = 0
        self.tail = b""

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.count += len(data)
        self.tail = (self.tail + data)[-self.TAIL :]
        return data

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def has_data_after(self, end: int) -> bool:
        """True when bytes other than the blank lines between records follow offset ``end``."""
        left = self.count - end
        if left <= 0:
            return False
        return left > self.TAIL or bool(self.tail[-left:].strip())


class _HeaderCappedReader(DecompressingBufferedReader):  # type: ignore[misc]
    """warcio's reader, with the header lines read between two payload reads capped:
    warcio parses WARC and HTTP headers with unbounded ``readline`` calls, so one
    endless line would otherwise be held whole in memory."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.line_bytes = 0

    def readline(self, length: int | None = None) -> bytes:
        room = HEADER_CAP - self.line_bytes
        length = room + 1 if length is None else min(length, room + 1)
        line: bytes = super().readline(length)
        self.line_bytes += len(line)
        if self.line_bytes > HEADER_CAP:
            raise ArchiveLoadFailed(f"header lines longer than {HEADER_CAP:,} bytes")
        return line

    def read(self, length: int | None = None) -> bytes:
        self.line_bytes = 0
        data: bytes = super().read(length)
        return data


def _gzip_member_cut(reader: object) -> bool:
    """True when the gzip member just read ended before its end-of-stream marker."""
    decompressor = getattr(reader, "decompressor", None)
    return decompressor is not None and getattr(decompressor, "eof", True) is False


def _has_content_length(record: ArcWarcRecord) -> bool:
    length = record.rec_headers.get_header("Content-Length") if record.rec_headers else None
    return bool(length and length.strip().isdigit())


def _unread_bytes(record: ArcWarcRecord) -> int:
    """Drain a record's block; return how many of its Content-Length bytes were missing."""
    while record.raw_stream.read(BLOCK):
        pass
    return max(0, getattr(record.raw_stream, "limit", 0))


def _is_html_response(record: ArcWarcRecord) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(kind in content_type for kind in HTML_TYPES)


def _to_rawdoc(record: ArcWarcRecord, name: str, max_bytes: int) -> RawDoc | None:
    """Read and decode an HTML response payload (warcio undoes chunking and gzip
    encoding), refusing (NG103) a record or a decoded body over ``max_bytes``."""
    if not _is_html_response(record):
        return None
    length = int(record.rec_headers.get_header("Content-Length").strip())
    if length > max_bytes + BLOCK_SLACK:
        raise IngestError(Code.TOO_LARGE, f"WARC record of {length:,} bytes (limit {max_bytes:,})")
    payload = read_capped(record.content_stream(), max_bytes)
    content_type = record.http_headers.get_header("Content-Type") or ""
    url = record.rec_headers.get_header("WARC-Target-URI")
    given = {"url": url} if url else {}
    body = decode_payload(payload, content_type)
    return RawDoc(source=name, kind="html", body=body, url=url, given=given)


def read_capped(stream: object, max_bytes: int) -> bytes:
    """Read ``stream`` to its end in blocks; NG103 as soon as it passes ``max_bytes``."""
    body = bytearray()
    read = stream.read  # type: ignore[attr-defined]
    while chunk := read(BLOCK):
        body += chunk
        if len(body) > max_bytes:
            raise IngestError(Code.TOO_LARGE, f"HTTP body decodes past {max_bytes:,} bytes")
    return bytes(body)


def decode_payload(payload: bytes, content_type: str = "") -> str:
    """Decode HTML bytes: the HTTP charset, else the ``<meta>`` one, else detection."""
    declared = header_charset(content_type) or meta_charset(payload)
    return decode_bytes(payload, declared=declared)
