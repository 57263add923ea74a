"""Parse a batch of articles so that no single text can stop the batch, or hold it for long.

- A text longer than ``[nlp] max_whole_chars`` (or the parser's own ``max_length``,
  spaCy's E088 limit, when that is smaller) is parsed in parts of at most
  ``[nlp] part_chars``: cut at a blank line, else a line break, else a sentence end,
  else white space (an over-long "sentence" is cut too). Parts are small because the
  steps after the parse cost more than linear time in the length of what they read: a
  million characters went 5 parts in 45 s at 50,000 a part (peak +180 MB), 45 parts at
  10,000 (+32 MB). spaCy's parse of a part holds about 3.2 MB per 1,000 characters
  while it runs (+16 MB at 5,000, +32 at 10,000, +65 at 20,000; the steps after it
  under 5 MB), so ``part_chars`` bounds what one part adds to the peak (issue 12;
  ingest cuts a text to ``[ingest] max_text_chars`` before it gets here). The stage
  runs the parse-based steps on each part
  and shifts what they find back into the whole text (:func:`merge_parts`); the record
  says so in ``extensions["split"]``. Parts are parsed one at a time, so memory stays
  that of one part however long the text.
- At most ``[nlp] max_parsed_chars`` characters of one text are parsed, and no new part
  is started once the text has taken ``[nlp] max_seconds_per_text``: the rest of the
  text is kept, with the date and time expressions found in all of it, and
  ``extensions["split"]`` says where and why it was cut (NG401 in the log).
- When the parser raises on a batch, its articles are parsed one by one and only the
  one that fails is left unparsed (NG401 in the log, ``extensions["not_parsed"]``); it
  keeps what the steps that need no parse gave it. A part that fails costs that part.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from newsgraph.errors import Code, NewsgraphError
from newsgraph.records import Article, Entity
from newsgraph.settings import setting

log = logging.getLogger(__name__)
NOT_PARSED = "not_parsed"
SPLIT = "split"
# a sentence end: terminal punctuation, closing quotes or brackets, then white space
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f]+[\"'\u201d\u2019\u00bb)\]]*\s+")


@dataclass(frozen=True)
class Limits:
    """How long a part may be, how much of one text is parsed, and for how long."""

    max_whole_chars: int = 50_000
    part_chars: int = 5_000
    max_parsed_chars: int = 500_000
    max_seconds: float = 120.0

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            max_whole_chars=int(setting("nlp", "max_whole_chars")),
            part_chars=max(1, int(setting("nlp", "part_chars"))),
            max_parsed_chars=int(setting("nlp", "max_parsed_chars")),
            max_seconds=float(setting("nlp", "max_seconds_per_text")),
        )

    def whole_size(self, nlp: Any) -> int:
        """The longest text parsed whole: ``max_whole_chars``, or the parser's
        ``max_length`` if smaller."""
        return _within(self.max_whole_chars, nlp)

    def part_size(self, nlp: Any) -> int:
        """The longest part: ``part_chars``, or the parser's ``max_length`` if smaller."""
        return _within(self.part_chars, nlp)


def _within(size: int, nlp: Any) -> int:
    limit = int(getattr(nlp, "max_length", 0) or 0)
    return min(size, limit) if limit else size


@dataclass(frozen=True)
class Part:
    """One parsed part of a long text: where it starts in the text, and its parse."""

    start: int
    text: str
    doc: Doc


