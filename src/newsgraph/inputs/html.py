"""Article extraction from one HTML page: body text, title, date, language and outlet.

The body comes from trafilatura, run first in its precision mode and, when that finds
too little, in its balanced mode. Before extraction, article bodies that a site split
into several sibling chunks sharing one CSS class are joined, since trafilatura keeps
only the first element that matches its body patterns. Dates come from htmldate (via
trafilatura's metadata step) with the original-date preference and without its
extensive text search, so a page with no date metadata gets no date rather than a
guess. ``extract_html`` never lets anything but an ``IngestError`` escape.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from copy import deepcopy
from datetime import date

import trafilatura
from lxml.html import HtmlElement
from trafilatura.metadata import extract_metadata
from trafilatura.settings import Document

from newsgraph.errors import Code, IngestError
from newsgraph.inputs.raw import Page
from newsgraph.settings import Settings

LOGGER = logging.getLogger(__name__)
# pages longer than this many characters are refused (NG103)
MAX_HTML_CHARS = Settings().max_bytes
# a body shorter than this is navigation or a stub, not an article
MIN_BODY_CHARS = Settings().min_text_chars

# a precision-mode body shorter than this many characters is retried in balanced mode
PRECISION_MIN_CHARS = 400
# a chunk of a split body holds at least this many <p> and this many paragraph characters
CHUNK_MIN_PARAGRAPHS = 2
CHUNK_MIN_CHARS = 200
# split chunks must share an ancestor at most this many levels above them
CHUNK_MAX_ANCESTOR_LEVELS = 3

# a first body line with at most this many words, this share of them in the title, is a headline
HEADLINE_MIN_WORDS = 3
HEADLINE_MIN_CHARS = 15
HEADLINE_MAX_WORDS = 25
HEADLINE_WORD_SHARE = 0.7

# how far into the input to look for a tag before treating it as a markup fragment
FRAGMENT_SNIFF_CHARS = 2000
_TAG = re.compile(r"<[A-Za-z][A-Za-z0-9]*[\s/>]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?=$|[-_])")
_NON_WORD = re.compile(r"\W+")


def extract_html(html: str, *, url: str | None = None) -> Page:
    """Extract the article from an HTML page; raise ``IngestError(NO_BODY)`` if there is none."""
    tree = _parse(html)
    text = _extract_body(tree, url)
    meta = _extract_metadata(tree, url)
    title = _clean_title(meta.title)
    text = _drop_leading_title(text, title)
    if len(text) < MIN_BODY_CHARS:
        detail = f"{len(text)} characters of text (fewer than {MIN_BODY_CHARS})" if text else ""
        raise IngestError(Code.NO_BODY, detail or "the page has no article text")
    found = _iso_date(meta.date)
    return Page(
        text=text,
        title=title,
        date=found,
        date_evidence=_date_evidence(tree, found, meta.url or url) if found else None,
        language=page_language(tree),
        outlet=(meta.sitename or "").strip() or None,
    )


def _parse(html: str) -> HtmlElement:
    """Parse a page into an lxml tree, or raise NO_BODY when it is not HTML at all."""
    if not isinstance(html, str):
        raise IngestError(Code.NO_BODY, f"expected HTML text, got {type(html).__name__}")
    if len(html) > MAX_HTML_CHARS:
        raise IngestError(
            Code.TOO_LARGE, f"{len(html)} characters of HTML (limit {MAX_HTML_CHARS})"
        )
    cleaned = _CONTROL.sub("", html.encode("utf-8", "replace").decode("utf-8"))
    if not cleaned.strip():
        raise IngestError(Code.NO_BODY, "the page is empty")
    try:
        tree = trafilatura.load_html(_as_document(cleaned))
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        raise IngestError(Code.NO_BODY, f"unparseable HTML ({type(exc).__name__})") from exc
    if tree is None:
        raise IngestError(Code.NO_BODY, "unparseable or oversized HTML")
    return tree


def _as_document(html: str) -> str:
    """Wrap a markup fragment (feed content, a bare ``<p>``) in ``<html><body>``.

    trafilatura refuses input with no ``html`` near its start when it parses into a
    single block; text with no tag at all is left alone and so has no body.
    """
    head = html[:FRAGMENT_SNIFF_CHARS]
    if "html" in head[:50].lower() or not _TAG.search(head):
        return html
    return f"<html><body>{html}</body></html>"


def _extract_body(tree: HtmlElement, url: str | None) -> str:
    """Body text: precision mode first, balanced mode when that comes back short."""
    joined = join_split_bodies(deepcopy(tree))
    text = _run_trafilatura(joined, url, favor_precision=True)
    if len(text) < PRECISION_MIN_CHARS:
        balanced = _run_trafilatura(joined, url, favor_precision=False)
        if len(balanced) > len(text):
            text = balanced
    return text


def _run_trafilatura(tree: HtmlElement, url: str | None, *, favor_precision: bool) -> str:
    """One trafilatura pass without comments; its text with blank lines squeezed."""
    try:
        text = trafilatura.extract(
            tree,
            url=url,
            favor_precision=favor_precision,
            include_comments=False,
            include_tables=True,
            with_metadata=False,
        )
    except Exception as exc:  # trafilatura has no error hierarchy of its own
        raise IngestError(Code.NO_BODY, f"extractor failed ({type(exc).__name__})") from exc
    return tidy_text(text or "")


def tidy_text(text: str) -> str:
    """Strip each line, drop blank ones and keep one newline between paragraphs."""
    lines = (line.strip() for line in _BLANK_LINES.sub("\n", text).split("\n"))
    return "\n".join(line for line in lines if line)


def join_split_bodies(tree: HtmlElement) -> HtmlElement:
    """Join article bodies that a site split into same-class chunks; mutates and returns ``tree``.

    Chunks are elements with the same tag and class attribute, each holding real
    paragraphs, at the same depth and with a near common ancestor (so repeated teaser
    cards or a generic ``container`` at other depths are left alone). The children of
    later chunks move into the first one, where trafilatura will find them.
    """
    groups: dict[tuple[str, str], list[HtmlElement]] = defaultdict(list)
    for element in tree.iter("div", "section", "article"):
        css = element.get("class")
        if css:
            groups[(element.tag, css)].append(element)
    for elements in groups.values():
        chunks = [e for e in elements if _is_body_chunk(e)]
        if len(chunks) > 1 and _are_split_siblings(chunks):
            _move_into_first(chunks)
    return tree


def _is_body_chunk(element: HtmlElement) -> bool:
    paragraphs = element.findall(".//p")
    if len(paragraphs) < CHUNK_MIN_PARAGRAPHS:
        return False
    return sum(len(p.text_content().strip()) for p in paragraphs) >= CHUNK_MIN_CHARS


def _are_split_siblings(chunks: list[HtmlElement]) -> bool:
    ancestors = [list(c.iterancestors()) for c in chunks]
    if len({len(a) for a in ancestors}) != 1:
        return False
    near = [set(a[:CHUNK_MAX_ANCESTOR_LEVELS]) for a in ancestors]
    return bool(near[0].intersection(*near[1:]))


def _move_into_first(chunks: list[HtmlElement]) -> None:
    first = chunks[0]
    for chunk in chunks[1:]:
        parent = chunk.getparent()
        if parent is None:
            continue
        for child in list(chunk):
            first.append(child)
        parent.remove(chunk)


def _extract_metadata(tree: HtmlElement, url: str | None) -> Document:
    """Title, sitename, URL and date from trafilatura's metadata step (htmldate, not extensive)."""
    date_config = {
        "original_date": True,
        "extensive_search": False,
        "max_date": date.today().isoformat(),
    }
    try:
        return extract_metadata(deepcopy(tree), url, date_config=date_config, extensive=False)
    except Exception as exc:  # metadata is optional: a failure there must not lose the body
        LOGGER.warning("metadata extraction failed: %s", exc)
        return Document()


