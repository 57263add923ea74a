"""What a source yields before cleaning: decoded text or HTML plus whatever fields were given."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any, Literal

from newsgraph.errors import Code, IngestError
from newsgraph.records import Rejected

# fields an input record may carry, kept verbatim (a given value wins over inference)
GIVEN_FIELDS = ("id", "url", "source", "title", "published", "language")


@dataclass(frozen=True)
class RawDoc:
    """One article-to-be.

    ``source`` names where it came from (a path, ``path:LINE`` for a JSONL line,
    ``path#record-N`` for WARC and CSV rows, or a URL); ``kind`` says whether ``body``
    holds plain text or HTML; ``given`` holds the fields of ``GIVEN_FIELDS`` that the
    input supplied (``source`` there is the outlet's name, e.g. "TASS").
    """

    source: str
    kind: Literal["text", "html"]
    body: str
    url: str | None = None
    given: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    """A cleaned article body with the metadata found beside it (HTML or plain text)."""

    text: str
    title: str | None = None
    date: str | None = None
    date_evidence: str | None = None
    language: str | None = None
    outlet: str | None = None


Item = RawDoc | Rejected  # what a reader yields


def rejected(source: str, code: Code, detail: str) -> Rejected:
    """A coded rejection whose id is stable for the same source."""
    return from_error(source, IngestError(code, detail))


def source_id(source: str) -> str:
    """A stable short id for an input that has no article id (a rejection)."""
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def from_error(source: str, exc: IngestError) -> Rejected:
    return Rejected(id=source_id(source), source=source, code=exc.code.value, message=exc.message)
