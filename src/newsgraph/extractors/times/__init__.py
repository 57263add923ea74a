"""When: TIMEX3 time expressions normalised against an anchor, and publication dating."""

from newsgraph.extractors.times.dating import event_date, infer_publication_date
from newsgraph.extractors.times.finder import find_times

__all__ = ["event_date", "find_times", "infer_publication_date"]
