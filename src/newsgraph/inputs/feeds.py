"""RSS and Atom feeds: sniffing, parsing into ``FeedEntry`` items, and turning them into docs.

No network here: the URL fetcher fetches the entries' pages and hands the HTML to
``feed_entry_to_rawdoc``, which prefers that page over the feed's own content.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from datetime import date
from typing import Any

import feedparser
import lxml.etree
import lxml.html

from newsgraph.errors import Code, IngestError
from newsgraph.inputs.raw import RawDoc
from newsgraph.settings import Settings

# how far into the data to look for a feed's root element
SNIFF_BYTES = 2048
# feed content with fewer characters of text than this is a teaser, not an article
MIN_ARTICLE_CHARS = 500

_ROOT = re.compile(rb"<(rss|feed|rdf:rdf)\b", re.IGNORECASE)
_HTML_ROOT = re.compile(rb"<html\b", re.IGNORECASE)
# how far a feed's root may follow the start, past its prolog
PROLOG_BYTES = 1 << 20
_PROLOG_PART = re.compile(
    rb"\s*(<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)", re.IGNORECASE | re.DOTALL
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed; ``published`` is an ISO date, ``summary``/``content`` are HTML."""

    link: str | None
    title: str | None
    published: str | None
    summary: str | None
    content: str | None
    id: str | None


def _after_prolog(head: bytes) -> bytes:
    """``head`` without its XML prolog (declaration, comments, processing instructions,
    a DOCTYPE with its internal subset), however long: the root comes after it."""
    while True:
        match = _PROLOG_PART.match(head)
        if match is None or match.end() == 0:
            return head
        head = head[match.end() :]


def looks_like_feed(data: bytes) -> bool:
    """True when an ``<rss``, ``<feed`` or ``<rdf:RDF`` root opens the data (before any ``<html``)."""
    head = data[:PROLOG_BYTES]
    for bom in _BOMS:
        head = head.removeprefix(bom)
    head = head.replace(b"\x00", b"")  # UTF-16 without a BOM still sniffs
    head = _after_prolog(head)[:SNIFF_BYTES]
    root = _ROOT.search(head)
    if root is None:
        return False
    page = _HTML_ROOT.search(head)
    return page is None or page.start() > root.start()


def parse_feed(data: bytes, source: str) -> list[FeedEntry]:
    """Parse RSS/Atom bytes; raise ``IngestError(BAD_FEED)`` when no entry comes out."""
    try:
        parsed = feedparser.parse(data)
    except Exception as exc:  # feedparser catches most errors itself; be safe with the rest
        raise IngestError(Code.BAD_FEED, f"{source}: {type(exc).__name__}") from exc
    entries = [_to_entry(item) for item in parsed.entries]
    entries = [e for e in entries if e.link or e.content or e.summary]
    if entries:
        return entries
    if parsed.get("bozo"):
        reason = parsed.get("bozo_exception")
        raise IngestError(Code.BAD_FEED, f"{source}: {reason or 'not well-formed'}")
    raise IngestError(Code.BAD_FEED, f"{source}: the feed has no entries")


def _to_entry(item: Any) -> FeedEntry:
    return FeedEntry(
        link=_text(item.get("link")),
        title=_text(item.get("title")),
        published=_entry_date(item),
        summary=_text(item.get("summary")),
        content=_longest_content(item),
        id=_text(item.get("id")),
    )


def _text(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _entry_date(item: Any) -> str | None:
    """The entry's published date, else its updated date (Atom requires only the latter)."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = item.get(key)
        if isinstance(parsed, time.struct_time):
            try:
                return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
            except ValueError:
                continue
    return None


def _longest_content(item: Any) -> str | None:
    """The entry's fullest ``content`` body (Atom content, RSS content:encoded)."""
    values = [c.get("value") for c in item.get("content") or [] if isinstance(c, dict)]
    bodies = [v.strip() for v in values if isinstance(v, str) and v.strip()]
    return max(bodies, key=len) if bodies else None


def feed_entry_to_rawdoc(
    entry: FeedEntry,
    fetched_html: str | None,
    source: str,
    *,
    min_chars: int = MIN_ARTICLE_CHARS,
) -> RawDoc | None:
    """The document for a feed entry: its fetched page, else its full content, else None.

    ``source`` names the document (the entry URL, or the feed plus an entry number);
    the entry's link, title and date go into ``given`` as the feed stated them.
    """
    given = {
        key: value
        for key, value in (
            ("url", entry.link),
            ("title", entry.title),
            ("published", entry.published),
        )
        if value
    }
    if fetched_html and fetched_html.strip():
        return RawDoc(source=source, kind="html", body=fetched_html, url=entry.link, given=given)
    if entry.content and _text_length(entry.content) >= max(min_chars, Settings().min_text_chars):
        return RawDoc(source=source, kind="html", body=entry.content, url=entry.link, given=given)
    return None


def _text_length(fragment: str) -> int:
    """Characters of visible text in an HTML fragment."""
    try:
        text = lxml.html.fromstring(fragment).text_content()
    except (lxml.etree.ParserError, ValueError):  # empty or odd fragments: count raw characters
        text = fragment
    return len(" ".join(text.split()))
