"""The steps French and Russian articles run (registered in ``pyproject.toml`` under
``newsgraph.steps``, each limited to ``languages=("fr", "ru")``).

English keeps its own steps (``newsgraph.extractors.steps``); these call the
language-aware layers written for French and Russian: time expressions and dating,
entities linked to the same KB actors as in English, quotes with canonical speakers
and PLOVER events.
"""

from __future__ import annotations

from typing import Any

from newsgraph.records import Article
from newsgraph.registry import Step

LAYER = "entity_layer"
LANGS = ("fr", "ru")
STEP_NAMES: dict[str, tuple[str, ...]] = {
    code: ("dating_intl", "entities_intl", "quotes_intl", "events_intl") for code in LANGS
}


def dating(article: Article, doc: Any, state: dict[str, Any]) -> Article:
    from newsgraph.extractors.times.intl import date_article

    published, times = date_article(article)
    return article.replace(published=published, times=times)


def entities(article: Article, doc: Any, state: dict[str, Any]) -> Article:
    from newsgraph.extractors.entities.intl import find_entities
    from newsgraph.extractors.times.article import anchor_of

    layer = find_entities(doc, lang=_code(article), published=anchor_of(article.published))
    state[LAYER] = layer
    return article.replace(entities=layer.entities)


def quotes(article: Article, doc: Any, state: dict[str, Any]) -> Article:
    from newsgraph.extractors.quotes.intl import find_quotes

    found = find_quotes(doc, lang=_code(article), layer=state[LAYER])
    return article.replace(quotes=tuple(found))


def events(article: Article, doc: Any, state: dict[str, Any]) -> Article:
    from newsgraph.extractors.events.intl import find_events
    from newsgraph.extractors.times.article import anchor_of

    found = find_events(
        doc,
        lang=_code(article),
        layer=state[LAYER],
        times=article.times,
        published=anchor_of(article.published),
    )
    return article.replace(events=tuple(found))


def _code(article: Article) -> str:
    return (article.language or "").split("-")[0].split("_")[0].lower()


DATING = Step(
    "dating_intl", dating, requires=("article",), provides=("published", "times"), languages=LANGS
)
ENTITIES = Step(
    "entities_intl",
    entities,
    requires=("doc", "published"),
    provides=("entities",),
    languages=LANGS,
)
QUOTES = Step(
    "quotes_intl",
    quotes,
    requires=("doc", "entities", "times"),
    provides=("quotes",),
    languages=LANGS,
)
EVENTS = Step(
    "events_intl",
    events,
    requires=("doc", "entities", "quotes", "times"),
    provides=("events",),
    languages=LANGS,
)
STEPS = [DATING, ENTITIES, QUOTES, EVENTS]
