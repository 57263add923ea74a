"""The NLP stage: run the extractors on articles and attach their records.

Order matters: the publication date anchors the time expressions, and an undated
article is dated from its own text first; the entity layer then resolves role phrases
by that date, and quote speakers through the entity layer. Articles are parsed in
batches with ``nlp.pipe``; languages without a model get times only.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import partial

from newsgraph.errors import Code, NewsgraphError
from newsgraph.extractors.times.dating import infer_publication_date
from newsgraph.extractors.times.finder import find_times
from newsgraph.nlp.models import load, model_name
from newsgraph.records import Article, EventActor, Published, Quote, TimeExpr

log = logging.getLogger(__name__)
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
PIPE_BATCH = 8


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
    return _parse_loose(published.date)


def _parse_loose(value: str) -> str | None:
    import dateparser

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
    inferred = infer_publication_date(article.text, unanchored)
    if inferred is None or inferred.date is None:
        return article.published, tuple(unanchored)
    return inferred, tuple(find_times(article.text, anchor=inferred.date, lang=lang))


def extract_from_doc(article: Article, doc) -> Article:
    """Entities; quotes with speakers and events with actors resolved through them."""
    from newsgraph.extractors.entities.layer import find_entities
    from newsgraph.extractors.events.coder import find_events
    from newsgraph.extractors.quotes.finder import find_quotes

    anchor = anchor_of(article.published)
    layer = find_entities(doc, published=anchor)
    quotes = date_quotes(find_quotes(doc, resolve=layer.resolve), doc, article.times, anchor)
    events = find_events(
        doc,
        actors=partial(event_actor, layer),
        times=article.times,
        published=anchor,
        quotes=quotes,
    )
    return article.replace(entities=layer.entities, quotes=tuple(quotes), events=tuple(events))


def date_quotes(
    quotes: Sequence[Quote], doc, times: Sequence[TimeExpr], anchor: str | None
) -> tuple[Quote, ...]:
    """Give each quote the day it was said when its sentence says so ("On January 28, ...")."""
    from newsgraph.extractors.times.dating import event_date

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


def event_actor(layer, start: int, end: int) -> EventActor | None:
    """The resolved actor of an event argument span, with country and sector from the KB."""
    from newsgraph.kb.load import default_kb

    speaker = layer.resolve(start, end)
    if speaker is None or speaker.entity is None:
        return None
    entity = layer.entity(speaker.entity)
    kb = default_kb()
    known = kb.people.get(speaker.entity) or kb.organisations.get(speaker.entity)
    return EventActor(
        entity=speaker.entity,
        name=speaker.name or (entity.name if entity else ""),
        country=(entity.country if entity else None) or getattr(known, "country", None),
        sector=getattr(known, "sector", None),
    )


def analyse_articles(articles: Sequence[Article]) -> list[Article]:
    """Date every article, then parse those with a model in batches and extract."""
    dated = [_guarded(_with_dates, article) for article in articles]
    by_model: dict[str, list[int]] = {}
    for i, article in enumerate(dated):
        name = model_name(article.language)
        if name is not None:
            by_model.setdefault(name, []).append(i)
    for name, indexes in by_model.items():
        nlp = load(name)
        texts = (dated[i].text for i in indexes)
        for i, doc in zip(indexes, nlp.pipe(texts, batch_size=PIPE_BATCH), strict=True):
            dated[i] = _guarded(extract_from_doc, dated[i], doc)
    return dated


def _with_dates(article: Article) -> Article:
    published, times = date_article(article)
    return article.replace(published=published, times=times)


def _guarded(step, article: Article, *args) -> Article:
    """Run one extraction step; a bug on one article is logged (NG401), not fatal to the batch.

    The article then keeps what it had before the step, so nothing else is lost.
    """
    try:
        return step(article, *args)
    except Exception as exc:  # noqa: BLE001 - isolate one article's failure, reported below
        detail = f"{step.__name__} on {article.id} ({article.source}): {type(exc).__name__}: {exc}"
        log.warning(
            "%s",
            NewsgraphError(Code.EXTRACT_FAILED, detail),
            exc_info=log.isEnabledFor(logging.DEBUG),
        )
        return article


def analyse_article(article: Article) -> Article:
    """One article through the whole NLP stage."""
    return analyse_articles([article])[0]
