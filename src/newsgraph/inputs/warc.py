"""HTML pages out of WARC archives (.warc and .warc.gz), one ``RawDoc`` per response record.

Only ``response`` records whose HTTP Content-Type is HTML become documents; requests,
metadata, images and the like are skipped. The payload is decoded with the HTTP
charset, else a ``<meta>`` charset, else charset-normalizer's guess. A truncated or
corrupt archive yields the documents read so far, then one ``Rejected`` (NG112).
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newsgraph.errors import Code, IngestError
from newsgraph.inputs.decode import decode_bytes, header_charset, meta_charset
from newsgraph.inputs.raw import RawDoc, from_error, rejected
from newsgraph.records import Rejected

HTML_TYPES = ("text/html", "application/xhtml+xml")
# how far into a payload to look for a <meta charset>
# read size when draining a record
BLOCK = 65536

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


def iter_warc(stream: BinaryIO, source: str) -> Iterator[RawDoc | Rejected]:
    """Yield a ``RawDoc`` for each HTML response in a WARC, then a ``Rejected`` if it breaks.

    Documents are named ``{source}#record-{n}`` with ``n`` the record's 1-based
    position among all records of the archive, so a name points back into the file.
    warcio stops quietly at a cut in the file, so each record's length is checked
    against its Content-Length, each gzip member must reach its end marker, and bytes
    left after the last whole record count as a truncated one.
    """
    counted = _CountingReader(stream)
    position, end = 0, 0
    try:
        archive = ArchiveIterator(counted)
        reader = archive.reader
        for record in _records(archive):
            position += 1
            if not _has_content_length(record):
                yield rejected(source, Code.BAD_WARC, f"record {position} has no Content-Length")
                return
            name = f"{source}#record-{position}"
            try:
                doc: RawDoc | Rejected | None = _to_rawdoc(record, name)
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


def _to_rawdoc(record: ArcWarcRecord, name: str) -> RawDoc | None:
    """Read and decode an HTML response payload (warcio undoes chunking and gzip encoding)."""
    if not _is_html_response(record):
        return None
    payload = record.content_stream().read()
    content_type = record.http_headers.get_header("Content-Type") or ""
    url = record.rec_headers.get_header("WARC-Target-URI")
    given = {"url": url} if url else {}
    body = decode_payload(payload, content_type)
    return RawDoc(source=name, kind="html", body=body, url=url, given=given)


def decode_payload(payload: bytes, content_type: str = "") -> str:
    """Decode HTML bytes: the HTTP charset, else the ``<meta>`` one, else detection."""
    declared = header_charset(content_type) or meta_charset(payload)
    return decode_bytes(payload, declared=declared)
