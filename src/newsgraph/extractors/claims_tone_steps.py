"""The numeric-claim and tone steps, registered through the ``newsgraph.steps`` entry
points in ``pyproject.toml`` like the built-ins of :mod:`newsgraph.extractors.steps`.

``claims`` needs the parse, the entity layer (for whose figure a number is), the
quotes (for who states it) and the time expressions (for when); ``tone`` scores the
article and each quote with the shipped lexicons; it reads no parse but runs after the
quotes (so it is planned among the steps that follow the parse).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsgraph.extractors.claims import find_claims, title_claims
from newsgraph.extractors.steps import LAYER
from newsgraph.extractors.tone import article_tone, quote_tones
from newsgraph.records import Article, Speaker
from newsgraph.registry import Step


def claims(article: Article, doc: Any, state: dict[str, Any]) -> Article:
    """Figures of the headline and the body, subjects resolved through the entity layer."""
    layer = state.get(LAYER)
    language = article.language or "en"
    body = find_claims(
        doc,
        times=article.times,
        quotes=article.quotes,
        resolve=_actors_only(layer) if layer is not None else None,
        outlet=article.outlet,
        language=language,
    )
    head = title_claims(
        article.title, entities=article.entities, outlet=article.outlet, language=language
    )
    return article.replace(claims=head + body)


# whose figure it is: a person, an organisation or a place; a nationality ("Chinese
# businesses", "Russian exports") names no one in particular
SUBJECT_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})


def _actors_only(layer: Any) -> Callable[[int, int], Speaker | None]:
    def resolve(start: int, end: int) -> Speaker | None:
        found = layer.resolve(start, end)
        if found is None or found.entity is None:
            return found
        entity = layer.entity(found.entity)
        return found if entity is None or entity.type in SUBJECT_TYPES else None

    return resolve


def tone(article: Article, doc: Any, state: dict[str, Any]) -> Article:
    """The article's tone (title and body) and each quote's tone."""
    language = article.language or "en"
    text = f"{article.title}\n\n{article.text}" if article.title else article.text
    return article.replace(
        tone=article_tone(text, language), quotes=quote_tones(article.quotes, language)
    )


CLAIMS = Step(
    "claims",
    claims,
    requires=("doc", "entities", "quotes", "times"),
    provides=("claims",),
    languages=("en",),
)
# "doc" only to come after the quotes: steps without it are planned before the parse
TONE = Step("tone", tone, requires=("doc", "quotes"), provides=("tone",), languages=("en",))