class Parts:
    """The parts of one long text, each parsed when the iteration reaches it.

    The time budget counts from the first part and includes what the caller does with
    each part between two steps of the iteration (the steps that follow the parse).
    After the iteration, :meth:`note` says what was parsed.
    """

    def __init__(self, nlp: Any, article: Article, size: int, limits: Limits) -> None:
        self.nlp = nlp
        self.article = article
        self.size = size
        self.limits = limits
        self.ranges = split_ranges(article.text, size)
        self.parsed = 0
        self.failed = 0
        self.parsed_chars = 0
        self.cut: str | None = None

    def __iter__(self) -> Iterator[Part]:
        started = time.monotonic()
        for n, (start, end) in enumerate(self.ranges):
            if self.parsed_chars + (end - start) > self.limits.max_parsed_chars:
                self.cut = (
                    f"parsed the first {self.parsed_chars:,} characters: at most "
                    f"{self.limits.max_parsed_chars:,} are parsed ([nlp] max_parsed_chars)"
                )
            elif n and time.monotonic() - started > self.limits.max_seconds:
                self.cut = (
                    f"parsed the first {self.parsed_chars:,} characters: the text took over "
                    f"{self.limits.max_seconds:g} s ([nlp] max_seconds_per_text)"
                )
            if self.cut:
                _report(self.article, ValueError(self.cut))
                return
            text = self.article.text[start:end]
            doc = _parse_text(self.nlp, self.article, text, where=f" (characters {start:,}+)")
            self.parsed_chars += end - start
            if doc is None:
                self.failed += 1
                continue
            self.parsed += 1
            yield Part(start, text, doc)

    def note(self) -> dict[str, Any]:
        """What ``extensions["split"]`` says: parts, parsed parts and characters, a cut."""
        note: dict[str, Any] = {
            "parts": len(self.ranges),
            "parsed": self.parsed,
            "part_chars": self.size,
            "parsed_chars": self.parsed_chars,
        }
        if self.failed:
            note["failed"] = self.failed
        if self.cut:
            note["cut"] = self.cut
            note["code"] = Code.EXTRACT_FAILED.value
        return note


def parse_articles(
    nlp: Any, articles: Sequence[Article], *, batch_size: int, limits: Limits | None = None
) -> Iterator[tuple[Article, Doc | Parts | None]]:
    """Each article with its parse, in input order: a ``Doc``; ``Parts`` for a text over
    the whole-text size (parsed as they are iterated); None when parsing failed."""
    limits = limits or Limits.from_settings()
    whole = limits.whole_size(nlp)
    short = [a for a in articles if len(a.text) <= whole]
    docs = iter(_parse_batch(nlp, short, batch_size))
    for article in articles:
        if len(article.text) <= whole:
            doc = next(docs)
            if doc is None:
                note = {"code": Code.EXTRACT_FAILED.value, "reason": "the parser failed"}
                article = article.replace(extensions={**article.extensions, NOT_PARSED: note})
            yield article, doc
            continue
        yield article, Parts(nlp, article, limits.part_size(nlp), limits)


