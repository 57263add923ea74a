"""Helpers shared by the entity-link tests: parse a text into an entity layer and read
the entity a phrase of it resolves to."""

from __future__ import annotations

import re

from newsgraph.extractors.entities.kbview import NO_KB
from newsgraph.extractors.entities.layer import EntityLayer, find_entities


def layer_of(nlp, text: str, kb=None, published: str = "2017-03-01") -> EntityLayer:
    return find_entities(nlp(text), published=published, kb=kb)


def entity_at(layer: EntityLayer, text: str, needle: str, nth: int = 0) -> str | None:
    """The entity the ``nth`` occurrence of ``needle`` in ``text`` resolves to."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    found = layer.resolve(start, start + len(needle))
    return found.entity if found else None


def name_of(layer: EntityLayer, text: str, needle: str) -> str | None:
    """The name of the entity the layer gives the ``needle`` phrase, or None."""
    found = entity_at(layer, text, needle)
    entity = layer.entity(found) if found else None
    return entity.name if entity else None


def local_layer_of(nlp, text: str) -> EntityLayer:
    """The layer with no knowledge base: every person is local to the article."""
    return layer_of(nlp, text, kb=NO_KB)


def word_entity_at(layer: EntityLayer, text: str, needle: str, nth: int = 0) -> str | None:
    """The entity the ``nth`` whole-word occurrence of ``needle`` resolves to ('he', not
    the 'he' of 'the')."""
    start = [m.start() for m in re.finditer(rf"\b{re.escape(needle)}\b", text)][nth]
    found = layer.resolve(start, start + len(needle))
    return found.entity if found else None
