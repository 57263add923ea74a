"""What a source yields before cleaning: decoded text or HTML plus whatever fields were given.

Everything a reader hands on passes through here, so the limits of what the store can
hold are applied once, the same way for SQLite and PostgreSQL (``normalise_given``):
a given ``id`` over 64 characters is shortened to a stable 64 (its start and a hash),
``language`` must look like a language tag (else language identification decides),
``published`` is kept when ISO 8601, else read as an RFC 2822 or a plain written date
and stored as ``YYYY-MM-DD``, else left out (the date is then inferred); an outlet
(``source``) is cut to 200 characters. Each change is logged as a warning. Lone UTF-16
surrogates (JSON can carry them, a file system can hand them out for bytes that are not
UTF-8) cannot be stored: in names they become ``\\xNN`` escapes, in text U+FFFD.
"""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from typing import Any, Literal

from newsgraph.errors import Code, IngestError
from newsgraph.records import Rejected

log = logging.getLogger(__name__)

# fields an input record may carry, kept verbatim (a given value wins over inference)
GIVEN_FIELDS = ("id", "url", "source", "title", "published", "language")
# the store's column widths (store/schema.py)
MAX_ID, MAX_LANGUAGE, MAX_DATE, MAX_OUTLET = 64, 16, 32, 200
_SURROGATE = re.compile("[\ud800-\udfff]")
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[a-z0-9]{1,8})*")
_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2}([T ][0-9:.,]+(Z|[+-]\d{2}(:?\d{2})?)?)?)?)?")


def escape_name(name: str) -> str:
    """A file name as storable text: the bytes that are not UTF-8 (which ``os.fsdecode``
    gives as lone surrogates) become ``\\xNN`` escapes; other names are unchanged."""
    if not _SURROGATE.search(name):
        return name
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # surrogates that stand for no byte
        return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def storable(text: str) -> str:
    """``text`` with any lone surrogate replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def normalise_given(given: dict[str, Any], source: str) -> dict[str, Any]:
    """The given fields made storable on every backend (see the module docstring)."""
    out: dict[str, Any] = {}
    for key, value in given.items():
        if isinstance(value, str):
            value = storable(value).strip()
            if not value:
                continue
        out[key] = value
    if isinstance(out.get("id"), str) and len(out["id"]) > MAX_ID:
        digest = hashlib.sha256(out["id"].encode()).hexdigest()[:16]
        short = f"{out['id'][: MAX_ID - 17]}~{digest}"
        _warn(source, "id", out["id"], f"shortened to {short!r}")
        out["id"] = short
    if isinstance(out.get("language"), str):
        tag = out["language"].lower().replace("_", "-")
        if len(tag) <= MAX_LANGUAGE and _LANGUAGE_TAG.fullmatch(tag):
            out["language"] = tag
        else:
            _warn(source, "language", out.pop("language"), "not a language tag: detected instead")
    if isinstance(out.get("published"), str):
        published = normal_date(out["published"])
        if published is None:
            _warn(source, "published", out.pop("published"), "not a date: inferred instead")
        elif published != out["published"]:
            out["published"] = published
    if isinstance(out.get("source"), str) and len(out["source"]) > MAX_OUTLET:
        _warn(source, "source", out["source"], f"cut to {MAX_OUTLET} characters")
        out["source"] = out["source"][:MAX_OUTLET].rstrip()
    return out


@lru_cache(maxsize=4096)  # a corpus repeats its dates; dateparser is slow
def normal_date(value: str) -> str | None:
    """An ISO 8601 date as given (up to 32 characters), else the ``YYYY-MM-DD`` of an
    RFC 2822 or plainly written date; None when it reads as no date."""
    value = value.strip()
    if len(value) <= MAX_DATE and _ISO_DATE.fullmatch(value):
        return value
    parsed: date | None = None
    try:
        parsed = datetime.fromisoformat(value).date()
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value).date()
        except (TypeError, ValueError, IndexError):
            parsed = _written_date(value)
    return parsed.isoformat() if parsed else None


def _written_date(value: str) -> date | None:
    """'1 March 2017', 'March 1, 2017' and the like; nothing without a day, month and year."""
    if len(value) > 100 or not re.search(r"\d{4}", value):
        return None
    import dateparser

    found = dateparser.parse(
        value,
        languages=None,
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return found.date() if found else None


def _warn(source: str, key: str, value: Any, what: str) -> None:
    shown = str(value)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    log.warning("%s: given %s %r %s", source, key, shown, what)


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
    # the input's size when only its beginning was decoded (a text far over
    # [ingest] max_text_chars: inputs.readers.text_head)
    size_bytes: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "source", escape_name(self.source))
        object.__setattr__(self, "body", storable(self.body))
        if self.url is not None:
            object.__setattr__(self, "url", storable(self.url))
        object.__setattr__(self, "given", normalise_given(self.given, self.source))


@dataclass(frozen=True)
class Page:
    """A cleaned article body with the metadata found beside it (HTML or plain text)."""

    text: str
    title: str | None = None
    date: str | None = None
    date_evidence: str | None = None
    language: str | None = None
    outlet: str | None = None

    def __post_init__(self) -> None:
        # what a page says of itself is as untrusted as a given field
        if self.outlet and len(self.outlet) > MAX_OUTLET:
            object.__setattr__(self, "outlet", self.outlet[:MAX_OUTLET].rstrip())
        if self.language and len(self.language) > MAX_LANGUAGE:
            object.__setattr__(self, "language", None)
        if self.date and len(self.date) > MAX_DATE:
            object.__setattr__(self, "date", normal_date(self.date))


Item = RawDoc | Rejected  # what a reader yields


def rejected(source: str, code: Code, detail: str) -> Rejected:
    """A coded rejection whose id is stable for the same source."""
    return from_error(source, IngestError(code, detail))


def source_id(source: str) -> str:
    """A stable short id for an input that has no article id (a rejection)."""
    return hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def from_error(source: str, exc: IngestError) -> Rejected:
    source = escape_name(source)
    message = storable(exc.message)
    return Rejected(id=source_id(source), source=source, code=exc.code.value, message=message)
