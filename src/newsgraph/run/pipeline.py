"""The pipeline over plain records: inputs -> RawDocs -> Articles -> (deduplicated) records.

Failure is decided per input: an IngestError becomes a Rejected record and the batch
goes on. The same functions run in one process or, later, in workers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from newsgraph.errors import Code, IngestError
from newsgraph.ingest.dedupe import DuplicateIndex, content_hash
from newsgraph.ingest.raw import RawDoc
from newsgraph.ingest.sources import InputRef, expand_inputs, from_error, read_input
from newsgraph.records import Article, Duplicate, Published, Record, Rejected
from newsgraph.settings import Settings

Progress = Callable[[int, int], None]  # (inputs done, inputs total)


@dataclass(frozen=True)
class Page:
    """What cleaning yields before NLP: body text plus metadata found on the way."""

    text: str
    title: str | None = None
    date: str | None = None
    date_evidence: str | None = None
    language: str | None = None
    outlet: str | None = None
    removed: tuple[str, ...] = field(default=())


def clean_raw(raw: RawDoc) -> Page:
    """HTML through the article extractor; plain text through furniture removal."""
    if raw.kind == "html":
        from newsgraph.ingest.html import extract_html

        page = extract_html(raw.body, url=raw.url)
        return Page(page.text, page.title, page.date, page.date_evidence, page.language,
                    page.outlet)
    from newsgraph.ingest.clean import clean_text

    cleaned = clean_text(raw.body, known_title=raw.given.get("title"))
    return Page(cleaned.text, cleaned.title, removed=cleaned.removed)


def find_published(raw: RawDoc, page: Page) -> Published:
    """A given date first, then page metadata, then a dateline with a year; else unknown."""
    given = raw.given.get("published")
    if given:
        return Published(str(given), "given", 1.0, "input field 'published'")
    if page.date:
        return Published(page.date, "metadata", 0.9, page.date_evidence or "HTML metadata")
    from newsgraph.ingest.meta import find_dateline

    dateline = find_dateline(page.text)
    if dateline is not None and dateline.year and dateline.month and dateline.day:
        date = f"{dateline.year:04d}-{dateline.month:02d}-{dateline.day:02d}"
        return Published(date, "text", 0.9, f"dateline '{dateline.text}'")
    return Published()


def build_article(raw: RawDoc, settings: Settings) -> Article:
    """Clean one RawDoc into an Article (no NLP yet), or raise IngestError."""
    page = clean_raw(raw)
    if len(page.text.strip()) < settings.min_text_chars:
        code = Code.NO_BODY if raw.kind == "html" else Code.EMPTY
        raise IngestError(code, f"{len(page.text.strip())} characters of text after cleaning")
    digest = content_hash(page.text)
    language = raw.given.get("language") or page.language or _detect(page.text, settings)
    outlet = raw.given.get("source") or page.outlet or _outlet_from_text(page.text)
    return Article(
        id=raw.given.get("id") or digest[:16],
        source=raw.source,
        url=raw.given.get("url") or raw.url,
        title=raw.given.get("title") or page.title,
        language=language,
        outlet=outlet,
        text=page.text,
        published=find_published(raw, page),
        content_hash=digest,
    )


def _detect(text: str, settings: Settings) -> str | None:
    from newsgraph.ingest.lang import detect_language

    return detect_language(text, settings.languages)


def _outlet_from_text(text: str) -> str | None:
    from newsgraph.ingest.meta import outlet_from_text

    return outlet_from_text(text)


def iter_raw(inputs: Iterable[str], settings: Settings,
             progress: Progress | None = None) -> Iterator[RawDoc | Rejected]:
    """Every RawDoc or rejection of the inputs; progress counts records of dumps, else files."""
    refs = list(expand_inputs(inputs, glob=settings.glob))
    units = [_units(ref) for ref in refs]
    total, done = sum(units), 0
    for ref, n in zip(refs, units, strict=True):
        if isinstance(ref, Rejected):
            yield ref
        else:
            for seen, item in enumerate(read_input(ref, settings), 1):
                yield item
                if progress and n > 1 and seen < n:
                    progress(done + seen, total)
        done += n
        if progress:
            progress(done, total)


def _units(ref: InputRef | Rejected) -> int:
    """How many progress steps an input is worth: its lines for a JSONL/CSV dump, else 1."""
    if isinstance(ref, Rejected) or ref.kind != "file":
        return 1
    if not ref.location.lower().endswith((".jsonl", ".ndjson", ".csv", ".tsv")):
        return 1
    try:
        with open(ref.location, "rb") as stream:
            return max(1, sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b"")))
    except OSError:
        return 1


def to_record(item: RawDoc | Rejected, settings: Settings) -> Article | Rejected:
    """One input item to an Article or a coded rejection; never raises for bad input."""
    if isinstance(item, Rejected):
        return item
    try:
        return build_article(item, settings)
    except IngestError as exc:
        return from_error(item.source, exc)


def mark_duplicate(article: Article, index: DuplicateIndex) -> Article | Duplicate | Rejected:
    """Check the article against everything seen so far, and remember it when new.

    The same text under the same id (a re-read file, a re-run ingest) is an exact
    duplicate of itself; a different text under an id already taken is refused (NG116).
    """
    hit = index.check(article.id, article.text)
    if hit is None and article.id in index:
        if index.content_hash_of(article.id) != article.content_hash:
            return from_error(article.source, IngestError(Code.ID_CLASH, article.id))
        hit = ("exact", article.id, 1.0)
    if hit is None:
        index.add(article.id, article.text)
        return article
    kind, earlier, similarity = hit
    return Duplicate(id=article.id, source=article.source, duplicate_of=earlier, kind=kind,
                     similarity=round(similarity, 4), url=article.url, title=article.title)


Analyse = Callable[[list[Article]], list[Article]]
ANALYSE_BATCH = 32


def process(inputs: Iterable[str], settings: Settings | None = None, *,
            index: DuplicateIndex | None = None, progress: Progress | None = None,
            analyse: Analyse | None = None) -> Iterator[Record]:
    """The whole pipeline: inputs to Article / Duplicate / Rejected records, in input order.

    ``analyse`` runs the NLP extractors on batches of new (non-duplicate) articles.
    """
    settings = settings or Settings()
    index = index if index is not None else DuplicateIndex(settings.near_duplicate_jaccard)
    pending: list[Record] = []
    n_articles = 0
    for item in iter_raw(inputs, settings, progress):
        record = to_record(item, settings)
        if isinstance(record, Article):
            record = mark_duplicate(record, index)
        pending.append(record)
        n_articles += isinstance(record, Article)
        if analyse is None or n_articles >= ANALYSE_BATCH:
            yield from _flush(pending, analyse)
            pending, n_articles = [], 0
    yield from _flush(pending, analyse)


def _flush(pending: list[Record], analyse: Analyse | None) -> list[Record]:
    """Analyse the articles among ``pending`` in one batch; keep everything in order."""
    if analyse is None:
        return pending
    positions = [i for i, r in enumerate(pending) if isinstance(r, Article)]
    done = analyse([pending[i] for i in positions])  # type: ignore[misc]
    out = list(pending)
    for i, article in zip(positions, done, strict=True):
        out[i] = article
    return out


__all__ = ["InputRef", "Page", "build_article", "process", "to_record"]
