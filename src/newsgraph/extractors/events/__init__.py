"""Who did what to whom: PLOVER events with CAMEO codes, actors, date and place."""

from newsgraph.extractors.events.coder import find_events

__all__ = ["find_events"]
