"""Who: names, coreference, role phrases and KB links, merged into one layer per article."""

from newsgraph.extractors.entities.layer import EntityLayer, find_entities

__all__ = ["EntityLayer", "find_entities"]
