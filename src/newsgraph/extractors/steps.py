"""The built-in extraction steps, registered through the ``newsgraph.steps`` entry
points in ``pyproject.toml`` exactly as an outside package's steps would be.

Order comes from what each step requires and provides (:func:`newsgraph.registry.plan`):
the publication date anchors the time expressions (an undated article is dated from
its own text first); the entity layer resolves role phrases by that date; quote
speakers go through the entity layer; events take their actors from the entity layer
and their speech acts from the quotes. The entity layer is handed on in ``state``.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from newsgraph.extractors.entities import find_entities
from newsgraph.extractors.events import find_events
from newsgraph.extractors.events.actors import event_actor, resolved_events, without_repeats
from newsgraph.extractors.events.coded import retrospective
from newsgraph.extractors.events.patterns import mark_named_tokens
from newsgraph.extractors.quotes import find_quotes
from newsgraph.extractors.times.article import anchor_of, date_article, date_quotes
from newsgraph.records import Article
from newsgraph.registry import Step
from newsgraph.settings import setting

LAYER = "entity_layer"


def dating(article: Article, doc: Any, state: dict[str, Any]) -> Article:
    """The publication date (inferred from the text when not given) and time expressions."""
    published, times = date_article(article)
    return article.replace(published=published, times=times)


def entities(article: Article, doc: Any, state: dict[str, Any]) -> Article:
    """Names merged within the article and linked to the KB, by the article's date."""
    layer = find_entities(doc, published=anchor_of(article.published))
    state[LAYER] = layer
    return article.replace(entities=layer.entities)


def quotes(article: Article, doc: Any, state: dict[str, Any]) -> Article:
    """Direct and indirect quotes, speakers resolved through the entity layer, dated."""
    found = find_quotes(doc, resolve=state[LAYER].resolve)
    dated = date_quotes(found, doc, article.times, anchor_of(article.published))
    return article.replace(quotes=dated)


def events(article: Article, doc: Any, state: dict[str, Any]) -> Article:
    """PLOVER events with actors from the entity layer and speech acts from the quotes.

    Sides keep only actors that name someone (an entity, a country, an organisation or
    a typed agent); an event is kept only when at least one side is resolved
    (:func:`~newsgraph.extractors.events.actors.is_resolved`) and its confidence reaches
    ``[events] min_confidence`` (:mod:`~newsgraph.extractors.events.confidence`): a fact
    left out beats a wrong one. A re-mention with fewer actors is left out too."""
    layer = state[LAYER]
    mark_named_tokens(doc, layer.name_spans(("PERSON", "ORG", "GPE")))
    found = find_events(
        doc,
        actors=partial(event_actor, layer, quotes=article.quotes),
        times=article.times,
        published=anchor_of(article.published),
        quotes=article.quotes,
        retrospective=retrospective(article.title),
    )
    floor = float(setting("events", "min_confidence"))
    sure = [e for e in resolved_events(found) if e.confidence is None or e.confidence >= floor]
    return article.replace(events=tuple(without_repeats(sure)))


DATING = Step("dating", dating, requires=("article",), provides=("published", "times"))
ENTITIES = Step("entities", entities, requires=("doc", "published"), provides=("entities",))
QUOTES = Step("quotes", quotes, requires=("doc", "entities", "times"), provides=("quotes",))
EVENTS = Step(
    "events", events, requires=("doc", "entities", "quotes", "times"), provides=("events",)
)
