"""Dates at the article level: the anchor a publication date gives, dating an undated
article from its own text, and the day each quote was said."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from newsgraph.extractors.times.dating import event_date, infer_publication_date
from newsgraph.extractors.times.finder import find_times
from newsgraph.records import Article, Published, Quote, TimeExpr

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_PARTIAL = re.compile(r"\d{4}(?:-\d{2})?")
DATING_CHARS = 100_000  # how much of an undated text the publication date is inferred from


def anchor_of(published: Published) -> str | None:
    """The ISO day a (possibly verbatim, given) publication date names, or None."""
    if not published.date:
        return None
    match = _ISO_DAY.match(published.date.strip())
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            return None
    if _ISO_PARTIAL.fullmatch(published.date.strip()):
        return None  # an inferred month or year names no day
    return _parse_loose(published.date)


def _parse_loose(value: str) -> str | None:
    import dateparser  # slow to import; only verbatim dates that are not ISO need it

    parsed = dateparser.parse(
        value, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date().isoformat() if parsed else None


def date_article(article: Article) -> tuple[Published, tuple[TimeExpr, ...]]:
    """The article's publication date (inferred when not given) and its time expressions."""
    lang = article.language or "en"
    anchor = anchor_of(article.published)
    if anchor is not None:
        return article.published, tuple(find_times(article.text, anchor=anchor, lang=lang))
    unanchored = find_times(article.text, anchor=None, lang=lang)
    # the clues to an undated article's day are in its opening; the inference costs more
    # than linear time in the length it reads (issue 12: a 1.1 million-character text held
    # an ingest for minutes here), so it reads the first DATING_CHARS characters only
    head = [t for t in unanchored if t.end <= DATING_CHARS]
    inferred = infer_publication_date(article.text[:DATING_CHARS], head, url=article.url)
    if inferred is None or inferred.date is None:
        return article.published, tuple(unanchored)
    if anchor_of(inferred) is None:  # a month or a year: no day to anchor times to
        return inferred, tuple(unanchored)
    return inferred, tuple(find_times(article.text, anchor=inferred.date, lang=lang))


def date_quotes(
    quotes: Sequence[Quote], doc, times: Sequence[TimeExpr], anchor: str | None
) -> tuple[Quote, ...]:
    """Give each quote the day it was said when its sentence says so ("On January 28, ...")."""
    bounds = [(sent.start_char, sent.end_char) for sent in doc.sents]
    starts = [b[0] for b in bounds]
    dated = []
    for quote in quotes:
        where = (
            quote.speaker.start
            if quote.speaker and quote.speaker.start is not None
            else quote.start
        )
        i = max(0, bisect_right(starts, where) - 1)
        start, end = bounds[i] if bounds else (quote.start, quote.end)
        day = event_date(min(start, quote.start), max(end, quote.end), list(times), anchor)
        dated.append(quote if day is None else replace(quote, date=day))
    return tuple(dated)
