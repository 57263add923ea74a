"""Helpers shared by the entity-link tests: parse a text into an entity layer and read
the entity a phrase of it resolves to."""

from __future__ import annotations

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
