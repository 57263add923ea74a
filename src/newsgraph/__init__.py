"""newsgraph: who said what, who did what to whom, and when, from news articles."""

from newsgraph.api import extract, ingest, open
from newsgraph.records import Article, Duplicate, Rejected
from newsgraph.settings import Settings

__version__ = "0.1.0"
__all__ = ["Article", "Duplicate", "Rejected", "Settings", "extract", "ingest", "open"]