def split_ranges(text: str, size: int) -> list[tuple[int, int]]:
    """``(start, end)`` of consecutive parts of ``text``, each at most ``size`` long,
    cut at the last blank line, line break, sentence end or white space in the second
    half of the allowed length (a hard cut only when there is none)."""
    ranges = []
    pos = 0
    while len(text) - pos > size:
        cut = _cut_point(text, pos + max(1, size // 2), pos + size)
        ranges.append((pos, cut))
        pos = cut
    if pos < len(text) or not ranges:
        ranges.append((pos, len(text)))
    return ranges


def _cut_point(text: str, lo: int, hi: int) -> int:
    """Where to end a part that must end in ``(lo, hi]``."""
    for mark in ("\n\n", "\n"):
        i = text.rfind(mark, lo, hi)
        if i >= 0:
            return i + len(mark)
    last = None
    for last in _SENTENCE_END.finditer(text, lo, hi):  # noqa: B007 - the last one is wanted
        pass
    if last is not None:
        return last.end()
    for i in range(hi - 1, lo - 1, -1):
        if text[i].isspace():
            return i + 1
    return hi


def merge_parts(article: Article, done: Sequence[tuple[int, Article]]) -> Article:
    """The whole article from its analysed parts (each with its start in the text).

    Offsets are shifted back into the whole text; an entity found in several parts is
    one entity with the mentions of all; a claim's quote index follows the quotes of the
    parts before; the headline's claims come from the first part; the tone is the mean
    of the parts' weighted by length; what other steps put in ``extensions`` is summed
    (numbers), joined (lists) or taken from the first part. The publication date and the
    time expressions are the whole text's (found before the parse).
    """
    entities: dict[str, Entity] = {}
    quotes: list[Any] = []
    events: list[Any] = []
    claims: list[Any] = []
    tones: list[tuple[float, int]] = []
    extensions: dict[str, Any] = {}
    for n, (start, part) in enumerate(done):
        for entity in shift(part.entities, start):
            entities[entity.id] = _merged(entities.get(entity.id), entity)
        for claim in part.claims:
            if claim.part == "title" and n:
                continue
            claim = shift(claim, start) if claim.part != "title" else claim
            if claim.attribution is not None and claim.attribution.quote is not None:
                quote = claim.attribution.quote + len(quotes)
                claim = dataclasses.replace(
                    claim, attribution=dataclasses.replace(claim.attribution, quote=quote)
                )
            claims.append(claim)
        quotes.extend(shift(part.quotes, start))
        events.extend(shift(part.events, start))
        if part.tone is not None:
            tones.append((part.tone, len(part.text)))
        for key, value in part.extensions.items():
            if key not in article.extensions:
                extensions[key] = _merged_value(extensions.get(key), value)
    weight = sum(w for _, w in tones)
    tone = round(sum(t * w for t, w in tones) / weight, 4) if weight else article.tone
    ordered = sorted(entities.values(), key=lambda e: e.mentions[0].start if e.mentions else 0)
    return article.replace(
        entities=tuple(ordered),
        quotes=tuple(quotes),
        events=tuple(events),
        claims=tuple(claims),
        tone=tone,
        extensions={**article.extensions, **extensions},
    )


def part_article(article: Article, part: Part) -> Article:
    """The article as the steps see one part: its text, and the time expressions in it
    with offsets into it."""
    end = part.start + len(part.text)
    times = tuple(t for t in article.times if part.start <= t.start and t.end <= end)
    return article.replace(
        text=part.text,
        times=shift(times, -part.start),
        entities=(),
        quotes=(),
        events=(),
        claims=(),
        extensions={},
    )


def shift(obj: Any, by: int) -> Any:
    """``obj`` (a record or a tuple of records) with every ``start``/``end`` moved by ``by``."""
    if isinstance(obj, tuple):
        return tuple(shift(x, by) for x in obj)
    if not dataclasses.is_dataclass(obj) or isinstance(obj, type):
        return obj
    changes = {}
    for f in dataclasses.fields(obj):
        value = getattr(obj, f.name)
        if f.name in ("start", "end") and isinstance(value, int):
            changes[f.name] = value + by
        elif isinstance(value, tuple) or dataclasses.is_dataclass(value):
            changes[f.name] = shift(value, by)
    return dataclasses.replace(obj, **changes) if changes else obj


def _merged(first: Entity | None, more: Entity) -> Entity:
    if first is None:
        return more
    mentions = tuple(sorted(set(first.mentions + more.mentions), key=lambda m: (m.start, m.end)))
    return dataclasses.replace(first, country=first.country or more.country, mentions=mentions)


def _merged_value(first: Any, more: Any) -> Any:
    if first is None:
        return more
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (first, more))
    if numbers:
        return first + more
    if isinstance(first, list) and isinstance(more, list):
        return first + more
    return first


def _parse_batch(nlp: Any, articles: Sequence[Article], batch_size: int) -> Iterator[Doc | None]:
    """``nlp.pipe`` over the batch; after a failure, the rest one by one."""
    done = 0
    try:
        for doc in nlp.pipe((a.text for a in articles), batch_size=batch_size):
            done += 1
            yield doc
        return
    except Exception:  # noqa: BLE001 - find the article that failed, below
        pass
    for article in articles[done:]:
        yield _parse_text(nlp, article, article.text)


def _parse_text(nlp: Any, article: Article, text: str, where: str = "") -> Doc | None:
    try:
        return next(iter(nlp.pipe([text], batch_size=1)))
    except Exception as exc:  # noqa: BLE001 - one article's failure, reported here
        _report(article, exc, where)
        return None


def _report(article: Article, exc: Exception, where: str = "") -> None:
    detail = f"parse of {article.id} ({article.source}){where}: {type(exc).__name__}: {exc}"
    log.warning("%s", NewsgraphError(Code.EXTRACT_FAILED, detail[:500]))
