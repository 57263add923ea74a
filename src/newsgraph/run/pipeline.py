"""The pipeline over plain records: inputs -> RawDocs -> Articles -> (deduplicated) records.

Failure is decided per input: an IngestError becomes a Rejected record and the batch
goes on. The NLP stage runs through an Engine: in process, in a process pool
(``run/local.py``) or on Ray (``run/ray_engine.py``), with the same output.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Protocol

from newsgraph.errors import Code, IngestError, NewsgraphError
from newsgraph.inputs.clean import cut_text
from newsgraph.inputs.dedupe import DuplicateIndex, content_hash
from newsgraph.inputs.raw import Page, RawDoc
from newsgraph.inputs.sources import InputRef, expand_inputs, from_error, read_input
from newsgraph.records import Article, Duplicate, Published, Record, Rejected
from newsgraph.settings import Settings

Progress = Callable[[int, int], None]  # (inputs done, inputs total)


TRUNCATED = "truncated"  # Article.extensions key: the text was cut to [ingest] max_text_chars
log = logging.getLogger(__name__)


def clean_raw(raw: RawDoc) -> Page:
    """HTML through the article extractor; plain text through furniture removal."""
    if raw.kind == "html":
        from newsgraph.inputs.html import extract_html

        return extract_html(raw.body, url=raw.url)
    from newsgraph.inputs.clean import clean_text

    cleaned = clean_text(raw.body, known_title=raw.given.get("title"))
    return Page(cleaned.text, cleaned.title)


def find_published(raw: RawDoc, page: Page) -> Published:
    """A given date first, then page metadata, then a dateline with a year; else unknown."""
    given = raw.given.get("published")
    if given:
        return Published(str(given), "given", 1.0, "input field 'published'")
    if page.date:
        return Published(page.date, "metadata", 0.9, page.date_evidence or "HTML metadata")
    from newsgraph.inputs.meta import find_dateline

    dateline = find_dateline(page.text)
    if dateline is not None and dateline.year and dateline.month and dateline.day:
        date = f"{dateline.year:04d}-{dateline.month:02d}-{dateline.day:02d}"
        return Published(date, "text", 0.9, f"dateline '{dateline.text}'")
    return Published()


def build_article(raw: RawDoc, settings: Settings) -> Article:
    """Clean one RawDoc into an Article (no NLP yet), or raise IngestError. Mojibake in
    the body and the title is repaired (``inputs.repair``) before any offset exists; the
    words it changed are ``extensions["repairs"]`` (kept by the store, summed in stats)."""
    from newsgraph.inputs.repair import repair_counted

    read_chars = len(raw.body) if raw.kind == "text" else 0
    if read_chars > settings.max_text_chars > 0:  # plain text: cut before cleaning reads it
        raw = replace(raw, body=cut_text(raw.body, settings.max_text_chars))
    page = clean_raw(raw)
    read_chars = read_chars or len(page.text)
    if len(page.text) > settings.max_text_chars > 0:  # HTML: cut what the page gave
        page = replace(page, text=cut_text(page.text, settings.max_text_chars))
    text, repairs = repair_counted(page.text)
    title, title_repairs = repair_counted(raw.given.get("title") or page.title or "")
    page = replace(page, text=text)
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
        title=title or None,
        language=language,
        outlet=outlet,
        text=page.text,
        published=find_published(raw, page),
        content_hash=digest,
        extensions=_notes(raw, repairs + title_repairs, read_chars, len(page.text), settings),
    )


def _notes(
    raw: RawDoc, repairs: int, read_chars: int, kept: int, settings: Settings
) -> dict[str, Any]:
    """The article's first ``extensions``: the words repaired, and when its text was cut
    to ``[ingest] max_text_chars``, how long it was and what was kept (logged, NG103)."""
    notes: dict[str, Any] = {"repairs": repairs} if repairs else {}
    if read_chars > settings.max_text_chars > 0:
        where = "the text read" if raw.kind == "text" else "the page's text"
        had = f"{read_chars:,} characters"
        if raw.size_bytes is not None:  # only its beginning was decoded
            where, had = "the text", f"{raw.size_bytes:,} bytes ({had} of it decoded)"
        cut = (
            f"{where} had {had}: the first {kept:,} characters are kept "
            f"(at most {settings.max_text_chars:,}, [ingest] max_text_chars)"
        )
        notes[TRUNCATED] = {
            **({"bytes": raw.size_bytes} if raw.size_bytes is not None else {}),
            "chars": read_chars,
            "kept": kept,
            "max_text_chars": settings.max_text_chars,
            "cut": cut,
            "code": Code.TOO_LARGE.value,
        }
        log.warning("%s", NewsgraphError(Code.TOO_LARGE, f"{raw.source}: {cut}"))
    return notes


def _detect(text: str, settings: Settings) -> str | None:
    from newsgraph.inputs.lang import detect_language

    return detect_language(text, settings.languages)


def _outlet_from_text(text: str) -> str | None:
    from newsgraph.inputs.meta import outlet_from_text

    return outlet_from_text(text)


def iter_raw(
    inputs: Iterable[str], settings: Settings, progress: Progress | None = None
) -> Iterator[RawDoc | Rejected]:
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
            return max(
                1, sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
            )
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
    return Duplicate.of(article, earlier, kind, similarity)


Analyse = Callable[[list[Article]], list[Article]]
ANALYSE_BATCH = 32


class Engine(Protocol):
    """Runs the NLP stage over batches of articles (in process, a process pool, Ray)."""

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Article]]:
        """Analyse every batch; yield the results in the order the batches came in."""
        ...


@dataclass(frozen=True)
class InProcess:
    """The NLP stage in this process, one batch after the other."""

    analyse: Analyse

    def map(self, batches: Iterable[list[Article]]) -> Iterator[list[Article]]:
        for batch in batches:
            yield self.analyse(batch)


def process(
    inputs: Iterable[str],
    settings: Settings | None = None,
    *,
    index: DuplicateIndex | None = None,
    progress: Progress | None = None,
    analyse: Analyse | None = None,
    engine: Engine | None = None,
    batch: int = ANALYSE_BATCH,
) -> Iterator[Record]:
    """The whole pipeline: inputs to Article / Duplicate / Rejected records, in input order.

    Reading, cleaning and duplicate detection run here, in input order. ``analyse``
    (in this process) or ``engine`` (anywhere) runs the NLP extractors on batches of
    ``batch`` new (non-duplicate) articles; the results come back in input order.
    """
    settings = settings or Settings()
    index = index if index is not None else DuplicateIndex(settings.near_duplicate_jaccard)
    records = (_checked(item, settings, index) for item in iter_raw(inputs, settings, progress))
    if engine is None and analyse is None:
        yield from records
        return
    yield from in_order(_chunks(records, batch), engine or InProcess(analyse))  # type: ignore[arg-type]


def _checked(item: RawDoc | Rejected, settings: Settings, index: DuplicateIndex) -> Record:
    record = to_record(item, settings)
    return mark_duplicate(record, index) if isinstance(record, Article) else record


def _chunks(records: Iterable[Record], batch: int) -> Iterator[list[Record]]:
    """Runs of records holding ``batch`` articles each (the last may hold fewer)."""
    pending: list[Record] = []
    n_articles = 0
    for record in records:
        pending.append(record)
        n_articles += isinstance(record, Article)
        if n_articles >= batch:
            yield pending
            pending, n_articles = [], 0
    if pending:
        yield pending


def in_order(chunks: Iterable[list[Record]], engine: Engine) -> Iterator[Record]:
    """Send each chunk's articles through ``engine``; put the results back in their places.

    Only the chunks the engine has taken but not yet returned are remembered here, and
    with their articles left out, so the driver holds no more than the engine in flight.
    """
    waiting: deque[list[Record | None]] = deque()

    def article_batches() -> Iterator[list[Article]]:
        for chunk in chunks:
            waiting.append([None if isinstance(r, Article) else r for r in chunk])
            yield [r for r in chunk if isinstance(r, Article)]

    for done in engine.map(article_batches()):
        yield from _fill(waiting.popleft(), done)


def _fill(slots: list[Record | None], articles: list[Article]) -> list[Record]:
    """``slots`` with each None replaced by the next analysed article."""
    if sum(slot is None for slot in slots) != len(articles):
        raise RuntimeError(
            f"engine returned {len(articles)} articles for {sum(slot is None for slot in slots)}"
        )
    done = iter(articles)
    return [next(done) if slot is None else slot for slot in slots]


__all__ = [
    "Engine",
    "InProcess",
    "InputRef",
    "Page",
    "build_article",
    "in_order",
    "process",
    "to_record",
]