def _clean_title(title: str | None) -> str | None:
    """The title on one line, or None when there is none."""
    if not title:
        return None
    return " ".join(title.split()) or None


def _drop_leading_title(text: str, title: str | None) -> str:
    """Remove a first line that is the page's headline again (worded as in the title)."""
    if not title or not text:
        return text
    first, _, rest = text.partition("\n")
    if rest.strip() and _is_headline(first, title):
        return rest
    return text


def _is_headline(line: str, title: str) -> bool:
    """True when ``line`` reads as the title: the title itself, its start (before a site
    suffix), or a short unpunctuated line whose words are nearly all the title's."""
    line_folded, title_folded = _fold(line), _fold(title)
    if not line_folded:
        return False
    if len(line_folded) >= HEADLINE_MIN_CHARS and title_folded.startswith(line_folded):
        return True
    words = line_folded.split()
    sentence_end = line.rstrip().rstrip("\"'”’»)").endswith((".", ":", "?", "!"))
    if sentence_end or not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS:
        return False
    title_words = set(title_folded.split())
    shared = sum(1 for word in words if word in title_words)
    return shared / len(words) >= HEADLINE_WORD_SHARE


def _fold(text: str) -> str:
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _iso_date(value: str | None) -> str | None:
    """Keep a date only when it is a real YYYY-MM-DD calendar date."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _date_evidence(tree: HtmlElement, found: str, url: str | None) -> str:
    """Say where htmldate most likely read ``found``: a meta tag, JSON-LD, <time>, the URL."""
    for meta in tree.iter("meta"):
        if (meta.get("content") or "").strip().startswith(found):
            key = meta.get("property") or meta.get("name") or meta.get("itemprop") or "?"
            return f"htmldate: meta {key}"
    for script in tree.iter("script"):
        if script.get("type", "").lower() == "application/ld+json" and found in (script.text or ""):
            return "htmldate: JSON-LD"
    for element in tree.iter("time", "abbr"):
        if (element.get("datetime") or element.get("title") or "").startswith(found):
            return f"htmldate: <{element.tag}> element"
    if url and _date_in_url(found, url):
        return "htmldate: URL"
    return "htmldate: page markup"


def _date_in_url(found: str, url: str) -> bool:
    year, month, day = found.split("-")
    return bool(re.search(rf"{year}[/_-]?{month}[/_-]?{day}", url))


def page_language(tree: HtmlElement) -> str | None:
    """The page's declared language (``<html lang>``, content-language or og:locale), ISO 639."""
    root = tree.getroottree().getroot()
    candidates = [root.get("lang"), root.get("xml:lang")]
    for meta in tree.iter("meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        match = _LANG_TAG.match((value or "").strip())
        if match:
            return match.group(0).lower()
    return None
