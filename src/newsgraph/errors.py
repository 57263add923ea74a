"""One error hierarchy and one catalogue of coded messages.

Codes ``NG1xx`` are about reading input, ``NG2xx`` about the store, ``NG3xx`` about
configuration and usage, ``NG4xx`` about extraction. A user's mistake becomes a coded message, never a traceback.
"""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """Every error newsgraph reports, with its message template."""

    # ingest
    EMPTY = "NG101"
    BINARY = "NG102"
    TOO_LARGE = "NG103"
    BAD_ENCODING = "NG104"
    BAD_COMPRESSION = "NG105"
    BAD_JSON = "NG106"
    NO_TEXT_FIELD = "NG107"
    NO_BODY = "NG108"
    FETCH_FAILED = "NG109"
    PRIVATE_ADDRESS = "NG110"
    NOT_FOUND = "NG111"
    BAD_WARC = "NG112"
    BAD_FEED = "NG113"
    BAD_CSV = "NG114"
    UNSUPPORTED = "NG115"
    ID_CLASH = "NG116"
    # store
    DB_OPEN = "NG201"
    DB_SCHEMA = "NG202"
    # usage
    BAD_OPTION = "NG301"
    MISSING_EXTRA = "NG302"
    # extraction
    EXTRACT_FAILED = "NG401"


MESSAGES: dict[Code, str] = {
    Code.EMPTY: "empty input: {detail}",
    Code.BINARY: "not text: binary content ({detail})",
    Code.TOO_LARGE: "too large: {detail}",
    Code.BAD_ENCODING: "cannot decode text: {detail}",
    Code.BAD_COMPRESSION: "corrupt compressed data: {detail}",
    Code.BAD_JSON: "malformed JSON: {detail}",
    Code.NO_TEXT_FIELD: "no text: {detail}",
    Code.NO_BODY: "no article body found in HTML: {detail}",
    Code.FETCH_FAILED: "could not fetch URL: {detail}",
    Code.PRIVATE_ADDRESS: "refused to fetch a private or loopback address: {detail}"
    " (use --allow-private to permit it)",
    Code.NOT_FOUND: "no such file or directory: {detail}",
    Code.BAD_WARC: "malformed WARC: {detail}",
    Code.BAD_FEED: "malformed RSS/Atom feed: {detail}",
    Code.BAD_CSV: "malformed CSV: {detail}",
    Code.UNSUPPORTED: "unsupported input: {detail}",
    Code.ID_CLASH: "id already names a different article: {detail}",
    Code.DB_OPEN: "cannot open database: {detail}",
    Code.DB_SCHEMA: "database schema problem: {detail}",
    Code.BAD_OPTION: "bad option: {detail}",
    Code.MISSING_EXTRA: "missing optional dependency: {detail}",
    Code.EXTRACT_FAILED: "an extractor failed on one article, which keeps what it had: {detail}",
}


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose; carries a catalogue code."""

    def __init__(self, code: Code, detail: str = "") -> None:
        self.code = code
        self.detail = detail
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return MESSAGES[self.code].format(detail=self.detail)

    def __str__(self) -> str:
        return f"{self.code.value}: {self.message}"


class IngestError(NewsgraphError):
    """An input could not be read as an article (codes NG1xx)."""


class StoreError(NewsgraphError):
    """The database could not be opened or migrated (codes NG2xx)."""


class UsageError(NewsgraphError):
    """A bad option or argument (codes NG3xx)."""
