"""Who said what: direct and indirect quotes with their cue and speaker."""

from newsgraph.extractors.quotes.finder import find_quotes

__all__ = ["find_quotes"]
